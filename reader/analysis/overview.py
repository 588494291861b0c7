"""The story at a glance: who reported it (copies folded under their source), what was stated
and by how many independent sources, where outlets conflict, and who is quoted.

A researcher's first question of a corpus is not one article but the whole: two accounts from
one wire story are one confirmation, and a conflict matters more than an agreement. Everything
here is counted from the corpus analysis; nothing is found again.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.analysis.pipeline import CorpusAnalysis
from reader.facts.finder import Fact


@dataclass(frozen=True)
class SourceGroup:
    """An account and the copies of it in the corpus (syndicated, excerpted or spun)."""

    source: str
    copies: tuple[str, ...]


@dataclass(frozen=True)
class FactLine:
    fact: Fact
    outlets: int
    sources: int
    """How many independent accounts state it: copies of one source count once."""
    conflicts: int
    imprecisions: int


@dataclass(frozen=True)
class PartyLine:
    party: str
    name: str
    quotes: int


@dataclass(frozen=True)
class StoryOverview:
    sources: list[SourceGroup]
    facts: list[FactLine]
    parties: list[PartyLine]

    def as_json(self) -> dict[str, Any]:
        return {
            "sources": [{"source": group.source, "copies": list(group.copies)} for group in self.sources],
            "facts": [{"id": line.fact.id, "label": line.fact.label, "outlets": line.outlets,
                       "independent_sources": line.sources, "conflicts": line.conflicts,
                       "imprecisions": line.imprecisions} for line in self.facts],
            "parties": [{"party": line.party, "name": line.name, "quotes": line.quotes} for line in self.parties],
        }


def story_overview(analysis: CorpusAnalysis) -> StoryOverview:
    """Conflicts first, then the facts most independent sources state."""
    order = {article.id: number for number, article in enumerate(analysis.articles)}
    groups = _source_groups(analysis, order)
    account = {member: group.source for group in groups for member in (group.source, *group.copies)}
    facts = [_fact_line(fact, account) for fact in analysis.facts or []]
    facts.sort(key=lambda line: (-line.conflicts, -line.imprecisions, -line.sources, -line.outlets))
    return StoryOverview(groups, facts, _party_lines(analysis))


def _source_groups(analysis: CorpusAnalysis, order: dict[str, int]) -> list[SourceGroup]:
    ids = [article.id for article in analysis.articles]
    if analysis.provenance is None:
        return [SourceGroup(article_id, ()) for article_id in ids]
    copied = {item.article_id for item in analysis.provenance.articles if item.copy_of or item.spun_from}
    groups = []
    for members in analysis.provenance.independent_sources(ids):
        ranked = sorted(members, key=lambda article_id: (article_id in copied, order[article_id]))
        groups.append(SourceGroup(ranked[0], tuple(sorted(ranked[1:], key=order.__getitem__))))
    return sorted(groups, key=lambda group: order[group.source])


def _fact_line(fact: Fact, account: dict[str, str]) -> FactLine:
    """`account` maps each article to the account it is (its source, or itself)."""
    outlets = list(dict.fromkeys(member.article_id for member in fact.members))
    sources = len({account.get(article_id, article_id) for article_id in outlets})
    grades = Counter(item.grade for item in fact.discrepancies if item.kind != "attribution")
    return FactLine(fact, len(outlets), sources, grades["conflict"], grades["imprecision"])


def _party_lines(analysis: CorpusAnalysis) -> list[PartyLine]:
    counts = Counter(quote.entity for quotes in (analysis.quotes or {}).values() for quote in quotes if quote.entity)
    return [PartyLine(party_id, _party_name(analysis, party_id), count) for party_id, count in counts.most_common()]


def _party_name(analysis: CorpusAnalysis, party_id: str) -> str:
    try:
        return analysis.registry.party(party_id).name
    except KeyError:
        return party_id
