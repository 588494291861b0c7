"""Sequence alignment for comparisons: diff-match-patch over any sequence of keys, and
pairing of unequal paragraphs or sentences by shared words.

diff-match-patch diffs characters. Like its `diff_linesToChars`, `diff_keys` maps each
distinct key (a token, a sentence, a paragraph) to one private-use character, diffs those
strings and maps back, so whole units are the atoms and a word is never split.
"""
from __future__ import annotations

import time
from typing import Hashable, Sequence

from diff_match_patch import diff_match_patch

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

_OPS = {diff_match_patch.DIFF_EQUAL: EQUAL, diff_match_patch.DIFF_DELETE: DELETE,
        diff_match_patch.DIFF_INSERT: INSERT}

_PRIVATE_USE = [(0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)]
"""Code points keys are mapped to: outside letters, digits and whitespace, so the semantic
clean-up's character-class heuristics never treat a mapped unit as a word boundary."""

PAIR_SIMILARITY = 0.3
"""Smallest share of words two passages must have in common to be shown as an edit of one
another; below it they are a deletion and an insertion (a word diff would be noise)."""


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

    a_chars, b_chars = encode(a_keys), encode(b_keys)
    engine = diff_match_patch()
    engine.Diff_Timeout = max(timeout, 0.001)
    started = time.monotonic()
    diffs = engine.diff_main(a_chars, b_chars, False)
    timed_out = time.monotonic() - started >= engine.Diff_Timeout
    if semantic:
        engine.diff_cleanupSemantic(diffs)
    return [(_OPS[op], len(chars)) for op, chars in diffs if chars], timed_out


def similarity(a_words: frozenset[str], b_words: frozenset[str]) -> float:
    """Dice coefficient of two passages' word sets."""
    if not a_words or not b_words:
        return 0.0
    return 2 * len(a_words & b_words) / (len(a_words) + len(b_words))


def pair_units(a_words: Sequence[frozenset[str]], b_words: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """The in-order pairs (i, j) of similar units that share the most words overall.

    A monotone alignment (no crossings), because the view shows the two texts side by side
    in reading order; passages that moved are found separately.
    """
    rows, cols = len(a_words), len(b_words)
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        above, here, a_set = score[i - 1], score[i], a_words[i - 1]
        for j in range(1, cols + 1):
            best = above[j] if above[j] >= here[j - 1] else here[j - 1]
            value = similarity(a_set, b_words[j - 1])
            if value >= PAIR_SIMILARITY and above[j - 1] + value > best:
                best = above[j - 1] + value
            here[j] = best
    pairs: list[tuple[int, int]] = []
    i, j = rows, cols
    while i and j:
        if score[i][j] == score[i - 1][j]:
            i -= 1
        elif score[i][j] == score[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    pairs.reverse()
    return pairs
