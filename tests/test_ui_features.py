"""Quotes, provenance, comparisons, the fact matrix and export, wired into the main window.

Each pane's main flow is driven once with real key presses; the rest through action.trigger().
"""
from __future__ import annotations

import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reader.paths import config_dir
from reader.quotes.speakers import load_registry
from reader.record.quote_compare import compare_quotations
from ui.actions import ActionId
from ui.fact_matrix import FactMatrixModel
from ui.parties_dialog import add_party
from ui.quotes_panel import ALL_PARTIES, ARTICLE_ROLE, GROUP_ROLE, QUOTE_ROLE, QuoteTableModel

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SPUN = "000_f0d0c7c1b1ea7f32.txt"


@pytest.fixture
def window(qtbot, main_window):  # noqa: ANN001, ANN201
    """The main window once quotes, provenance and facts of the sample are known."""
    analysis = main_window.analysis
    qtbot.waitUntil(lambda: analysis.facts_complete and analysis.reuse is not None, timeout=60_000)
    return main_window


def _by_article(window) -> list:  # noqa: ANN001
    """The window's quotes as `compare_quotations` takes them."""
    return [(article, window.analysis.quotes_of(article)) for article in window.context.corpus.corpus.articles]


def trigger(window, action_id: ActionId) -> None:  # noqa: ANN001
    window.context.actions.action(action_id).trigger()


def test_reader_paints_quotes_in_party_colours_with_distinct_underlines(window):
    reader, registry = window.reader, window.analysis.registry
    quotes = window.analysis.quotes_of(reader.article)
    highlights = reader._layers["quotes"]
    assert [(h.start, h.end) for h in highlights] == [(q.start, q.end) for q in quotes]
    by_party = {q.entity: h for q, h in zip(quotes, highlights) if q.entity}
    assert len(by_party) >= 2
    underlines = {h.style.underlineStyle() for h in by_party.values()}
    assert len(underlines) == len(by_party) and QTextCharFormat.UnderlineStyle.NoUnderline not in underlines
    for party_id, highlight in by_party.items():
        assert highlight.style.underlineColor().name().lower() == registry.party(party_id).color.lower()
        assert registry.party(party_id).name in highlight.tooltip and "rule:" in highlight.tooltip
        assert "confidence" in highlight.tooltip


def test_quotes_panel_filters_by_party_and_opens_a_quote_from_the_keyboard(qtbot, window):
    panel = window.quotes_panel
    everything = panel.model.quote_count()
    assert everything == sum(len(window.analysis.quotes_of(a)) for a in window.context.corpus.corpus.articles)
    qtbot.keyClick(window, Qt.Key.Key_3, ALT)
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_BracketRight)
    assert panel.party_filter.currentText() == "Amazon"
    shown = panel.model.quotes()
    assert 0 < len(shown) < everything and {quote.entity for _, quote in shown} == {"amazon"}
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    chosen = panel.table.currentIndex()
    article, quote = chosen.data(ARTICLE_ROLE), chosen.data(QUOTE_ROLE)
    assert chosen.row() == 1 and (article, quote) in shown
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.reader.article is article and window.reader.hasFocus()
    assert window.reader.selected_span() == (quote.start, quote.end)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_BracketLeft)
    assert panel.party_filter.currentText() == "All parties" and panel.model.quote_count() == everything


def test_quote_and_fact_models_pass_the_model_tester(qtmodeltester, window):
    quotes = QuoteTableModel()
    quotes.set_quotes(window.analysis.all_quotes(), window.analysis.parties)
    qtmodeltester.check(quotes)
    quotes.set_party("ftc")
    qtmodeltester.check(quotes)
    quotes.set_party(ALL_PARTIES)
    quotes.set_groups(compare_quotations(_by_article(window)))
    grouped = next(row for row in range(quotes.rowCount()) if quotes.index(row, 0).data(GROUP_ROLE) is not None)
    qtmodeltester.check(quotes)
    assert quotes.open_group(grouped) and quotes.index(grouped + 1, 0).data(GROUP_ROLE) is not None
    qtmodeltester.check(quotes)
    facts = FactMatrixModel()
    qtmodeltester.check(facts)
    facts.set_facts(window.analysis.facts, window.analysis.stating)
    qtmodeltester.check(facts)


