"""Says when the main window has been painted with its corpus, for the start-up benchmark.

With CORROBORATE_REPORT_FIRST_PAINT=1 the app writes one line to stderr once the main
window has finished its first paint after the corpus loaded; bench/bench_startup.py times
launch to that line. The corpus loads in the background, so the watch starts when it is
ready, asks for a repaint, and reports after that paint pass (a zero timer queued behind
it): a window the researcher can read, not one about to be drawn.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

ENVIRONMENT_VARIABLE = "CORROBORATE_REPORT_FIRST_PAINT"
MESSAGE = "corroborate: main window painted"


class FirstPaintReporter(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)
        self._window.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.window() is self._window:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        if sys.stderr is not None:
            print(MESSAGE, file=sys.stderr, flush=True)


def watch_first_paint(window: QWidget, ready: SignalInstance | None = None) -> None:
    """Reports the window's first paint once `ready` fires (at once without it), when the
    benchmark asks for it."""
    if not os.environ.get(ENVIRONMENT_VARIABLE):
        return
    reporter = FirstPaintReporter(window)
    if ready is None:
        reporter.start()
    else:
        ready.connect(reporter.start)
