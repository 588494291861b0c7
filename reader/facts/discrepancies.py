"""Where outlets reporting one fact disagree: numbers, dates, and who said it.

Two outlets disagree on a quantity when each gives a value the other does not, and the two
values plausibly measure the same thing (`$30 million` against `nearly $31 million`; not
`$25 million` against `$5.8 million`, which are two different penalties). The same amount
written two ways is one claim, and an unreliable quantity (a spun `$25 cardinal`) is never
compared at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from reader.facts.quantities import Quantity, agree, same_quantity
from reader.words import content_token

_KIND = {"money": "number", "number": "number", "percent": "number", "year": "date", "date": "date"}
_WHAT = {"number": "figures", "date": "dates or years"}
MIN_SHARED_QUOTE_WORDS = 2  # content words two quotes must share to be one statement
_QUOTE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


class QuoteLike(Protocol):
    start: int
    end: int
    text: str
    entity: str | None
    speaker_name: str | None


@dataclass(frozen=True)
class Discrepancy:
    """A disagreement inside one fact: the value each outlet gives, and where it says it."""

    kind: str
    detail: str
    values: dict[str, str]
    spans: dict[str, list[int]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail, "values": dict(self.values),
                "spans": {key: list(span) for key, span in self.spans.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Discrepancy":
        return cls(data["kind"], data["detail"], dict(data["values"]),
                   {key: list(span) for key, span in data.get("spans", {}).items()})


@dataclass(frozen=True)
class MemberClaims:
    """What one outlet's member sentence asserts: quantities with absolute offsets, quotes."""

    article_id: str
    quantities: list[Quantity]
    quotes: list[QuoteLike] = field(default_factory=list)


def quantity_discrepancies(members: list[MemberClaims]) -> list[Discrepancy]:
    """Group conflicting claims into one discrepancy per disputed quantity."""
    nodes: list[tuple[str, Quantity]] = []
    for member in members:
        seen: set[tuple] = set()
        for quantity in member.quantities:
            if quantity.reliable and quantity.claim not in seen:
                seen.add(quantity.claim)
                nodes.append((member.article_id, quantity))
    parent = list(range(len(nodes)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    conflicting: set[int] = set()
    for i, (first_id, first) in enumerate(nodes):
        for j in range(i + 1, len(nodes)):
            second_id, second = nodes[j]
            if first_id == second_id or not same_quantity(first, second):
                continue
            if agree(first, second):
                parent[find(j)] = find(i)
            elif not _stated_by(second_id, first, nodes) and not _stated_by(first_id, second, nodes):
                parent[find(j)] = find(i)
                conflicting.update((i, j))
    groups: dict[int, list[int]] = {}
    for index in sorted(conflicting):
        groups.setdefault(find(index), []).append(index)
    for index in range(len(nodes)):
        root = find(index)
        if root in groups and index not in groups[root]:
            groups[root].append(index)
    return [_describe([nodes[index] for index in sorted(group)]) for group in groups.values()]


def _stated_by(article_id: str, quantity: Quantity, nodes: list[tuple[str, Quantity]]) -> bool:
    """Whether the other outlet also gives this very claim somewhere in its sentence."""
    return any(other_id == article_id and agree(quantity, other) for other_id, other in nodes)


def _describe(claims: list[tuple[str, Quantity]]) -> Discrepancy:
    kind = _KIND[claims[0][1].kind]
    values: dict[str, str] = {}
    spans: dict[str, list[int]] = {}
    readings: dict[str, list[str]] = {}
    for article_id, quantity in claims:
        if article_id in values:
            continue
        values[article_id] = quantity.text
        spans[article_id] = [quantity.start, quantity.end]
        readings.setdefault(quantity.display(), []).append(article_id)
    detail = f"outlets give different {_WHAT[kind]}: " + "; ".join(
        f"{reading} ({', '.join(ids)})" for reading, ids in readings.items())
    return Discrepancy(kind, detail, values, spans)


def attribution_discrepancies(members: list[MemberClaims]) -> list[Discrepancy]:
    """A statement quoted in several outlets but credited to different parties. Only quotes
    that share their words count as one statement: a fact's members may also carry unrelated
    quotes (a scare-quoted word, another party's remark), whose speakers naturally differ."""
    credited: dict[str, QuoteLike] = {}
    for member in members:
        attributed = [quote for quote in member.quotes if quote.entity]
        if attributed:
            credited[member.article_id] = max(attributed, key=lambda quote: quote.end - quote.start)
    words = {article_id: _quote_words(quote.text) for article_id, quote in credited.items()}
    credited = {article_id: quote for article_id, quote in credited.items()
                if any(_same_statement(words[article_id], words[other]) for other in credited if other != article_id)}
    if len({quote.entity for quote in credited.values()}) < 2:
        return []
    values = {article_id: str(quote.entity) for article_id, quote in credited.items()}
    parties = sorted(set(values.values()))
    detail = "the statement is attributed to different parties: " + "; ".join(
        f"{party} ({', '.join(a for a, p in values.items() if p == party)})" for party in parties)
    spans = {article_id: [quote.start, quote.end] for article_id, quote in credited.items()}
    return [Discrepancy("attribution", detail, values, spans)]


def _quote_words(text: str) -> set[str]:
    return {token for token in map(content_token, _QUOTE_WORD.findall(text)) if token is not None and len(token) > 2}


def _same_statement(first: set[str], second: set[str]) -> bool:
    """Two quotes are one statement when they share at least two content words and half the shorter one's."""
    shared = len(first & second)
    return shared >= MIN_SHARED_QUOTE_WORDS and shared * 2 >= min(len(first), len(second))
