"""A sum stated for whole years is measured over them: outlets giving one sum for different
periods disagree, even though the years meet (own made-up road-repair stories)."""
from __future__ import annotations

import datetime as dt

import pytest

from reader.facts.claims import Claim, read_claims
from reader.facts.discrepancies import MemberClaims, quantity_discrepancies
from reader.facts.quantities import find_quantities

PUBLISHED = dt.date(2026, 6, 12)


def _claims(sentence: str) -> list[Claim]:
    return read_claims(sentence, find_quantities(sentence), 0, PUBLISHED)


def _disputes(first: str, second: str) -> list[dict[str, str]]:
    return [item.values for item in quantity_discrepancies([MemberClaims("a", _claims(first)),
                                                            MemberClaims("b", _claims(second))])]


@pytest.mark.parametrize(("sentence", "period"), [
    ("The county will spend $40 million on road repairs in 2027.", "2027"),
    ("The county will spend $40 million on road repairs during 2026 and 2027.", "2026-2027"),
    ("The county will spend $40 million from 2026 to 2028 on road repairs.", "2026-2028"),
    ("The county will spend $40 million on road repairs through 2027.", None),
    ("The county will spend $40 million on road repairs next year and in 2027.", None),
    ("The county will spend $40 million on road repairs in 2027 and beyond.", None),
    ("The county will spend $40 million on roads, and the state added $5 million in 2027.", None),
])
def test_a_sum_is_bound_to_the_whole_years_stated_for_it(sentence: str, period: str | None) -> None:
    sums = [claim for claim in _claims(sentence) if claim.measure == "money"]
    assert (sums[0].period.quantity.value if sums[0].period else None) == period


def test_one_sum_over_different_periods_conflicts() -> None:
    assert _disputes("The county will spend $40 million on road repairs in 2027.",
                     "The county must spend $40 million on road repairs during 2026 and 2027.") == [
        {"a": "2027", "b": "2026 and 2027"}]


@pytest.mark.parametrize("second", [
    "The county must spend $40 million on road repairs in 2027.",
    "The county must spend $40 million on road repairs through 2027.",
    "The county must spend $40 million on road repairs in 2028.",
    "The county must spend $30 million on road repairs during 2026 and 2027.",
])
def test_same_or_open_periods_and_other_sums_are_not_period_disputes(second: str) -> None:
    """Same period, an open one, two single years (compared as dates) or another sum: no period dispute."""
    disputes = _disputes("The county will spend $40 million on road repairs in 2027.", second)
    assert [values for values in disputes if "2026 and 2027" in values.values()] == []


def test_an_outlet_giving_the_sum_for_both_periods_is_not_disputed() -> None:
    both = _claims("The county will spend $40 million in 2027, and $40 million during 2026 and 2027 in all.")
    other = _claims("The county must spend $40 million on road repairs during 2026 and 2027.")
    assert quantity_discrepancies([MemberClaims("a", both), MemberClaims("b", other)]) == []
