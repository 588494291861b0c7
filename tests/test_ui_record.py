"""The research record in the window: the notes panel and its keys, undo shared with metadata
corrections, `note:` in search, notes in the window's exports, and the quotation, revision and
timeline views."""
from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from docx_reading import open_docx
from record_texts import LEDGER, write_story

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _open(qtbot, window, folder: Path) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.context.corpus.loaded, timeout=20_000):
        window.open_corpus([folder])
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=60_000)


@pytest.fixture
def story_window(qtbot, ui_context, tmp_path):  # noqa: ANN001, ANN201
    """The window on the seawall story: three outlets and a revised copy of the Ledger's article."""
    from ui.main_window import MainWindow

    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    _open(qtbot, window, write_story(tmp_path / "story", updated=True))
    return window


def _answer(window, text: str) -> list[str]:  # noqa: ANN001
    """Answer the note prompt with `text`; returns what each prompt was about."""
    asked: list[str] = []

    def ask(parent, title, about, previous):  # noqa: ANN001, ANN202
        asked.append(about)
        return text

    window.record.ask_text = ask
    return asked


def _note_in_reader(qtbot, window, article_id: str, phrase: str, text: str) -> None:  # noqa: ANN001
    """Add a note by keyboard (Ctrl+Shift+N) at `phrase` of the article, answering the prompt with `text`."""
    window.context.corpus.set_current(article_id)
    window.focus_reader()
    window.reader.reveal(window.context.corpus.current.text.index(phrase))
    _answer(window, text)
    qtbot.keyClick(window.reader, Qt.Key.Key_N, CTRL_SHIFT)


def _saved_notes() -> list[dict]:
    from reader import paths

    return json.loads((paths.data_dir() / "notes.json").read_text(encoding="utf-8"))["notes"]


def test_the_note_model_passes_the_model_tester_and_says_when_the_text_changed(qtmodeltester, tmp_path):
    from reader.articles.corpus import load_corpus
    from reader.record.notes import NoteBook, sentence_target
    from ui.notes_panel import NoteTableModel

    folder = write_story(tmp_path / "story")
    ledger = next(a for a in load_corpus([folder]).articles if a.id == "ledger.txt")
    book = NoteBook.open()
    start = ledger.text.index("$40 million")
    book.add(sentence_target(ledger, (start, start + 11)), "check the budget line")
    book.add(sentence_target(ledger, (0, 10)), "headline")
    (folder / "ledger.txt").write_text(LEDGER.replace("$40 million", "$42 million"), encoding="utf-8")
    model = NoteTableModel()
    model.set_notes(book.listed(), load_corpus([folder]).articles)
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "≠ changed" and model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole)
    assert "$40 million" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 2).data() == "moved"  # the file changed, the headline is still there
    assert model.index(1, 1).data().startswith("Coast Ledger")
    assert model.index(0, 3).data() == "check the budget line"


def test_the_panel_places_notes_as_the_core_does_in_a_copy_of_the_corpus(tmp_path):
    import shutil

    from reader.articles.corpus import load_corpus
    from reader.record.notes import NoteBook, sentence_target
    from ui.notes_panel import NoteTableModel

    folder = write_story(tmp_path / "story")
    ledger = next(a for a in load_corpus([folder]).articles if a.id == "ledger.txt")
    book = NoteBook.open()
    book.add(sentence_target(ledger, (0, 11)), "on the headline")
    shutil.copytree(folder, tmp_path / "elsewhere")
    (folder / "ledger.txt").unlink()
    moved = load_corpus([tmp_path / "elsewhere"]).articles
    model = NoteTableModel()
    model.set_notes(book.listed(), moved)
    assert [row.placements for row in model.rows] == [tuple(note.placements(moved)) for note in book.listed()]
    assert model.index(0, 2).data() == "unchanged" and model.rows[0].placements[0].article.path.startswith(
        str(tmp_path / "elsewhere"))
    model.set_notes(book.listed(), [])
    assert model.index(0, 2).data() == "– not open"


