"""Copies found by the passages they share: excerpts, light edits, primary sources, and independence."""
from __future__ import annotations

import json

import pytest

from app.cli import main
from reader.articles.model import Article
from reader.provenance import candidates
from reader.provenance.primary import COMPLAINT, COURT_ORDER, PRESS_RELEASE, primary_source_kind
from reader.provenance.copies import COPY_SHARE, EDITED_COPY, EXCERPT, INDEPENDENT, NEAR_DUPLICATE, SPUN_COPY, provenance
from reader.provenance.spin import Words, lexicon, spin_report
from reuse_texts import (BRIDGE_BUSINESS_OUTRO, load_articles, BRIDGE_LOCAL_INTRO, BRIDGE_LOCAL_OUTRO, CHEMISTRY, HARBOUR, ORCHARD, PHILOSOPHY, RELEASE, RELEASE_STORY, TWO_QUOTES_A, TWO_QUOTES_B,
                         UNSEEN_SPINNER, dated, spin)



def _pair(report, a: str, b: str):
    return next((pair for pair in report.pairs if {pair.a, pair.b} == {f"{a}.txt", f"{b}.txt"}), None)


def _masthead(text: str) -> str:
    """The same story as another outlet prints it: curly quotes and apostrophes, em dashes."""
    return (text.replace("council's", "council\u2019s").replace('"We', "\u201cWe").replace('now,"', "now,\u201d")
            .replace(", who runs", " \u2014 who runs").replace("ramp,", "ramp \u2014"))


def test_a_light_edit_among_four_short_articles_is_a_copy(tmp_path):
    short = "\n\n".join(HARBOUR.split("\n\n")[:3])
    edited = short.replace("on Tuesday", "this week").replace("Officials said", "Officials added")
    report = provenance(load_articles(tmp_path / "four", {"a": short, "b": edited, "c": CHEMISTRY, "d": PHILOSOPHY}))
    pair = _pair(report, "a", "b")
    assert pair is not None and pair.kind in (NEAR_DUPLICATE, EDITED_COPY)
    assert not [p for p in report.pairs if p.kind != INDEPENDENT and {p.a, p.b} != {"a.txt", "b.txt"}]


def test_an_excerpt_under_another_masthead_is_found_with_its_passages(tmp_path):
    paragraphs = HARBOUR.split("\n\n")
    excerpt = _masthead("\n\n".join(paragraphs[1:3]))
    articles = load_articles(tmp_path / "mastheads", {"full": dated(HARBOUR, "2024-03-04"), "excerpt": dated(excerpt, "2024-03-04"),
                                              "orchard": ORCHARD})
    report = provenance(articles)
    pair = _pair(report, "full", "excerpt")
    assert pair is not None and pair.kind == EXCERPT
    assert pair.source == "full.txt" and pair.reason == "the other text is an excerpt of it"
    shares = {pair.a: pair.copied_a, pair.b: pair.copied_b}
    assert shares["excerpt.txt"] >= 0.9 and shares["full.txt"] < 0.6
    texts = {article.id: article.text for article in articles}
    cited = [(texts[pair.a][item.a_start:item.a_end], texts[pair.b][item.b_start:item.b_end]) for item in pair.passages]
    assert any("Maria Okafor" in a and "Maria Okafor" in b for a, b in cited)
    for a, b in cited:
        assert a.split()[0].strip("\"\u201c") == b.split()[0].strip("\"\u201c")


def test_excerpts_cut_from_different_parts_of_one_story_are_copies(tmp_path):
    wire = HARBOUR.split("\n\n")[:2]
    local = "\n\n".join([BRIDGE_LOCAL_INTRO, *wire, BRIDGE_LOCAL_OUTRO])
    business = "\n\n".join([wire[0], wire[1].replace("Officials said", "Officials added"), BRIDGE_BUSINESS_OUTRO])
    report = provenance(load_articles(tmp_path / "parts", {"local": local, "business": business, "orchard": ORCHARD}))
    pair = _pair(report, "local", "business")
    assert pair is not None and pair.kind == EDITED_COPY
    assert max(pair.copied_a, pair.copied_b) < COPY_SHARE
    assert len(pair.passages) == 2
    assert all(p.kind == INDEPENDENT for p in report.pairs if "orchard.txt" in (p.a, p.b))


def test_articles_sharing_only_a_quotation_are_independent(tmp_path):
    report = provenance(load_articles(tmp_path / "quotes", {"a": TWO_QUOTES_A, "b": TWO_QUOTES_B}))
    assert all(pair.kind == INDEPENDENT for pair in report.pairs)
    assert report.independent_sources(["a.txt", "b.txt"]) == [{"a.txt"}, {"b.txt"}]


def test_a_press_release_is_the_origin_of_the_story_that_reproduces_it(tmp_path):
    articles = load_articles(tmp_path / "release", {"release": RELEASE, "story": dated(RELEASE_STORY, "2024-05-01"),
                                            "harbour": HARBOUR})
    report = provenance(articles)
    pair = _pair(report, "release", "story")
    assert pair is not None and pair.kind != INDEPENDENT
    assert pair.source == "release.txt" and pair.reason == "the press release"
    release = next(item for item in report.articles if item.article_id == "release.txt")
    assert release.primary == "press release"
    assert [copy for copy, _ in release.reproduced_by] == ["story.txt"]
    assert release.reproduced_by[0][1] >= 0.5
    assert not next(item for item in report.articles if item.article_id == "harbour.txt").primary


