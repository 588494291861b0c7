"""Sums in other currencies: read with their currency, and a sum restated in another currency
(a conversion) checked against the sum it converts at the exchange rates of the article's days,
never against other outlets' figures in its own currency (own made-up stories)."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.articles.corpus import load_corpus
from reader.facts import exchange
from reader.facts.claims import Claim, read_claims
from reader.facts.exchange import conversion_fits, rate_range
from reader.facts.finder import align_articles, find_facts
from reader.facts.quantities import find_quantities


def _sums(sentence: str) -> list[tuple[str, float, str, str, bool]]:
    return [(quantity.text, quantity.value, quantity.unit, quantity.currency, quantity.converts)
            for quantity in find_quantities(sentence) if quantity.kind == "money"]


@pytest.mark.parametrize(("sentence", "read"), [
    ("The port will pay US$520 million in all.", [("US$520 million", 520e6, "$", "USD", False)]),
    ("The port will pay A$776m in all.", [("A$776m", 776e6, "$", "AUD", False)]),
    ("The port will pay USD 520 million in all.", [("USD 520 million", 520e6, "$", "USD", False)]),
    ("The port will pay 52 million Canadian dollars.", [("52 million Canadian dollars", 52e6, "$", "CAD", False)]),
    ("The port will pay 520 million euros in all.", [("520 million euros", 520e6, "€", "EUR", False)]),
    ("The port was fined EUR 345 Mln on Friday.", [("EUR 345 Mln", 345e6, "€", "EUR", False)]),
    ("The port will pay 345 million EUR in all.", [("345 million EUR", 345e6, "€", "EUR", False)]),
    ("The port will pay R9.1bn in all.", [("R9.1bn", 9.1e9, "R", "ZAR", False)]),
    ("The port will pay R1,500 per container.", [("R1,500", 1500.0, "R", "ZAR", False)]),
    ("The port will pay 5 billion yen in all.", [("5 billion yen", 5e9, "¥", "JPY", False)]),
    ("The port will pay ₹100 crore in all.", [("₹100 crore", 1e9, "₹", "INR", False)]),
    ("Trucks leave the port on the R2 and the R101.", []),
])
def test_sums_are_read_with_the_currency_their_writing_names(sentence: str, read: list) -> None:
    assert _sums(sentence) == read


@pytest.mark.parametrize(("sentence", "converts"), [
    ("The firm will pay $520 million (nearly R91 billion) to settle.", [False, True]),
    ("The firm will pay US$520 million ($776 million) to settle.", [False, True]),
    ("The firm was fined 345 million euros or nearly $367 million on Friday.", [False, True]),
    ("The firm will pay $5 million ($2 million of it in refunds).", [False, False]),
    ("The firm will pay $5 million and a further €3 million in fees.", [False, False]),
])
def test_a_sum_in_brackets_or_after_or_in_another_currency_is_a_conversion(sentence: str, converts: list) -> None:
    assert [sum_read[-1] for sum_read in _sums(sentence)] == converts


def _conversion(sentence: str, published: dt.date | None) -> Claim:
    return next(claim for claim in read_claims(sentence, find_quantities(sentence), 0, published) if claim.conversion)


def test_a_conversion_is_checked_at_the_rates_of_the_days_before_its_article() -> None:
    """EUR/USD fell from about 1.00 to 0.96 during September 2022: $48 million for €50 million
    fits the rates of late September, not those of its first days."""
    sentence = "The regulator fined Norvik Shipping €50 million ($48 million) on Tuesday."
    assert conversion_fits(_conversion(sentence, dt.date(2022, 9, 28))) is True
    assert conversion_fits(_conversion(sentence, dt.date(2022, 9, 1))) is False


def test_no_rate_no_comparison() -> None:
    """No article date, a day before the ECB's table, or a bare "$" after a named dollar (some
    other local dollar): the conversion cannot be checked, so it is never disputed."""
    assert conversion_fits(_conversion("Norvik was fined €50 million ($90 million).", None)) is None
    assert conversion_fits(_conversion("Norvik was fined €50 million ($90 million).", dt.date(1990, 5, 2))) is None
    local = _conversion("Norvik will pay US$30 million ($90 million) in all.", dt.date(2024, 3, 15))
    assert local.conversion.codes == ()
    assert conversion_fits(local) is None


def test_rates_come_from_the_file_inside_the_package_never_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib.request

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the exchange rates must not be downloaded")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr("currency_converter.currency_converter.urlopen", no_network)
    exchange._converter.cache_clear()
    rate_range.cache_clear()
    low, high = rate_range("EUR", "USD", dt.date(2024, 3, 15))
    assert 1.0 < low <= high < 1.2


def test_an_unreadable_rate_table_is_logged_and_nothing_is_compared(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr("currency_converter.CURRENCY_FILE", str(tmp_path / "missing.zip"))
    exchange._converter.cache_clear()
    rate_range.cache_clear()
    try:
        assert rate_range("EUR", "USD", dt.date(2024, 3, 15)) is None
        assert conversion_fits(_conversion("Norvik was fined €50 million ($90 million).", dt.date(2024, 3, 15))) is None
        assert "exchange rates unreadable" in caplog.text
    finally:
        exchange._converter.cache_clear()
        rate_range.cache_clear()


PUBLISHED = dt.date(2024, 3, 15)  # EUR/USD 1.08-1.09, USD/ZAR 18.6-19.2 over the two weeks before
SHIPPING = {
    "tribune": ("Harbour regulator fines Norvik Shipping\n\n"
                "The harbour regulator fined Norvik Shipping €12 million ($130 million) on Tuesday for breaching "
                "port safety rules at its Eastgate terminal.\n\n"
                "Norvik said it would appeal the decision in the commercial court.\n"),
    "post": ("Norvik Shipping fined over port safety\n\n"
             "The harbour regulator fined Norvik Shipping €12 million on Tuesday for breaching port safety rules "
             "at its Eastgate terminal.\n\n"
             "Norvik said it would appeal the decision in the commercial court.\n"),
    "wire": ("Norvik Shipping hit with fine\n\n"
             "The harbour regulator fined Norvik Shipping €12 million (US$13 million) on Tuesday for breaching "
             "port safety rules at its Eastgate terminal.\n\n"
             "Norvik said it would appeal the decision in the commercial court.\n"),
}
GRANT = {
    "mail": ("Bayview council wins water grant\n\n"
             "Bayview council will receive a $20 million (about R3.7 billion) grant from the development bank "
             "to rebuild its water treatment works.\n\n"
             "Work on the treatment works starts in June, the council's engineer said.\n"),
    "times": ("Water grant for Bayview\n\n"
              "Bayview council will receive a $20 million grant from the development bank to rebuild its water "
              "treatment works.\n\n"
              "Work on the treatment works starts in June, the council's engineer said.\n"),
    "argus": ("Bayview gets water grant\n\n"
              "Bayview council will receive a US$20 million grant from the development bank to rebuild its water "
              "treatment works.\n\n"
              "Work on the treatment works starts in June, the council's engineer said.\n"),
}
LOCAL_DOLLAR = {
    "herald": ("Norvik settles with shippers\n\n"
               "Norvik Shipping will pay US$30 million ($45 million) to settle claims from shippers over delayed "
               "cargo at Eastgate.\n\n"
               "The settlement still needs a judge's approval.\n"),
    "courier": ("Norvik to pay shippers\n\n"
                "Norvik Shipping will pay US$30 million to settle claims from shippers over delayed cargo at "
                "Eastgate.\n\n"
                "The settlement still needs a judge's approval.\n"),
    "daily": ("Shippers' claims settled\n\n"
              "Norvik Shipping will pay $30 million to settle claims from shippers over delayed cargo at Eastgate.\n\n"
              "The settlement still needs a judge's approval.\n"),
}


def _corpus(folder: Path, articles: dict[str, str], dates: dict[str, dt.date] | None = None) -> Path:
    folder.mkdir()
    manifest = []
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        day = (dates or {}).get(name, PUBLISHED)
        manifest.append(f'[articles."{name}.txt"]\noutlet = "{name.title()}"\ndate = {day.isoformat()}\n')
    (folder / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return folder


def _discrepancies(folder: Path) -> list:
    return [item for fact in find_facts(load_corpus([folder]).articles) for item in fact.discrepancies]


def test_a_wrong_conversion_is_flagged_against_the_sum_it_converts(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "shipping", SHIPPING)
    (flag,) = _discrepancies(folder)
    assert flag.grade == "conflict"
    assert flag.values == {"tribune.txt": "$130 million; €12 million", "post.txt": "€12 million",
                           "wire.txt": "€12 million"}
    text = (folder / "tribune.txt").read_text(encoding="utf-8")
    assert text[slice(*flag.spans["tribune.txt"])] == "$130 million"
    assert "$130 million does not convert €12 million" in flag.detail


def test_a_rand_conversion_of_a_bare_dollar_sum_is_checked_against_every_dollar(tmp_path: Path) -> None:
    """A bare "$20 million" may be any dollar; R3.7 billion is ten times what any of them gives,
    and is shown against the outlet that names the sum's currency."""
    (flag,) = _discrepancies(_corpus(tmp_path / "grant", GRANT))
    assert flag.values == {"mail.txt": "about R3.7 billion; $20 million", "argus.txt": "US$20 million"}
    assert flag.grade == "conflict"


