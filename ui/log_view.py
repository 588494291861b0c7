"""The in-app log: what Corroborate did and why something failed, without opening a file."""
from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.log_model import LogModel

MAX_LINES = 5000


class LogView(QPlainTextEdit):
    def __init__(self, log: LogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logView")
        self.setReadOnly(True)
        self.setMaximumBlockCount(MAX_LINES)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        for line in log.history():
            self.appendPlainText(line)
        log.appended.connect(self.appendPlainText)
