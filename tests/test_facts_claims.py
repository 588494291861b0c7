"""Claims and their intervals, and discrepancies between outlets, on made-up council-vote
stories: conflicting sums, tallies and counts are flagged, roundings and hedges are not, and
every report says how much was compared."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from reader.articles.corpus import load_corpus
from reader.export.facts import facts_report
from reader.facts.claims import Claim, read_claims
from reader.facts.discrepancies import MemberClaims, disputed_pairs, quantity_discrepancies
from reader.facts.finder import align_articles
from reader.facts.quantities import find_quantities
from reader.facts.summary import summarise

PUBLISHED = dt.date(2026, 3, 5)  # a Thursday

COUNCIL = {
    "courier": ("Millbrook council approves $12.4 million bus contract\n\n"
                "The Millbrook city council voted 7-2 on Wednesday to approve a $12.4 million contract with "
                "Harbor Transit to run the city's new bus network.\n\n"
                "The contract adds 40 new drivers to the network by next spring, the transit director told "
                "council members.\n\n"
                "Mayor Ellen Ortiz called the vote \"a turning point for people who cannot afford a car.\"\n"),
    "gazette": ("Council backs bus deal\n\n"
                "In a 6-3 vote Wednesday, the Millbrook city council approved a $14.2 million contract with "
                "Harbor Transit to operate the new bus network.\n\n"
                "Under the contract, Harbor Transit will hire 35 new drivers for the network by next spring.\n\n"
                "Mayor Ellen Ortiz said the decision was \"a turning point for people who cannot afford a car.\"\n"),
    "herald": ("Bus network contract passes\n\n"
               "Millbrook's city council on March 4 approved a contract worth more than $12 million with "
               "Harbor Transit to run the new bus network, in a 7-2 vote.\n\n"
               "The deal brings 40 new drivers to the bus network by next spring.\n\n"
               "\"This is a turning point for people who cannot afford a car,\" Mayor Ellen Ortiz said.\n"),
    "ledger": ("Millbrook signs bus contract\n\n"
               "By Dana Reyes\n\n"
               "The Millbrook city council voted on Wednesday to approve a contract with Harbor Transit to run "
               "the city's new bus network.\n\n"
               "The contract covers about $12.4 million over five years.\n\n"
               "Mayor Ellen Ortiz called it \"a turning point for people who cannot afford a car.\"\n"),
}


def _claims(sentence: str, published: dt.date | None = PUBLISHED) -> list[Claim]:
    return read_claims(sentence, find_quantities(sentence), 0, published)


def _grades(first: str, second: str) -> list[str]:
    return [grade for _, _, grade in disputed_pairs(_claims(first), _claims(second))]


@pytest.mark.parametrize(("first", "second", "grades"), [
    ("The council approved a $12.4 million contract.", "The council approved a $14.2 million contract.",
     ["conflict"]),
    ("The council voted 7-2 to approve the contract.", "The contract passed on a 6-3 vote.", ["conflict"]),
    ("The contract adds 40 new drivers.", "The contract adds 35 new drivers.", ["conflict"]),
    ("Amazon agreed to pay $30 million to settle the cases.",
     "Amazon agreed to pay nearly $31 million to settle the cases.", ["imprecision"]),
    ("Amazon agreed to pay $5.6 million to settle the case.",
     "Amazon agreed to pay more than $5.6 million to settle the case.", []),
    ("The council approved a $12.4 million contract.", "The council approved a $12 million contract.", []),
    ("The council approved a $12.4 million contract.", "The council approved a contract of about $12 million.", []),
    ("The council approved a $25M contract.", "The council approved a contract of 25 million dollars.", []),
    ("The breach exposed 147 million people.", "The breach exposed nearly 150 million people.", []),
    ("The breach exposed 147 million people.", "The breach exposed 143 million people.", ["conflict"]),
    ("The breach exposed 148 million people.", "The breach exposed 143 million Americans.", ["conflict"]),
    ("The breach exposed 148 million consumers.", "The breach exposed 143 million people.", ["conflict"]),
    ("The council voted on Wednesday to approve it.", "The council voted on March 4 to approve it.", []),
    ("The council voted on Tuesday to approve it.", "The council voted on March 4 to approve it.", ["conflict"]),
    ("Ring began offering multifactor authentication in 2019.",
     "Ring began offering multifactor authentication in 2020.", ["conflict"]),
    ("The payment to each rider can't exceed $2,500.", "Each rider can be paid up to $2,500.", []),
    ("The payment to each rider can't exceed $2,500.", "Each rider will be paid $2,000.", []),
    ("The payment to each rider can't exceed $2,500.", "Each rider will be paid $4,000.", ["conflict"]),
])
def test_claims_are_compared_by_interval(first: str, second: str, grades: list[str]) -> None:
    assert _grades(first, second) == grades


def test_an_outlet_giving_both_penalties_corroborates_the_one_another_gives() -> None:
    assert _grades("Amazon will pay $25 million and Ring will pay $5.8 million to settle.",
                   "Ring will pay $5.8 million to settle.") == []


def test_an_outlet_giving_the_other_value_in_another_fact_is_not_disputed() -> None:
    """It reports both sums (a first payment and the whole fund): its own here is another quantity."""
    first = _claims("The city will put $3 million into the flood relief fund this spring.")
    second = _claims("The city will put $4.5 million into the flood relief fund.")
    total = _claims("The flood relief fund will total $4.5 million by next year.")
    alone = quantity_discrepancies([MemberClaims("a", first), MemberClaims("b", second)])
    assert [item.grade for item in alone] == ["conflict"]
    both = quantity_discrepancies([MemberClaims("a", first, elsewhere=total), MemberClaims("b", second)])
    assert both == []


def test_hedges_narrow_or_open_the_interval() -> None:
    (more,) = _claims("more than $30 million")
    (nearly,) = _claims("nearly $31 million")
    (up_to,) = _claims("up to $700 million")
    (bare,) = _claims("$30 million")
    assert (more.strict.low, more.strict.high) == (30e6, 40e6)  # 30 is the value cut down to its last digit
    assert (nearly.strict.low, nearly.strict.high) == (30.5e6, 31e6)
    assert (up_to.strict.low, up_to.strict.high) == (0.0, 700e6)
    assert (bare.strict.low, bare.strict.high) == (29.5e6, 30.5e6)


def test_a_cap_is_an_upper_bound_not_a_baseline() -> None:
    for wording in ("can't exceed", "cannot exceed", "no more than", "capped at"):
        (cap,) = _claims(f"The payment to each rider {wording} $2,500.")
        assert not cap.baseline and (cap.strict.low, cap.strict.high) == (0.0, 2500.0), wording


def test_relative_days_resolve_against_the_article_date() -> None:
    (wednesday,) = _claims("The council met on Wednesday.")
    assert dt.date.fromordinal(int(wednesday.strict.low)) == dt.date(2026, 3, 4)
    (last_week,) = _claims("The council met last week.")
    assert dt.date.fromordinal(int(last_week.strict.low)) == dt.date(2026, 2, 23)
    assert _claims("The council met on Wednesday.", published=None) == []


def test_a_figure_given_for_comparison_or_naming_a_model_is_not_compared() -> None:
    assert _grades("The fine tops the previous record of $746 million.", "The fine is $1.3 billion.") == []
    assert [claim.text for claim in _claims("The Boeing 737 jets carried 171 passengers.")] == ["171"]


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    folder = tmp_path / "council"
    folder.mkdir()
    manifest = []
    for name, text in COUNCIL.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        manifest.append(f'[articles."{name}.txt"]\noutlet = "{name.title()}"\ndate = {PUBLISHED.isoformat()}\n')
    (folder / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return folder


def test_the_council_story_conflicts_are_flagged(council: Path) -> None:
    articles = load_corpus([council]).articles
    facts = align_articles(articles, use_cache=False).facts
    lede = next(fact for fact in facts if any("$14.2 million" in member.text for member in fact.members))
    assert {member.article_id for member in lede.members} == {"courier.txt", "gazette.txt", "herald.txt", "ledger.txt"}
    assert lede.missing_from == []
    values = sorted(tuple(sorted(item.values.values())) for item in lede.discrepancies)
    assert all(item.grade == "conflict" for item in lede.discrepancies)
    assert ("6-3", "7-2", "7-2") in values
    assert any("$12.4 million" in value and "$14.2 million" in value for value in map(" ".join, values))
    drivers = next(fact for fact in facts if any("35 new drivers" in member.text for member in fact.members))
    assert [sorted(item.values.values()) for item in drivers.discrepancies] == [["35", "40", "40"]]
    assert drivers.missing_from == ["ledger.txt"]
    quote = next(fact for fact in facts if any("turning point" in member.text for member in fact.members))
    assert not quote.discrepancies
    assert not any("Dana Reyes" in member.text for fact in facts for member in fact.members)


def test_summary_never_says_outlets_agree(council: Path) -> None:
    articles = load_corpus([council]).articles
    facts = align_articles(articles, use_cache=False).facts
    summary = summarise(facts, articles)
    assert summary.conflicts == 3 and summary.imprecisions == 0
    assert summary.text().startswith(f"{summary.compared} facts were stated by two or more outlets and compared; "
                                     "among them: 3 conflicts.")
    assert "agree" not in summary.text()
    quiet = summarise([fact for fact in facts if not fact.discrepancies], articles)
    assert "no discrepancy was found among them" in quiet.text()
    assert "sentence" in quiet.text() and "stated by one outlet only and not compared" in quiet.text()


def test_every_facts_export_carries_the_summary(council: Path) -> None:
    articles = load_corpus([council]).articles
    facts = [fact.as_json() for fact in align_articles(articles, use_cache=False).facts]
    report = facts_report(facts, articles, "council")
    html = report.as_bytes("html").decode("utf-8")
    assert "among them: 3 conflicts" in html and "agree on every fact" not in html
    assert "(conflict, number)" in html
    csv_text = report.as_bytes("csv").decode("utf-8-sig")
    assert "# summary: " in csv_text and "among them: 3 conflicts" in csv_text
    data = json.loads(report.as_bytes("json"))
    assert data["summary"]["conflicts"] == 3 and data["summary"]["compared_facts"] == len(facts)


def test_cli_text_and_json_open_with_the_summary(council: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(council), "--no-quotes"]) == 0
    out = capsys.readouterr().out
    assert "facts were stated by two or more outlets and compared; among them: 3 conflicts" in out.splitlines()[0]
    assert "\tconflict: outlets give incompatible figures: " in out
    assert main(["facts", str(council), "--no-quotes", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["conflicts"] == 3
    grades = {item["grade"] for fact in data["facts"] for item in fact["discrepancies"]}
    assert grades == {"conflict"}


def test_publication_date_lines_never_become_facts(tmp_path: Path) -> None:
    folder = tmp_path / "dated"
    folder.mkdir()
    for name, figure in (("one", "$3 million"), ("two", "$3 million")):
        (folder / f"{name}.txt").write_text(
            f"Feb. 7, 2026\n\nThe harbour board approved a {figure} dredging plan for the north channel on "
            "Tuesday.\n\nWork starts after the spring tides.\n", encoding="utf-8")
    (folder / "three.txt").write_text(
        "Feb. 8, 2026\n\nThe harbour board approved a $3 million dredging plan for the north channel.\n",
        encoding="utf-8")
    facts = align_articles(load_corpus([folder]).articles, use_cache=False).facts
    assert facts and not any("Feb." in member.text for fact in facts for member in fact.members)
    assert not any(fact.discrepancies for fact in facts)


FLOOD_WALL = {
    "a": ("Riverside approves flood wall\n\n"
          "The Riverside city council on Monday approved a $12 million flood wall that will shield 4,000 homes "
          "from the Alder River.\n\n"
          "Construction is due to begin in April and last two years, the public works director said.\n"),
    "b": ("Council backs Alder River flood wall\n\n"
          "Riverside's city council approved a $12 million flood wall along the Alder River on Monday.\n\n"
          "The wall will protect 6,500 homes on the east bank once it is finished, according to the city's "
          "engineers.\n\n"
          "Construction is due to begin in April and take two years, the public works director told the council.\n"),
    "c": ("Flood wall gets the green light\n\n"
          "On Monday the Riverside city council approved a $12 million flood wall for the Alder River.\n\n"
          "City engineers say the wall will protect 6,500 homes on the east bank once it is built.\n\n"
          "Work is due to begin in April and last two years, the public works director said.\n"),
}


def _flood_wall_disputes(tmp_path: Path, extra: str = "") -> list[dict[str, str]]:
    folder = tmp_path / "flood"
    folder.mkdir()
    for name, text in FLOOD_WALL.items():
        (folder / f"{name}.txt").write_text(text + (extra if name == "a" else ""), encoding="utf-8")
    facts = align_articles(load_corpus([folder]).articles, use_cache=False).facts
    return [item.values for fact in facts for item in fact.discrepancies]


def test_one_count_stated_in_two_facts_is_compared_across_them(tmp_path: Path) -> None:
    """One outlet gives the homes in its lede, the others in a sentence of their own: the
    sentences are two facts, yet the count they give is one and its values conflict."""
    assert _flood_wall_disputes(tmp_path) == [{"a.txt": "4,000", "b.txt": "6,500", "c.txt": "6,500"}]


def test_an_outlet_giving_both_counts_tells_two_quantities(tmp_path: Path) -> None:
    extra = "\nIn all, 6,500 homes sit in the river's flood zone, the director said.\n"
    assert _flood_wall_disputes(tmp_path, extra) == []


def test_a_count_in_a_sentence_of_no_fact_is_compared_with_its_story(tmp_path: Path) -> None:
    """An outlet words the homes so differently that its sentence joins no fact; the count is
    still compared with the fact of an outlet it shares other facts with."""
    quote = "\nCouncillor Maya Brandt said the vote \"ends twenty years of waiting for people on the east bank.\"\n"
    spared = ("River wall approved\n\n"
              "The Riverside city council approved a $12 million flood wall for the Alder River on Monday.\n\n"
              "About 4,000 homes on the east bank are expected to be spared.\n\n"
              "Work is due to begin in April and last two years, the public works director said.\n")
    texts = {"a": FLOOD_WALL["b"] + quote, "b": FLOOD_WALL["c"], "c": spared}
    folder = tmp_path / "flood"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    facts = align_articles(load_corpus([folder]).articles, use_cache=False).facts
    assert not any("spared" in member.text for fact in facts for member in fact.members)
    assert [item.values for fact in facts for item in fact.discrepancies] == [
        {"a.txt": "6,500", "b.txt": "6,500", "c.txt": "About 4,000"}]


DEPOT = ("Council approves bus depot\n\n"
         "The Millbrook city council approved a $4 million bus depot on Tuesday after a long debate.\n\n"
         "Plans for the depot were first drawn up in 2019, according to the council's records.\n\n"
         "The depot will house 60 buses and open next year, the transit director said.\n")
DEPOT_ELSEWHERE = ("Bus depot approved\n\n"
                   "Millbrook's city council on Tuesday approved a $4 million bus depot after a long debate.\n\n"
                   "Talks began in 2021, officials said.\n\n"
                   "The depot will house 60 buses and open next year, the transit director said.\n")


def _depot_disputes(tmp_path: Path, own: str) -> list[dict[str, str]]:
    folder = tmp_path / "depot"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.txt").write_text(own, encoding="utf-8")
    (folder / "d.txt").write_text(DEPOT_ELSEWHERE, encoding="utf-8")
    facts = align_articles(load_corpus([folder]).articles, use_cache=False).facts
    return [item.values for fact in facts for item in fact.discrepancies]


def test_a_year_worded_apart_is_compared_with_the_one_year_its_story_gives(tmp_path: Path) -> None:
    assert _depot_disputes(tmp_path, DEPOT) == [{"d.txt": "2021", "a.txt": "2019", "b.txt": "2019", "c.txt": "2019"}]


def test_a_year_worded_apart_is_not_compared_when_its_story_dates_two_things(tmp_path: Path) -> None:
    two_years = DEPOT + "\nThe old depot on Mill Road was built in 1987, records show.\n"
    assert _depot_disputes(tmp_path, two_years) == []
