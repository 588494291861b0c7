"""Where outlets reporting one fact disagree: numbers, dates, and who said it.

Two outlets disagree on a quantity when their claims (`reader.facts.claims`) measure the same
thing, as the words around the figures tell, and the values their wording allows do not meet:
"$12.4 million" against "$14.2 million" is a conflict; "$30 million" against "nearly $31
million" is an imprecision (they fit only if the first was rounded down); "$5.6 million"
against "more than $5.6 million", or "$25M" against "25 million dollars", is no discrepancy.
An unreliable quantity (a spun `$25 cardinal`) is never compared at all. Claims of one story
in different facts are compared by `reader.facts.across_facts`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any, Protocol

from reader.facts.claims import PRESENCE, Claim
from reader.facts.exchange import RATE_DAYS, conversion_fits, sums_fit
from reader.quotes.speaker_words import name_words
from reader.words import PROSE_WORD, content_token

FIGURES = {"money", "count", "percent", "tally"}
"""Measures an outlet's other facts can corroborate (a year or a day recurs in a story for many events)."""
_KIND = {"money": "number", "money per unit": "number", "count": "number", "percent": "number", "tally": "number",
         "date": "date", "period": "date", PRESENCE: "number"}
_SUMS = ("money", "money per unit")
CONFLICT = "conflict"
IMPRECISION = "imprecision"
MIN_AFFINITY = 0.25  # share of context words two claims must share to be about one thing
_WHAT = {"number": "figures", "date": "dates or years"}
MIN_SHARED_QUOTE_WORDS = 2  # content words two quotes must share to be one statement


class QuoteLike(Protocol):
    start: int
    end: int
    text: str
    entity: str | None
    speaker_name: str | None
    speaker: str | None
    """The speaker as the article words it ("the agency", "Rohit Chopra, director of ...")."""


