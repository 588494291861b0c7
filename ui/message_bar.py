"""A one-line banner for the latest notice, above the reader; the full list is in the Messages dock.

Non-modal on purpose: a corpus with forty unreadable files gives one line, not forty dialogs.
"""
from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ui.notices import Level, NoticeModel

_PREFIX = {Level.INFO: "", Level.WARNING: "Warning: ", Level.ERROR: "Error: "}


class MessageBar(QFrame):
    def __init__(self, notices: NoticeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.details = QToolButton()
        self.details.setText("Show &messages")
        self.dismiss = QToolButton()
        self.dismiss.setText("&Dismiss")
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.dismiss)
        notices.posted.connect(self.show_notice)
        self.hide()

    def show_notice(self, text: str, level: Level) -> None:
        self.text.setText(_PREFIX[level] + text)
        self.show()
