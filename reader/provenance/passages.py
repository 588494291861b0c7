"""Passages two articles share word for word: the evidence a researcher cites for a copy.

Seed and extend, as passim does: every run of SEED words of one article that occurs in the
other seeds a passage, which is extended word by word in both directions while the words
agree. Reordered paragraphs and excerpts are found as well as whole copies, because each
passage is aligned on its own rather than as one sequence.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SEED = 5
"""Words a shared run needs before it counts as a passage (shorter runs are common phrases)."""
MIN_PASSAGE = 8
"""Passages shorter than this many words are stock phrases, not copying."""


@dataclass(frozen=True)
class Passage:
    """A run of words found in both articles: word positions [start, end) in each."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int

    @property
    def words(self) -> int:
        return self.a_end - self.a_start


@dataclass(frozen=True)
class CitedPassage:
    """A shared passage as character spans of both articles' texts, for citing and highlighting."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int

    def as_json(self) -> dict[str, Any]:
        return {"a": [self.a_start, self.a_end], "b": [self.b_start, self.b_end], "words": self.words}


def _seeds(ids: Sequence[int]) -> dict[tuple[int, ...], list[int]]:
    table: dict[tuple[int, ...], list[int]] = {}
    for position, gram in enumerate(zip(*(ids[offset:] for offset in range(SEED)))):
        table.setdefault(gram, []).append(position)
    return table


def shared_passages(a: Sequence[int], b: Sequence[int]) -> list[Passage]:
    """Maximal runs of identical words in `a` and `b`, each position of `b` in at most one passage.

    Each run of `b` takes the longest extension among the places `a` has its first words, so a
    paragraph repeated in `a` is matched where it continues furthest.
    """
    seeds = _seeds(a)
    passages: list[Passage] = []
    position, limit = 0, len(b) - SEED + 1
    while position < limit:
        starts = seeds.get(tuple(b[position:position + SEED]))
        if not starts:
            position += 1
            continue
        best_start, best_length = starts[0], 0
        for start in starts:
            length = SEED
            while start + length < len(a) and position + length < len(b) and a[start + length] == b[position + length]:
                length += 1
            if length > best_length:
                best_start, best_length = start, length
        if best_length >= MIN_PASSAGE:
            passages.append(Passage(best_start, best_start + best_length, position, position + best_length))
            position += best_length
        else:
            position += 1
    return passages


def _inside(passages: list[Passage], side: str, length: int) -> bytearray:
    """1 for each word of one article ("a" or "b" side) inside a passage."""
    inside = bytearray(length)
    for p in passages:
        start, end = (p.a_start, p.a_end) if side == "a" else (p.b_start, p.b_end)
        inside[start:end] = b"\x01" * (end - start)
    return inside


def _share(inside: bytearray, uncounted: bytearray) -> tuple[float, int]:
    counted = len(uncounted) - sum(uncounted)
    copied = sum(1 for flag, skip in zip(inside, uncounted) if flag and not skip)
    return (copied / counted if counted else 0.0), copied


def copied_share(passages: list[Passage], side: str, uncounted: bytearray) -> tuple[float, int]:
    """Share and number of one article's counted words ("a" or "b" side) inside the passages;
    `uncounted` flags the words that never count (quoted, stock text)."""
    return _share(_inside(passages, side, len(uncounted)), uncounted)


def covered_share(passages: list[Passage], side: str, uncounted: bytearray) -> float:
    """Share of one article's counted words inside the passages, within the stretch from its first
    to its last passage: the part of the story two excerpts both cover, when each was cut from a
    different part of it (a whole-text share would dilute the copying with what only one holds)."""
    if not passages:
        return 0.0
    starts = [p.a_start if side == "a" else p.b_start for p in passages]
    ends = [p.a_end if side == "a" else p.b_end for p in passages]
    first, last = min(starts), max(ends)
    inside = _inside(passages, side, len(uncounted))
    return _share(inside[first:last], uncounted[first:last])[0]
