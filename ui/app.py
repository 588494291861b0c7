"""The QApplication and the first window the researcher sees."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader import __version__
from ui.context import AppContext
from ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Corroborate")
    app.setOrganizationName("Corroborate")
    app.setApplicationVersion(__version__)
    return app


def run(paths: list[Path]) -> int:
    app = create_application()
    window = MainWindow(AppContext())
    if paths:
        window.open_corpus(paths)
    else:
        window.open_initial_corpus()
    window.show()
    return app.exec()