def test_spun_copy_gets_a_badge_and_a_notice(window):
    table = window.article_list.table_model
    badges = {table.index(row, 2).data(): table.index(row, 3).data() for row in range(table.rowCount())}
    assert any(badge.startswith("spun copy") for badge in badges.values())
    spun_row = table.row_of(SPUN)
    assert table.index(spun_row, 3).data().startswith("spun copy")
    assert sum(1 for badge in badges.values() if badge) == 1
    notices = [window.context.notices.index(row, 0).data() for row in range(window.context.notices.rowCount())]
    assert "warning: Unknown outlet (000) is a synonym-spun copy" in notices
    window.context.corpus.set_current(SPUN)
    assert window.metadata_form.provenance.text().startswith("spun copy")


def test_fact_matrix_keys_compare_a_fact_switch_base_and_open_a_sentence(qtbot, window):
    matrix = window.fact_matrix
    qtbot.keyClick(window, Qt.Key.Key_5, ALT)
    assert window.views.currentWidget() is window.fact_panel and matrix.hasFocus()
    model = matrix.matrix
    row = next(r for r, fact in enumerate(model.facts) if fact.discrepancies and len(fact.members) >= 3)
    fact = model.facts[row]
    disputed = next(c for c in range(1, model.columnCount()) if model.index(row, c).data(Qt.ItemDataRole.BackgroundRole))
    assert fact.discrepancies[0].kind in model.index(row, disputed).data(Qt.ItemDataRole.ToolTipRole)
    empty = [c for c in range(1, model.columnCount()) if model.member(model.index(row, c)) is None]
    assert all(model.index(row, c).data() is None for c in empty)

    matrix.setCurrentIndex(model.index(row, 0))
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        qtbot.keyClick(matrix, Qt.Key.Key_Return)
    view = window.compare_view
    collation = view.collation()
    assert window.views.currentWidget() is view
    assert [(a.id, span) for a, span in collation.members] == \
        [(m.article_id, (m.start, m.end)) for m in fact.members]
    assert collation.base == 0
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        qtbot.keyClick(view.pane_a, Qt.Key.Key_B, CTRL)
    assert view.collation().base == 1 and view.base_selector.currentIndex() == 1
    shown = view.comparison()
    base_span, member_span = fact.members[1], next(m for m in fact.members if m.article_id == shown.b_id)
    assert shown.a_range == (base_span.start, base_span.end) and shown.b_range == (member_span.start, member_span.end)
    assert all(base_span.start <= change.a[0] <= change.a[1] <= base_span.end for change in shown.changes)
    assert all(member_span.start <= change.b[0] <= change.b[1] <= member_span.end for change in shown.changes)

    trigger(window, ActionId.SHOW_FACTS)
    matrix.setCurrentIndex(model.index(row, disputed))
    qtbot.keyClick(matrix, Qt.Key.Key_Return)
    member = model.member(model.index(row, disputed))
    assert window.reader.article.id == member.article_id
    assert window.reader.selected_span() == (member.start, member.end)


def test_compare_marked_with_current_paints_quotes_and_spun_words(qtbot, window):
    corpus = window.context.corpus
    corpus.set_current(SPUN)
    trigger(window, ActionId.MARK_ARTICLE)
    corpus.set_current("004_99175a35720b2c4a.txt")
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        trigger(window, ActionId.COMPARE_WITH_MARKED)
    view = window.compare_view
    comparison = view.comparison()
    assert (comparison.a_id, comparison.b_id) == (SPUN, "004_99175a35720b2c4a.txt")
    assert comparison.changes and window.views.currentWidget() is view
    spun = window.analysis.substitutions(corpus.article(SPUN))
    assert spun and view._substitutions[SPUN] == spun
    assert view._quotes["004_99175a35720b2c4a.txt"]
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        trigger(window, ActionId.COMPARE_ALL)
    assert len(view.collation().members) == len(corpus.corpus.articles)


