"""The QApplication and the first window the researcher sees."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from resources import resource_path
from ui.context import AppContext
from ui.first_paint import watch_first_paint
from ui.main_window import MainWindow
from ui.qt_messages import route_qt_messages

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SWITCH_INTERVAL_S = 0.001
"""How long the UI thread waits for the interpreter lock while a worker thread runs Python
before that worker is made to hand it over (CPython's default is 5 ms). The UI thread takes
the lock for every slot and model call, so while a worker slices 10,000 articles for a child
process those waits added up to 50–60 ms gaps; at 1 ms they stay under 20 ms."""


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"corroborate-{size}.png")))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    route_qt_messages()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Corroborate")
    app.setOrganizationName("Corroborate")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("corroborate")
    return app


def run(paths: list[Path]) -> int:
    """The window's shell is painted first; its views fill in and the corpus opens after that."""
    app = create_application()
    window = MainWindow(AppContext(), fill=False)
    window.fill_after_first_paint(lambda: window.open_corpus(paths) if paths else window.open_initial_corpus())
    window.show()
    watch_first_paint(window, window.context.corpus.loaded)
    return app.exec()
