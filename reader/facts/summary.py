"""What the facts show and what they cannot: a summary every report opens with.

A researcher reading "no discrepancy" must know how much was compared. Only a fact stated by
two or more outlets is compared; a figure one outlet alone gives is checked against nothing,
so it is counted apart and never described as agreed.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reader.articles.model import Article, Span
from reader.facts.discrepancies import CONFLICT, IMPRECISION
from reader.facts.anchors import states_something
from reader.facts.quantities import Quantity, find_quantities


@dataclass(frozen=True)
class FactSummary:
    compared: int
    """Facts stated by two or more outlets, and so compared."""
    single_outlet: int
    """Sentences giving a figure (a sum, count, share, tally or date) that are in no fact:
    one outlet alone states them, so nothing was compared."""
    conflicts: int
    imprecisions: int
    attributions: int

    def as_json(self) -> dict[str, Any]:
        return {"compared_facts": self.compared, "single_outlet_figures": self.single_outlet,
                "conflicts": self.conflicts, "imprecisions": self.imprecisions,
                "attribution_discrepancies": self.attributions, "text": self.text()}

    def text(self) -> str:
        """One paragraph in plain words; never says outlets agree on what was not compared."""
        compared = (f"{_count(self.compared, 'fact was', 'facts were')} stated by two or more outlets "
                    "and compared")
        found = [part for part in (
            _count(self.conflicts, "conflict") if self.conflicts else "",
            _count(self.imprecisions, "imprecision") + " (values that fit only if an outlet rounded or hedged)"
            if self.imprecisions else "",
            _count(self.attributions, "statement") + " credited to different parties" if self.attributions else "",
        ) if part]
        outcome = ("; among them: " + ", ".join(found) if found
                   else "; no discrepancy was found among them" if self.compared else "")
        alone = (f" {_count(self.single_outlet, 'sentence')} giving a figure "
                 f"{'was' if self.single_outlet == 1 else 'were'} stated by one outlet only and not compared.")
        return f"{compared}{outcome}.{alone}"


def _count(number: int, singular: str, plural: str | None = None) -> str:
    if number == 1:
        return f"1 {singular}"
    return f"{number} {plural or singular + 's'}"


def gives_figure(sentence: str, quantities: list[Quantity]) -> bool:
    """What the summary counts when no fact holds the sentence: a figure read with confidence
    (a reliable quantity) in a sentence that states something (not a date line or a byline)."""
    return any(quantity.reliable for quantity in quantities) and states_something(sentence, quantities)


def figure_sentences(article: Article, skipped: Sequence[Span] = ()) -> list[Span]:
    """The sentences of `article` giving a figure, read afresh (only their quantities: the words
    that align sentences are not needed), but for those overlapping `skipped`."""
    text = article.text
    for item in article.boilerplate:
        text = text[:item.start] + " " * (item.end - item.start) + text[item.end:]
    return [(start, end) for start, end in article.sentences
            if not _overlaps((start, end), skipped) and gives_figure(text[start:end], find_quantities(text[start:end]))]


def _overlaps(sentence: Span, members: Sequence[Span]) -> bool:
    start, end = sentence
    return any(start < member_end and member_start < end for member_start, member_end in members)


def _outside(sentences: Sequence[Span], members: Sequence[Span]) -> int:
    """How many of `sentences` overlap no member: members sorted once and each sentence placed
    among them by bisection, as a corpus has tens of thousands of figures to place."""
    if not members:
        return len(sentences)
    ordered = sorted(members)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))
    outside = 0
    for start, end in sentences:
        before = bisect_left(starts, end) - 1  # the last member starting before the sentence ends
        outside += before < 0 or reach[before] <= start
    return outside


def summarise(facts: Sequence[Any], articles: Sequence[Article],
              figures: Sequence[Sequence[Span]] | None = None) -> FactSummary:
    """`facts` are `Fact` objects or their JSON. `figures` are each article's sentences giving
    a figure as the facts' reading found them (`FactRun.figures`); without them the sentences
    outside every fact are read afresh."""
    covered: dict[str, list[Span]] = {}
    grades: list[str] = []
    for fact in facts:
        if isinstance(fact, dict):
            for member in fact["members"]:
                covered.setdefault(member["id"], []).append((member["start"], member["end"]))
            grades.extend(item.get("grade", CONFLICT) if item["kind"] != "attribution" else "attribution"
                          for item in fact["discrepancies"])
        else:  # read as it is: writing every fact out as JSON took most of the summary's time
            for member in fact.members:
                covered.setdefault(member.article_id, []).append((member.start, member.end))
            grades.extend(item.grade if item.kind != "attribution" else "attribution" for item in fact.discrepancies)
    single = 0
    for index, article in enumerate(articles):
        members = covered.get(article.id, [])
        found = figures[index] if figures is not None else figure_sentences(article, members)
        single += _outside(found, members)
    return FactSummary(len(facts), single, grades.count(CONFLICT), grades.count(IMPRECISION),
                       grades.count("attribution"))
