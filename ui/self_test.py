"""`corroborate --self-test`: the window check, then every Qt-free check of `reader.self_test`.

Prints one line per check (✓ or ✗, a detail, the time it took) and exits 0 only if all
passed, so CI and a researcher's support request get the same verdict. Qt is forced onto
its offscreen platform before it is imported: the self-test needs no display.
"""
from __future__ import annotations

import os
import time

from reader.cli.output import emit_text
from reader.self_test import CHECKS, Check, require, run_checks, sample_articles


def check_main_window() -> str:
    """Opens the real main window offscreen on the sample and renders it."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QListWidget, QPlainTextEdit

    from reader.corpus import Corpus
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    articles = sample_articles()
    window = MainWindow()
    window.show_corpus(Corpus(articles=articles, errors=[]))
    window.show()
    app.processEvents()
    try:
        require(window.isVisible(), "the main window did not show")
        rows = window.findChild(QListWidget, "articleList").count()
        require(rows == len(articles), f"the article list shows {rows} of {len(articles)} articles")
        shown = window.findChild(QPlainTextEdit, "articleView").document()
        require(shown.characterCount() - 1 == len(articles[0].text) and shown.findBlock(0).text()
                == articles[0].text.split("\n", 1)[0], "the first article's text is not shown")
        image = window.grab().toImage()
        require(not image.isNull() and image.width() > 0, "the window could not be rendered")
        colours = {QColor(image.pixel(x, image.height() // 2)).rgb() for x in range(0, image.width(), 7)}
        require(len(colours) > 2, "the rendered window is blank")
        require(not app.windowIcon().isNull(), "the application icon is missing")
        return f"{rows} articles listed, rendered {image.width()}×{image.height()} offscreen"
    finally:
        window.close()


def self_test_checks() -> list[Check]:
    """The window check comes last: workers are forked before Qt starts any thread."""
    return [*CHECKS, Check("main window opens offscreen with the sample", check_main_window)]


def run_self_test() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    results = run_checks(self_test_checks(), lambda result: emit_text(result.line()))
    failed = [result for result in results if not result.passed]
    seconds = time.perf_counter() - start
    if failed:
        emit_text(f"self-test FAILED: {len(failed)} of {len(results)} checks ({seconds:.2f} s)")
        return 1
    emit_text(f"self-test passed: {len(results)} checks ({seconds:.2f} s)")
    return 0