def test_a_note_on_the_reader_sentence_by_key_with_one_undo_for_notes_and_metadata(qtbot, story_window):
    window = story_window
    window.context.corpus.set_current("ledger.txt")
    article = window.context.corpus.current
    window.focus_reader()
    window.reader.reveal(article.text.index("voted 5-2"))
    asked = _answer(window, "the vote count differs in the Wire")
    qtbot.keyClick(window.reader, Qt.Key.Key_N, CTRL_SHIFT)
    assert asked and "sentence at" in asked[0]
    [note] = _saved_notes()
    assert note["target"]["kind"] == "sentence" and "voted 5-2" in note["target"]["anchors"][0]["text"]
    panel = window.record.panel
    assert panel.model.rowCount() == 1 and panel.model.index(0, 2).data() == "unchanged"

    window.metadata_form.edits["outlet"].setText("Ledger (print)")
    window.metadata_form.edits["outlet"].editingFinished.emit()
    stack = window.context.undo_stack
    assert stack.count() == 2
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the metadata edit
    assert len(_saved_notes()) == 1
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the note
    assert _saved_notes() == [] and panel.model.rowCount() == 0
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL_SHIFT)
    assert len(_saved_notes()) == 1 and panel.model.rowCount() == 1


def test_edit_delete_and_open_a_note_from_the_panel_by_key(qtbot, story_window):
    window = story_window
    window.context.corpus.set_current("wire.txt")
    window.focus_reader()
    start = window.context.corpus.current.text.index("five votes")
    window.reader.reveal(start, start + 10)
    _answer(window, "first words")
    qtbot.keyClick(window.reader, Qt.Key.Key_N, CTRL_SHIFT)
    assert _saved_notes()[0]["target"]["anchors"][0]["text"] == "five votes"
    qtbot.keyClick(window, Qt.Key.Key_6, ALT)
    table = window.record.panel.table
    assert table.hasFocus()
    _answer(window, "second words")
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _saved_notes()[0]["text"] == "second words"
    assert window.record.panel.model.index(0, 3).data() == "second words"
    window.context.corpus.set_current("ledger.txt")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.context.corpus.current.id == "wire.txt" and window.reader.selected_span() == (start, start + 10)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _saved_notes() == []
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _saved_notes()[0]["text"] == "second words"


def test_notes_on_a_quote_a_fact_and_a_discrepancy(qtbot, main_window):
    from ui.quotes_panel import QUOTE_ROLE

    window = main_window
    _answer(window, "about this")
    qtbot.keyClick(window, Qt.Key.Key_3, ALT)
    quote = window.quotes_panel.table.currentIndex().data(QUOTE_ROLE)
    qtbot.keyClick(window.quotes_panel.table, Qt.Key.Key_N, CTRL_SHIFT)
    assert _saved_notes()[-1]["target"]["kind"] == "quote"
    assert _saved_notes()[-1]["target"]["anchors"][0]["start"] == quote.start

    qtbot.keyClick(window, Qt.Key.Key_5, ALT)
    matrix = window.fact_matrix
    matrix.setCurrentIndex(matrix.matrix.index(0, 0))
    qtbot.keyClick(matrix, Qt.Key.Key_N, CTRL_SHIFT)
    assert _saved_notes()[-1]["target"]["kind"] == "fact"
    row = next(number for number, fact in enumerate(matrix.matrix.facts) if fact.discrepancies)
    disputed = next(iter(matrix.matrix.facts[row].discrepancies[0].values))
    column = 1 + next(n for n, article in enumerate(matrix.matrix.articles) if article.id == disputed)
    matrix.setCurrentIndex(matrix.matrix.index(row, column))
    qtbot.keyClick(matrix, Qt.Key.Key_N, CTRL_SHIFT)
    assert _saved_notes()[-1]["target"]["kind"] == "discrepancy"

    assert window.record.panel.model.rowCount() == 3