@pytest.fixture
def clipboard(qapp):  # noqa: ANN001, ANN201
    """The clipboard, emptied afterwards: on the offscreen platform, mime data left on it
    crashes the interpreter at exit (the X11 platform does not)."""
    yield QApplication.clipboard()
    QApplication.clipboard().clear()


def test_copy_with_citation_from_reader_and_compare_view(qtbot, window, clipboard):
    article = window.context.corpus.current
    start = article.paragraphs[1][0]
    window.reader.reveal(start, start + 40)
    window.focus_reader()  # Alt+2: the corpus opened to its overview
    qtbot.keyClick(window.reader, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    data = clipboard.mimeData()
    assert data.text().startswith("“" + " ".join(article.text[start:start + 40].split()))
    assert "¶ 2" in data.text() and article.display_label in data.text()
    assert "<cite>" in data.html() and "¶ 2" in data.html()

    other = window.context.corpus.corpus.articles[2]
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        window.comparisons.compare_pair(article, other)
    pane = window.compare_view.pane_b
    b_start = other.paragraphs[0][0]
    pane.setTextCursor(pane.cursor_for((b_start, b_start + 30)))
    pane.setFocus()
    trigger(window, ActionId.COPY_CITATION)
    text = clipboard.mimeData().text()
    assert other.display_label in text and " ".join(other.text[b_start:b_start + 30].split()) in text


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_export_asks_before_replacing_a_file(qtbot, tmp_path, monkeypatch, window):
    target = tmp_path / "quotes.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    trigger(window, ActionId.EXPORT_QUOTES)
    parser = _Text()
    parser.feed(target.read_text(encoding="utf-8"))
    text = " ".join(parser.parts)
    first = window.quotes_panel.model.quotes()[0][1]
    assert " ".join(first.text.split())[:30] in " ".join(text.split()) and "Amazon" in text

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    csv_target = tmp_path / "facts.csv"
    csv_target.write_text("mine")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(csv_target), ""))
    trigger(window, ActionId.EXPORT_FACTS)
    assert csv_target.read_text() == "mine"
    trigger(window, ActionId.EXPORT_FACTS)
    assert "multifactor" in csv_target.read_text(encoding="utf-8-sig")

    pdf_target = tmp_path / "comparison"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(pdf_target), "PDF report (*.pdf)"))
    trigger(window, ActionId.EXPORT_COMPARISON)
    assert not Path(f"{pdf_target}.pdf").exists()  # nothing compared yet: a notice says so
    with qtbot.waitSignal(window.comparisons.finished, timeout=20_000):
        window.comparisons.compare_pair(*window.context.corpus.corpus.articles[1:3])
    trigger(window, ActionId.EXPORT_COMPARISON)
    assert Path(f"{pdf_target}.pdf").read_bytes().startswith(b"%PDF")


def test_parties_added_by_the_researcher_extend_the_registry(qtbot, window):
    add_party("amazon", "Amazon", "company", ["Bezos's company"])
    path = add_party("consumer-reports", "Consumer Reports", "other", ["CR"])
    assert path == config_dir() / "speakers.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["parties"]["amazon"]["aliases"] == ["Amazon", "Bezos's company"]
    registry = load_registry()
    assert "Bezos's company" in registry.party("amazon").aliases and "Amazon.com" in registry.party("amazon").aliases
    assert registry.party("consumer-reports").color.startswith("#")
    window.analysis.reload_registry()
    qtbot.waitUntil(lambda: window.analysis.quotes_complete, timeout=30_000)
    parties = [window.quotes_panel.party_filter.itemText(i) for i in range(window.quotes_panel.party_filter.count())]
    assert "Amazon" in parties and "Consumer Reports" not in parties, "the filter lists the parties quoted here"


