"""The article list of a big corpus asks only for the rows in view (a few rows when it is hidden),
so opening one does not stall."""
from __future__ import annotations

import dataclasses

import pytest

from reader.articles.corpus import Corpus, load_corpus
from ui.article_list import ArticleList
from ui.article_table import ArticleTableModel


@pytest.mark.parametrize("shown", [True, False], ids=["shown", "hidden"])
def test_opening_a_big_corpus_and_badging_it_reads_only_the_rows_in_view(qtbot, ui_context, tmp_path, monkeypatch,
                                                                          shown):
    (tmp_path / "herald.txt").write_text("Council approves bus contract\n\nThe council voted 7-2 on Tuesday.",
                                         encoding="utf-8")
    article = load_corpus([tmp_path]).articles[0]
    articles = [dataclasses.replace(article, id=f"herald-{number}.txt") for number in range(3_000)]
    asked = []
    original = ArticleTableModel.data
    monkeypatch.setattr(ArticleTableModel, "data", lambda self, index, role=0: asked.append(role) or original(self, index, role))
    view = ArticleList(ui_context.corpus)
    qtbot.addWidget(view)
    view.resize(900, 500)
    if shown:
        view.show()
        qtbot.waitExposed(view)
    ui_context.corpus._finish(Corpus(articles, []))
    qtbot.wait(50)
    view.table_model.set_badges(lambda article_id: "copy of herald-0.txt")
    qtbot.wait(50)
    assert view.currentIndex().row() == 0
    assert view.table_model.rowCount() == 3_000
    assert 0 < len(asked) < 10_000, f"{len(asked)} reads of cells for 3,000 rows (measuring every row reads 60,000)"


def test_a_header_saved_by_an_earlier_version_does_not_bring_back_measuring_every_row(qtbot, ui_context):
    from ui.article_list import SIZED_FROM_ROWS

    earlier = ArticleList(ui_context.corpus)
    qtbot.addWidget(earlier)
    earlier.horizontalHeader().setResizeContentsPrecision(0)  # measured every row of a hidden list
    earlier.horizontalHeader().resizeSection(0, 123)
    view = ArticleList(ui_context.corpus)
    qtbot.addWidget(view)
    view.restore_header(earlier.horizontalHeader().saveState())
    assert view.horizontalHeader().sectionSize(0) == 123
    assert view.horizontalHeader().resizeContentsPrecision() == SIZED_FROM_ROWS
