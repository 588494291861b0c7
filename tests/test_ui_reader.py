"""The reader paints spans by article offsets, hides boilerplate lines without moving offsets, cites."""
from __future__ import annotations


import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat

from reader.articles.model import Article, Boilerplate
from ui.reader_view import Highlight, ReaderView, tinted


@pytest.fixture
def reader(qtbot):
    view = ReaderView()
    qtbot.addWidget(view)
    return view


def _article(text: str, **fields) -> Article:
    return Article(id="a", path="/corpus/a.txt", text=text, **fields)


def test_highlights_select_exactly_their_article_span(reader, sample_articles):
    article = sample_articles["001"]
    reader.show_article(article)
    start = article.text.index("$30 million")
    reader.set_highlights("search", [Highlight(start, start + 11, "match", "search: million")])
    [selection] = reader.extraSelections()
    assert selection.cursor.selectedText() == "$30 million"
    assert [h.tooltip for h in reader.highlights_at(start + 3)] == ["search: million"]


def test_layers_replace_only_their_own_spans(reader, sample_articles):
    reader.show_article(sample_articles["002"])
    reader.set_highlights("quotes", [Highlight(0, 5, tinted("#E69F00"), "Amazon")])
    reader.set_highlights("search", [Highlight(10, 12, "match")])
    reader.set_highlights("search", [Highlight(20, 22, "current-match")])
    assert len(reader.extraSelections()) == 2
    reader.clear_highlights("quotes")
    assert [s.cursor.selectionStart() for s in reader.extraSelections()] == [20]
    assert reader.extraSelections()[0].format.background().color() == reader.palette().highlight().color()


def test_party_colour_format_keeps_the_colour_and_can_add_an_underline():
    char_format = tinted("#0072B2", underline=QTextCharFormat.UnderlineStyle.DashUnderline)
    assert char_format.background().color().rgb() == QColor("#0072B2").rgb()
    assert char_format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline


def test_unknown_role_is_a_clear_error(reader):
    reader.show_article(_article("text"))
    with pytest.raises(ValueError, match="unknown highlight role 'glow'"):
        reader.set_highlights("x", [Highlight(0, 2, "glow")])


def test_offsets_survive_characters_beyond_the_basic_plane(reader):
    text = "Emoji 🙂 before the quote: “we disagree”."
    reader.show_article(_article(text))
    start = text.index("“")
    reader.set_highlights("quotes", [Highlight(start, len(text) - 1, "quote")])
    assert reader.extraSelections()[0].cursor.selectedText() == "“we disagree”"
    reader.reveal(start, start + 3)
    assert reader.selected_span() == (start, start + 3)


def test_collapsing_boilerplate_hides_whole_lines_and_keeps_offsets(reader, sample_articles):
    article = sample_articles["001"]
    reader.show_article(article)
    advert = next(b for b in article.boilerplate if b.kind == "advertisement")
    inline = next(b for b in article.boilerplate if b.kind == "date-stamp")
    document = reader.document()
    reader.set_boilerplate_visible(False)
    assert not document.findBlock(advert.start).isVisible()
    assert document.findBlock(inline.start).isVisible()  # shares its line with content: stays, dimmed
    blank_after_advert = document.findBlock(advert.end + 1)
    assert blank_after_advert.length() == 1 and not blank_after_advert.isVisible()
    reader.set_boilerplate_visible(True)
    assert all(document.findBlockByNumber(n).isVisible() for n in range(document.blockCount()))
    assert document.toPlainText() == article.text


def test_revealing_hidden_boilerplate_shows_it(reader, sample_articles):
    article = sample_articles["001"]
    reader.show_article(article)
    reader.set_boilerplate_visible(False)
    advert = next(b for b in article.boilerplate if b.kind == "advertisement")
    reader.reveal(advert.start, advert.end)
    assert reader.boilerplate_visible
    assert reader.textCursor().selectedText() == "ADVERTISEMENT"


def test_boilerplate_is_dimmed_and_headings_are_bold(reader, sample_articles):
    article = sample_articles["001"]
    reader.show_article(article)
    cursor = reader.textCursor()
    cursor.setPosition(article.boilerplate[1].start + 1)
    assert cursor.charFormat().fontItalic()
    cursor.setPosition(article.headings[0][0] + 1)
    assert cursor.charFormat().fontWeight() >= 700


def test_tooltip_shows_the_spans_tooltip(qtbot, reader):
    reader.show_article(_article("Samuel Levine said the settlement was fair."))
    reader.set_highlights("quotes", [Highlight(0, 13, "quote", "Samuel Levine (FTC)")])
    with qtbot.waitExposed(reader):
        reader.show()
    rect = reader.cursorRect(reader._cursor(3, 3))
    point = rect.center()
    assert reader.offset_at(point) in range(0, 13)
    assert [h.tooltip for h in reader.highlights_at(reader.offset_at(point))] == ["Samuel Levine (FTC)"]
    assert reader.highlights_at(reader.offset_at(QPoint(rect.x() + reader.width() // 2, rect.y()))) == []


def test_heading_steps(reader, sample_articles):
    article = sample_articles["001"]
    reader.show_article(article)
    reader.step_heading(1)
    assert reader.textCursor().position() == article.headings[0][0]
    reader.step_heading(1)
    assert reader.textCursor().position() == article.headings[1][0]
    reader.step_heading(-1)
    assert reader.textCursor().position() == article.headings[0][0]


def test_empty_reader(reader):
    reader.show_article(_article("Only text.", boilerplate=[Boilerplate(0, 4, "byline")]))
    reader.show_article(None)
    assert reader.toPlainText() == "" and reader.extraSelections() == []
    assert Qt.TextInteractionFlag.TextSelectableByKeyboard & reader.textInteractionFlags()