@pytest.fixture
def newsroom_window(qtbot, ui_context, tmp_path):  # noqa: ANN001, ANN201
    """The window on a story and the wire's copy of it (a day later), and an unrelated article."""
    from reuse_texts import HARBOUR, ORCHARD, dated
    from ui.main_window import MainWindow

    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "harbour.txt").write_text(dated(HARBOUR, "2024-03-04"), encoding="utf-8")
    (folder / "harbour-wire.txt").write_text(dated(HARBOUR.replace("eight months", "8 months"), "2024-03-05"),
                                             encoding="utf-8")
    (folder / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    _open(qtbot, window, folder)
    return window


def test_a_note_on_the_copy_pair_compared(qtbot, newsroom_window):
    window = newsroom_window
    _answer(window, "the wire copied the Herald")
    corpus = window.context.corpus
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        window.comparisons.compare_pair(corpus.article("harbour.txt"), corpus.article("harbour-wire.txt"))
    qtbot.keyClick(window, Qt.Key.Key_4, ALT)
    qtbot.keyClick(window.compare_view.pane_a, Qt.Key.Key_N, CTRL_SHIFT)
    saved = _saved_notes()[-1]["target"]
    assert saved["kind"] == "copy" and {a["article_id"] for a in saved["anchors"]} == {"harbour.txt", "harbour-wire.txt"}
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        window.comparisons.compare_pair(corpus.article("harbour.txt"), corpus.article("orchard.txt"))
    qtbot.keyClick(window.compare_view.pane_a, Qt.Key.Key_N, CTRL_SHIFT)
    assert len(_saved_notes()) == 1  # not a copy pair, and nothing selected: nothing to note


def test_note_search_in_the_window_follows_the_notes_as_they_change(qtbot, story_window):
    window = story_window
    _note_in_reader(qtbot, window, "metro.txt", "council member", "Misattributed to Ortega; ask counsel")

    def hits(query: str) -> set[str]:
        with qtbot.waitSignal(window.search.results_ready, timeout=20_000) as found:
            window.search_panel.query.setText(query)
        return {hit.id for hit in found.args[0].hits} if found.args[0] else set()

    assert hits("note:counsel") == {"metro.txt"}
    assert hits("seawall note:couns*") == {"metro.txt"}
    assert hits("note:budget") == set()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert hits("note:counsel ") == set()


def test_the_windows_exports_carry_the_notes(qtbot, story_window, tmp_path, monkeypatch):
    import ui.main_window as main_window_module

    window = story_window
    _note_in_reader(qtbot, window, "ledger.txt", "voted 5-2", "compare the tally with the Wire")
    target = tmp_path / "facts.html"
    monkeypatch.setattr(main_window_module.parts, "choose_export_file", lambda *args: target)
    window.context.actions.action(main_window_module.ActionId.EXPORT_FACTS).trigger()
    html = target.read_text(encoding="utf-8")
    assert "compare the tally with the Wire" in html and "Notes (1)" in html and "¶" in html


def test_the_quotation_view_flags_the_misquote_with_both_wordings(qtbot, story_window):
    window = story_window
    qtbot.keyClick(window, Qt.Key.Key_7, ALT)
    view = window.record.quotations
    qtbot.waitUntil(lambda: bool(view.items), timeout=20_000)
    page = view.page.toPlainText()
    assert "Misquote: Bay Wire differs from Coast Ledger" in page
    assert "“know,” → “knew,”" in page and "“the next” → “another”" in page
    assert "Bay Wire, 6 March 2024, ¶ 2" in page
    assert view.choice.currentText().startswith("⚑")
    assert any(group.misattributions for group in view.items)


def test_the_revision_view_shows_each_step_with_times_and_the_correction(qtbot, story_window):
    window = story_window
    window.context.corpus.set_current("ledger-updated.txt")
    qtbot.keyClick(window, Qt.Key.Key_8, ALT)
    view = window.record.revisions
    qtbot.waitUntil(lambda: bool(view.items), timeout=20_000)
    page = view.page.toPlainText()
    assert "ledger.example/seawall" in page and "2024-03-06 09:30 (updated stamp)" in page
    assert "Correction notice added" in page and "Stealth edit" not in page
    assert "40" in page and "42" in page


def test_a_stealth_edit_is_flagged_in_the_revision_view(qtbot, ui_context, tmp_path):
    from reader.record.revisions import VersionMarks
    from ui.main_window import MainWindow

    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "morning.txt").write_text(LEDGER, encoding="utf-8")
    (folder / "evening.txt").write_text(LEDGER.replace("5-2", "6-1"), encoding="utf-8")
    VersionMarks().mark([str(folder / "morning.txt"), str(folder / "evening.txt")])
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    _open(qtbot, window, folder)
    qtbot.keyClick(window, Qt.Key.Key_8, ALT)
    qtbot.waitUntil(lambda: bool(window.record.revisions.items), timeout=20_000)
    assert "Stealth edit: 1 changes" in window.record.revisions.page.toPlainText()