@dataclass(frozen=True)
class Discrepancy:
    """A disagreement inside one fact: the value each outlet gives, and where it says it."""

    kind: str
    detail: str
    values: dict[str, str]
    spans: dict[str, list[int]] = field(default_factory=dict)
    grade: str = "conflict"
    """`conflict`: the values cannot both be right; `imprecision`: they fit only if an outlet
    rounded or hedged loosely."""

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "grade": self.grade, "detail": self.detail, "values": dict(self.values),
                "spans": {key: list(span) for key, span in self.spans.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Discrepancy":
        return cls(data["kind"], data["detail"], dict(data["values"]),
                   {key: list(span) for key, span in data.get("spans", {}).items()}, data.get("grade", "conflict"))


@dataclass(frozen=True)
class MemberClaims:
    """What one outlet's member sentence asserts: its claims (article offsets) and quotes."""

    article_id: str
    claims: list[Claim]
    quotes: list[QuoteLike] = field(default_factory=list)
    elsewhere: list[Claim] = field(default_factory=list)
    """The sums, counts and shares the outlet states in its other facts."""
    conversions: list[Claim] = field(default_factory=list)
    """Sums restated in another currency (`Claim.conversion`), checked only against what they convert."""
    published: dt.date | None = None
    """The article's date: sums in another currency are compared at the rates of the days before it."""


@dataclass(frozen=True)
class Dispute:
    """Two outlets' claims about one thing whose values do not fit, and how badly."""

    first: tuple[str, Claim]
    second: tuple[str, Claim]
    grade: str


def quantity_discrepancies(members: list[MemberClaims], across: Iterable[Dispute] = ()) -> list[Discrepancy]:
    """One discrepancy per disputed quantity: claims of different outlets about the same
    thing (`same_thing`) whose intervals do not meet, unless the other outlet also states a
    value that fits (it gives both penalties, say), in this fact or another, graded by the
    worst pair. Disputes `across` facts (`reader.facts.across_facts`) reported with this fact
    join the quantity whose values they give."""
    disputes = list(across)
    for first, second in combinations(members, 2):
        for mine, theirs, grade in disputed_pairs(first.claims, second.claims):
            if not _states_elsewhere(second, mine) and not _states_elsewhere(first, theirs):
                disputes.append(Dispute((first.article_id, mine), (second.article_id, theirs), grade))
        disputes += [Dispute((first.article_id, mine), (second.article_id, theirs), CONFLICT)
                     for mine, theirs in disputed_periods(first.claims, second.claims)]
        disputes += exchange_disputes(first, second)
    disputes += conversion_disputes(members)
    return _Quantities(disputes).discrepancies()


def exchange_disputes(first: MemberClaims, second: MemberClaims) -> list[Dispute]:
    """Sums two outlets state in different currencies ("fined €345 million" / "a $400 million
    fine"), with a quarter of their context words in common, that no rate of the days before
    either article reconciles; not where an outlet also gives a sum fitting the other's in its
    currency (it states both amounts)."""
    my_sums, their_sums = ([claim for claim in member.claims if claim.measure in _SUMS and not claim.baseline]
                           for member in (first, second))
    if len({claim.quantity.unit for claim in my_sums + their_sums}) < 2:
        return []
    disputes = []
    for mine in my_sums:
        for theirs in their_sums:
            if mine.measure != theirs.measure or mine.quantity.unit == theirs.quantity.unit \
                    or claim_affinity(mine, theirs) < MIN_AFFINITY \
                    or _gives_fitting(first.claims, theirs) or _gives_fitting(second.claims, mine):
                continue
            if sums_fit(mine, first.published, theirs, second.published) is not False:
                continue
            loose = sums_fit(mine, first.published, theirs, second.published, loose=True)
            disputes.append(Dispute((first.article_id, mine), (second.article_id, theirs),
                                    IMPRECISION if loose else CONFLICT))
    return disputes


def _gives_fitting(claims: list[Claim], claim: Claim) -> bool:
    return any(comparable(other, claim) and other.strict.meets(claim.strict) for other in claims)


def conversion_disputes(members: list[MemberClaims]) -> list[Dispute]:
    """Each conversion the exchange rates of its days do not allow, disputed with the sum it
    converts and with the other outlets naming that sum's currency ("$520 million (nearly R91
    billion)" against "US$520 million"), whose currency a bare "$" is then read as:
    `imprecision` when it fits only loosely."""
    disputes = []
    for member in members:
        for claim in member.conversions:
            source = claim.conversion.source
            naming = [(other.article_id, theirs) for other in members if other is not member
                      for theirs in other.claims if theirs.quantity.currency and same_value(source, theirs)]
            named = {theirs.quantity.currency for _, theirs in naming}
            currency = named.pop() if len(named) == 1 else ""
            if conversion_fits(claim, named=currency) is not False:
                continue
            grade = IMPRECISION if conversion_fits(claim, loose=True, named=currency) else CONFLICT
            disputes += [Dispute((member.article_id, claim), stated, grade)
                         for stated in [(member.article_id, source), *naming]]
    return disputes


def disputed_periods(first: list[Claim], second: list[Claim]) -> list[tuple[Claim, Claim]]:
    """The periods two outlets give one sum for, where they differ: a sum stated for whole years
    is measured over them, so "$150 million in 2023" and "$150 million during 2022 and 2023" are
    two claims about one sum that cannot both be right, though the years meet. Only where one
    period spans several years (two single years are compared as dates) and neither outlet also
    gives the sum for the other's period."""
    disputed = []
    for mine in first:
        for theirs in second:
            if mine.period is None or theirs.period is None or not same_value(mine, theirs) \
                    or mine.period.strict == theirs.period.strict or not (_spans_years(mine) or _spans_years(theirs)):
                continue
            if any(_gives_period(claims, other.period) for claims, other in ((first, theirs), (second, mine))):
                continue
            disputed.append((mine.period, theirs.period))
    return disputed


def _spans_years(claim: Claim) -> bool:
    return claim.period is not None and "-" in str(claim.period.quantity.value)


def _gives_period(claims: list[Claim], period: Claim) -> bool:
    return any(claim.period is not None and claim.period.strict == period.strict for claim in claims)


class _Quantities:
    """Disputed claims joined into quantities: two disputes share a quantity when they share a
    claim, or when a claim of one fits a claim of the other (two outlets giving 143 million,
    each disputed with another outlet's 150 million, dispute one number)."""

    def __init__(self, disputes: list[Dispute]) -> None:
        self._claims: dict[tuple[str, int], tuple[str, Claim]] = {}
        self._parent: dict[tuple[str, int], tuple[str, int]] = {}
        self._grades: dict[tuple[str, int], str] = {}
        for dispute in disputes:
            a, b = self._node(dispute.first), self._node(dispute.second)
            self._join(a, b)
            self._grades[a] = _worse(dispute.grade, self._grades.get(a))
            self._grades[b] = _worse(dispute.grade, self._grades.get(b))
        nodes = list(self._claims)
        for a, b in combinations(nodes, 2):
            first, second = self._claims[a][1], self._claims[b][1]
            if comparable(first, second) and first.strict.meets(second.strict):
                self._join(a, b)

    def _node(self, stated: tuple[str, Claim]) -> tuple[str, int]:
        key = (stated[0], id(stated[1]))
        self._claims.setdefault(key, stated)
        self._parent.setdefault(key, key)
        return key

    def _find(self, key: tuple[str, int]) -> tuple[str, int]:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _join(self, a: tuple[str, int], b: tuple[str, int]) -> None:
        self._parent[self._find(b)] = self._find(a)

    def discrepancies(self) -> list[Discrepancy]:
        components: dict[tuple[str, int], list[tuple[str, int]]] = {}
        for key in self._claims:
            components.setdefault(self._find(key), []).append(key)
        return [_describe([self._claims[key] for key in keys], _worse(*(self._grades[key] for key in keys)))
                for keys in components.values()]


def _states_elsewhere(member: MemberClaims, claim: Claim) -> bool:
    """Whether the outlet gives a sum, count or share fitting `claim` in another of its facts:
    then it reports both values, and its own here is another quantity (an initial payment beside
    the whole fund, one part of a total), not a contradiction."""
    return claim.measure in FIGURES and any(same_value(claim, other) for other in member.elsewhere)


def same_value(first: Claim, second: Claim) -> bool:
    """Whether two claims give one value: each one's figure lies in what the other claims. An
    outlet's other figure is only the same value at the precision both write ("$4 million" for
    refunds covers $3.75 million, yet is not the $3.75 million another outlet gives)."""
    return comparable(first, second) and _figure(first) in second.strict and _figure(second) in first.strict


def _figure(claim: Claim) -> float:
    return claim.strict.low if claim.measure == "tally" else float(claim.quantity.value)


def _worse(*grades: str | None) -> str:
    return CONFLICT if CONFLICT in grades else IMPRECISION


def disputed_pairs(first: list[Claim], second: list[Claim]) -> list[tuple[Claim, Claim, str]]:
    """The claims of two outlets that state one thing with values that do not fit, graded
    `conflict` (not even a loose rounding or hedge reconciles them) or `imprecision`. A claim
    fitting any claim of the other outlet about the same thing is corroborated and never
    disputed; the rest are paired by how well their words match, each at most once, and a
    claim whose best match is tied is left alone (it cannot say which it contradicts)."""
    alone = _alone(first) & _alone(second)
    candidates = [(claim_affinity(mine, theirs), i, j) for i, mine in enumerate(first)
                  for j, theirs in enumerate(second) if same_thing(mine, theirs, mine.measure in alone)]
    fitting = [(i, j) for i, mine in enumerate(first) for j, theirs in enumerate(second)
               if comparable(mine, theirs) and mine.strict.meets(theirs.strict)]
    corroborated_first = {i for i, _ in fitting}
    corroborated_second = {j for _, j in fitting}
    open_pairs = sorted(((score, i, j) for score, i, j in candidates
                         if i not in corroborated_first and j not in corroborated_second), reverse=True)
    disputed = []
    used_first: set[int] = set()
    used_second: set[int] = set()
    for score, i, j in open_pairs:
        if i in used_first or j in used_second:
            continue
        rivals = [other for other in open_pairs if other[0] == score and (other[1] == i) != (other[2] == j)
                  and other[1] not in used_first and other[2] not in used_second]
        used_first.add(i)
        used_second.add(j)
        if rivals:
            continue
        grade = IMPRECISION if first[i].loose.meets(second[j].loose) else CONFLICT
        disputed.append((first[i], second[j], grade))
    return disputed


def same_thing(first: Claim, second: Claim, alone: bool = False) -> bool:
    """Whether two claims of one fact can measure one thing: `comparable`, neither a baseline
    ("topping the previous record of €746 million"), a count of the same thing (both must name
    it), and words in common around them, unless each is its outlet's
    only claim of that measure in the fact (`alone`), which the fact's alignment then pairs;
    not for days, since a sentence often dates something else than its fact (the takeover
    "last month" in a sentence on Wednesday's financing)."""
    if not comparable(first, second) or first.baseline or second.baseline:
        return False
    if first.measure in ("count", PRESENCE) and (not first.counted or first.counted != second.counted):
        return False
    return alone and first.granularity != "day" or claim_affinity(first, second) >= MIN_AFFINITY


def comparable(first: Claim, second: Claim) -> bool:
    """Whether two values can be set side by side at all: one measure, one currency, dates as
    fine-grained."""
    return first.measure == second.measure and first.granularity == second.granularity \
        and (first.quantity.kind != "money" or first.quantity.unit == second.quantity.unit)


def _alone(claims: list[Claim]) -> set[str]:
    """The measures of which an outlet's member states exactly one claim."""
    counts = Counter(claim.measure for claim in claims)
    return {measure for measure, count in counts.items() if count == 1}


def claim_affinity(first: Claim, second: Claim) -> float:
    """Share of the smaller context the two claims' contexts have in common."""
    smaller = min(len(first.context), len(second.context))
    return len(first.context & second.context) / smaller if smaller else 0.0


def _describe(claims: list[tuple[str, Claim]], grade: str) -> Discrepancy:
    kind = _KIND[claims[0][1].measure]
    values: dict[str, str] = {}
    spans: dict[str, list[int]] = {}
    readings: dict[str, list[str]] = {}
    for article_id, claim in claims:
        if article_id in values:
            values[article_id] += f"; {claim.text}"
        else:
            values[article_id] = claim.text
            spans[article_id] = [claim.start, claim.end]
        readings.setdefault(claim.quantity.display(), []).append(article_id)
    given = "; ".join(f"{reading} ({', '.join(ids)})" for reading, ids in readings.items())
    detail = (f"outlets give incompatible {_WHAT[kind]}: {given}" if grade == CONFLICT else
              f"outlets give {_WHAT[kind]} that fit only if one rounded or hedged: {given}")
    detail += "".join(f"; {claim.quantity.display()} does not convert {claim.conversion.source.quantity.display()} at"
                      f" the exchange rates of the {RATE_DAYS} days before its article's date"
                      for _, claim in claims if claim.conversion is not None)
    return Discrepancy(kind, detail, values, spans, grade)


def attribution_discrepancies(members: list[MemberClaims]) -> list[Discrepancy]:
    """A statement quoted in several outlets but credited to different sources. Only quotes
    that share their words count as one statement: a fact's members may also carry unrelated
    quotes (a scare-quoted word, another party's remark), whose speakers naturally differ.
    Outlets naming one speaker credit one source even where the parties read from them differ
    (an agency and its chair). A speaker worded without a name ("the agency said", "the firm
    said") credits no one the outlet names: its party is our own reading, so it is not compared."""
    credited: dict[str, QuoteLike] = {}
    for member in members:
        attributed = [quote for quote in member.quotes if quote.entity and _named(quote.speaker)]
        if attributed:
            credited[member.article_id] = max(attributed, key=lambda quote: quote.end - quote.start)
    words = {article_id: _quote_words(quote.text) for article_id, quote in credited.items()}
    credited = {article_id: quote for article_id, quote in credited.items()
                if any(_same_statement(words[article_id], words[other]) for other in credited if other != article_id)}
    if len({quote.entity for quote in credited.values()}) < 2 or _one_source(list(credited.values())):
        return []
    values = {article_id: str(quote.entity) for article_id, quote in credited.items()}
    parties = sorted(set(values.values()))
    detail = "the statement is attributed to different parties: " + "; ".join(
        f"{party} ({', '.join(a for a, p in values.items() if p == party)})" for party in parties)
    spans = {article_id: [quote.start, quote.end] for article_id, quote in credited.items()}
    return [Discrepancy("attribution", detail, values, spans)]


def _one_source(quotes: list[QuoteLike]) -> bool:
    """Whether the quotes are credited to one source: each linked to the others through a
    shared party or speaker's name."""
    marks = [{("party", quote.entity), ("name", " ".join((quote.speaker_name or "").casefold().split()))}
             - {("name", "")} for quote in quotes]
    joined = marks[0]
    remaining = marks[1:]
    while remaining:
        linked = [mark for mark in remaining if mark & joined]
        if not linked:
            return False
        for mark in linked:
            joined |= mark
        remaining = [mark for mark in remaining if not mark & joined]
    return True


def _named(speaker: str | None) -> bool:
    """Whether the speaker as worded names someone (unknown wording: the party stands)."""
    return speaker is None or bool(name_words(speaker))


def _quote_words(text: str) -> set[str]:
    return {token for token in map(content_token, PROSE_WORD.findall(text)) if token is not None and len(token) > 2}


def _same_statement(first: set[str], second: set[str]) -> bool:
    """Two quotes are one statement when they share at least two content words and half the shorter one's."""
    shared = len(first & second)
    return shared >= MIN_SHARED_QUOTE_WORDS and shared * 2 >= min(len(first), len(second))
