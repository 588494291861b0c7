"""The rules facts alignment is built from, each on small texts of our own (not the sample):
spun copies read with their swapped words put back, newsroom synonyms, and attribution
discrepancies only between quotes of one statement."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.articles.corpus import load_corpus
from reader.facts.discrepancies import MemberClaims, attribution_discrepancies
from reader.facts.links import (GAP_FLOOR, SHARED_AMOUNT_BONUS, gap_pairs, mutual_best_matches, separate_kinds,
                               weigh_amounts)
from reader.facts.text import RestoredSentence, restorations
from reader.facts.finder import find_facts, read_sentences
from reader.articles.model import Article
from reader.facts.statement_kinds import ALLEGATION, ORDER_TERM, statement_kind
from reader.words import word_token
from reuse_texts import BOTANY, HARBOUR, edit, spin


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    entity: str | None
    speaker_name: str | None = None
    speaker: str | None = None


def _load(folder: Path, texts: dict[str, str]) -> dict[str, Article]:
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return {article.id.removesuffix(".txt"): article for article in load_corpus([folder]).articles}


def test_restored_offsets_point_at_the_real_words() -> None:
    real = "Acme volition wage $25 cardinal soon."
    sentence = RestoredSentence(real, 0, [(5, 13, "will"), (14, 18, "pay"), (23, 31, "million")])
    assert sentence.text == "Acme will pay $25 million soon."
    start, end = sentence.text.index("$25"), sentence.text.index(" soon")
    assert real[sentence.real_offset(start):sentence.real_offset(end, is_end=True)] == "$25 cardinal"
    assert real[sentence.real_offset(sentence.text.index("soon")):] == "soon."


def test_spun_copy_is_read_with_its_originals(tmp_path: Path) -> None:
    articles = _load(tmp_path / "corpus", {"original": HARBOUR, "spun": spin(HARBOUR), "botany": BOTANY})
    assert restorations(articles["original"]) == [] and restorations(articles["botany"]) == []
    spun = articles["spun"]
    swaps = restorations(spun)
    assert any(spun.text[start:end] == "cardinal" and original == "million" for start, end, original in swaps)
    features = read_sentences(spun.text, spun.sentences, swaps)
    amounts = [(feature, quantity) for feature in features for quantity in feature.quantities
               if quantity.kind == "money" and quantity.value == 14e6]
    assert amounts, "the spun $14 cardinal should read as $14 million"
    feature, quantity = amounts[0]
    assert quantity.reliable and "q:money:1.4e+07" in feature.tokens
    assert spun.text[feature.start + quantity.start:feature.start + quantity.end] == "$14 cardinal"
    assert not feature.figure, "the summary counts the real wording's figures: '$14 cardinal' is none"


def test_spun_copy_lines_up_without_false_discrepancies(tmp_path: Path) -> None:
    articles = _load(tmp_path / "corpus", {"original": HARBOUR, "spun": spin(HARBOUR), "edited": edit(HARBOUR)})
    facts = find_facts(list(articles.values()))
    cost = next(fact for fact in facts for member in fact.members if "$14 cardinal" in member.text)
    assert {member.article_id.removesuffix(".txt") for member in cost.members} >= {"original", "spun"}
    assert not [item for fact in facts for item in fact.discrepancies]


def test_newsroom_synonyms_are_one_word() -> None:
    assert word_token("surveilled") == word_token("spying") == word_token("viewed")
    assert word_token("compensate") == word_token("refunds")
    assert word_token("settlement") == word_token("resolved")
    assert word_token("forever") == word_token("indefinitely")
    assert word_token("disagreement") == word_token("disputed")
    assert word_token("consent") != word_token("agreed")


def test_attribution_only_between_quotes_of_one_statement() -> None:
    said = "We take the safety of our riders very seriously and have fixed the brakes"
    same = [MemberClaims("a", [], [Quote(0, 60, said, "transit")]),
            MemberClaims("b", [], [Quote(0, 60, said.replace("very ", ""), "union")])]
    flagged = attribution_discrepancies(same)
    assert [item.values for item in flagged] == [{"a": "transit", "b": "union"}]
    unrelated = [MemberClaims("a", [], [Quote(0, 60, said, "transit")]),
                 MemberClaims("b", [], [Quote(0, 8, "promptly", "union")])]
    assert attribution_discrepancies(unrelated) == []


def test_attribution_compares_the_speakers_outlets_name() -> None:
    """One speaker named in both (the council, or its mayor as a person) is one source; a
    speaker worded without a name ("the firm said") is our own guess and never disputed."""
    said = "The new depot will serve every neighbourhood by the end of next year"

    def members(*credits: tuple[str, str | None, str | None]) -> list[MemberClaims]:
        return [MemberClaims(f"o{number}", [], [Quote(0, 70, said, party, name, worded)])
                for number, (party, name, worded) in enumerate(credits)]

    mayor = members(("council", "Ana Ruiz", "Mayor Ana Ruiz"), ("person:ruiz", "Ana Ruiz", "Ruiz"))
    assert attribution_discrepancies(mayor) == []
    unnamed = members(("shareholders", "Shareholders", "the firm"), ("critics", "Critics", "the company"))
    assert attribution_discrepancies(unnamed) == []
    rivals = members(("council", "Ana Ruiz", "Mayor Ana Ruiz"), ("union", "Tom Hale", "union chief Tom Hale"))
    assert [item.values for item in attribution_discrepancies(rivals)] == [{"o0": "council", "o1": "union"}]


def test_amounts_anchor_and_separate_facts() -> None:
    rows = [{0: 0.2, 1: 0.2, 2: 0.2}]
    weigh_amounts(rows, [(("money", 30e6),)], [(("money", 31e6),), (("money", 5.8e6),), ()])
    same, different, silent = rows[0][0], rows[0][1], rows[0][2]
    assert same == 0.2 + SHARED_AMOUNT_BONUS  # "$30 million" and "nearly $31 million": one total
    # "$30 million" and "$5.8 million" may be two payments or two outlets' conflicting totals:
    # the words decide which, so a different sum never lowers a link
    assert different == 0.2
    assert silent == 0.2  # a sentence without amounts is neither raised nor lowered


def test_bridge_cost_and_traffic_facts_stay_apart(tmp_path: Path) -> None:
    first = ("The city will pay $14 million to repair the harbour bridge, officials said. "
             "About 31,000 vehicles crossed the harbour bridge each day before the closure.")
    second = ("Repairs to the harbour bridge will cost the city nearly $15 million. "
              "The harbour bridge carried some 31,000 vehicles a day, officials said.")
    articles = list(_load(tmp_path / "corpus", {"first": first, "second": second}).values())
    facts = find_facts(articles)
    assert len(facts) == 2, [fact.label for fact in facts]
    cost = next(fact for fact in facts if any("$14 million" in member.text for member in fact.members))
    assert all("31,000" not in member.text for member in cost.members)
    assert [item.values for item in cost.discrepancies] == [{"first.txt": "$14 million", "second.txt": "nearly $15 million"}]


def test_weak_matches_between_two_anchors_are_paired() -> None:
    """Sentences 1 and 2 of each article sit between confident matches 0↔0 and 3↔3: their
    best matches inside that gap pair up even when weak, in either order, but not below the
    floor, not with an anchored sentence, and not across anchors that swap the order."""
    rows = [{0: 0.5}, {1: 0.02, 2: GAP_FLOOR + 0.01, 3: 0.09}, {1: 0.1}, {3: 0.5}]
    assert sorted(gap_pairs(rows, mutual_best_matches(rows))) == [(1, 2, GAP_FLOOR + 0.01), (2, 1, 0.1)]
    rows[1][2] = GAP_FLOOR - 0.01
    assert gap_pairs(rows, mutual_best_matches(rows)) == [(2, 1, 0.1)]
    swapped = [{3: 0.5}, {1: 0.1}, {2: 0.1}, {0: 0.5}]
    assert gap_pairs(swapped, mutual_best_matches(swapped)) == []


@pytest.mark.parametrize("sentence, kind", [
    ("The FTC alleged that Amazon kept children's voice recordings for years.", ALLEGATION),
    ("Ring allegedly let employees watch customers' videos.", ALLEGATION),
    ("Regulators accused the company of misleading parents.", ALLEGATION),
    ("Amazon must delete inactive child accounts.", ORDER_TERM),
    ("The company will also be barred from using the data to train its algorithms.", ORDER_TERM),
    ("The order requires Ring to pay $5.8 million in refunds.", ORDER_TERM),
    ("Amazon agreed to pay $25 million to settle allegations that it kept recordings.", None),
    ("The FTC alleged that Amazon kept the recordings, which it must now delete.", None),
    ("Amazon said it disagreed with the claims.", None),
])
def test_statements_are_allegations_or_order_terms_by_their_cues(sentence: str, kind: str | None) -> None:
    assert statement_kind(sentence) == kind


def test_an_allegation_and_an_order_term_sharing_their_words_state_two_facts(tmp_path: Path) -> None:
    """Outlet A reports what Ring allegedly did and what the order forbids; outlet B only what the
    order forbids, in words close to A's allegation. B's sentence lines up with A's order term."""
    first = ("The FTC alleged that Ring used customers' videos to train its algorithms without consent. "
             "Ring is barred from using customers' videos to train its algorithms, the order says.")
    second = "Under the order, Ring must stop using customers' videos to train algorithms without consent."
    articles = list(_load(tmp_path / "corpus", {"first": first, "second": second}).values())
    [fact] = find_facts(articles)
    assert {member.text.split()[0] for member in fact.members} == {"Ring", "Under"}
    rows = [{0: 0.6}, {0: 0.5}]
    separate_kinds(rows, [ALLEGATION, ORDER_TERM], [ORDER_TERM])
    assert rows == [{}, {0: 0.5}]