def test_copies_of_one_source_count_as_one_independent_source(tmp_path):
    articles = load_articles(tmp_path / "sources", {
        "harbour": dated(HARBOUR, "2024-03-04"), "wire": dated(_masthead(HARBOUR), "2024-03-05"),
        "spun": spin(HARBOUR), "orchard": ORCHARD, "chemistry": CHEMISTRY})
    report = provenance(articles)
    groups = report.independent_sources(["wire.txt", "spun.txt", "orchard.txt", "chemistry.txt"])
    assert groups == [{"wire.txt", "spun.txt"}, {"orchard.txt"}, {"chemistry.txt"}]


def test_a_copy_spun_from_an_unseen_word_list_is_caught_alone_and_against_its_source(tmp_path):
    assert not set(UNSEEN_SPINNER.values()) & set(lexicon()[0])
    spun_text = spin(HARBOUR, UNSEEN_SPINNER).replace("balloted on Tuesday to close the old",
                                                      "balloted upon Tues toward shutter that onetime")
    articles = load_articles(tmp_path / "unseen", {"harbour": HARBOUR, "spun": spun_text, "orchard": ORCHARD})
    spun = next(article for article in articles if article.id == "spun.txt")
    alone = spin_report(spun)
    assert alone.spun and alone.rare_word_share >= 0.03
    assert {item.rule for item in alone.substitutions if item.weight > 0} == {"improbable word"}
    report = provenance(articles)
    pair = _pair(report, "harbour", "spun")
    assert pair is not None and pair.kind == SPUN_COPY and pair.source == "harbour.txt"
    badge = next(item for item in report.articles if item.article_id == "spun.txt")
    swaps = {(item.text, item.original) for item in badge.spin.substitutions}
    assert {("balloted", "voted"), ("platform", "deck"), ("cautioned", "warned")} <= swaps
    assert {("upon", "on"), ("Tues", "Tuesday"), ("toward", "to"), ("shutter", "close"), ("onetime", "old")} <= swaps
    assert not any(item.spin.spun for item in report.articles if item.article_id != "spun.txt")


def test_the_index_finds_an_excerpt_in_a_large_corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(candidates, "ALL_PAIRS_UP_TO", 2)
    paragraphs = HARBOUR.split("\n\n")
    articles = load_articles(tmp_path / "indexed", {"full": HARBOUR, "excerpt": "\n\n".join(paragraphs[3:5]),
                                            "orchard": ORCHARD, "chemistry": CHEMISTRY, "philosophy": PHILOSOPHY})
    report = provenance(articles)
    assert report.candidates < 10
    pair = _pair(report, "full", "excerpt")
    assert pair is not None and pair.kind == EXCERPT


def test_cli_json_carries_passages_and_shares(tmp_path, capsys):
    load_articles(tmp_path / "cli", {"full": HARBOUR, "excerpt": "\n\n".join(HARBOUR.split("\n\n")[1:3]), "orchard": ORCHARD})
    assert main(["reuse", str(tmp_path / "cli"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    pair = next(pair for pair in data["pairs"] if pair["kind"] == EXCERPT)
    assert set(pair["share_copied"]) == {"a", "b"} and pair["passages"]
    assert {"a", "b", "words"} <= set(pair["passages"][0])
    assert {"primary_source", "reproduced_by", "rare_word_share"} <= set(data["articles"][0])
    assert sorted(data["independent_sources"]) == [["excerpt.txt", "full.txt"], ["orchard.txt"]]
    assert main(["reuse", str(tmp_path / "cli")]) == 0
    out = capsys.readouterr().out
    assert "excerpt" in out and "% of" in out and "3 articles from 2 independent sources" in out


@pytest.mark.parametrize(("fields", "kind"), [
    ({"text": "UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLUMBIA\n\nIT IS ORDERED that the motion is granted."},
     COURT_ORDER),
    ({"text": "Plaintiff,\n v.\nACME CORP.\n\nCOMPLAINT FOR CIVIL PENALTIES, PERMANENT INJUNCTION, AND OTHER RELIEF"},
     COMPLAINT),
    ({"text": "The agency announced a settlement today.", "url": "https://www.ftc.gov/news-events/news/press-releases/x"},
     PRESS_RELEASE),
    ({"text": "The agency announced a settlement today.", "outlet": "Acme Newsroom"}, PRESS_RELEASE),
    ({"text": "The agency announced a settlement today, the court said it was ordered.",
      "url": "https://news.example.com/2024/story"}, None),
])
def test_primary_sources_are_recognised_by_what_they_say_about_themselves(fields, kind):
    assert primary_source_kind(Article(id="a", path="a.txt", **fields)) == kind


def test_every_apostrophe_mark_outlets_type_compares_as_one():
    text = "Ireland\u00b4s, Ireland\u2019s, Ireland\u2018s, Ireland\u02bcs and Ireland's"
    assert set(Words(text, [(0, len(text))]).lowers) == {"ireland's", "and"}
