"""The compare view driven offscreen: real key presses, painting, scrolling in step, quotes, bases."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtTest import QTest

from reader.compare.diff import collate, compare_articles, compare_texts
from reader.articles.model import Article
from reader.tokens import CompareOptions
from ui.compare_view import CompareView


@dataclass(frozen=True)
class FakeQuote:
    start: int
    end: int
    entity: str | None
    speaker_name: str | None


@dataclass(frozen=True)
class FakeParty:
    id: str
    name: str
    color: str


class FakeRegistry:
    parties = [FakeParty("ftc", "Federal Trade Commission", "#0072B2")]

    def party(self, party_id: str) -> FakeParty | None:
        return next((party for party in self.parties if party.id == party_id), None)


def article(ident: str, text: str) -> Article:
    return Article(id=ident, path=ident, text=text, label=ident.upper())


@pytest.fixture
def view(qtbot) -> CompareView:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def char_format_at(pane, offset: int):
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.position(offset) + 1)
    return cursor.charFormat()


def test_keys_walk_the_changes_in_both_panes(view, qtbot, sample_articles):
    a, b = sample_articles["001"], sample_articles["002"]
    comparison = compare_articles(a, b)
    view.show_comparison(comparison, a, b)
    assert view.pane_a.toPlainText() == a.text and view.pane_b.toPlainText() == b.text
    assert view.pane_a.isReadOnly() and view.pane_b.isReadOnly()
    assert view.change_list.count() == len(comparison.changes) > 3
    view.pane_a.setFocus()
    qtbot.keyClick(view.pane_a, Qt.Key.Key_F7)
    assert view.current_change() == 0
    qtbot.keyClick(view.pane_a, Qt.Key.Key_F7)
    qtbot.keyClick(view.pane_b, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_change() == 2
    qtbot.keyClick(view.pane_b, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_change() == 1
    qtbot.keyClick(view.change_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current_change() == 0
    change = comparison.changes[0]
    assert view.pane_a.textCursor().selectedText() == a.span_text(change.a).replace("\n", "\u2029")
    assert view.pane_b.textCursor().selectedText() == b.span_text(change.b).replace("\n", "\u2029")
    assert view.change_list.currentRow() == 0


def test_the_last_change_stays_selected_and_the_list_navigates(view, qtbot):
    a, b = article("a", "one two three four"), article("b", "one 2 three 4")
    view.compare(a, b)
    with qtbot.waitSignal(view.currentChangeChanged) as blocker:
        view.change_list.setCurrentRow(1)
    assert blocker.args == [1]
    view.next_change_action.trigger()
    assert view.current_change() == 1


def test_changes_are_painted_with_more_than_colour(view):
    a = article("a", "Amazon will pay $25 million over Alexa.")
    b = article("b", "Amazon must pay $30 million over Alexa.")
    comparison = view.compare(a, b)
    kinds = {change.kind: change for change in comparison.changes}
    replaced, number = kinds["replaced"], kinds["number"]
    assert char_format_at(view.pane_a, replaced.a[0]).fontStrikeOut()
    assert char_format_at(view.pane_b, replaced.b[0]).fontUnderline()
    assert char_format_at(view.pane_a, number.a[0]).fontWeight() == QFont.Weight.Bold
    assert char_format_at(view.pane_b, number.b[0]).fontWeight() == QFont.Weight.Bold
    assert not char_format_at(view.pane_a, 0).fontStrikeOut()
    assert [mark[2].name() for mark in view.overview_a.marks()] == ["#56b4e9", "#e69f00"]
    mixed = view.compare(article("c", "It will pay 25 dollars."), article("d", "It paid 30 dollars."))
    [change] = mixed.changes
    assert char_format_at(view.pane_b, change.b[0]).fontWeight() != QFont.Weight.Bold, "the word is not the number"
    assert char_format_at(view.pane_b, change.b_numbers[0][0]).fontWeight() == QFont.Weight.Bold


def test_substitutions_are_shaded_apart_from_changes(view):
    a = article("a", "Amazon will pay $25 million.")
    b = article("b", "Amazon volition wage $25 cardinal.")
    view.show_comparison(compare_articles(a, b), a, b, substitutions={"b": [(7, 21), (26, 34)]})
    brush = char_format_at(view.pane_b, 8).background()
    assert brush.style() == Qt.BrushStyle.BDiagPattern
    assert char_format_at(view.pane_b, 8).fontUnderline(), "still marked as a change"
    assert char_format_at(view.pane_a, 8).background().style() == Qt.BrushStyle.SolidPattern


def test_quotes_take_their_party_colour_and_name_the_speaker_on_hover(view, qtbot):
    text = 'Intro words here. "No company is above the law," said Samuel Levine of the agency.'
    a, b = article("a", text), article("b", text.replace("Intro", "Opening"))
    quote = FakeQuote(18, 49, "ftc", "Samuel Levine")
    view.show_comparison(compare_articles(a, b), a, b, quotes={"a": [quote]}, registry=FakeRegistry())
    assert char_format_at(view.pane_a, 20).foreground().color().name() == "#0072b2"
    assert view.speaker_text(quote) == "Quote by Samuel Levine (Federal Trade Commission)"
    point = view.pane_a.cursorRect(view.pane_a.cursor_for((25, 25))).center()
    with qtbot.waitSignal(view.statusMessage) as blocker:
        QTest.mouseMove(view.pane_a.viewport(), point)
    assert blocker.args == ["Quote by Samuel Levine (Federal Trade Commission)"]
    assert view.quote_at(view.pane_b, 25) is None
    assert view.pane_a.describe(25) == blocker.args[0], "the same text is the tooltip"
    assert view.pane_a.describe(2) is None


def test_scrolling_one_pane_lines_up_the_other_paragraph_by_paragraph(view, qtbot):
    paragraphs_a = [f"Paragraph {n}: " + "the agency said the company agreed to pay. " * (3 + n % 4) for n in range(40)]
    paragraphs_b = [text.replace("agreed", "consented") if n % 3 else "An extra paragraph. " * 12 + "\n\n" + text
                    for n, text in enumerate(paragraphs_a)]
    a, b = article("a", "\n\n".join(paragraphs_a)), article("b", "\n\n".join(paragraphs_b))
    view.compare(a, b)
    target = a.text.index("Paragraph 25:")

    def b_shows(label: str) -> bool:
        offset, above = view.pane_b.top_offset()
        return b.text[offset:].lstrip("\n").startswith(label) and view.pane_b.line_top(b.text.index(label)) == \
            view.pane_b.verticalScrollBar().value()

    view.pane_a.scroll_to_offset(target)
    qtbot.waitUntil(lambda: b_shows("Paragraph 25:"))
    view.pane_a.setLineWrapColumnOrWidth(200)
    view.pane_a.setLineWrapMode(view.pane_a.LineWrapMode.FixedPixelWidth)
    view.pane_a.scroll_to_offset(a.text.index("Paragraph 31:"))
    qtbot.waitUntil(lambda: b_shows("Paragraph 31:"))
    view.resize(700, 500)
    qtbot.waitUntil(lambda: b_shows("Paragraph 31:"))
    window = view.overview_a._window
    assert 0 < window[0] < window[1] <= 1


def test_clicking_the_overview_bar_goes_to_the_nearest_change(view, qtbot):
    a = article("a", "\n\n".join(f"Line {n} stays." for n in range(80)) + "\n\nThe end was near.")
    b = article("b", "\n\n".join(f"Line {n} stays." for n in range(80)) + "\n\nThe end was far.")
    view.compare(a, b)
    qtbot.mouseClick(view.overview_a, Qt.MouseButton.LeftButton, pos=QPoint(5, view.overview_a.height() - 2))
    assert view.current_change() == 0
    assert view.pane_a.verticalScrollBar().value() > 0


def test_options_recompute_a_small_comparison(view):
    a, b = article("a", "The FTC fined Amazon."), article("b", "the ftc fined AMAZON.")
    assert len(view.compare(a, b).changes) == 2
    with_option = []
    view.optionsChanged.connect(with_option.append)
    view.option_boxes["ignore_case"].setChecked(True)
    assert with_option[0].ignore_case and view.comparison().changes == []


def test_limits_are_shown_not_hidden(view, qtbot):
    a = article("a", " ".join(f"w{n}" for n in range(0, 3000, 2)))
    b = article("b", " ".join(f"w{n}" for n in range(0, 3000, 3)))
    comparison = compare_texts(a.text, b.text, a_id="a", b_id="b", time_limit=0.0)
    view.show_comparison(comparison, a, b)
    assert view.limits_label.isVisible() and "time limit" in view.limits_label.text()


def test_base_selector_switches_the_base_of_one_fact_across_outlets(view, qtbot):
    x = article("x", "Intro. Amazon will pay $25 million to the FTC. Outro.")
    y = article("y", "Amazon agreed to pay $25 million to the FTC.")
    z = article("z", "Lead. Amazon will pay $30 million to the agency.")
    view.show_collation(collate([(x, (7, 46)), (y, (0, 44)), (z, (6, 48))], base=0))
    assert view.base_selector.isVisible() and view.base_selector.count() == 3
    assert view.member_selector.count() == 2 and view.comparison().b_id == "y"
    view.member_selector.setCurrentIndex(1)
    assert view.comparison().b_id == "z"
    assert {change.kind for change in view.comparison().changes} == {"number", "replaced"}
    with qtbot.waitSignal(view.baseRequested) as blocker:
        view.base_selector.setCurrentIndex(2)
    assert blocker.args == [2]
    assert view.collation().base == 2 and view.comparison().a_id == "z"
    assert view.pane_a.toPlainText() == z.text


def test_offsets_survive_characters_outside_the_basic_plane(view):
    a = article("a", "Emoji 😀 then Amazon will pay.")
    b = article("b", "Emoji 😀 then Amazon must pay.")
    comparison = view.compare(a, b)
    change = comparison.changes[0]
    view.go_to_change(0)
    assert view.pane_a.textCursor().selectedText() == "will" == a.span_text(change.a)
    assert view.pane_a.offset(view.pane_a.position(change.a[0])) == change.a[0]


def test_a_plain_comparison_after_a_collation_leaves_collation_mode(view):
    x, y = article("x", "Amazon will pay $25 million."), article("y", "Amazon agreed to pay $25 million.")
    view.show_collation(collate([x, y], base=0))
    assert view.collation() is not None
    view.show_comparison(compare_articles(y, x), y, x)
    assert view.collation() is None and not view.base_selector.isVisible()
    view.option_boxes["ignore_case"].setChecked(True)
    assert view.comparison().a_id == "y", "a comparison shown from outside is not recomputed behind the caller"


def test_a_moved_change_says_where_it_went(view, qtbot):
    first = "Amazon agreed to pay a fine over Alexa recordings of children."
    second = "Ring employees watched private videos of customers without consent."
    a = article("a", f"{first}\n\n{second}\n")
    b = article("b", f"{second}\n\n{first}\n")
    a.paragraphs = [(0, len(first)), (len(first) + 2, len(first) + 2 + len(second))]
    b.paragraphs = [(0, len(second)), (len(second) + 2, len(second) + 2 + len(first))]
    view.compare(a, b)
    messages = []
    view.statusMessage.connect(messages.append)
    view.next_change_action.trigger()
    assert "moved" in messages[-1] and "¶" in messages[-1]


def test_the_views_shortcuts_do_not_clash(view):
    sequences = [sequence.toString() for action in view.actions() for sequence in action.shortcuts()]
    assert len(sequences) == len(set(sequences)) == 4
    assert all(action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut for action in view.actions())


def test_the_option_boxes_show_the_options_a_comparison_was_made_with(view):
    a, b = article("a", "The FTC fined Amazon."), article("b", "the ftc fined AMAZON.")
    comparison = compare_texts(a.text, b.text, CompareOptions(ignore_case=True, ignore_whitespace=True))
    view.show_comparison(comparison, a, b)
    assert view.option_boxes["ignore_case"].isChecked() and view.option_boxes["ignore_whitespace"].isChecked()
    assert not view.option_boxes["ignore_punctuation"].isChecked()
    assert view.comparison() is comparison, "showing it does not trigger a recomputation"


def test_a_fact_is_shown_across_every_outlet_at_once_and_follows_the_base(qtbot, tmp_path):
    from reader.articles.corpus import load_corpus
    from reader.compare.diff import collate
    from ui.compare_view import CompareView

    texts = {"herald": "The council approved a $12.4 million contract on Tuesday.",
             "gazette": "The council approved a $14.2 million contract on Tuesday.",
             "courier": "Councillors approved the $12.4 million bus contract Tuesday."}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    articles = sorted(load_corpus([tmp_path]).articles, key=lambda article: article.id)
    members = [(article, article.sentences[0]) for article in articles]
    view = CompareView()
    qtbot.addWidget(view)
    view.show_collation(collate(members, 0))
    stacked = view.stacked.toPlainText()
    assert view.stacked.isVisibleTo(view)
    assert all(" ".join(text.split()) in stacked or text.split()[0] in stacked for text in texts.values())
    assert stacked.index(articles[0].display_label) < stacked.index(articles[1].display_label)
    html = view.stacked.toHtml()
    assert "line-through" in html and "underline" in html
    view.show_collation(collate(members, 1))
    assert view.stacked.toPlainText().strip().startswith(articles[1].display_label)
