"""The story overview: copies folded under their source, conflicts first, parties with counts."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.analysis.overview import story_overview
from reader.analysis.pipeline import analyse_corpus
from reader.articles.corpus import load_corpus
from ui.overview import EVIDENCE_ROLE

LEDE = ("The Riverton city council voted {tally} on Tuesday to approve a {amount} contract for electric buses, "
        "Mayor Elena Ortiz said.")
BODY = ("\n\nThe buses will replace diesel models on the three busiest routes by next spring, according to the "
        "transit department's plan.\n\n\"This is the cleanest fleet our city has ever run,\" Ortiz said at the "
        "meeting.\n")


def council_story(folder: Path) -> Path:
    """Three outlets, one of them a wire copy of another, and one giving other figures."""
    folder.mkdir()
    (folder / "herald.txt").write_text(LEDE.format(tally="7-2", amount="$12.4 million") + BODY, encoding="utf-8")
    (folder / "wire-reprint.txt").write_text(LEDE.format(tally="7-2", amount="$12.4 million") + BODY, encoding="utf-8")
    (folder / "gazette.txt").write_text(
        "Riverton's council approved a $14.2 million contract for electric buses in a 6-3 vote on Tuesday, "
        "Mayor Elena Ortiz said.\n\nThe new buses replace diesel models on the busiest routes next spring, the "
        "transit department said.\n", encoding="utf-8")
    return folder


def test_copies_count_once_and_conflicts_come_first(tmp_path, corroborate_home):
    corpus = load_corpus([council_story(tmp_path / "council")])
    overview = story_overview(analyse_corpus(corpus.articles))
    grouped = {group.source: group.copies for group in overview.sources}
    assert sorted(len(copies) for copies in grouped.values()) == [0, 1]
    first = overview.facts[0]
    assert first.conflicts >= 1 and first.outlets == 3 and first.sources == 2
    assert overview.facts == sorted(overview.facts, key=lambda line: (-line.conflicts, -line.imprecisions,
                                                                      -line.sources, -line.outlets))
    assert overview.as_json()["facts"][0]["independent_sources"] == 2


def test_the_window_opens_to_the_overview_and_each_line_leads_to_its_evidence(qtbot, ui_context, tmp_path):
    from ui.main_window import MainWindow

    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.open_corpus([council_story(tmp_path / "council")])
    qtbot.waitUntil(lambda: window.overview.tree.rowCount() == 3, timeout=60_000)
    assert window.views.currentWidget() is window.overview
    tree = window.overview.tree
    facts, outlets, parties = (tree.item(row) for row in range(3))
    assert facts.text().startswith("Facts — ") and "conflict" in facts.text()
    assert facts.child(0).text().startswith("≠ ") and "2 independent sources" in facts.child(0).text()
    assert "3 articles, 2 independent accounts" in outlets.text()
    window.overview.setFocus()
    window.overview.setCurrentIndex(facts.child(0).index())
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        qtbot.keyClick(window.overview, Qt.Key.Key_Return)
    assert window.views.currentWidget() is window.compare_view
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert window.views.currentWidget() is window.overview
    article = outlets.child(0).data(EVIDENCE_ROLE)
    window.overview.setCurrentIndex(outlets.child(0).index())
    qtbot.keyClick(window.overview, Qt.Key.Key_Return)
    assert window.context.corpus.current.id == article[1] and window.views.currentWidget() is window.reader
    if parties.rowCount():
        window.overview.setCurrentIndex(parties.child(0).index())
        window.overview.open_current()
        assert window.quotes_panel.party_filter.currentData() == parties.child(0).data(EVIDENCE_ROLE)[1]


def test_the_command_line_prints_the_overview(tmp_path, corroborate_home, capsys):
    import json

    from app.cli import main

    folder = council_story(tmp_path / "council")
    assert main(["overview", str(folder), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["sources"]) == 2 and printed["facts"][0]["independent_sources"] == 2
    assert printed["summary"]["conflicts"] >= 1
    assert main(["overview", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("3 articles from 2 independent accounts")


def _overview_of(qtbot, folder: Path):  # noqa: ANN001, ANN202 — pytest-qt's qtbot; returns ui.overview.StoryOverviewView
    from ui.overview import StoryOverviewView

    corpus = load_corpus([folder])
    analysis = analyse_corpus(corpus.articles)
    view = StoryOverviewView()
    qtbot.addWidget(view)
    view.show_overview(story_overview(analysis), corpus, analysis.fact_summary)
    return view


def test_each_section_shows_its_first_lines_and_says_how_many_more(qtbot, monkeypatch, tmp_path, corroborate_home):
    from ui import overview as overview_module

    monkeypatch.setattr(overview_module, "SECTION_LINES", 1)
    view = _overview_of(qtbot, council_story(tmp_path / "council"))
    outlets = view.tree.item(1)
    assert outlets.rowCount() == 2 and outlets.child(1).text() == "… and 1 more in the article list (Alt+1)"


def test_an_account_lists_its_first_copies_and_says_how_many_more(qtbot, monkeypatch, tmp_path, corroborate_home):
    from ui import overview as overview_module

    folder = council_story(tmp_path / "council")
    for number in range(3):
        (folder / f"reprint-{number}.txt").write_text(LEDE.format(tally="7-2", amount="$12.4 million") + BODY,
                                                     encoding="utf-8")
    monkeypatch.setattr(overview_module, "COPY_LINES", 2)
    view = _overview_of(qtbot, folder)
    outlets = view.tree.item(1)
    source = next(outlets.child(row) for row in range(outlets.rowCount()) if outlets.child(row).rowCount())
    assert source.rowCount() == 3
    assert [source.child(row).text().startswith("copy: ") for row in range(2)] == [True, True]
    assert source.child(2).text() == "… and 2 more copies in the article list (Alt+1)"


def test_the_overview_arrives_with_the_facts(qtbot, ui_context, tmp_path):
    """Counted with the facts on the analysis worker, it is on screen as soon as they are: no
    worker thread counts it beside the window while the window takes the facts in."""
    from ui.main_window import MainWindow

    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.analysis.facts_ready, timeout=60_000):
        window.open_corpus([council_story(tmp_path / "council")])
    assert window.analysis.overview is not None and window.analysis.overview.facts[0].conflicts >= 1
    assert window.overview.tree.item(0).text().startswith("Facts — ") and "conflict" in window.overview.tree.item(0).text()
