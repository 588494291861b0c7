"""Background work in the status bar: what is running, how far along, and a way to stop it.

Any feature's long job (reading a corpus now; indexing later) calls `begin`, `update` and
`end` with its own job name. The newest running job is shown; the Cancel command (Esc, or the
button) stops that one. Several jobs may run at once without hiding each other's end.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget


class TaskStatus(QWidget):
    def __init__(self, cancel_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskStatus")
        self._cancel_action = cancel_action
        self._jobs: dict[str, tuple[str, Callable[[], None]]] = {}
        self.label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(cancel_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        cancel_action.setEnabled(False)
        self.hide()

    def begin(self, job: str, label: str, cancel: Callable[[], None]) -> None:
        self._jobs.pop(job, None)
        self._jobs[job] = (label, cancel)
        self.label.setText(f"{label}…")
        self.progress.setRange(0, 0)
        self._cancel_action.setEnabled(True)
        self.show()

    def update(self, job: str, done: int, total: int, detail: str = "") -> None:
        if job not in self._jobs or job != self._newest():
            return
        label = self._jobs[job][0]
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.label.setText(f"{label} {done:,} of {total:,}")
        self.progress.setToolTip(detail)

    def end(self, job: str) -> None:
        self._jobs.pop(job, None)
        if self._jobs:
            self.label.setText(f"{self._jobs[self._newest()][0]}…")
            self.progress.setRange(0, 0)
        else:
            self._cancel_action.setEnabled(False)
            self.hide()

    def cancel_newest(self) -> None:
        if self._jobs:
            self._jobs[self._newest()][1]()

    def _newest(self) -> str:
        return next(reversed(self._jobs))
