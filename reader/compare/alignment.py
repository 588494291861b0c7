"""Sequence alignment for comparisons: diff-match-patch over any sequence of keys, and
pairing of unequal paragraphs or sentences by shared words.

diff-match-patch diffs characters. Like its `diff_linesToChars`, `diff_keys` maps each
distinct key (a token, a sentence, a paragraph) to one private-use character, diffs those
strings and maps back, so whole units are the atoms and a word is never split.
"""
from __future__ import annotations

import time
from bisect import bisect_left
from typing import Hashable, Iterator, Sequence

from diff_match_patch import diff_match_patch

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

_OPS = {diff_match_patch.DIFF_EQUAL: EQUAL, diff_match_patch.DIFF_DELETE: DELETE,
        diff_match_patch.DIFF_INSERT: INSERT}

_PRIVATE_USE = [(0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)]
"""Code points keys are mapped to: outside letters, digits and whitespace, so diff-match-patch's
clean-up heuristics never treat a mapped unit as a word boundary."""

PAIR_SIMILARITY = 0.3
"""Smallest Dice coefficient of content words two passages must have in common to be shown as an edit of one
another; below it they are a deletion and an insertion (a word diff would be noise)."""


DIRECT_PAIRS = 100
"""Up to this many pairs, word sets are intersected directly rather than through an index."""


class KeySpaceExhausted(ValueError):
    """More distinct units than private-use characters exist (over 137,000)."""


def _code_point(index: int) -> str:
    for first, last in _PRIVATE_USE:
        if index <= last - first:
            return chr(first + index)
        index -= last - first + 1
    raise KeySpaceExhausted("too many distinct words to compare in one passage")


WORD_EDIT_COST = 3
"""Tokens (words, spaces, punctuation) a shared run needs to survive between two edits."""


def diff_keys(a_keys: Sequence[Hashable], b_keys: Sequence[Hashable], timeout: float,
              cleanup: bool = True) -> tuple[list[tuple[str, int]], bool]:
    """Runs of (op, unit count) turning `a_keys` into `b_keys`, and whether the time limit hit.

    When diff-match-patch runs out of `timeout` seconds it silently returns a coarse
    answer; the flag lets the caller say so instead of passing it off as the real diff.
    The cleanup folds only trivial shared runs (under WORD_EDIT_COST tokens, e.g. a lone space
    or "a") into the edits around them. Semantic cleanup would also fold "agreed to pay" or
    "$25" between two outlets' different wordings, which is exactly what a researcher
    comparing them needs to see.
    """
    codes: dict[Hashable, str] = {}

    def encode(keys: Sequence[Hashable]) -> str:
        chars = []
        for key in keys:
            char = codes.get(key)
            if char is None:
                char = codes[key] = _code_point(len(codes))
            chars.append(char)
        return "".join(chars)

    if not set(a_keys) & set(b_keys):
        return [(op, len(keys)) for op, keys in ((DELETE, a_keys), (INSERT, b_keys)) if keys], False
    a_chars, b_chars = encode(a_keys), encode(b_keys)
    engine = diff_match_patch()
    engine.Diff_Timeout = max(timeout, 0.001)
    started = time.monotonic()
    diffs = engine.diff_main(a_chars, b_chars, False)
    timed_out = time.monotonic() - started >= engine.Diff_Timeout
    if cleanup:
        engine.Diff_EditCost = WORD_EDIT_COST
        engine.diff_cleanupEfficiency(diffs)
    return [(_OPS[op], len(chars)) for op, chars in diffs if chars], timed_out


