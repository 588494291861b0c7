"""What the facts show and what they cannot: a summary every report opens with.

A researcher reading "no discrepancy" must know how much was compared. Only a fact stated by
two or more outlets is compared; a figure one outlet alone gives is checked against nothing,
so it is counted apart and never described as agreed.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.articles.model import Article
from reader.facts.discrepancies import CONFLICT, IMPRECISION
from reader.facts.anchors import states_something
from reader.facts.quantities import find_quantities


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


def _figures_alone(article: Article, members: list[tuple[int, int]]) -> int:
    """Sentences of `article` outside every fact that state a figure (only its quantities are
    read: the words that align sentences are not needed to count them)."""
    text = article.text
    for item in article.boilerplate:
        text = text[:item.start] + " " * (item.end - item.start) + text[item.end:]
    count = 0
    for start, end in article.sentences:
        if any(start < member_end and member_start < end for member_start, member_end in members):
            continue
        sentence = text[start:end]
        quantities = find_quantities(sentence)
        count += any(quantity.reliable for quantity in quantities) and states_something(sentence, quantities)
    return count


def summarise(facts: Sequence[Any], articles: Sequence[Article]) -> FactSummary:
    """`facts` are `Fact` objects or their JSON; figures outside every fact are read afresh."""
    covered: dict[str, list[tuple[int, int]]] = {}
    grades: list[str] = []
    for fact in facts:
        data = fact if isinstance(fact, dict) else fact.as_json()
        for member in data["members"]:
            covered.setdefault(member["id"], []).append((member["start"], member["end"]))
        grades.extend(item.get("grade", CONFLICT) if item["kind"] != "attribution" else "attribution"
                      for item in data["discrepancies"])
    single = sum(_figures_alone(article, covered.get(article.id, [])) for article in articles)
    return FactSummary(len(facts), single, grades.count(CONFLICT), grades.count(IMPRECISION),
                       grades.count("attribution"))
