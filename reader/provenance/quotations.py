"""Quotations reworded: one statement printed word for word by several outlets and, in one
article, with words swapped at the same places.

Editors trim a quotation but never put other words in a speaker's mouth; a spinner swaps words
inside quotation marks as everywhere else, whatever thesaurus it uses. So a word of a quotation
is evidence of spinning when at least MIN_AGREEING other articles print one other word at that
place of the same quotation, and more articles than print it as this one does (the majority
print is the original); an article is spun when MIN_REWORDED different words are such evidence.
"""
from __future__ import annotations

import difflib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

MIN_QUOTATION = 6
"""Quotations shorter than this many words are phrases, too short to tell a rewording apart."""
SAME_QUOTATION = 0.5
"""Share of the shorter quotation's words that must line up identically for two to be one statement."""
MAX_SWAP_RUN = 2
"""A spinner swaps words one for one; longer runs of differing words are a different sentence."""
MIN_AGREEING = 2
"""Other articles that must print the same other word at the place: with one, either could have changed it."""
MIN_REWORDED = 3
"""Different reworded words an article needs to be taken as spun: one or two are house style
("bn" for "billion", "organisations")."""
SHARED_GRAMS = 2
"""Word 3-grams two quotations must share before they are aligned (a cheap test before difflib)."""


@dataclass(frozen=True)
class Quotation:
    """A quoted run of an article's words: where it starts (word index) and its word ids."""

    start: int
    words: tuple[int, ...]


def quotations(raw: Sequence[int], quoted: bytearray) -> list[Quotation]:
    """The article's quoted runs of at least MIN_QUOTATION words."""
    found: list[Quotation] = []
    start = None
    for position, flag in enumerate([*quoted, 0]):
        if flag and start is None:
            start = position
        elif not flag and start is not None:
            if position - start >= MIN_QUOTATION:
                found.append(Quotation(start, tuple(raw[start:position])))
            start = None
    return found


def _grams(words: Sequence[int]) -> set[tuple[int, ...]]:
    return set(zip(words, words[1:], words[2:]))


def quotation_grams(found: list[Quotation]) -> set[tuple[int, ...]]:
    """All word 3-grams of an article's quotations, to skip pairs that share no quotation."""
    grams: set[tuple[int, ...]] = set()
    for item in found:
        grams |= _grams(item.words)
    return grams


def aligned_words(left: list[Quotation], right: list[Quotation]) -> list[tuple[int, int]]:
    """Word positions (in each article) that line up one for one, same or swapped, where two
    prints of one quotation meet."""
    aligned: list[tuple[int, int]] = []
    for one in left:
        one_grams = _grams(one.words)
        for other in right:
            if len(one_grams & _grams(other.words)) < SHARED_GRAMS:
                continue
            matcher = difflib.SequenceMatcher(None, one.words, other.words, autojunk=False)
            opcodes = matcher.get_opcodes()
            same = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
            if same < SAME_QUOTATION * min(len(one.words), len(other.words)):
                continue
            for tag, i1, i2, j1, j2 in opcodes:
                if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1 <= MAX_SWAP_RUN):
                    aligned.extend((one.start + i, other.start + j) for i, j in zip(range(i1, i2), range(j1, j2)))
    return aligned


@dataclass(frozen=True)
class Reworded:
    """A word of an article's quotation that other articles, agreeing, print otherwise."""

    position: int
    original_article: int
    original_position: int


class RewordedQuotations:
    """The words other articles print at each place of each article's quotations."""

    def __init__(self) -> None:
        self._others: dict[tuple[int, int], dict[int, list[tuple[int, int]]]] = {}

    def add(self, left: int, right: int, left_words: array, right_words: array,
            aligned: list[tuple[int, int]]) -> None:
        """Record the aligned words of articles `left` and `right` (indices into the corpus)."""
        for i, j in aligned:
            self._others.setdefault((left, i), {}).setdefault(right_words[j], []).append((right, j))
            self._others.setdefault((right, j), {}).setdefault(left_words[i], []).append((left, i))

    def reworded(self, words: list[array]) -> dict[int, list[Reworded]]:
        """Per article (its word ids in `words`), the words that more articles, and at least
        MIN_AGREEING, print otherwise than print as it does, when at least MIN_REWORDED different
        words are."""
        found: dict[int, dict[tuple[int, int], Reworded]] = {}
        for (article, position), versions in self._others.items():
            own = words[article][position]
            backing = len({place[0] for place in versions.get(own, ())})
            for word, places in versions.items():
                against = len({place[0] for place in places})
                if word != own and against >= MIN_AGREEING and against > backing:
                    found.setdefault(article, {}).setdefault((own, word), Reworded(position, *places[0]))
        return {article: sorted(items.values(), key=lambda item: item.position)
                for article, items in found.items() if len(items) >= MIN_REWORDED}
