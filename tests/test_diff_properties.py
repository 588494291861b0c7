"""Property tests: for any two texts and any options the ops rebuild both and split no word."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.diff import compare_texts
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
