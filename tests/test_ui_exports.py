"""The window on a folder holding one news-database export: one row per article, cited by place."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from document_builders import write
from export_builders import nexis_uni_docx, stories

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_ten_article_export_lists_ten_articles_and_cites_its_file_and_number(qtbot, main_window, tmp_path):
    ten = stories(10)
    export = write(tmp_path / "corpus" / "Files (10).docx", nexis_uni_docx(ten))
    with qtbot.waitSignal(main_window.context.corpus.loaded, timeout=20_000):
        main_window.open_corpus([export.parent])
    qtbot.waitUntil(lambda: not main_window.context.tasks.busy, timeout=60_000)
    table = main_window.article_list.table_model
    assert table.rowCount() == 10
    rows = [(table.data(table.index(row, 0)), table.data(table.index(row, 1))) for row in range(10)]
    assert rows == [(story.outlet, story.date.isoformat()) for story in ten]

    corpus = main_window.context.corpus
    corpus.set_current("Files (10).docx#4")
    article = corpus.current
    start, end = article.sentences[0]
    main_window.reader.reveal(start, end)
    main_window.focus_reader()
    try:
        qtbot.keyClick(main_window.reader, Qt.Key.Key_C, CTRL_SHIFT)
        citation = QApplication.clipboard().mimeData().text()
    finally:
        QApplication.clipboard().clear()
    assert f"{export}, document 4 of 10" in citation
    assert citation.startswith("“The Riverton council voted 4 to 2")


def test_a_guessed_outlet_says_so_and_a_correction_changes_one_article_of_an_export(qtbot, main_window, tmp_path):
    from reader.articles.corrections import Corrections

    folder = tmp_path / "corpus"
    write(folder / "export.docx", nexis_uni_docx(stories(3)))
    write(folder / "riverton-herald.txt", "The council voted on Tuesday. It was close.")
    with qtbot.waitSignal(main_window.context.corpus.loaded, timeout=20_000):
        main_window.open_corpus([folder])
    qtbot.waitUntil(lambda: not main_window.context.tasks.busy, timeout=60_000)
    corpus, form = main_window.context.corpus, main_window.metadata_form
    corpus.set_current("riverton-herald.txt")
    assert form.edits["outlet"].text() == "Riverton Herald"
    assert form.sources["outlet"].text() == "a guess from the file or folder name: correct it if wrong"

    corpus.set_current("export.docx#2")
    corpus.correct("export.docx#2", "outlet", "Northfield Post (print)")
    assert Corrections().for_article(f"{folder / 'export.docx'}#2") == {"outlet": "Northfield Post (print)"}
    assert [article.outlet for article in corpus.corpus.articles[:3]] == [
        stories(3)[0].outlet, "Northfield Post (print)", stories(3)[2].outlet]


def test_details_show_byline_section_place_and_capture_read_only_and_reachable_by_tab(qtbot, main_window, tmp_path):
    from export_builders import article_html, factiva_paragraphs, rtf, warc

    ten = stories(10)
    folder = tmp_path / "corpus"
    export = write(folder / "factiva.rtf", rtf(factiva_paragraphs(ten)))
    url = "https://www.riverton-herald.example/water"
    archive = write(folder / "site.warc.gz", warc([(url, "2024-03-05T09:30:00Z", article_html(ten[0], url))]))
    write(folder / "nexis.docx", nexis_uni_docx(ten[:2]))
    with qtbot.waitSignal(main_window.context.corpus.loaded, timeout=20_000):
        main_window.open_corpus([folder])
    qtbot.waitUntil(lambda: not main_window.context.tasks.busy, timeout=60_000)
    corpus, form = main_window.context.corpus, main_window.metadata_form
    main_window.docks["details"].show()

    corpus.set_current("factiva.rtf#3")
    shown = {name: edit.text() for name, edit in form.details.items() if edit.isVisibleTo(form)}
    assert shown == {"byline": ten[2].byline, "place": f"document 3 of 10, {ten[2].document_id}", "file": str(export)}
    assert all(edit.isReadOnly() for edit in form.details.values())
    form.edits["title"].setFocus()
    qtbot.keyClick(form.edits["title"], Qt.Key.Key_Tab)
    assert form.details["byline"].hasFocus()
    qtbot.keyClick(form.details["byline"], Qt.Key.Key_Tab)
    assert form.details["place"].hasFocus()
    qtbot.keyClicks(form.details["place"], "typed")
    assert form.details["place"].text() == f"document 3 of 10, {ten[2].document_id}"

    corpus.set_current("nexis.docx#2")
    assert (form.details["section"].text(), form.details["place"].text()) == (ten[1].section, "document 2 of 2")

    corpus.set_current("site.warc.gz#1")
    shown = {name: edit.text() for name, edit in form.details.items() if edit.isVisibleTo(form)}
    assert shown == {"file": str(archive), "captured_from": url, "captured_at": "2024-03-05 09:30:00+00:00"}