def test_the_timeline_view_shows_the_fact_chosen_in_the_matrix(qtbot, newsroom_window):
    window = newsroom_window
    matrix = window.fact_matrix
    assert matrix.matrix.rowCount() > 1
    row = matrix.matrix.rowCount() - 1
    matrix.setCurrentIndex(matrix.matrix.index(row, 0))
    qtbot.keyClick(window, Qt.Key.Key_9, ALT)
    view = window.record.timeline
    assert view.choice.currentIndex() == row and view.items[row].fact_id == matrix.matrix.facts[row].id
    page = view.page.toPlainText()
    assert matrix.matrix.facts[row].label in page
    first, later = page.index("2024-03-04"), page.index("2024-03-05")
    assert first < page.index("first") < later
    assert "copy of harbour" in page[later:].lower()


def test_noted_passages_are_underlined_in_the_reader_with_the_note(qtbot, story_window):
    window = story_window
    window.context.corpus.set_current("wire.txt")
    window.focus_reader()
    start = window.context.corpus.current.text.index("five votes")
    window.reader.reveal(start, start + 10)
    _answer(window, "rounded?")
    qtbot.keyClick(window.reader, Qt.Key.Key_N, CTRL_SHIFT)
    assert [h.tooltip for h in window.reader.highlights_at(start + 2)] == ["Note: rounded?"]
    window.context.corpus.set_current("ledger.txt")
    window.context.corpus.set_current("wire.txt")
    qtbot.waitUntil(lambda: bool(window.reader.highlights_at(start + 2)), timeout=5_000)
    assert "Note: rounded?" not in [h.tooltip for h in window.reader.highlights_at(0)]


def test_two_files_marked_as_versions_by_key_show_as_a_revision_history(qtbot, ui_context, tmp_path):
    from ui.main_window import MainWindow

    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "morning.txt").write_text(LEDGER, encoding="utf-8")
    (folder / "evening.txt").write_text(LEDGER.replace("5-2", "6-1"), encoding="utf-8")
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    _open(qtbot, window, folder)
    window.context.corpus.set_current("morning.txt")
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window.context.corpus.set_current("evening.txt")
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    view = window.record.revisions
    qtbot.waitUntil(lambda: bool(view.items), timeout=20_000)
    assert window.views.currentWidget() is view
    assert "Stealth edit: 1 changes" in view.page.toPlainText()


def test_notes_written_elsewhere_are_read_again_when_the_corpus_is_reloaded(qtbot, story_window):
    from reader.record.notes import NoteBook, sentence_target

    window = story_window
    article = window.context.corpus.article("metro.txt")
    NoteBook.open().add(sentence_target(article, (0, 7)), "added from the command line")
    assert window.record.panel.model.rowCount() == 0
    with qtbot.waitSignal(window.context.corpus.loaded, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=60_000)
    assert window.record.panel.model.index(0, 3).data() == "added from the command line"


def _group_row(model, speaker: str) -> int:  # noqa: ANN001
    from ui.quotes_panel import GROUP_ROLE

    return next(row for row in range(model.rowCount()) if model.index(row, 0).data(GROUP_ROLE) is not None
                and model.index(row, 1).data() == speaker)


def _printings(model, group: int) -> dict[str, int]:  # noqa: ANN001
    """The rows listed under open quotation row `group`, by outlet."""
    from ui.quotes_panel import ARTICLE_ROLE

    rows, row = {}, group + 1
    while row < model.rowCount() and model.printing(row) is not None:
        rows[model.index(row, 0).data(ARTICLE_ROLE).display_label] = row
        row += 1
    return rows


