"""Search in the window, driven by real key presses: focus, type, choose a hit, step through matches."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.actions import ActionId
from ui.search_panel import HitModel, bold_matches

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, main_window):  # noqa: ANN001, ANN201
    """The main window once the sample's search index is ready."""
    qtbot.waitUntil(lambda: main_window.search.index is not None, timeout=60_000)
    return main_window


def type_query(qtbot, window, text: str):  # noqa: ANN001, ANN201
    panel = window.search_panel
    with qtbot.waitSignal(window.search.results_ready, timeout=20_000,
                          check_params_cb=lambda results: results is not None and results.query == text.strip()):
        qtbot.keyClicks(panel.query, text)
    return window.search.results


def test_slash_focuses_search_results_come_as_you_type_and_enter_opens_the_first_match(qtbot, window):
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Slash)
    panel = window.search_panel
    assert panel.query.hasFocus()
    results = type_query(qtbot, window, "authentication")
    assert results.total >= 2 and panel.model.rowCount() == len(results.hits)
    assert "<b>" in panel.model.index(0).data() and (results.hits[0].outlet or "outlet unknown") in panel.model.index(0).data()
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.list.currentIndex().row() == 1
    hit = panel.current_hit()
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    reader = window.reader
    assert reader.article.id == hit.id and reader.hasFocus()
    first = hit.highlights[0]
    assert reader.selected_span() == first
    assert reader.article.text[first[0]:first[1]].lower().startswith("authentication")
    if len(hit.highlights) > 1:
        qtbot.keyClick(reader, Qt.Key.Key_F3)
        assert reader.selected_span() == hit.highlights[1]
        qtbot.keyClick(reader, Qt.Key.Key_F3, SHIFT)
        assert reader.selected_span() == first
    assert {h.style for h in reader._layers["search"]} <= {"match", "current-match"}


def test_ctrl_k_and_stepping_matches_wraps_round(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_panel.query.hasFocus()
    results = type_query(qtbot, window, "alexa")
    hit = max(results.hits, key=lambda h: len(h.highlights))
    window.search_panel.list.setCurrentIndex(window.search_panel.model.index(results.hits.index(hit)))
    window.context.actions.action(ActionId.OPEN_HIT).trigger()
    for _ in range(len(hit.highlights)):
        window.context.actions.action(ActionId.NEXT_MATCH).trigger()
    assert window.reader.selected_span() == hit.highlights[0]
    window.context.actions.action(ActionId.PREVIOUS_MATCH).trigger()
    assert window.reader.selected_span() == hit.highlights[-1]


def test_facets_narrow_the_results(qtbot, window):
    results = type_query(qtbot, window, "amazon")
    panel = window.search_panel
    outlets = panel.facets["outlet"]
    assert outlets.count() == 1 + len(results.facets["outlet"])
    named = next(i for i in range(1, outlets.count()) if outlets.itemData(i) != "(unknown)")
    outlet = outlets.itemData(named)
    with qtbot.waitSignal(window.search.results_ready, timeout=20_000):
        outlets.setCurrentIndex(named)
    narrowed = window.search.results
    assert 0 < narrowed.total < results.total
    assert {hit.outlet for hit in narrowed.hits} == {outlet} and outlets.currentData() == outlet


def test_provenance_from_the_window_analysis_serves_spun_searches_and_the_spun_facet(qtbot, window):
    qtbot.waitUntil(lambda: window.analysis.reuse is not None, timeout=60_000)
    panel = window.search_panel
    spun = panel.facets["spun"]
    type_query(qtbot, window, "alexa")
    qtbot.waitUntil(lambda: spun.findData("yes") > 0, timeout=20_000)
    with qtbot.waitSignal(window.search.results_ready, timeout=20_000):
        spun.setCurrentIndex(spun.findData("yes"))
    assert {hit.id[:3] for hit in window.search.results.hits} == {"000"}
    with qtbot.waitSignal(window.search.results_ready, timeout=20_000):
        spun.setCurrentIndex(0)
    panel.query.clear()
    results = type_query(qtbot, window, "spun:yes")
    assert {hit.id[:3] for hit in results.hits} == {"000"} and not results.problems


def test_a_malformed_query_is_explained_in_the_window(qtbot, window):
    type_query(qtbot, window, '"voice assistant')
    assert "Query problem" in window.search_panel.message.text()


def test_query_syntax_is_one_key_away(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1, SHIFT)
    assert window.syntax_help.isVisible() and "outlet:" in window.syntax_help.text.toPlainText()


def test_hit_model(qtmodeltester, window, qtbot):
    results = type_query(qtbot, window, "ring")
    model = HitModel()
    qtmodeltester.check(model)
    model.set_hits(results.hits)
    qtmodeltester.check(model)


def test_bold_matches_marks_only_the_spans_inside_the_snippet():
    assert bold_matches("pay <30> million", 100, [(95, 99), (105, 109), (200, 210)]) == "pay &lt;<b>30&gt; </b>million"


def test_big_corpora_are_indexed_and_analysed_in_a_child_process(qtbot, ui_context, monkeypatch):
    """Below the thresholds the sample stays in-process; here quotes, facts, provenance and the
    index all go to the child, with progress."""
    from reader.analysis import processes
    from resources import sample_dir
    from ui.main_window import MainWindow

    monkeypatch.setattr(processes, "CHILD_PROCESS_FROM", 1)
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    progress: list[tuple[int, int]] = []
    window.search.index_progress.connect(lambda done, total, _: progress.append((done, total)))
    with qtbot.waitSignal(ui_context.corpus.loaded, timeout=20_000):
        window.open_corpus([sample_dir()])
    qtbot.waitUntil(lambda: not ui_context.tasks.busy, timeout=120_000)
    assert window.search.index is not None and window.search.index.article_count == 5
    assert window.search.index.report.added == 5 and progress and progress[-1][0] == progress[-1][1]
    assert window.analysis.quotes_complete and len(window.analysis.all_quotes()) == 31
    assert window.analysis.facts_complete and window.fact_matrix.matrix.rowCount() > 0
    assert window.analysis.badge("000_f0d0c7c1b1ea7f32.txt").startswith("spun copy")


def test_an_indexing_cancelled_before_it_starts_never_starts(qtbot, window):
    search = window.search
    started = []
    search.index_progress.connect(lambda *args: started.append(args))
    search.index_ready.connect(lambda: started.append("ready"))
    search.build_index()  # waits for the UI thread to be idle before it starts
    with qtbot.waitSignal(search.index_cancelled, timeout=5_000):
        search.cancel_indexing()
    qtbot.wait(300)
    assert search._index_task is None and not window.context.tasks.busy and started == []
