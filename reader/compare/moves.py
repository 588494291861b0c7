"""Moved passages: text deleted in one place and inserted, unchanged, in another.

A side-by-side diff shows a moved paragraph or sentence as a deletion plus an unrelated
insertion; a researcher needs to know the outlet only reordered it. Deleted and inserted
pieces (and the sentences inside them) are matched by their normalised text.
"""
from __future__ import annotations

import bisect
import itertools
import string
from dataclasses import dataclass
from typing import Any

from reader.articles.model import Span
from reader.tokens import CompareOptions, normalize

MIN_MOVED_WORDS = 4
"""Shorter passages ("the company said") recur by chance and are not reported as moved."""
_EDGES = string.whitespace + string.punctuation + "“”‘’…—–\u00a0"
"""Where a diff puts the boundary of a moved sentence, its full stop or paragraph break can
fall on either side; pieces are matched and reported without them."""


@dataclass(frozen=True)
class Move:
    """A passage at `a` in the first text that appears at `b` in the second."""

    a: Span
    b: Span

    def as_json(self) -> dict[str, Any]:
        return {"a": list(self.a), "b": list(self.b)}


def _candidates(text: str, pieces: list[Span], sentences: list[Span],
                options: CompareOptions) -> list[tuple[str, Span]]:
    """Each piece and every whole sentence inside it, keyed by normalised text."""
    found: list[tuple[str, Span]] = []
    for piece in pieces:
        first = bisect.bisect_left(sentences, (piece[0], piece[0]))
        inside = []
        for sentence in itertools.islice(sentences, first, None):
            if sentence[1] > piece[1]:
                break
            inside.append(sentence)
        spans = [piece, *inside] if len(inside) != 1 else [piece]
        for span in spans:
            words = normalize(text[span[0]:span[1]], options).strip(_EDGES).split()
            if len(words) >= MIN_MOVED_WORDS:
                found.append((" ".join(words), _trimmed(text, span)))
    return found


def _trimmed(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in _EDGES:
        start += 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1
    return start, end


def _overlaps(span: Span, taken: list[Span]) -> bool:
    """Whether `span` overlaps any of the sorted, disjoint spans in `taken`."""
    index = bisect.bisect_left(taken, span)
    return (index < len(taken) and taken[index][0] < span[1]) or (index > 0 and taken[index - 1][1] > span[0])


def find_moves(a_text: str, deleted: list[Span], a_sentences: list[Span],
               b_text: str, inserted: list[Span], b_sentences: list[Span],
               options: CompareOptions) -> list[Move]:
    """Pairs of a deleted span of `a_text` and an inserted span of `b_text` with the same words.

    Candidates are the deleted and inserted pieces themselves and the whole sentences
    (from each text's sentence spans) inside them.
    """
    inserted_by_key: dict[str, list[Span]] = {}
    for key, span in _candidates(b_text, inserted, b_sentences, options):
        inserted_by_key.setdefault(key, []).append(span)
    moves: list[Move] = []
    taken_a: list[Span] = []
    taken_b: list[Span] = []
    for key, a_span in _candidates(a_text, deleted, a_sentences, options):
        if _overlaps(a_span, taken_a):
            continue
        for b_span in inserted_by_key.get(key, []):
            if not _overlaps(b_span, taken_b):
                moves.append(Move(a_span, b_span))
                bisect.insort(taken_a, a_span)
                bisect.insort(taken_b, b_span)
                break
    return moves
