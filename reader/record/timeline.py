"""A timeline per fact: which outlet stated it when, who was first, and which accounts are copies.

Times are the articles' publication dates (a web-archive capture's time when no date is known);
copies come from the provenance analysis as it stands (`reader.provenance.copies.provenance`):
an account whose article is a copy of another's is marked with its likely source.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from reader.articles.model import Article
from reader.provenance.copies import INDEPENDENT, ReuseReport
from reader.record.revisions import original_address


@dataclass(frozen=True)
class Account:
    """One outlet's statement of a fact: when, where, and what it was copied from (if anything)."""

    article: Article
    start: int
    end: int
    time: dt.datetime | None
    first: bool
    copy_of: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"article": self.article.id, "outlet": self.article.display_label, "start": self.start,
                "end": self.end, "time": self.time.isoformat() if self.time else None, "first": self.first,
                "copy_of": list(self.copy_of)}


@dataclass(frozen=True)
class FactTimeline:
    fact_id: str
    label: str
    accounts: tuple[Account, ...]

    def as_json(self) -> dict[str, Any]:
        return {"fact": self.fact_id, "label": self.label, "accounts": [item.as_json() for item in self.accounts]}


def published(article: Article) -> dt.datetime | None:
    if article.date:
        return dt.datetime.combine(article.date, dt.time())
    return original_address(article.url)[1]


def sources_of(report: ReuseReport) -> dict[str, tuple[str, ...]]:
    """For each copied article, the articles it is a copy of (the pair's likely source)."""
    found: dict[str, list[str]] = {}
    for pair in report.pairs:
        if pair.kind == INDEPENDENT or pair.source is None:
            continue
        copy = pair.b if pair.source == pair.a else pair.a
        found.setdefault(copy, []).append(pair.source)
    return {article_id: tuple(dict.fromkeys(sources)) for article_id, sources in found.items()}


def fact_timelines(facts: Sequence[Any], articles: Sequence[Article], report: ReuseReport) -> list[FactTimeline]:
    """`facts` are `reader.facts.finder.Fact`s; accounts in time order, undated ones last."""
    by_id = {article.id: article for article in articles}
    copies = sources_of(report)
    timelines = []
    for fact in facts:
        members = [(by_id[m.article_id], m) for m in fact.members if m.article_id in by_id]
        times = {article.id: published(article) for article, _ in members}
        earliest = min((time for time in times.values() if time), default=None)
        ordered = sorted(members, key=lambda item: (times[item[0].id] is None,
                                                    times[item[0].id] or dt.datetime.min, item[0].id))
        accounts = tuple(Account(article, member.start, member.end, times[article.id],
                                 earliest is not None and times[article.id] == earliest,
                                 copies.get(article.id, ())) for article, member in ordered)
        timelines.append(FactTimeline(fact.id, fact.label, accounts))
    return timelines
