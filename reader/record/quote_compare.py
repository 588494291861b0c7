"""One quotation as each outlet printed it: grouped, word-diffed, misquotes and misattributions flagged.

Quotes from different articles are one quotation when most words of the shorter are found, in
order, in the longer (a partial quote is still the same quotation). Each group's wordings are
compared word by word with the most common wording, disregarding punctuation, quote style and
case, so only changed words remain: a word changed, added or dropped inside the quotation marks
is a misquote. Words left off at either end are a shorter quote, words replaced by an ellipsis
an elision, and a differing end past a quotation mark a quote span that ran on into another
quotation: none is flagged. A quotation given to different speakers or parties by
different outlets is flagged as a misattribution.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Sequence

from reader.articles.model import Article
from reader.collector import collector_paused
from reader.compare.diff import Change, Comparison, Segment, compare_articles
from reader.export.citation import cite
from reader.quotes.organisations import is_person_party
from reader.quotes.speaker_words import name_words
from reader.tokens import WORD_PATTERN, CompareOptions

MIN_QUOTE_WORDS = 5
"""Shorter quotations ("unfair", "a big step") recur by chance and are not grouped."""
SAME_QUOTATION = 0.6
"""Share of the shorter quote's words found in order in the longer for both to be one quotation."""
SHINGLE_WORDS = 3
"""Quotes sharing a run of this many words are candidates; only candidates are measured."""
COMMON_SHINGLE = 200
"""A run of words in more quotes than this is a stock phrase and proposes no candidates."""
MISQUOTE_OPTIONS = CompareOptions(ignore_case=True, ignore_punctuation=True, ignore_quote_style=True)
"""What a faithful quotation may change: punctuation, the style of its quotation marks, case."""

_QUOTE_MARK = re.compile(r"[\"“”„«»]")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.|\[\s*\]")


@dataclass(frozen=True)
class Printed:
    """One outlet's printing of a quotation: the article and the quote found in it."""

    article: Article
    quote: Any

    @cached_property
    def words(self) -> list[str]:
        return [word.casefold().replace("’", "'") for word in WORD_PATTERN.findall(self.quote.text)]

    @property
    def citation(self) -> str:
        return cite(self.article, self.quote.start, self.quote.end)

    def as_json(self) -> dict[str, Any]:
        return {"article": self.article.id, "outlet": self.article.display_label, "start": self.quote.start,
                "end": self.quote.end, "text": self.quote.text, "speaker": self.quote.speaker_name,
                "party": self.quote.entity, "citation": self.citation}


@dataclass(frozen=True)
class Misquote:
    """Words that differ between two printings of one quotation, with both wordings."""

    reference: Printed
    other: Printed
    comparison: Comparison
    changes: tuple[Change, ...]

    def wordings(self) -> list[tuple[str, str]]:
        """(reference's words, other's words) at each changed place."""
        a, b = self.reference.article.text, self.other.article.text
        return [(" ".join(a[c.a[0]:c.a[1]].split()), " ".join(b[c.b[0]:c.b[1]].split())) for c in self.changes]

    def as_json(self) -> dict[str, Any]:
        return {"reference": self.reference.as_json(), "other": self.other.as_json(),
                "changes": [{"reference": a, "other": b} for a, b in self.wordings()],
                "diff": [list(op) for op in self.comparison.ops()]}


@dataclass(frozen=True)
class Misattribution:
    """The same quotation given to different speakers or parties by different outlets."""

    kind: str
    printings: tuple[Printed, ...]

    def credits(self) -> list[str]:
        """Each outlet's credit as a reader names it: the speaker and the party's name, not its id."""
        return [f"{item.article.display_label}: {item.quote.speaker_name or '-'} "
                f"({item.quote.party_name or item.quote.entity or 'no party'})" for item in self.printings]

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "printings": [item.as_json() for item in self.printings]}


@dataclass
class QuotationGroup:
    """Every printing of one quotation, its reference wording, and what is wrong with the rest."""

    id: str
    printings: list[Printed]
    reference: Printed
    misquotes: list[Misquote] = field(default_factory=list)
    misattributions: list[Misattribution] = field(default_factory=list)

    @property
    def speaker(self) -> str | None:
        names = Counter(item.quote.speaker_name for item in self.printings if item.quote.speaker_name)
        return max(names, key=lambda name: (names[name], len(name))) if names else None

    @property
    def flagged(self) -> bool:
        return bool(self.misquotes or self.misattributions)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "reference": self.reference.as_json(),
                "printings": [item.as_json() for item in self.printings],
                "misquotes": [item.as_json() for item in self.misquotes],
                "misattributions": [item.as_json() for item in self.misattributions]}


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def same_quotation(first: list[str], second: list[str]) -> bool:
    shorter, longer = sorted((first, second), key=len)
    blocks = difflib.SequenceMatcher(None, shorter, longer, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) >= SAME_QUOTATION * len(shorter)


