"""Sequence alignment for comparisons: diff-match-patch over any sequence of keys, and
pairing of unequal paragraphs or sentences by shared words.

diff-match-patch diffs characters. Like its `diff_linesToChars`, `diff_keys` maps each
distinct key (a token, a sentence, a paragraph) to one private-use character, diffs those
strings and maps back, so whole units are the atoms and a word is never split.
"""
from __future__ import annotations

import time
from collections import Counter
from itertools import accumulate, chain
from typing import Hashable, Iterator, Sequence

from diff_match_patch import diff_match_patch

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

_OPS = {diff_match_patch.DIFF_EQUAL: EQUAL, diff_match_patch.DIFF_DELETE: DELETE,
        diff_match_patch.DIFF_INSERT: INSERT}

_PRIVATE_USE = [(0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)]
"""Code points keys are mapped to: outside letters, digits and whitespace, so the semantic
clean-up's character-class heuristics never treat a mapped unit as a word boundary."""

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


def diff_keys(a_keys: Sequence[Hashable], b_keys: Sequence[Hashable], timeout: float,
              semantic: bool = True) -> tuple[list[tuple[str, int]], bool]:
    """Runs of (op, unit count) turning `a_keys` into `b_keys`, and whether the time limit hit.

    When diff-match-patch runs out of `timeout` seconds it silently returns a coarse
    answer; the flag lets the caller say so instead of passing it off as the real diff.
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
    if semantic:
        engine.diff_cleanupSemantic(diffs)
    return [(_OPS[op], len(chars)) for op, chars in diffs if chars], timed_out


def _similar_rows(a_words: Sequence[frozenset[str]], b_words: Sequence[frozenset[str]]) -> Iterator[dict[int, float]]:
    """For each unit of a, the units of b (1-based) with a Dice coefficient of at least PAIR_SIMILARITY.

    Few units: intersect the word sets directly. Many: count shared words through an index of
    which units hold each word, so pairs without enough words in common cost nothing.
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
        return
    postings: dict[str, list[int]] = {}
    for j, words in enumerate(b_words, start=1):
        for word in words:
            postings.setdefault(word, []).append(j)
    b_sizes = [0, *(len(words) for words in b_words)]
    smallest = min(b_sizes[1:])
    for a_set in a_words:
        shared = Counter(chain.from_iterable(postings.get(word, ()) for word in a_set))
        needed = PAIR_SIMILARITY * (len(a_set) + smallest) / 2
        row = {}
        for j, count in shared.items():
            if count >= needed:
                value = 2 * count / (len(a_set) + b_sizes[j])
                if value >= PAIR_SIMILARITY:
                    row[j] = value
        yield row


def pair_units(a_words: Sequence[frozenset[str]], b_words: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """The in-order pairs (i, j) of similar units that share the most words overall.

    A monotone alignment (no crossings), because the view shows the two texts side by side
    in reading order; passages that moved are found separately. Each row of the table is a
    running maximum, so cells of dissimilar pairs cost no Python work.
    """
    cols = len(b_words)
    rows = [[0.0] * (cols + 1)]
    for similar in _similar_rows(a_words, b_words):
        above = rows[-1]
        diagonal = [0.0] * (cols + 1)
        for j, value in similar.items():
            diagonal[j] = above[j - 1] + value
        rows.append(list(accumulate(map(max, above, diagonal), max)))
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
