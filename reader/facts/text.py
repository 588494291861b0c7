"""The wording facts read from a sentence: in a synonym-spun copy, the swapped words put back.

A spun copy says "Amazon volition wage $25 cardinal" where its source said "Amazon will pay
$25 million"; compared as written it shares few words with the outlets that tell the same
story, and its amounts cannot be read. `reader.provenance.spin` names each swapped word and its likely
original, so a spun article's sentences are read with the originals restored. Only what
facts compare changes: every offset still points into the real text, so members and
discrepancy spans show what the article actually says.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from collections.abc import Sequence

from reader.articles.model import Article
from reader.facts.quantities import Quantity
from reader.provenance.spin import SpinReport, spin_report

Restoration = tuple[int, int, str]  # (start, end) in Article.text, and the original wording


def restorations(article: Article, report: SpinReport | None = None) -> list[Restoration]:
    """The swaps to undo: none unless the article as a whole reads as spun, since a lone
    "cardinal" in real prose is a cardinal. `report` is the article's spin report when the
    provenance step already has it (with a source in the corpus, its originals are the
    source's own words); without one it is worked out here."""
    report = report or spin_report(article)
    if not report.spun:
        return []
    return [(item.start, item.end, item.original) for item in report.substitutions if item.original]


class RestoredSentence:
    """One sentence with its swaps undone, and the way back from restored to real offsets."""

    __slots__ = ("text", "_restored_starts", "_real_starts", "_restored_ends", "_real_ends")

    def __init__(self, real: str, start: int, swaps: Sequence[Restoration]) -> None:
        pieces: list[str] = []
        self._restored_starts: list[int] = []
        self._real_starts: list[int] = []
        self._restored_ends: list[int] = []
        self._real_ends: list[int] = []
        length = 0
        position = 0
        for swap_start, swap_end, original in swaps:
            swap_start -= start
            swap_end -= start
            pieces.append(real[position:swap_start])
            length += swap_start - position
            self._restored_starts.append(length)
            self._real_starts.append(swap_start)
            pieces.append(original)
            length += len(original)
            self._restored_ends.append(length)
            self._real_ends.append(swap_end)
            position = swap_end
        pieces.append(real[position:])
        self.text = "".join(pieces)

    def real_offset(self, offset: int, is_end: bool = False) -> int:
        """Where a restored offset lies in the real sentence; inside a swap, its edge."""
        index = bisect_right(self._restored_starts, offset) - 1
        if index < 0:
            return offset
        if offset >= self._restored_ends[index]:
            return self._real_ends[index] + offset - self._restored_ends[index]
        if offset == self._restored_starts[index] or not is_end:
            return self._real_starts[index]
        return self._real_ends[index]

    def real_quantity(self, quantity: Quantity, real: str) -> Quantity:
        """A quantity read from the restored words, placed on the real words that state it."""
        start = self.real_offset(quantity.start)
        end = self.real_offset(quantity.end, is_end=True)
        return replace(quantity, start=start, end=end, text=real[start:end])


def restored_sentence(text: str, start: int, end: int, swaps: Sequence[Restoration]) -> RestoredSentence:
    """The sentence `text[start:end]` with the swaps that lie wholly inside it undone."""
    inside = [swap for swap in swaps if start <= swap[0] and swap[1] <= end]
    return RestoredSentence(text[start:end], start, inside)
