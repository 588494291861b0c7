"""Claims of one story compared across its facts.

Facts are formed by what is said, and an outlet can state a quantity in a sentence worded too
differently to join the others' fact: the people a breach exposed, given once beside the total
and once on its own, or a year given with no word in common ("the problems dated back to 2012",
"the practices began in 2014"). Such claims are disputed here, under conditions that keep two
quantities of one story, and two stories of one company told from one template, apart; each
dispute is then reported with a fact (`reader.facts.discrepancies.quantity_discrepancies`).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from reader.facts.claims import PRESENCE, Claim
from reader.facts.discrepancies import (CONFLICT, IMPRECISION, MIN_AFFINITY, Dispute, MemberClaims, claim_affinity,
                                        comparable, same_value)

MIN_COUNT = 12  # counts up to a dozen (crew members, commissioners) are not compared across facts


@dataclass(frozen=True)
class _Stated:
    """One claim of one outlet in one fact, for comparing claims across the facts of a story."""

    fact: int
    """The fact's number, or `_NO_FACT` for a sentence in none."""
    outlet: str
    claim: Claim


_NO_FACT = -1


def story_disputes(facts: list[list[MemberClaims]], neighbours: Mapping[str, set[str]],
                   left_out: Sequence[MemberClaims] = ()) -> dict[int, list[Dispute]]:
    """Disputed counts between facts: a story's outlets can state one quantity in sentences too
    differently worded to be one fact (the people a breach exposed, once beside the total,
    once on its own), or in a sentence of no fact at all (`left_out`). Two counts of different
    facts measure one thing when they count the same (`Claim.counted`), share context words,
    and each is the only value its outlet gives for that thing (an outlet giving several tells
    several quantities apart, and which one the other outlet meant is unknown). They are
    compared only between `neighbours` (outlets by article id) that show the two sentences are
    one story's: one outlet also states the other's fact, or, for a sentence of no fact, the two
    outlets state some fact together (two template stories of one company are neighbours too,
    but their outlets tell only their own). A year is compared the same way when its story
    dates one thing (`_lone_year_disputes`). Each dispute is reported with the fact holding most
    claims of its quantity, by fact number."""
    stated = [_Stated(number, member.article_id, claim) for number, members in enumerate(facts)
              for member in members for claim in member.claims if _thing(claim)]
    stated += [_Stated(_NO_FACT, member.article_id, claim) for member in left_out
               for claim in member.claims if _thing(claim)]
    outlets = [{member.article_id for member in members} for members in facts]
    facts_of_outlet: dict[str, set[int]] = {}
    for number, members in enumerate(facts):
        for member in members:
            facts_of_outlet.setdefault(member.article_id, set()).add(number)
    given: dict[str, list[Claim]] = {}
    for member in [*(member for members in facts for member in members), *left_out]:
        given.setdefault(member.article_id, []).extend(member.claims)
    facts_of_claim: dict[int, set[int]] = {}
    by_outlet: dict[tuple[str, str], list[_Stated]] = {}
    for item in stated:
        facts_of_claim.setdefault(id(item.claim), set()).add(item.fact)
        by_outlet.setdefault((item.outlet, _thing(item.claim)), []).append(item)

    def one_story(a: _Stated, b: _Stated) -> bool:
        if a.fact == _NO_FACT or b.fact == _NO_FACT:
            return a.fact != b.fact and bool(facts_of_outlet[a.outlet] & facts_of_outlet[b.outlet])
        return a.outlet in outlets[b.fact] or b.outlet in outlets[a.fact]

    disputes: list[tuple[_Stated, _Stated, str]] = []
    for a in stated:
        thing = _thing(a.claim)
        for outlet in sorted(other for other in neighbours.get(a.outlet, ()) if other > a.outlet):
            for b in by_outlet.get((outlet, thing), ()):
                if not facts_of_claim[id(a.claim)] & facts_of_claim[id(b.claim)] and one_story(a, b) \
                        and _disputed_across(a.claim, b.claim, given[a.outlet], given[b.outlet], thing):
                    disputes.append((a, b, IMPRECISION if a.claim.loose.meets(b.claim.loose) else CONFLICT))
    disputes += _lone_year_disputes(facts, left_out, facts_of_outlet)
    held = Counter(item.fact for a, b, _ in disputes for item in (a, b))
    found: dict[int, list[Dispute]] = {}
    for a, b, grade in disputes:
        home = min((fact for fact in (a.fact, b.fact) if fact != _NO_FACT), key=lambda fact: (-held[fact], fact))
        found.setdefault(home, []).append(Dispute((a.outlet, a.claim), (b.outlet, b.claim), grade))
    return found


