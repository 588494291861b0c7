"""When a window has been painted: the main window fills in after its first paint, and the
start-up benchmark times launch to it.

With CORROBORATE_REPORT_FIRST_PAINT=1 the app writes a line to stderr at the main window's
first paint (WINDOW_PAINTED) and another once it has been painted with its corpus
(CORPUS_PAINTED); bench/bench_startup.py times launch to each. A paint pass is over when a
zero timer queued from its first paint event fires: a window the researcher can see, not one
about to be drawn.
"""
from __future__ import annotations

import os
import sys
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

ENVIRONMENT_VARIABLE = "CORROBORATE_REPORT_FIRST_PAINT"
WINDOW_PAINTED = "corroborate: main window painted"
CORPUS_PAINTED = "corroborate: corpus painted in the main window"


class _PaintWatch(QObject):
    """Calls back once, after the next paint pass of any widget in `window`."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.window() is self._window:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_next_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Calls `callback` once `window`'s next paint pass is over (its first, before it is shown)."""
    _PaintWatch(window, callback)


def _report(message: str) -> None:
    if sys.stderr is not None:
        print(message, file=sys.stderr, flush=True)


def watch_first_paint(window: QWidget, ready: SignalInstance | None = None) -> None:
    """When the benchmark asks for it, reports the window's first paint and, once `ready` fires,
    its first paint after that (asked for at once: the corpus is in it)."""
    if not os.environ.get(ENVIRONMENT_VARIABLE):
        return
    after_next_paint(window, lambda: _report(WINDOW_PAINTED))
    if ready is not None:
        ready.connect(lambda: (after_next_paint(window, lambda: _report(CORPUS_PAINTED)), window.update()))