def _similar_rows(a_words: Sequence[frozenset[str]], b_words: Sequence[frozenset[str]]) -> Iterator[dict[int, float]]:
    """For each unit of a, the units of b (1-based) with a Dice coefficient of at least PAIR_SIMILARITY.

    Few units: intersect the word sets directly. Many: count shared words for all units of the
    shorter side at once, as fields of one big integer, so a unit of the longer side costs one
    addition per word rather than Python work per pair (paraphrased stories share words in
    most pairs). Packing the shorter side keeps the integers small: at most the square root
    of the table's cells.
    """
    if len(a_words) * len(b_words) <= DIRECT_PAIRS:
        for a_set in a_words:
            row = {}
            for j, b_set in enumerate(b_words, start=1):
                if a_set or b_set:
                    value = 2 * len(a_set & b_set) / (len(a_set) + len(b_set))
                    if value >= PAIR_SIMILARITY:
                        row[j] = value
            yield row
    elif len(b_words) <= len(a_words):
        yield from _counted_rows(a_words, b_words)
    else:
        rows: list[dict[int, float]] = [{} for _ in a_words]
        for j, column in enumerate(_counted_rows(b_words, a_words), start=1):
            for i, value in column.items():
                rows[i - 1][j] = value
        yield from rows


def _counted_rows(a_words: Sequence[frozenset[str]], b_words: Sequence[frozenset[str]]) -> Iterator[dict[int, float]]:
    """`_similar_rows` for many units, with the shared-word counts packed into integers
    (b should be the shorter side: each integer has a field per unit of b).

    Unit j of b owns bits [j * width, (j + 1) * width) of every integer. A word's mask has a 1
    in the field of each unit holding it, so the sum of the masks of a unit's words holds, in
    each field, how many words it shares with that unit. The Dice test 2c / (|a| + |b|) >= 0.3
    needs 20c - 3|b| >= 3|a| (less one for rounding); the left side is computed in every field
    at once, offset to stay positive, and compared with the right side by borrowing from each
    field's top bit. Only fields that pass are read out and tested exactly as in the direct way.
    """
    b_sizes = [len(words) for words in b_words]
    offset = 3 * max(b_sizes) + 1
    largest = max(23 * max(b_sizes) + 1, 3 * max(map(len, a_words)) + offset)
    width = largest.bit_length() + 1
    masks: dict[str, int] = {}
    for j, words in enumerate(b_words):
        bit = 1 << (j * width)
        for word in words:
            masks[word] = masks.get(word, 0) | bit
    ones = sum(1 << (j * width) for j in range(len(b_words)))
    tops = ones << (width - 1)
    offsets = sum((offset - 3 * size) << (j * width) for j, size in enumerate(b_sizes))
    field = (1 << width) - 1
    for a_set in a_words:
        counts = sum(masks.get(word, 0) for word in a_set)
        passed = (((20 * counts + offsets) | tops) - (3 * len(a_set) + offset - 1) * ones) & tops
        row = {}
        while passed:
            top = passed.bit_length() - 1
            passed ^= 1 << top
            j = top // width
            count = (counts >> (j * width)) & field
            if count:
                value = 2 * count / (len(a_set) + b_sizes[j])
                if value >= PAIR_SIMILARITY:
                    row[j + 1] = value
        yield row


def pair_units(a_words: Sequence[frozenset[str]], b_words: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """The in-order pairs (i, j) of similar units that share the most words overall.

    A monotone alignment (no crossings), because the view shows the two texts side by side
    in reading order; passages that moved are found separately. Each row of the table is
    non-decreasing, so a similar pair raises the run of cells after it that it beats, found
    by bisection: cells of dissimilar pairs cost no Python work.
    """
    cols = len(b_words)
    rows = [[0.0] * (cols + 1)]
    for similar in _similar_rows(a_words, b_words):
        above = rows[-1]
        row = above[:]
        for j in sorted(similar):
            value = above[j - 1] + similar[j]
            end = bisect_left(row, value, j)
            row[j:end] = [value] * (end - j)
        rows.append(row)
    pairs: list[tuple[int, int]] = []
    i, j = len(a_words), cols
    while i and j:
        if rows[i][j] == rows[i - 1][j]:
            i -= 1
        elif rows[i][j] == rows[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    pairs.reverse()
    return pairs
