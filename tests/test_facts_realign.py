"""Incremental re-alignment: after an article is edited, added or removed, only the stories it
touches are aligned again, and the facts are those a cold run gives.

By design the incremental run keeps the last cold run's token weights (idf) and updates
everything else exactly: its facts equal exactly a cold run with those weights. Against a cold
run with the changed corpus's own weights they may differ where a similarity sits on a
threshold; the tests bound that at 1% of the sentence pairs put in one fact (on these corpora
none differ)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.articles.corpus import load_corpus
from reader.facts import cache as fact_cache
from reader.facts import realign
from reader.facts.finder import align_articles, corpus_identity
from reader.facts.similarity import SMALL_CORPUS, article_pairs, pair_articles
from quote_helpers import FakeQuote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from corpus_generator import generate_corpus  # noqa: E402

TOWNS = ["Millbrook", "Ashford", "Corran", "Delmere", "Eastvale", "Fenwick", "Glenholt", "Harwick", "Ivesdale",
         "Jarrow", "Kestrel", "Lindham", "Morrow", "Norcross", "Oakhurst"]
COMPANIES = ["Harbor Transit", "Lakeside Coaches", "Summit Buses", "Redline Shuttle", "Bluewater Transport",
             "Crestview Lines", "Granite Motors", "Pinecone Transit", "Riverbend Coaches", "Silverlake Lines",
             "Timberline Buses", "Westgate Shuttle", "Northstar Transit", "Brightway Coaches", "Ironbridge Lines"]
OFFICIALS = ["Dana Whitfield", "Omar Castell", "Priya Sandoval", "Luis Ferrante", "Grace Okafor", "Henrik Lund",
             "Maya Kessler", "Tobias Grant", "Ines Varga", "Caleb Moreno", "Nadia Hollis", "Victor Amsel",
             "Rosa Delgado", "Felix Brandt", "Hana Ueda"]
OUTLETS = [
    "The {town} council approved a ${amount} million bus contract with {company} on March {day}.\n\n"
    "The vote was {tally}.\n\n{company} will hire {drivers} new drivers by next spring.\n\n"
    "Council member {official} said the first routes would open in June.",
    "{town} lawmakers voted {tally} on March {day} to give {company} a ${amount} million bus contract.\n\n"
    "{company} plans to add {drivers} new drivers by next spring.\n\n"
    "{official}, who chairs the transit committee, backed the contract.",
    "A ${amount} million contract for bus service went to {company} after the {town} council vote on March {day}.\n\n"
    "The company expects to hire {drivers} new drivers by next spring.\n\n"
    "\"Riders have waited long enough,\" said {official}, a council member.",
    "{company} won a ${amount} million bus contract from {town} on March {day}.\n\n"
    "The council backed it {tally}, and {company} will hire {drivers} new drivers by next spring.\n\n"
    "{official} praised the decision.",
]


def _story(number: int) -> dict[str, str]:
    return {"town": TOWNS[number], "company": COMPANIES[number], "official": OFFICIALS[number],
            "amount": f"{10 + number}.{(3 * number) % 10}", "day": str(number + 2),
            "tally": f"{5 + number % 3}-2", "drivers": str(30 + 5 * number)}


def _write_council_stories(folder: Path, stories: int = len(TOWNS)) -> None:
    """Council-vote stories, each told by four outlets in their own words: one file per article."""
    for number in range(stories):
        for outlet, template in enumerate(OUTLETS):
            (folder / f"{number:02d}-{outlet}.txt").write_text(template.format(**_story(number)) + "\n",
                                                                encoding="utf-8")


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    folder = tmp_path / "council"
    folder.mkdir()
    _write_council_stories(folder)
    return folder


def _facts(run) -> list[dict]:
    return [fact.as_json() for fact in run.facts]


def _with_text(articles, index: int, text: str):
    changed = list(articles)
    changed[index] = replace(articles[index], text=text, content_hash=articles[index].content_hash + "-edited")
    return changed


def _cold_with_snapshot_statistics(articles, snapshot):
    return align_articles(articles, use_cache=False, statistics=snapshot.statistics)


def _agreement(run, cold) -> float:
    """The share of sentence pairs put in one fact by either run that both put in one fact."""
    def pairs(facts) -> set[tuple[str, int, str, int]]:
        return {(first.article_id, first.start, second.article_id, second.start)
                for fact in facts for first in fact.members for second in fact.members if first != second}

    mine, theirs = pairs(run.facts), pairs(cold.facts)
    return len(mine & theirs) / (len(mine | theirs) or 1)


def test_an_edited_article_realigns_only_its_story_and_gives_the_cold_facts(council: Path) -> None:
    articles = load_corpus([council]).articles
    assert len(articles) > SMALL_CORPUS
    cold = align_articles(articles)
    assert cold.articles_realigned == len(articles)
    snapshot = fact_cache.load_snapshot(corpus_identity(articles))
    index = next(number for number, article in enumerate(articles) if article.path.endswith("03-2.txt"))
    edited = _with_text(articles, index, articles[index].text.replace("$13.9 million", "$19.3 million"))
    run = align_articles(edited)
    assert run.articles_read == 1
    assert run.articles_realigned == len(OUTLETS)
    assert _facts(run) == _facts(_cold_with_snapshot_statistics(edited, snapshot))
    assert _agreement(run, align_articles(edited, use_cache=False)) >= 0.99
    flagged = [fact for fact in run.facts for item in fact.discrepancies if item.kind != "attribution"]
    assert any(articles[index].id in {member.article_id for member in fact.members} for fact in flagged)
    assert not any(fact.discrepancies for fact in cold.facts)


def test_an_added_article_joins_its_story_and_a_removed_one_leaves_every_fact(council: Path) -> None:
    articles = load_corpus([council]).articles
    align_articles(articles)
    (council / "05-4.txt").write_text(
        f"{COMPANIES[5]} was awarded a ${_story(5)['amount']} million bus contract by {TOWNS[5]} on March 7.\n\n"
        f"It will hire {_story(5)['drivers']} new drivers by next spring, {OFFICIALS[5]} said.\n", encoding="utf-8")
    added = load_corpus([council]).articles
    snapshot = fact_cache.load_snapshot(corpus_identity(added))
    run = align_articles(added)
    assert (run.articles_read, run.articles_realigned) == (1, len(OUTLETS) + 1)
    assert _facts(run) == _facts(_cold_with_snapshot_statistics(added, snapshot))
    assert any(member.path.endswith("05-4.txt") for fact in run.facts for member in fact.members)

    removed = [article for article in added if not article.path.endswith("07-1.txt")]
    gone = next(article.id for article in added if article.path.endswith("07-1.txt"))
    snapshot = fact_cache.load_snapshot(corpus_identity(removed))
    run = align_articles(removed)
    assert (run.articles_read, run.articles_realigned) == (0, len(OUTLETS) - 1)
    assert _facts(run) == _facts(_cold_with_snapshot_statistics(removed, snapshot))
    assert not any(gone == member.article_id or gone in fact.missing_from for fact in run.facts
                   for member in fact.members)


def test_a_quote_changing_speaker_realigns_only_its_story(council: Path) -> None:
    articles = load_corpus([council]).articles
    article = next(article for article in articles if article.path.endswith("02-2.txt"))
    start = article.text.index('"')
    end = article.text.index('"', start + 1) + 1

    def quotes(speaker: str):
        return {article.id: [FakeQuote(start, end, article.text[start:end], "council", speaker)]}

    align_articles(articles, quotes(OFFICIALS[2]))
    run = align_articles(articles, quotes(OFFICIALS[3]))
    assert (run.articles_read, run.articles_realigned) == (0, len(OUTLETS))


def test_a_large_change_runs_cold_with_fresh_statistics(council: Path) -> None:
    """More than `REALIGN_SHARE` of the corpus differing from the last cold run's: the
    statistics are read again from the whole corpus."""
    articles = load_corpus([council]).articles
    align_articles(articles)
    changed = list(articles)
    for index in range(int(realign.REALIGN_SHARE * len(articles)) + 1):
        changed = _with_text(changed, index, changed[index].text + " Updated.")
    assert align_articles(changed).articles_realigned == len(articles)


def test_a_small_corpus_is_always_aligned_whole(sample_corpus) -> None:
    """Up to `SMALL_CORPUS` articles every pair is compared: one story, nothing to leave out."""
    articles = sample_corpus.articles
    align_articles(articles)
    edited = _with_text(articles, 1, articles[1].text + " ")
    assert align_articles(edited).articles_realigned == len(articles)


def test_pairing_in_parts_pairs_as_before(council: Path) -> None:
    """The pairing split into statistics, keys and choices (kept by the snapshot) gives the same
    pairs with the corpus's own statistics passed back in."""
    from reader.facts.anchors import anchors_of
    from reader.facts.finder import read_sentences

    articles = load_corpus([council]).articles
    anchors = [anchors_of(sentence.tokens for sentence in read_sentences(article.text, article.sentences))
               for article in articles]
    pairing = pair_articles(anchors)
    assert pairing.pairs == article_pairs(anchors) == pair_articles(anchors, pairing.statistics).pairs
    stories = {(articles[first].path[-8:-6], articles[second].path[-8:-6]) for first, second in pairing.pairs}
    assert all(first == second for first, second in stories)