def test_the_quotes_panel_groups_one_quotation_as_each_outlet_printed_it(qtbot, story_window):
    from ui.quotes_panel import ACROSS_COLUMN, ARTICLE_ROLE, DIFF_ROLE, QUOTE_COLUMN, QUOTE_ROLE

    window = story_window
    panel, model = window.quotes_panel, window.quotes_panel.model
    qtbot.waitUntil(lambda: model.groups is not None, timeout=20_000)
    assert model.quote_count() == len(window.analysis.all_quotes())
    assert model.rowCount() < model.quote_count()  # the printings of one quotation share a row
    mayor = _group_row(model, "Dana Whitfield")
    flags = model.index(mayor, ACROSS_COLUMN).data()
    assert flags == "⚑ misquoted ⚑ different speakers" and model.index(mayor, 0).data().endswith(": 4 articles")
    assert "knew" in model.index(mayor, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(_group_row(model, "Ray Ortega"), ACROSS_COLUMN).data() == "same words"
    assert "printed by several outlets, 1 flagged" in panel.count.text()

    qtbot.keyClick(window, Qt.Key.Key_3, ALT)
    table = panel.table
    table.setCurrentIndex(model.index(mayor, 0))
    rows = model.rowCount()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert model.is_open(mayor) and model.rowCount() == rows + 4 and model.index(mayor, 0).data().startswith("▾")
    printings = _printings(model, mayor)
    assert set(printings) == {"Coast Ledger", "Bay Wire", "Metro Daily"}
    wire = printings["Bay Wire"]
    assert model.index(wire, ACROSS_COLUMN).data().startswith("⚑ ")
    assert "“know,” → “knew,”" in model.index(wire, ACROSS_COLUMN).data()
    diff = model.index(wire, QUOTE_COLUMN).data(DIFF_ROLE)
    assert "line-through" in diff and "cannot" in diff and "underline" in diff and "can&#x27;t" in diff
    under = range(mayor + 1, mayor + 5)
    base = [row for row in under if model.index(row, ACROSS_COLUMN).data() == "base wording"]
    assert len(base) == 1 and model.index(base[0], QUOTE_COLUMN).data(DIFF_ROLE) is None
    assert model.index(printings["Metro Daily"], 1).data() == "Ray Ortega"
    assert model.index(printings["Metro Daily"], ACROSS_COLUMN).data() == "⚑ credited to Ray Ortega"

    while table.currentIndex().row() != wire:
        qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = table.currentIndex()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.reader.article is chosen.data(ARTICLE_ROLE) and window.reader.article.id == "wire.txt"
    quote = chosen.data(QUOTE_ROLE)
    assert window.reader.selected_span() == (quote.start, quote.end)

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Left)  # from a printing: the quotation closes and is chosen
    assert not model.is_open(mayor) and model.rowCount() == rows and table.currentIndex().row() == mayor


def test_the_grouped_quotes_panel_still_filters_by_party(qtbot, story_window):
    from ui.quotes_panel import ALL_PARTIES, GROUP_ROLE

    window = story_window
    panel, model = window.quotes_panel, window.quotes_panel.model
    qtbot.waitUntil(lambda: model.groups is not None, timeout=20_000)
    everything = model.quote_count()
    mayor = _group_row(model, "Dana Whitfield")
    model.open_group(mayor)
    party = model.index(mayor, 0).data(GROUP_ROLE).reference.quote.entity
    panel.show_party(party)
    assert model.party == party
    shown = model.quotes()
    assert 0 < len(shown) < everything and {quote.entity for _, quote in shown} == {party}
    mayor = _group_row(model, "Dana Whitfield")
    assert model.is_open(mayor) and set(_printings(model, mayor)) == {"Coast Ledger", "Bay Wire"}  # not Metro's
    panel.show_party(ALL_PARTIES)
    assert model.quote_count() == everything


def test_the_quotes_come_as_a_list_and_fold_into_quotations_when_compared(qtbot, story_window):
    from ui.quotes_panel import QuoteTableModel

    window = story_window
    qtbot.waitUntil(lambda: window.record.groups is not None, timeout=20_000)
    model = QuoteTableModel()
    model.set_quotes(window.analysis.all_quotes(), window.analysis.parties)
    assert model.groups is None and model.rowCount() == len(window.analysis.all_quotes())
    model.set_groups(window.record.groups)
    assert model.rowCount() == len(window.analysis.all_quotes()) - sum(
        len(group.printings) - 1 for group in window.record.groups)


def test_the_quotes_panel_shows_a_dozen_one_line_rows_at_1600_by_1000(qtbot, story_window):
    window = story_window
    table, model = window.quotes_panel.table, window.quotes_panel.model
    qtbot.waitUntil(lambda: model.groups is not None, timeout=20_000)
    window.show_dock("quotes")
    window.resize(1600, 1000)
    window._size_panes_for_the_window()
    qtbot.waitUntil(lambda: window.docks["quotes"].height() >= 1000 * 0.2, timeout=5_000)
    for row in reversed(range(model.rowCount())):
        model.open_group(row)
    rows = [table.rowHeight(row) for row in range(model.rowCount())]
    line = table.fontMetrics().height()
    assert all(0 < height <= 1.5 * line for height in rows)  # diffs included
    assert table.viewport().height() >= 8 * max(rows)


