"""Property tests: for any two texts and any options the ops rebuild both and split no word."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.compare.alignment import PAIR_SIMILARITY, _similar_rows, pair_units
from reader.compare.diff import compare_texts
from reader.tokens import CompareOptions, tokenize

PIECES = ["Amazon", "amazon", "FTC", "will", "pay", "$25", "25", "5.8", "1,200", "million", "cardinal",
          "don't", "\u201cquote\u201d", '"quote"', "\u2019", "'", ",", ".", "-", " ", "  ", "\n", "\n\n",
          "\t", "é", "Ring"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=80)
options = st.builds(CompareOptions, st.booleans(), st.booleans(), st.booleans(), st.booleans())


@settings(max_examples=300, deadline=None)
@given(texts, texts, options)
def test_ops_rebuild_both_texts_on_token_boundaries(a, b, chosen):
    comparison = compare_texts(a, b, chosen)
    ops = comparison.ops()
    assert "".join(text for op, text in ops if op != "insert") == a
    assert "".join(text for op, text in ops if op != "delete") == b
    assert all(text for _, text in ops)
    for text, side in ((a, "a"), (b, "b")):
        bounds = {start for start, _ in tokenize(text)} | {len(text)}
        for segment in comparison.segments:
            assert {getattr(segment, side)[0], getattr(segment, side)[1]} <= bounds


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join))
def test_tokens_tile_the_text(text):
    spans = tokenize(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e > s for s, e in spans)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES[:12] + [" ", "\n\n"]), max_size=400).map("".join),
       st.lists(st.sampled_from(PIECES[:12] + [" ", "\n\n"]), max_size=400).map("".join))
def test_long_texts_take_the_paragraph_route_and_still_rebuild(a, b):
    comparison = compare_texts(a, b)
    ops = comparison.ops()
    assert "".join(text for op, text in ops if op != "insert") == a
    assert "".join(text for op, text in ops if op != "delete") == b


word_sets = st.lists(st.frozensets(st.sampled_from([f"w{i}" for i in range(30)]), max_size=12), max_size=40)


def _dice_rows(a_words, b_words):
    """The similar pairs by the plain definition: every pair's Dice coefficient."""
    return [{j: 2 * len(a & b) / (len(a) + len(b)) for j, b in enumerate(b_words, start=1)
             if (a or b) and 2 * len(a & b) / (len(a) + len(b)) >= PAIR_SIMILARITY} for a in a_words]


def _best_pairs(a_words, b_words):
    """The pairing as an exhaustive table of every cell, the textbook way."""
    rows = _dice_rows(a_words, b_words)
    table = [[0.0] * (len(b_words) + 1) for _ in range(len(a_words) + 1)]
    for i in range(1, len(a_words) + 1):
        for j in range(1, len(b_words) + 1):
            diagonal = table[i - 1][j - 1] + rows[i - 1][j] if j in rows[i - 1] else 0.0
            table[i][j] = max(table[i - 1][j], table[i][j - 1], diagonal)
    pairs, i, j = [], len(a_words), len(b_words)
    while i and j:
        if table[i][j] == table[i - 1][j]:
            i -= 1
        elif table[i][j] == table[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


@settings(max_examples=300, deadline=None)
@given(word_sets, word_sets)
def test_packed_pairing_finds_the_same_pairs_as_every_cell_of_the_table(a_words, b_words):
    assert list(_similar_rows(a_words, b_words)) == _dice_rows(a_words, b_words)
    assert pair_units(a_words, b_words) == _best_pairs(a_words, b_words)