def test_generated_corpus_with_a_planted_change_matches_cold(tmp_path: Path) -> None:
    """300 generated articles: one edited (a planted figure changed), one added, one removed at
    once. The incremental facts equal a cold run with the snapshot's weights exactly, and agree
    with a cold run with the corpus's own on at least 99% of the sentence pairs."""
    generate_corpus(tmp_path, 300, words=400, seed=2, plant=True)
    articles = load_corpus([tmp_path]).articles
    align_articles(articles)
    snapshot = fact_cache.load_snapshot(corpus_identity(articles))
    changed = _with_text(articles, 40, articles[40].text.replace("million", "billion", 1))
    extra = replace(articles[100], id=articles[100].id + "-b", path=articles[100].path.replace(".txt", "-b.txt"),
                    text=articles[100].text.replace("said", "stated"), content_hash="added")
    changed = changed[:101] + [extra] + changed[101:200] + changed[201:]
    run = align_articles(changed)
    assert run.articles_read == 2 and run.articles_realigned < len(changed) // 4
    assert _facts(run) == _facts(_cold_with_snapshot_statistics(changed, snapshot))
    assert _agreement(run, align_articles(changed, use_cache=False)) >= 0.99


def test_an_unchanged_corpus_after_an_incremental_run_is_answered_from_the_snapshot(council: Path) -> None:
    articles = load_corpus([council]).articles
    align_articles(articles)
    edited = _with_text(articles, 9, articles[9].text + " Updated.")
    realigned = align_articles(edited)
    again = align_articles(edited)
    assert (again.result_from_cache, again.articles_read, again.articles_realigned) == (True, 0, 0)
    assert _facts(again) == _facts(realigned)
    assert again.figures == realigned.figures


def test_runs_with_and_without_quotes_keep_their_own_snapshots(council: Path) -> None:
    """The window reads quotes, the command line may not: alternating them must not send
    either back to a cold run."""
    articles = load_corpus([council]).articles
    article = articles[6]
    quotes = {article.id: [FakeQuote(0, 20, article.text[:20], "council", OFFICIALS[1])]}
    align_articles(articles, quotes)
    align_articles(articles)
    edited = _with_text(articles, 20, articles[20].text + " Updated.")
    assert align_articles(edited, quotes).articles_realigned == len(OUTLETS)
    assert align_articles(edited).articles_realigned == len(OUTLETS)
