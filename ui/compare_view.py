"""The compare view: two articles side by side with their word-level differences.

The view only paints spans it is given (a `reader.compare.diff.Comparison`): deletions struck through
on a vermillion tint, insertions underlined on a blue tint, changed numbers in bold on orange,
moved passages in italic on purple (Okabe–Ito hues plus a second cue, so no reader depends on
telling red from green). Heavy comparisons are computed off the UI thread by the main window's
task runner and handed over with `show_comparison`; small ones the view computes itself.
"""
from __future__ import annotations

import bisect
from typing import Any, Mapping, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QSplitter, QVBoxLayout, QWidget)

from reader.compare.diff import Change, Collation, Comparison, collate, compare_articles
from reader.articles.model import Article, Span
from reader.tokens import CompareOptions
from ui.article_pane import ArticlePane
from ui.collation_view import CollationView
from ui.overview_bar import OverviewBar

LOCAL_COMPARE_CHARS = 60_000
"""Articles up to this many characters together are compared by the view itself when an
option or the base changes; larger ones are left to the main window's task runner."""

RELAYOUT_DELAY_MS = 60
"""Quiet time after the last layout change before panes are lined up and marks redrawn."""

KIND_COLOURS = {"deleted": "#D55E00", "inserted": "#0072B2", "replaced": "#56B4E9",
                "number": "#E69F00", "moved": "#CC79A7"}
"""Okabe–Ito colours of change kinds in the overview bar and the list of changes."""

_TINTS = {"deleted": "#F7D4BF", "inserted": "#CFE3F3", "number": "#FBE3B0", "moved": "#F2D6E6",
          "substitution": "#8C8C8C"}

_OPTION_LABELS = [("ignore_case", "Ignore case"), ("ignore_punctuation", "Ignore punctuation"),
                  ("ignore_quote_style", "Ignore quote style"), ("ignore_whitespace", "Ignore whitespace")]


def _number_format() -> QTextCharFormat:
    """A changed number inside a change: bold on amber, on top of the change's own marking."""
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold)
    char_format.setBackground(QColor(_TINTS["number"]))
    return char_format


def _change_format(change: Change, side: str) -> QTextCharFormat:
    """How a change looks in pane a (what was removed) or pane b (what replaced it)."""
    char_format = QTextCharFormat()
    if side == "a":
        char_format.setFontStrikeOut(True)
        char_format.setBackground(QColor(_TINTS["deleted"]))
    else:
        char_format.setFontUnderline(True)
        char_format.setBackground(QColor(_TINTS["inserted"]))
    if change.moved:
        char_format.setFontItalic(True)
        char_format.setFontStrikeOut(False)
        char_format.setFontUnderline(False)
        char_format.setBackground(QColor(_TINTS["moved"]))
    return char_format


def substitution_format() -> QTextCharFormat:
    """Spun words: hatched (over any change tint), so a substitution never looks like an ordinary edit."""
    char_format = QTextCharFormat()
    char_format.setBackground(QBrush(QColor(_TINTS["substitution"]), Qt.BrushStyle.BDiagPattern))
    return char_format


def _quote_format(colour: str | None) -> QTextCharFormat:
    char_format = QTextCharFormat()
    if colour:
        text_colour = QColor(colour)
        char_format.setForeground(text_colour.darker(140) if text_colour.lightness() > 150 else text_colour)
    char_format.setFontItalic(colour is None)
    return char_format


def _excerpt(text: str, span: Span, limit: int = 40) -> str:
    words = " ".join(text[span[0]:span[1]].split())
    return words if len(words) <= limit else words[:limit - 1] + "…"