def test_parties_dialog_adds_aliases_to_a_known_party(qtbot, window):
    from ui.parties_dialog import PartiesDialog

    dialog = PartiesDialog(window.analysis.parties, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("federal trade commission")
    assert dialog.kind.currentText() == "agency"
    dialog.aliases.setText("the regulator, FTC staff")
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    registry = load_registry()
    assert {"the regulator", "FTC staff"} <= set(registry.party("ftc").aliases)
    assert [party.id for party in registry.parties].count("ftc") == 1


def test_reader_hatches_spun_words_and_says_what_they_replaced(window):
    window.context.corpus.set_current(SPUN)
    spun = window.reader._layers["spin"]
    assert [(h.start, h.end) for h in spun] == window.analysis.substitutions(window.context.corpus.current)
    text = window.context.corpus.current.text
    cardinal = next(h for h in spun if text[h.start:h.end] == "cardinal")
    assert cardinal.tooltip == "likely spun: “cardinal” for “million”"
    window.context.corpus.set_current("004_99175a35720b2c4a.txt")
    assert "spin" not in window.reader._layers


def test_opening_another_corpus_clears_what_belonged_to_the_last(qtbot, window, tmp_path):
    from ui.notices import Level

    fact = max(window.analysis.facts, key=lambda item: len(item.members))
    window.compare_fact(fact)
    qtbot.waitUntil(lambda: window.compare_view.collation() is not None, timeout=20_000)
    window.context.notices.post(Level.INFO, f"Exported to {tmp_path / 'report.pdf'}")
    assert window.message_bar.isVisibleTo(window)
    story = tmp_path / "council"
    story.mkdir()
    (story / "herald.txt").write_text("The council voted 7-2 on Tuesday to expand the bus service.\n", encoding="utf-8")
    (story / "gazette.txt").write_text("Councillors approved the bus expansion in a 6-3 vote.\n", encoding="utf-8")
    with qtbot.waitSignal(window.context.corpus.loaded, timeout=20_000):
        window.open_corpus([story])
    view = window.compare_view
    assert view.collation() is None and view.comparison() is None
    assert view.pane_a.toPlainText() == "" and view.change_list.count() == 0
    assert not window.message_bar.isVisibleTo(window)
    assert window.fact_matrix.matrix.rowCount() == 0 and window.quotes_panel.model.rowCount() == 0


def test_fact_matrix_shows_each_outlets_value_and_what_was_compared(qtbot, ui_context, tmp_path):
    from ui.main_window import MainWindow

    story = tmp_path / "council"
    story.mkdir()
    lede = "The Riverton city council approved a {} budget for the bus service on Tuesday, officials said."
    for name, amount in (("herald", "$12.4 million"), ("gazette", "$12.4 million"), ("courier", "$14.2 million")):
        (story / f"{name}.txt").write_text(lede.format(amount) + "\n\nThe mayor praised the plan.\n", encoding="utf-8")
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.open_corpus([story])
    qtbot.waitUntil(lambda: window.analysis.facts_complete, timeout=60_000)
    model = window.fact_matrix.matrix
    row = next(r for r, fact in enumerate(model.facts) if fact.discrepancies)
    cells = {model.articles[c - 1].id: model.index(row, c).data() for c in range(1, model.columnCount())}
    assert cells["courier.txt"] == "≠ $14.2 million" and cells["herald.txt"] == "≠ $12.4 million"
    assert "conflict" in window.fact_panel.summary.text() and "compared" in window.fact_panel.summary.text()
    window.fact_matrix.setCurrentIndex(model.index(row, 1))
    assert window.fact_panel.sentence.text().startswith("“The Riverton city council approved")