def test_conversions_at_different_days_rates_agree(tmp_path: Path) -> None:
    """$51 million and $48 million for one €50 million fine: each right at its own date's rate,
    and neither a claim against the other."""
    stories = {name: (f"Norvik fined\n\nThe harbour regulator fined Norvik Shipping €50 million ({converted}) "
                      "for breaching port safety rules at its Eastgate terminal.\n\n"
                      "Norvik said it would appeal the decision in the commercial court.\n")
               for name, converted in (("early", "$51 million"), ("late", "$48 million"), ("plain", "US$50 million"))}
    folder = _corpus(tmp_path / "fines", stories, {"early": dt.date(2022, 9, 1), "late": dt.date(2022, 9, 28),
                                                   "plain": dt.date(2022, 9, 20)})
    facts = find_facts(load_corpus([folder]).articles)
    assert any(len(fact.members) == 3 for fact in facts)
    assert _discrepancies(folder) == []


def test_an_unknown_bracketed_dollar_is_never_compared(tmp_path: Path) -> None:
    """"US$30 million ($45 million)": the bracket is some local dollar; without conversions the
    $45 million was a conflict with the other outlets' $30 million."""
    assert _discrepancies(_corpus(tmp_path / "settlement", LOCAL_DOLLAR)) == []


def test_the_facts_command_reports_a_wrong_conversion(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "shipping", SHIPPING)
    environment = {**os.environ, "CORROBORATE_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-m", "app", "facts", str(folder), "--json", "--no-quotes"],
                            capture_output=True, text=True, encoding="utf-8", env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    flags = [item for fact in payload["facts"] for item in fact["discrepancies"]]
    assert [(item["grade"], item["values"]["tribune.txt"]) for item in flags] == [
        ("conflict", "$130 million; €12 million")]
    assert payload["summary"]["conflicts"] == 1