def _years(claims: list[Claim]) -> list[Claim]:
    return [claim for claim in claims if claim.measure == "date" and claim.granularity == "year" and not claim.baseline]


def _lone_year_disputes(facts: list[list[MemberClaims]], left_out: Sequence[MemberClaims],
                        facts_of_outlet: dict[str, set[int]]) -> list[tuple[_Stated, _Stated, str]]:
    """A sentence of no fact that states one year and nothing else, from an outlet giving no
    year in its facts, against the one fact of its story that gives a year: outlets word the
    year of one event in ways that share no word ("the problems dated back to 2012", "the
    practices began in 2014"), and a story that dates one thing gives no other year to mean.
    Its story: the facts of the outlets it states a fact with."""
    found = []
    for member in left_out:
        years = _years(member.claims)
        if len(years) != 1 or len(member.claims) != 1:
            continue
        own = facts_of_outlet.get(member.article_id, set())
        if any(_years(other.claims) for number in own for other in facts[number] if other.article_id == member.article_id):
            continue
        partners = {other.article_id for number in own for other in facts[number]}
        story = {number for partner in partners for number in facts_of_outlet.get(partner, ())}
        dated = [number for number in story if any(_years(other.claims) for other in facts[number])]
        if len(dated) != 1:
            continue
        found.extend((_Stated(_NO_FACT, member.article_id, years[0]), _Stated(dated[0], other.article_id, claim), CONFLICT)
                     for other in facts[dated[0]] for claim in _years(other.claims)
                     if not claim.strict.meets(years[0].strict))
    return found


def _thing(claim: Claim) -> str:
    """What a count above `MIN_COUNT`, or a count in words ("no injuries", "some injuries"),
    names as counted, for comparing across facts. Sums are not compared across facts: the noun
    after a sum (a fine, a penalty, a payment) names many sums of one story, while what a count
    counts is the quantity itself."""
    if claim.measure == PRESENCE:
        return claim.counted
    if claim.baseline or claim.measure != "count" or float(claim.quantity.value) <= MIN_COUNT:
        return ""
    return claim.counted


def _disputed_across(mine: Claim, theirs: Claim, my_claims: list[Claim], their_claims: list[Claim],
                     thing: str) -> bool:
    """Whether two claims about one `thing` in different facts contradict each other. A count in
    words needs no words in common: it names what it counts ("no injuries", "several injured"),
    where a figure's noun ("76 million people") leaves the words around it to say which."""
    if not comparable(mine, theirs) or mine.strict.meets(theirs.strict):
        return False
    if mine.measure != PRESENCE and claim_affinity(mine, theirs) < MIN_AFFINITY:
        return False
    if not (_one_value(my_claims, mine, thing) and _one_value(their_claims, theirs, thing)):
        return False
    return not _gives_value(my_claims, theirs) and not _gives_value(their_claims, mine)


def _one_value(claims: list[Claim], claim: Claim, thing: str) -> bool:
    """Whether every value the outlet gives for `thing` fits `claim`."""
    return all(claim.strict.meets(other.strict) for other in claims
               if other is not claim and comparable(claim, other) and _thing(other) == thing)


def _gives_value(claims: list[Claim], claim: Claim) -> bool:
    """Whether `claims` hold a value fitting `claim`, or two parts adding up to it ($275 million
    in penalties and $245 million in refunds against $520 million in penalties and refunds):
    across facts, whether two sums measure one thing is less sure than within one, and a whole
    against one of its parts is what they most often confuse."""
    if any(same_value(claim, other) for other in claims if other is not claim):
        return True
    alike = [other for other in claims if comparable(claim, other) and other is not claim]
    values = [float(other.quantity.value) for other in alike if other.measure != "tally"]
    return any(claim.strict.low <= first + second <= claim.strict.high for first, second in combinations(values, 2))
