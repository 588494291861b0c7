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

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"corroborate-{size}.png")))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Corroborate")
    app.setOrganizationName("Corroborate")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("corroborate")
    return app


def run(paths: list[Path]) -> int:
    app = create_application()
    window = MainWindow(AppContext())
    if paths:
        window.open_corpus(paths)
    else:
        window.open_initial_corpus()
    window.show()
    watch_first_paint(window, window.context.corpus.loaded)
    return app.exec()
