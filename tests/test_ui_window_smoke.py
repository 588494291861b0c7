"""The plain window opens on the sample corpus and shows article text."""
from __future__ import annotations

from reader.corpus import Corpus
from ui.main_window import MainWindow


def test_window_lists_the_sample_and_shows_text(qtbot, sample_corpus: Corpus) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_corpus(sample_corpus)
    with qtbot.waitExposed(window):
        window.show()
    assert window.article_list.count() == 5
    # toPlainText() reports non-breaking spaces as spaces; offsets are unchanged.
    assert window.article_view.toPlainText() == sample_corpus.articles[0].text.replace("\u00a0", " ")
