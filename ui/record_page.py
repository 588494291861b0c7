"""What the record's views share: a chooser over items (histories, quotations, facts) above a
read-only page, and a word diff rendered as the exported redlines show it."""
from __future__ import annotations

from html import escape
from typing import Callable, Generic, Sequence, TypeVar

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from reader.compare.diff import Comparison
from reader.export.compare import DELETE_STYLE, INSERT_STYLE

CONTEXT_WORDS = 12
"""Unchanged words kept on each side of a change; longer unchanged runs are shortened to "…"."""
FLAG_STYLE = "background-color: #fbe3c0; padding: 2px;"
"""The research record's shading for what needs the researcher's attention (reader.export.record)."""

Item = TypeVar("Item")


def _shortened(text: str, first: bool, last: bool) -> str:
    words = text.split(" ")
    if len(words) <= 2 * CONTEXT_WORDS:
        return text
    head = [] if first else words[:CONTEXT_WORDS]
    tail = [] if last else words[-CONTEXT_WORDS:]
    return " ".join(head) + " … " + " ".join(tail)


def diff_spans(comparison: Comparison) -> str:
    """The comparison's words as inline HTML, deletions struck and insertions underlined, long
    agreement shortened."""
    ops = list(comparison.ops())
    parts = []
    for number, (op, text) in enumerate(ops):
        if op == "equal":
            parts.append(escape(_shortened(text, number == 0, number == len(ops) - 1)))
        else:
            style = DELETE_STYLE if op == "delete" else INSERT_STYLE
            parts.append(f"<span style='{style}'>{escape(text)}</span>")
    return "".join(parts)


def diff_html(comparison: Comparison) -> str:
    """The word diff as a paragraph, its line breaks kept."""
    return "<p>" + diff_spans(comparison).replace("\n", "<br/>") + "</p>"


def flagged(text: str) -> str:
    return f"<p><span style='{FLAG_STYLE}'><b>{escape(text)}</b></span></p>"


class RecordPage(QWidget, Generic[Item]):
    """A chooser (`choice`) and the chosen item's page (`page`); `set_items` fills both."""

    def __init__(self, name: str, chooser_label: str, render: Callable[[Item], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._render = render
        self.items: list[Item] = []
        self.choice = QComboBox()
        self.choice.setObjectName(f"{name}Choice")
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(30)  # long fact labels must not widen the window
        self.choice.currentIndexChanged.connect(self._show)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.page = QTextBrowser()
        self.page.setObjectName(f"{name}Page")
        self.page.setOpenLinks(False)
        row = QHBoxLayout()
        row.addWidget(QLabel(chooser_label, buddy=self.choice))
        row.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.page, 1)
        self.setFocusProxy(self.page)

    def set_items(self, items: Sequence[Item], labels: Sequence[str], status: str, chosen: int = 0) -> None:
        self.items = list(items)
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItems(list(labels))
        self.choice.blockSignals(False)
        self.status.setText(status)
        if self.items:
            self.choice.setCurrentIndex(max(0, min(chosen, len(self.items) - 1)))
            self._show(self.choice.currentIndex())
        else:
            self.page.clear()

    def waiting(self, message: str) -> None:
        self.set_items([], [], message)

    def _show(self, number: int) -> None:
        if 0 <= number < len(self.items):
            self.page.setHtml(self._render(self.items[number]))
