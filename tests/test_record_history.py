"""Revisions of one article and the per-fact timeline of who reported first and who copied."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.articles.corpus import load_corpus
from reader.facts.finder import find_facts
from reader.provenance.copies import provenance
from reader.record.revisions import VersionMarks, original_address, revision_histories, updated_stamp
from reader.record.timeline import fact_timelines
from record_texts import LEDGER, write_story


def test_two_captures_of_one_address_are_a_revision_history_with_the_correction_and_times(tmp_path: Path) -> None:
    articles = load_corpus([write_story(tmp_path / "story", updated=True)]).articles
    [history] = revision_histories(articles)
    assert history.address == "ledger.example/seawall"
    assert [(v.article.id, v.time, v.time_source) for v in history.versions] == [
        ("ledger.txt", dt.datetime(2024, 3, 5), "date"),
        ("ledger-updated.txt", dt.datetime(2024, 3, 6, 9, 30), "updated stamp")]
    [step] = history.steps
    assert step.notices == ("Correction: An earlier version of this article misstated the cost of the seawall.",)
    assert not step.stealth
    changed = [(step.comparison.a_text[c.a[0]:c.a[1]], step.comparison.b_text[c.b[0]:c.b[1]])
               for c in step.comparison.changes if c.kind == "number"]
    assert ("40", "42") in changed


def test_an_edit_without_a_notice_is_a_stealth_edit_and_marked_files_are_versions(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "morning.txt").write_text(LEDGER, encoding="utf-8")
    (folder / "evening.txt").write_text(LEDGER.replace("5-2", "6-1"), encoding="utf-8")
    articles = load_corpus([folder]).articles
    assert revision_histories(articles) == []
    marks = VersionMarks()
    marks.mark([str(folder / "morning.txt"), str(folder / "evening.txt")])
    [history] = revision_histories(articles, VersionMarks())
    [step] = history.steps
    assert step.stealth and step.notices == ()
    assert [c.kind for c in step.comparison.changes] == ["number"]


def test_archive_captures_and_updated_stamps_give_the_times() -> None:
    assert original_address("https://web.archive.org/web/20240306093000/https://www.Ledger.example/seawall/") == (
        "ledger.example/seawall", dt.datetime(2024, 3, 6, 9, 30))
    assert original_address("https://ledger.example/seawall?ref=rss") == ("ledger.example/seawall", None)
    from record_texts import LEDGER_UPDATED
    from quote_helpers import article_from

    assert updated_stamp(article_from(LEDGER_UPDATED)) == dt.datetime(2024, 3, 6, 9, 30)
    assert updated_stamp(article_from("Seawall\n\nUpdated March 7, 2024 at 4:15 p.m.\n\nText.")) == \
        dt.datetime(2024, 3, 7, 16, 15)
    assert updated_stamp(article_from(LEDGER)) is None


def test_the_timeline_says_who_stated_a_fact_first_and_who_copied(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    (story / "copy.txt").write_text(LEDGER.replace("after long debate", "after a long debate"), encoding="utf-8")
    (story / "manifest.toml").write_text((story / "manifest.toml").read_text(encoding="utf-8")
                                         + '\n[articles."copy.txt"]\noutlet = "Valley Echo"\ndate = 2024-03-08\n',
                                         encoding="utf-8")
    articles = load_corpus([story]).articles
    report = provenance(articles)
    facts = find_facts(articles)
    vote = next(f for f in fact_timelines(facts, articles, report) if "$40 million" in f.label)
    order = [(a.article.id, a.first, a.copy_of) for a in vote.accounts]
    assert order == [("ledger.txt", True, ()), ("wire.txt", False, ()), ("metro.txt", False, ()),
                     ("copy.txt", False, ("ledger.txt",))]