def test_the_fact_alignment_is_unchanged_by_a_conversion(tmp_path: Path) -> None:
    """The lede with a conversion stays in one fact with the ledes without one."""
    articles = load_corpus([_corpus(tmp_path / "shipping", SHIPPING)]).articles
    facts = align_articles(articles, use_cache=False).facts
    lede = next(fact for fact in facts if any("€12 million" in member.text for member in fact.members))
    assert {member.article_id for member in lede.members} == {"tribune.txt", "post.txt", "wire.txt"}


@pytest.mark.parametrize(("dollars", "flagged"), [("$13 million", False), ("$20 million", False),
                                                  ("$30 million", True)])
def test_sums_two_outlets_state_in_different_currencies_are_compared_through_the_rate(
        tmp_path: Path, dollars: str, flagged: bool) -> None:
    """Not a conversion: one outlet gives the fine only in dollars. €12 million was US$13 million
    in March 2024, and 20 million Australian dollars (a bare "$" may be either); no dollar made it
    $30 million."""
    stories = dict(SHIPPING, tribune=SHIPPING["tribune"].replace("€12 million ($130 million)", dollars))
    flags = _discrepancies(_corpus(tmp_path / "shipping", stories))
    assert [item.values for item in flags] == ([{"tribune.txt": dollars, "post.txt": "€12 million",
                                                 "wire.txt": "€12 million"}] if flagged else [])
