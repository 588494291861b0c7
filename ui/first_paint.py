"""Says when the main window has first been painted, for the start-up benchmark.

With CORROBORATE_REPORT_FIRST_PAINT=1 the app writes one line to stderr once the first
paint of its main window has finished; bench/bench_startup.py times launch to that line.
The line is written after the paint pass (a zero timer queued behind it), so it marks a
window the researcher can see, not one about to be drawn.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENVIRONMENT_VARIABLE = "CORROBORATE_REPORT_FIRST_PAINT"
MESSAGE = "corroborate: main window painted"


class FirstPaintReporter(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.window() is self._window:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        if sys.stderr is not None:
            print(MESSAGE, file=sys.stderr, flush=True)


def watch_first_paint(window: QWidget) -> None:
    """Reports the window's first paint when the benchmark asks for it."""
    if os.environ.get(ENVIRONMENT_VARIABLE):
        FirstPaintReporter(window)
