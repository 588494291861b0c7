"""Quantities: the same amount written four ways is one claim; qualifiers are kept; spun
amounts are unreliable and never compared."""
from __future__ import annotations

import pytest

from reader.facts.quantities import Quantity, find_quantities


def _only(text: str, kind: str) -> Quantity:
    found = [quantity for quantity in find_quantities(text) if quantity.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text", ["a $25 million fine", "a $25M fine", "paid 25 million dollars",
                                  "paid $25,000,000 in all", "a $25 mn fine"])
def test_money_forms_normalise_to_one_value(text: str) -> None:
    amount = _only(text, "money")
    assert amount.value == 25_000_000
    assert amount.reliable
    assert amount.display() == "$25 million"


def test_qualifiers_are_part_of_the_claim() -> None:
    more = _only("agreed to pay more than $30 million", "money")
    nearly = _only("the charges total nearly $31 million", "money")
    exact = _only("a settlement amount of $30 million", "money")
    assert (more.qualifier, more.text) == ("more than", "more than $30 million")
    assert nearly.qualifier == "nearly" and nearly.value == 31_000_000
    assert (exact.qualifier, exact.value) == ("", 30_000_000)


def test_hand_over_is_not_more_than() -> None:
    amount = _only("Amazon has agreed to fork over $5.8 million to settle", "money")
    assert amount.qualifier == "" and amount.text == "$5.8 million"


def test_number_words_and_digits_agree() -> None:
    word = _only("two penalties", "number")
    digit = _only("2 penalties", "number")
    assert word.value == digit.value == 2 and word.unit == digit.unit == "penalty"


def test_hyphenated_words_are_not_counts() -> None:
    assert not [q for q in find_quantities("two-factor authentication and a two-way camera")
                if q.kind == "number"]


def test_thousands_years_and_dates() -> None:
    assert _only("about 55,000 customers", "number").value == 55_000
    assert _only("about 55,000 customers", "number").qualifier == "about"
    assert _only("Ring began rolling out the feature in 2020.", "year").value == "2020"
    assert _only("announced on May 31, 2023, by the agency", "date").value == "2023-05-31"
    assert _only("until January 2018, the FTC alleged", "date").value == "2018-01"
    assert _only("a 12% rise", "percent").value == 12


def test_spun_magnitude_is_unreliable() -> None:
    found = find_quantities("$25 cardinal for allegedly not deleting and $5.8 cardinal for failing")
    assert [(q.kind, q.reliable, q.text) for q in found] == [
        ("money", False, "$25 cardinal"), ("money", False, "$5.8 cardinal")]


def test_offsets_point_at_the_written_quantity() -> None:
    text = "It will pay nearly $31 million in 2023."
    for quantity in find_quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text


@pytest.mark.parametrize(("sentence", "value"), [("The council has ſix members.", 6.0), ("It took fıve votes.", 5.0)])
def test_number_words_matched_through_unicode_case_equivalents_are_read_not_crashed_on(sentence: str, value: float) -> None:
    """Case-blind patterns match "ſ" as "s" and "ı" as "i", which lower() keeps apart."""
    assert [quantity.value for quantity in find_quantities(sentence)] == [value]