def test_every_format_the_window_exports_carries_the_note_on_a_quote(qtbot, story_window, tmp_path, monkeypatch):
    import csv

    import ui.main_window as main_window_module
    from ui.quotes_panel import ARTICLE_ROLE, QUOTE_ROLE

    window = story_window
    panel = window.quotes_panel
    qtbot.waitUntil(lambda: panel.model.groups is not None, timeout=20_000)
    qtbot.keyClick(window, Qt.Key.Key_3, ALT)
    mayor = _group_row(panel.model, "Dana Whitfield")
    panel.model.open_group(mayor)
    wire = panel.model.index(_printings(panel.model, mayor)["Bay Wire"], 0)
    panel.table.setCurrentIndex(wire)
    _answer(window, "Wire changed the mayor's words")
    qtbot.keyClick(panel.table, Qt.Key.Key_N, CTRL_SHIFT)
    quote, article = wire.data(QUOTE_ROLE), wire.data(ARTICLE_ROLE)
    assert _saved_notes()[-1]["target"]["anchors"][0]["start"] == quote.start
    exported = {}
    for fmt in ("csv", "json", "pdf", "docx"):
        target = tmp_path / f"quotes.{fmt}"
        monkeypatch.setattr(main_window_module.parts, "choose_export_file", lambda *args, target=target: target)
        window.context.actions.action(main_window_module.ActionId.EXPORT_QUOTES).trigger()
        exported[fmt] = target.read_text(encoding="utf-8-sig") if fmt in ("csv", "json") else target
    pdf = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(exported["pdf"])).pages)
    word = " ".join(p.text for p in open_docx(exported["docx"].read_bytes()).paragraphs)
    for text in (pdf, word):
        notes = text.index("Notes (1)")
        assert "Wire changed the mayor's words" in text[notes:] and "Bay Wire, 6 March 2024, ¶ 2" in text[notes:]
    rows = list(csv.DictReader(line for line in exported["csv"].splitlines() if not line.startswith("#")))
    [noted] = [row for row in rows if row["note"]]
    assert noted["note"] == "Wire changed the mayor's words" and noted["outlet"] == "Bay Wire"
    assert noted["quote"] == quote.text and "Bay Wire, 6 March 2024, ¶ 2" in noted["note citation"]
    [note] = json.loads(exported["json"])["notes"]
    assert note["text"] == "Wire changed the mayor's words" and article.display_label in note["citations"][0]


def test_the_research_record_is_exported_from_the_window_with_the_notes_cited(qtbot, story_window, tmp_path,
                                                                              monkeypatch):
    import csv

    import ui.main_window as main_window_module

    window = story_window
    _note_in_reader(qtbot, window, "ledger.txt", "voted 5-2", "compare the tally with the Wire")
    exported = {}
    for fmt in ("csv", "html"):
        target = tmp_path / f"record.{fmt}"
        monkeypatch.setattr(main_window_module.parts, "choose_export_file", lambda *args, target=target: target)
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(target.exists, timeout=20_000)
        exported[fmt] = target.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(line for line in exported["csv"].splitlines() if not line.startswith("#")))
    [note] = [row for row in rows if row["section"] == "note"]
    assert note["detail"] == "compare the tally with the Wire" and "Coast Ledger, 5 March 2024, ¶ 1" in note["citation"]
    assert {"misquote", "misattribution", "revision"} <= {row["section"] for row in rows}
    html = exported["html"]
    assert html.count("Notes (1)") == 1 and "Misquotes (1)" in html


def test_the_quote_chosen_stays_chosen_as_its_quotation_when_the_grouping_arrives(qtbot, story_window):
    from ui.quotes_panel import GROUP_ROLE, QuotesPanel

    window = story_window
    qtbot.waitUntil(lambda: window.record.groups is not None, timeout=20_000)
    panel = QuotesPanel()
    qtbot.addWidget(panel)
    panel.set_quotes(window.analysis.all_quotes(), window.analysis.parties)
    wire = next(row for row, (article, quote) in enumerate(window.analysis.all_quotes())
                if article.id == "wire.txt" and "another storm" in quote.text)
    panel.table.setCurrentIndex(panel.model.index(wire, 0))
    panel.set_groups(window.record.groups)
    group = panel.table.currentIndex().data(GROUP_ROLE)
    assert group is not None and group.speaker == "Dana Whitfield"
