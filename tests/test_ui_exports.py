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
