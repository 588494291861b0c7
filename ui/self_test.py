"""`corroborate --self-test`: every Qt-free check of `reader.self_test`, then the Qt ones.

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


def check_pdf_export() -> str:
    """Lays out a sample report as PDF with Qt's writer and reads its text back with pypdf."""
    from io import BytesIO
    from xml.sax.saxutils import escape

    from pypdf import PdfReader

    from reader.export import Report
    from reader.export.html import page, provenance
    from ui.pdf_export import pdf_bytes

    articles = sample_articles()
    info = provenance("Self-test report", "bundled sample", articles)
    first_sentence = articles[1].span_text(articles[1].sentences[0])
    report = Report(info=info, html=page(info, f"<p>{escape(first_sentence)}</p>"), header=[], rows=[])
    data = pdf_bytes(report)
    require(data.startswith(b"%PDF"), "Qt's PDF writer produced no PDF")
    text = " ".join(" ".join(sheet.extract_text() for sheet in PdfReader(BytesIO(data)).pages).split())
    words = first_sentence.split()[:4]
    require(" ".join(words) in text, f"the PDF does not contain {' '.join(words)!r}")
    return f"{len(data) // 1024} KiB PDF, text read back"


def self_test_checks() -> list[Check]:
    """Qt checks come last, workers being forked before Qt starts any thread; the window
    first of them, as it needs the QApplication the PDF export would otherwise replace."""
    return [
        *CHECKS,
        Check("main window opens offscreen with the sample", check_main_window),
        Check("PDF export writes a readable report", check_pdf_export),
    ]


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

