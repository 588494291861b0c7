"""State attorneys general acting together are one party (`reader.quotes.coalitions`).

Every article here is written for the test, in the shapes multistate coverage shows."""
from __future__ import annotations

from reader.quotes.coalitions import COALITION, state_attorneys_general
from reader.quotes.finder import Quote, find_quotes
from reader.quotes.parties import PartyBook, discover_parties
from reader.quotes.speakers import current_registry
from tests.quote_helpers import article_from, quotes_in

MULTISTATE = (
    "A coalition of 32 states reached a $90 million settlement with Brightpath Labs on Tuesday over its sale of "
    "patient records. “Patients trusted this company with their most private details,” said Oregon Attorney General "
    "Marisol Quint. “Brightpath broke that trust for profit,” Quint said. Tomas Wilder, Vermont’s attorney general, "
    "said the states would watch the company closely. “We will be checking every promise,” Wilder said. "
    "“We have already changed how we share data,” company spokesperson Lena Marsh said.")


def test_attorneys_general_of_several_states_in_a_joint_action_are_one_party() -> None:
    found = quotes_in(MULTISTATE)
    assert [(q.speaker_name, q.entity) for q in found] == [
        ("Marisol Quint", COALITION.id), ("Marisol Quint", COALITION.id), ("Tomas Wilder", COALITION.id),
        ("Lena Marsh", "brightpath-labs")]
    assert found[0].party_name == "State attorneys general"


SINGLE_STATE = ("Ohio Attorney General Dana Reyes sued Brightpath Labs on Tuesday over its sale of patient records. "
                "“Brightpath sold what was never theirs to sell,” Reyes said.")


def _quoted(*texts: str) -> tuple[dict[str, list[Quote]], PartyBook]:
    """Each text as an article ("a.txt", "b.txt", …): its quotes by article id, and the corpus's parties."""
    registry = current_registry()
    articles = [article_from(text, f"{chr(ord('a') + number)}.txt") for number, text in enumerate(texts)]
    by_article = {article.id: find_quotes(article, registry) for article in articles}
    return by_article, discover_parties(by_article, registry)


def test_attorney_general_of_a_single_state_speaks_for_their_office_alone() -> None:
    by_article, book = _quoted(SINGLE_STATE, "Brightpath Labs will fight the lawsuit. “We will see the state in "
                                             "court,” said Ohio Attorney General Dana Reyes.")
    assert [(q.speaker_name, q.entity) for q in by_article["a.txt"]] == [("Dana Reyes", "ohio-attorney-general")]
    assert by_article["a.txt"][0].party_name == "Ohio Attorney General"
    assert {q.entity for found in by_article.values() for q in book.settle(found)} == {"ohio-attorney-general"}


def test_attorney_general_quoted_alone_joins_the_states_where_the_corpus_holds_a_joint_action() -> None:
    by_article, book = _quoted(MULTISTATE, "Brightpath Labs faces more scrutiny. “The records were sold without "
                                           "consent,” said Iowa Attorney General Ruth Okafor.")
    assert by_article["b.txt"][0].entity == "iowa-attorney-general"
    assert [q.entity for q in book.settle(by_article["b.txt"])] == [COALITION.id]


def test_attorney_general_named_after_the_name_or_of_a_state_joins_a_joint_action() -> None:
    found = quotes_in(
        "Attorneys general from 12 states sued Brightpath Labs on Tuesday. “Patients were never asked,” said Paul "
        "Varga, the state’s attorney general. “We want the records back,” said June Holloway, attorney general of "
        "Nevada.")
    assert [(q.speaker_name, q.entity) for q in found] == [
        ("Paul Varga", COALITION.id), ("June Holloway", COALITION.id)]


def test_attorney_general_who_sides_against_the_other_states_is_not_one_of_them() -> None:
    found = quotes_in(
        "Attorneys general from 18 states sued the Interior Department on Monday to block the drilling rule. "
        "“This rule puts our coastline at risk,” said Maine Attorney General Colin Fairweather. Texas Attorney "
        "General Ray Dunmore, who sided with the department, filed a brief in its support. “The rule is lawful and "
        "overdue,” Dunmore said.")
    assert [(q.speaker_name, q.entity) for q in found] == [
        ("Colin Fairweather", COALITION.id), ("Ray Dunmore", "person:dunmore")]


def test_surname_only_speaker_takes_the_party_the_full_name_has_elsewhere_in_the_corpus() -> None:
    by_article, book = _quoted(MULTISTATE, "Brightpath Labs agreed to pay the states on Tuesday. “Every eligible "
                                           "patient should claim what they are owed,” Quint said.")
    assert by_article["b.txt"][0].entity != COALITION.id
    settled = book.settle(by_article["b.txt"])
    assert [(q.speaker_name, q.entity) for q in settled] == [("Marisol Quint", COALITION.id)]
    assert book.party(COALITION.id).kind == "other"


def test_attorneys_general_quoted_together_speak_for_the_states() -> None:
    found = quotes_in("Brightpath Labs will pay $90 million to 32 states. “Patients deserved better than this,” "
                      "the attorneys general said in a joint statement.")
    assert [q.entity for q in found] == [COALITION.id]



def test_opening_words_before_the_office_are_not_a_name() -> None:
    article = article_from("Attorneys general from 12 states sued Brightpath Labs. On Monday, Nevada’s attorney general "
                           "June Holloway spoke to reporters.", "a.txt")
    assert [(officer.name, officer.party) for officer in state_attorneys_general(article)] == [
        ("June Holloway", COALITION)]