def _groups(printed: list[Printed]) -> list[list[int]]:
    """Indexes of `printed` joined into quotations (quotes of one article join only through others)."""
    words = [item.words for item in printed]
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, own in enumerate(words):
        for shingle in _shingles(own):
            holders[shingle].append(index)
    parent = list(range(len(printed)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    measured: set[tuple[int, int]] = set()
    for members in holders.values():
        if len(members) > COMMON_SHINGLE:
            continue
        for position, i in enumerate(members):
            for j in members[position + 1:]:
                if (i, j) in measured or printed[i].article.id == printed[j].article.id:
                    continue
                measured.add((i, j))
                if root(i) != root(j) and same_quotation(words[i], words[j]):
                    parent[root(i)] = root(j)
    joined: dict[int, list[int]] = defaultdict(list)
    for index in range(len(printed)):
        joined[root(index)].append(index)
    return [members for members in joined.values() if len({printed[i].article.id for i in members}) > 1]


def _reference(printings: list[Printed]) -> Printed:
    """The wording most outlets printed; among equals the fullest, then the earliest dated."""
    wordings = Counter(tuple(item.words) for item in printings)
    return max(printings, key=lambda item: (wordings[tuple(item.words)], len(item.words),
                                            -(item.article.date.toordinal() if item.article.date else 0)))


def _elided(text: str, at: int) -> bool:
    """An ellipsis (… or ...) or empty brackets right where words are missing."""
    return bool(_ELLIPSIS.search(text[max(0, at - 6):at + 6]))


def _misquoted_changes(comparison: Comparison, reference: Printed, other: Printed) -> tuple[Change, ...]:
    """The changed words inside the stretch both printings quote, other than elisions."""
    a_text, b_text = reference.article.text, other.article.text
    shared = [segment for segment in comparison.segments if segment.op == "equal" and _words_in(a_text, segment.a)]
    if not shared:
        return ()
    first, last = shared[0], shared[-1]
    kept = []
    for change in comparison.changes:
        if not (_words_in(a_text, change.a) or _words_in(b_text, change.b)):
            continue
        before = change.a[1] <= first.a[0] and change.b[1] <= first.b[0]
        after = change.a[0] >= last.a[1] and change.b[0] >= last.b[1]
        one_sided = change.a[0] == change.a[1] or change.b[0] == change.b[1]
        if one_sided and (before or after):
            continue  # one outlet quoted more of the statement than the other
        if (before or after) and _crosses_marks(change, first if before else last, before, a_text, b_text):
            continue  # a quote span that ran on into another quotation: not words inside the marks
        if change.b[0] == change.b[1] and _elided(b_text, change.b[0]) or \
                change.a[0] == change.a[1] and _elided(a_text, change.a[0]):
            continue
        kept.append(change)
    return tuple(kept)


def _crosses_marks(change: Change, shared: Segment, before: bool, a_text: str, b_text: str) -> bool:
    """A quotation mark between the shared words and a change at the quote's edge, on either side."""
    a = (change.a[0], shared.a[1]) if before else (shared.a[0], change.a[1])
    b = (change.b[0], shared.b[1]) if before else (shared.b[0], change.b[1])
    return bool(_QUOTE_MARK.search(a_text, *a) or _QUOTE_MARK.search(b_text, *b))


def _words_in(text: str, span: tuple[int, int]) -> bool:
    return bool(WORD_PATTERN.search(text, span[0], span[1]))


def _different_speakers(first: Printed, second: Printed) -> bool:
    """Named differently where their parties do not settle it: two voices of one party (an agency
    and its chair) agree, and two different parties are flagged as a party misattribution."""
    a, b = name_words(first.quote.speaker_name), name_words(second.quote.speaker_name)
    both_parties = _organisation(first) is not None and _organisation(second) is not None
    return bool(a and b and not a & b and not both_parties)


def _organisation(item: Printed) -> str | None:
    """The party a printing credits, unless it is a person's own (that is the speaker, compared above)."""
    return None if is_person_party(item.quote.entity) else item.quote.entity


def _misattributions(printings: list[Printed]) -> list[Misattribution]:
    found = []
    named = [item for item in printings if name_words(item.quote.speaker_name)]
    if any(_different_speakers(a, b) for i, a in enumerate(named) for b in named[i + 1:]):
        found.append(Misattribution("speaker", tuple(named)))
    parties = {_organisation(item) for item in printings} - {None}
    if len(parties) > 1:
        found.append(Misattribution("party", tuple(item for item in printings if _organisation(item))))
    return found


def compared(reference: Printed, other: Printed) -> Comparison:
    """Two printings of one quotation word-diffed as a misquote is judged (punctuation, quote
    style and case disregarded)."""
    return compare_articles(reference.article, other.article, MISQUOTE_OPTIONS,
                            a_span=(reference.quote.start, reference.quote.end),
                            b_span=(other.quote.start, other.quote.end))


def compare_quotations(quotes: Sequence[tuple[Article, Sequence[Any]]]) -> list[QuotationGroup]:
    """`quotes` pairs each article with its quotes (`find_quotes(article, registry)`); the result
    lists the quotations printed by more than one article, flagged ones first."""
    with collector_paused():  # every quote's words and shingles: a collection scanned the window's whole heap
        printed = [Printed(article, quote) for article, found in quotes for quote in found]
        printed = [item for item in printed if len(item.words) >= MIN_QUOTE_WORDS]
        joined = _groups(printed)
    groups = []
    for members in joined:
        printings = sorted((printed[i] for i in members), key=lambda item: (
            item.article.date.toordinal() if item.article.date else 10 ** 7, item.article.id, item.quote.start))
        reference = _reference(printings)
        group = QuotationGroup("", printings, reference, misattributions=_misattributions(printings))
        for other in printings:
            if other.article.id == reference.article.id:
                continue
            comparison = compared(reference, other)
            changes = _misquoted_changes(comparison, reference, other)
            misquote = Misquote(reference, other, comparison, changes)
            if changes and not any(m.other.article.id == other.article.id and m.wordings() == misquote.wordings()
                                   for m in group.misquotes):
                group.misquotes.append(misquote)
        groups.append(group)
    groups.sort(key=lambda group: (not group.flagged, group.printings[0].article.id, group.printings[0].quote.start))
    for number, group in enumerate(groups, start=1):
        group.id = f"Q{number}"
    return groups