class CompareView(QWidget):
    """Side-by-side comparison of two articles, or of a base and the other members of a collation."""

    statusMessage = Signal(str)
    currentChangeChanged = Signal(int)
    baseRequested = Signal(int)
    optionsChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._collation: Collation | None = None
        self._articles: tuple[Article, Article] | None = None
        self._computed_here = False
        self._current = -1
        self._syncing = False
        self._quotes: dict[str, list[Any]] = {}
        self._registry: Any = None
        self._substitutions: dict[str, list[Span]] = {}
        self._hovered: Any = None
        self._build()
        self._build_actions()

    def _build(self) -> None:
        self.base_selector = QComboBox()
        self.base_selector.setToolTip("The outlet every other one is compared against")
        self.member_selector = QComboBox()
        self.member_selector.setToolTip("The outlet shown against the base")
        self._collation_row = QWidget()
        row = QHBoxLayout(self._collation_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("&Base:", buddy=self.base_selector))
        row.addWidget(self.base_selector, 1)
        row.addWidget(QLabel("&Against:", buddy=self.member_selector))
        row.addWidget(self.member_selector, 1)
        self._collation_row.hide()
        self.base_selector.currentIndexChanged.connect(self._base_chosen)
        self.member_selector.currentIndexChanged.connect(self._member_chosen)

        self.option_boxes: dict[str, QCheckBox] = {}
        options_row = QHBoxLayout()
        for name, label in _OPTION_LABELS:
            box = QCheckBox(label)
            box.toggled.connect(self._options_toggled)
            self.option_boxes[name] = box
            options_row.addWidget(box)
        options_row.addStretch(1)

        self.limits_label = QLabel()
        self.limits_label.setWordWrap(True)
        self.limits_label.hide()

        self.title_a, self.title_b = QLabel(), QLabel()
        self.pane_a, self.pane_b = ArticlePane(), ArticlePane()
        self.pane_a.setAccessibleName("First article")
        self.pane_b.setAccessibleName("Second article")
        self.overview_a, self.overview_b = OverviewBar(), OverviewBar()
        panes = QSplitter(Qt.Orientation.Horizontal)
        for title, pane, bar in ((self.title_a, self.pane_a, self.overview_a),
                                 (self.title_b, self.pane_b, self.overview_b)):
            column = QWidget()
            layout = QVBoxLayout(column)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(title)
            text_row = QHBoxLayout()
            text_row.setSpacing(1)
            text_row.addWidget(pane, 1)
            text_row.addWidget(bar)
            layout.addLayout(text_row, 1)
            panes.addWidget(column)
            pane.offsetHovered.connect(lambda offset, pane=pane: self._hovered_at(pane, offset))
            pane.describe = lambda offset, pane=pane: self._describe(pane, offset)
            pane.resized.connect(self._relayout)
            bar.changeClicked.connect(self.go_to_change)
        self._leader = self.pane_a
        self._relayout_timer = QTimer(self, singleShot=True, interval=RELAYOUT_DELAY_MS)
        self._relayout_timer.timeout.connect(self._follow_leader)
        self.pane_a.verticalScrollBar().valueChanged.connect(lambda: self._sync(self.pane_a, self.pane_b))
        self.pane_b.verticalScrollBar().valueChanged.connect(lambda: self._sync(self.pane_b, self.pane_a))
        for pane in (self.pane_a, self.pane_b):
            pane.document().documentLayout().documentSizeChanged.connect(self._relayout)

        self.change_list = QListWidget()
        self.change_list.setAccessibleName("Changes")
        self.change_list.currentRowChanged.connect(self._row_chosen)
        self.stacked = CollationView()
        self.stacked.hide()
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.stacked)
        body.addWidget(panes)
        body.addWidget(self.change_list)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 4)
        body.setStretchFactor(2, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self._collation_row)
        layout.addLayout(options_row)
        layout.addWidget(self.limits_label)
        layout.addWidget(body, 1)

    def _build_actions(self) -> None:
        """Keys that belong to this pane only (WidgetWithChildrenShortcut), as git-cola does."""
        self.next_change_action = QAction("Next change", self)
        self.next_change_action.setShortcuts([QKeySequence(Qt.Key.Key_F7),
                                              QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down)])
        self.next_change_action.triggered.connect(self.next_change)
        self.previous_change_action = QAction("Previous change", self)
        self.previous_change_action.setShortcuts([QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F7),
                                                  QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up)])
        self.previous_change_action.triggered.connect(self.previous_change)
        for action in (self.next_change_action, self.previous_change_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    # ----- what the view shows

    def comparison(self) -> Comparison | None:
        return self._comparison

    def collation(self) -> Collation | None:
        return self._collation

    def options(self) -> CompareOptions:
        return CompareOptions(**{name: box.isChecked() for name, box in self.option_boxes.items()})

    def current_change(self) -> int:
        return self._current

    def clear(self) -> None:
        """Show nothing: the comparison on show belonged to a corpus that is no longer open."""
        self._comparison = self._collation = self._articles = None
        self._current = -1
        self._set_annotation_data(None, None, None)
        self._collation_row.hide()
        self.stacked.hide()
        self.limits_label.hide()
        self.change_list.clear()
        for title, pane, bar in ((self.title_a, self.pane_a, self.overview_a),
                                 (self.title_b, self.pane_b, self.overview_b)):
            title.clear()
            pane.set_article_text("")
            bar.set_marks([])

    def compare(self, a: Article, b: Article, **annotations: Any) -> Comparison:
        """Compute a (small) comparison here on the UI thread and show it."""
        comparison = compare_articles(a, b, self.options())
        self.show_comparison(comparison, a, b, **annotations)
        self._computed_here = True
        return comparison

    def show_comparison(self, comparison: Comparison, article_a: Article, article_b: Article, *,
                        quotes: Mapping[str, Sequence[Any]] | None = None, registry: Any = None,
                        substitutions: Mapping[str, Sequence[Span]] | None = None) -> None:
        """Show a comparison computed elsewhere (e.g. by the main window's task runner).

        `quotes` maps article id to quote-like objects (`.start, .end, .entity,
        .speaker_name`), coloured by `registry.party(entity).color`; `substitutions` maps
        article id to spans of spun words, shaded apart from ordinary changes.
        """
        self._collation = None
        self._collation_row.hide()
        self.stacked.hide()
        if quotes is not None or registry is not None or substitutions is not None:
            self._set_annotation_data(quotes, registry, substitutions)
        self._display(comparison, article_a, article_b)

    def _display(self, comparison: Comparison, article_a: Article, article_b: Article) -> None:
        self._computed_here = False
        with _SignalsBlocked(*self.option_boxes.values()):
            for name, box in self.option_boxes.items():
                box.setChecked(getattr(comparison.options, name))
        self._comparison = comparison
        self._articles = (article_a, article_b)
        self.title_a.setText(f"<b>{article_a.display_label}</b>")
        self.title_b.setText(f"<b>{article_b.display_label}</b>")
        self._paint()
        self._fill_change_list()
        self._show_limits()
        self._current = -1
        self.statusMessage.emit(f"{len(comparison.changes)} changes between {article_a.display_label} "
                                f"and {article_b.display_label}")

    def show_collation(self, collation: Collation, *, quotes: Mapping[str, Sequence[Any]] | None = None,
                       registry: Any = None, substitutions: Mapping[str, Sequence[Span]] | None = None) -> None:
        """Show a base and the other members (one fact across outlets, or N articles); a fact's
        sentences are also shown all at once, stacked under the base."""
        self._collation = collation
        self._collation_row.setVisible(True)
        passages = all(span is not None for _, span in collation.members)
        self.stacked.show_collation(collation if passages else None)
        self.stacked.setVisible(passages)
        labels = [self._member_label(index) for index in range(len(collation.members))]
        with _SignalsBlocked(self.base_selector, self.member_selector):
            self.base_selector.clear()
            self.base_selector.addItems(labels)
            self.base_selector.setCurrentIndex(collation.base)
            self.member_selector.clear()
            for index in collation.comparisons:
                self.member_selector.addItem(labels[index], index)
        if quotes is not None or registry is not None or substitutions is not None:
            self._set_annotation_data(quotes, registry, substitutions)
        self._member_chosen(0)

    def set_annotations(self, *, quotes: Mapping[str, Sequence[Any]] | None = None, registry: Any = None,
                        substitutions: Mapping[str, Sequence[Span]] | None = None) -> None:
        """Quotes and spun words arrived (or changed): repaint the current comparison."""
        self._set_annotation_data(quotes, registry, substitutions)
        if self._comparison is not None:
            self._paint()

    def _set_annotation_data(self, quotes: Mapping[str, Sequence[Any]] | None, registry: Any,
                             substitutions: Mapping[str, Sequence[Span]] | None) -> None:
        self._quotes = {key: sorted(value, key=lambda quote: quote.start) for key, value in (quotes or {}).items()}
        self._registry = registry
        self._substitutions = {key: list(value) for key, value in (substitutions or {}).items()}

    def _member_label(self, index: int) -> str:
        article, span = self._collation.members[index]
        return article.display_label if span is None else f"{article.display_label} (¶{article.paragraph_number(span[0]) or '?'})"

    # ----- painting

    def _paint(self) -> None:
        comparison = self._comparison
        article_a, article_b = self._articles
        painting: dict[str, list[tuple[Span, QTextCharFormat]]] = {"a": [], "b": []}
        numbers = _number_format()
        for change in comparison.changes:
            painting["a"].append((change.a, _change_format(change, "a")))
            painting["b"].append((change.b, _change_format(change, "b")))
            painting["a"] += [(span, numbers) for span in change.a_numbers]
            painting["b"] += [(span, numbers) for span in change.b_numbers]
        for side, article in (("a", article_a), ("b", article_b)):
            shading = substitution_format()
            painting[side] += [(span, shading) for span in self._substitutions.get(article.id, [])]
            painting[side] += [((quote.start, quote.end), _quote_format(self._party_colour(quote)))
                               for quote in self._quotes.get(article.id, [])]
        for pane, side, article in ((self.pane_a, "a", article_a), (self.pane_b, "b", article_b)):
            with _SignalsBlocked(pane.verticalScrollBar()):
                pane.set_article_text(article.text)
            pane.paint(painting[side])
        self._update_marks()

    def _party(self, quote: Any) -> Any:
        if self._registry is None or not getattr(quote, "entity", None):
            return None
        return self._registry.party(quote.entity)

    def _party_colour(self, quote: Any) -> str | None:
        party = self._party(quote)
        return getattr(party, "color", None)

    def _update_marks(self) -> None:
        if self._comparison is None:
            return
        for pane, bar, side in ((self.pane_a, self.overview_a, "a"), (self.pane_b, self.overview_b, "b")):
            marks = []
            for change in self._comparison.changes:
                start, end = getattr(change, side)
                marks.append((pane.document_fraction(start), pane.document_fraction(end),
                              QColor(KIND_COLOURS[change.kind])))
            bar.set_marks(marks)
            self._update_window(pane, bar)

    def _update_window(self, pane: ArticlePane, bar: OverviewBar) -> None:
        height = pane.document().size().height()
        if height > 0:
            top = pane.verticalScrollBar().value()
            bar.set_visible_window(top / height, min((top + pane.viewport().height()) / height, 1.0))

    def _fill_change_list(self) -> None:
        comparison = self._comparison
        with _SignalsBlocked(self.change_list):
            self.change_list.clear()
            for number, change in enumerate(comparison.changes, start=1):
                a_text = _excerpt(comparison.a_text, change.a)
                b_text = _excerpt(comparison.b_text, change.b)
                item = QListWidgetItem(f"{number}. {change.kind}: “{a_text}” → “{b_text}”")
                item.setForeground(QColor(KIND_COLOURS[change.kind]).darker(130))
                self.change_list.addItem(item)

    def _show_limits(self) -> None:
        limits = self._comparison.limits
        self.limits_label.setVisible(bool(limits))
        if limits:
            self.limits_label.setText("Parts of this comparison are coarser than word level: "
                                      + "; ".join(sorted({limit.reason for limit in limits})))

    # ----- navigation

    def next_change(self) -> None:
        if self._comparison and self._comparison.changes:
            self.go_to_change(min(self._current + 1, len(self._comparison.changes) - 1))

    def previous_change(self) -> None:
        if self._comparison and self._comparison.changes:
            self.go_to_change(max(self._current - 1, 0))

    def go_to_change(self, index: int) -> None:
        """Select change `index` in both panes, both lined up a third of the way down."""
        changes = self._comparison.changes if self._comparison else []
        if not 0 <= index < len(changes):
            return
        change: Change = changes[index]
        self._current = index
        self._leader = self.pane_a
        self._syncing = True
        try:
            for pane, span in ((self.pane_a, change.a), (self.pane_b, change.b)):
                pane.setTextCursor(pane.cursor_for(span))
                pane.scroll_to_offset(span[0], -pane.viewport().height() / 3)
        finally:
            self._syncing = False
        self._update_window(self.pane_a, self.overview_a)
        self._update_window(self.pane_b, self.overview_b)
        with _SignalsBlocked(self.change_list):
            self.change_list.setCurrentRow(index)
        self.currentChangeChanged.emit(index)
        self.statusMessage.emit(f"Change {index + 1} of {len(changes)}: {self.change_list.item(index).text()}"
                                + self._move_note(change))

    def _move_note(self, change: Change) -> str:
        """Where the moved parts of a change went, in paragraph numbers a citation can use."""
        article_a, article_b = self._articles
        notes = [f"¶{article_a.paragraph_number(move.a[0]) or '?'} of {article_a.display_label} is "
                 f"¶{article_b.paragraph_number(move.b[0]) or '?'} of {article_b.display_label}"
                 for move in self._comparison.moves_in(change)]
        return f" (moved: {'; '.join(notes)})" if notes else ""

    def _row_chosen(self, row: int) -> None:
        self.go_to_change(row)

    # ----- scrolling in step

    def map_offset(self, offset: int, forward: bool = True) -> int:
        """The offset in the other article that corresponds to `offset` (a→b when forward)."""
        comparison = self._comparison
        source, target = ("a", "b") if forward else ("b", "a")
        segments = comparison.segments
        if not segments:
            return getattr(comparison, f"{target}_range")[0]
        starts = [getattr(segment, source)[0] for segment in segments]
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return getattr(comparison, f"{target}_range")[0]
        segment = segments[index]
        source_span, target_span = getattr(segment, source), getattr(segment, target)
        if segment.op == "equal":
            return target_span[0] + min(offset - source_span[0], target_span[1] - target_span[0])
        return target_span[0] if offset < source_span[1] else target_span[1]

    def _relayout(self) -> None:
        """Re-wrapping (a resize, a scrollbar appearing) moves lines: line the panes up again,
        once the layout has settled (it grows in many steps on a long article)."""
        self._relayout_timer.start()

    def _follow_leader(self) -> None:
        follower = self.pane_b if self._leader is self.pane_a else self.pane_a
        self._sync(self._leader, follower)
        self._update_marks()

    def _sync(self, source: ArticlePane, target: ArticlePane) -> None:
        if self._comparison is None:
            return
        if not self._syncing:
            self._leader = source
            self._syncing = True
            try:
                offset, above = source.top_offset()
                target.scroll_to_offset(self.map_offset(offset, forward=source is self.pane_a), above)
            finally:
                self._syncing = False
        self._update_window(self.pane_a, self.overview_a)
        self._update_window(self.pane_b, self.overview_b)

    # ----- choices

    def _options_toggled(self) -> None:
        options = self.options()
        self.optionsChanged.emit(options)
        if self._collation is not None and self._collation_small():
            self.show_collation(collate(self._collation.members, self._collation.base, options))
        elif self._computed_here and self._articles and self._small(*self._articles):
            self.compare(*self._articles)

    def _base_chosen(self, base: int) -> None:
        if self._collation is None or base < 0 or base == self._collation.base:
            return
        self.baseRequested.emit(base)
        if self._collation_small():
            self.show_collation(collate(self._collation.members, base, self.options()))

    def _member_chosen(self, row: int) -> None:
        if self._collation is None or row < 0:
            return
        index = self.member_selector.itemData(row)
        base_article = self._collation.members[self._collation.base][0]
        self._display(self._collation.comparisons[index], base_article, self._collation.members[index][0])
        if self._comparison.a_range != (0, len(base_article.text)):
            self.pane_a.scroll_to_offset(self._comparison.a_range[0])

    def _collation_small(self) -> bool:
        return sum(len(article.text) for article, _ in self._collation.members) <= LOCAL_COMPARE_CHARS

    @staticmethod
    def _small(a: Article, b: Article) -> bool:
        return len(a.text) + len(b.text) <= LOCAL_COMPARE_CHARS

    # ----- quotes under the mouse

    def quote_at(self, pane: ArticlePane, offset: int) -> Any:
        """The quote (if any) covering `offset` in the article shown in `pane`."""
        if self._articles is None:
            return None
        article = self._articles[0] if pane is self.pane_a else self._articles[1]
        quotes = self._quotes.get(article.id, [])
        index = bisect.bisect_right([quote.start for quote in quotes], offset) - 1
        if index >= 0 and offset < quotes[index].end:
            return quotes[index]
        return None

    def speaker_text(self, quote: Any) -> str:
        party = self._party(quote)
        speaker = getattr(quote, "speaker_name", None) or "unknown speaker"
        return f"Quote by {speaker}" + (f" ({party.name})" if party is not None else "")

    def _describe(self, pane: ArticlePane, offset: int) -> str | None:
        quote = self.quote_at(pane, offset)
        return self.speaker_text(quote) if quote is not None else None

    def _hovered_at(self, pane: ArticlePane, offset: int) -> None:
        quote = self.quote_at(pane, offset)
        if quote is not self._hovered:
            self._hovered = quote
            if quote is not None:
                self.statusMessage.emit(self.speaker_text(quote))


class _SignalsBlocked:
    """Block widgets' signals while the view fills them, so filling is not taken as a choice."""

    def __init__(self, *objects: QObject) -> None:
        self._objects = objects

    def __enter__(self) -> None:
        for item in self._objects:
            item.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        for item in self._objects:
            item.blockSignals(False)
