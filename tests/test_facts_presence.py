"""Counts stated in words: "no injuries" claims none, "some minor injuries" at least one, and
outlets saying one and the other about one story disagree (own made-up ferry stories)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles.corpus import load_corpus
from reader.facts.claims import read_presence
from reader.facts.finder import Member, align_articles
from reader.facts.values import stated_values


@pytest.mark.parametrize(("sentence", "read"), [
    ("No injuries were reported, the harbour master said.", [("No injuries", "injury", 0.0)]),
    ("There was no sign of the cause, nor any reports of injuries.", [("nor any reports of injuries", "injury", 0.0)]),
    ("No one was hurt.", [("No one was hurt", "injury", 0.0)]),
    ("The ferry docked with some minor injuries on board.", [("some minor injuries", "injury", 1.0)]),
    ("The ferry docked safely, with several injured but not seriously.", [("several injured", "injury", 1.0)]),
])
def test_a_count_in_words_is_zero_or_at_least_one(sentence: str, read: list[tuple[str, str, float]]) -> None:
    assert [(claim.quantity.text, claim.counted, claim.strict.low) for claim in read_presence(sentence)] == read


@pytest.mark.parametrize("sentence", [
    "Several people suffered bruises, but no one was seriously hurt.",  # serious harm only
    "Inspectors reported no concerning findings.",  # findings of one kind only
    "No passenger data was exposed.",  # people are counted by what happened to them
    "The repairs will take a few days.",  # a span of time
    "Some of the crew stayed aboard.",
    "No operator is above the law, the minister said.",  # a rule, not a count: counted things are plural
    "There was no evidence of sabotage.",
])
def test_qualified_absence_people_spans_of_time_and_singulars_are_not_read(sentence: str) -> None:
    assert read_presence(sentence) == []


FERRY = ("Ferry strikes pier in Portbay\n\n"
         "The Island Line ferry Mariner struck the north pier in Portbay on Friday evening while docking "
         "in high winds.\n\n"
         "The ferry was carrying 212 passengers and 9 crew members, the operator said.\n\n"
         "Harbour officials closed the north pier for inspection on Saturday.\n")


def _ferry_disputes(tmp_path: Path, first: str, second: str) -> list[dict[str, str]]:
    folder = tmp_path / "ferry"
    folder.mkdir()
    for name, extra in (("a", first), ("b", first), ("c", second)):
        (folder / f"{name}.txt").write_text(FERRY + "\n" + extra + "\n", encoding="utf-8")
    facts = align_articles(load_corpus([folder]).articles, use_cache=False).facts
    return [item.values for fact in facts for item in fact.discrepancies]


def test_none_against_some_in_one_story_conflicts(tmp_path: Path) -> None:
    assert _ferry_disputes(tmp_path, "Several passengers were taken to hospital with some minor injuries.",
                           "Although no injuries were reported, the pier was badly damaged.") == [
        {"c.txt": "no injuries", "a.txt": "some minor injuries", "b.txt": "some minor injuries"}]


def test_no_serious_harm_against_minor_injuries_agrees(tmp_path: Path) -> None:
    assert _ferry_disputes(tmp_path, "Several passengers were taken to hospital with some minor injuries.",
                           "No one was seriously hurt, though the pier was badly damaged.") == []


def test_the_fact_matrix_cell_shows_a_count_in_words_beside_the_figures(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text("Ferry strikes pier\n\nThe ferry carried 212 passengers, with some minor injuries "
                                  "reported.\n", encoding="utf-8")
    article = load_corpus([folder]).articles[0]
    start = article.text.index("The ferry")
    member = Member(article.id, article.path, start, len(article.text), article.text[start:])
    assert stated_values(member, article) == ["212", "some minor injuries"]
