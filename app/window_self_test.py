"""`corroborate --self-test`: the Qt-free checks of `app.self_test` and the Qt ones.

The Qt-free checks run in a worker process started before Qt is imported, alongside the
window check in this process, so the self-test takes about as long as its slower half. The
PDF export check is split along the same line: this process lays the report out with Qt's
writer (its application is the window's), the worker reads it back with pypdf. Prints one
line per check (✓ or ✗, a detail, the time it took) and exits 0 only if all passed, so CI
and a researcher's support request get the same verdict. Qt is forced onto its offscreen
platform before it is imported: the self-test needs no display.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

from app.cli.output import emit_text
from app.self_test import CHECKS, SAMPLE_ARTICLES, Check, CheckResult, require, run_checks, sample_articles

LOAD_TIMEOUT = 60.0
"""Seconds the window may take to load the five sample articles before the check fails."""
PDF_TIMEOUT = 60.0
"""Seconds the worker waits for this process to lay out the PDF report it reads back."""
WORKER_TIMEOUT = 120.0
"""Seconds the worker's checks (the Qt-free ones and the PDF export) may take before the self-test fails."""


def check_main_window() -> str:
    """Opens the real main window offscreen, loads the bundled sample through its background
    task, shows the first article in the reader, waits for the background analysis (quotes
    painted in party colours, the fact matrix, the spun copy's badge) and renders the window."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QColor

    from resources import sample_dir
    from ui.app import create_application
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = create_application()
    require(not app.windowIcon().isNull(), "the application icon is missing")
    context = AppContext()
    window = MainWindow(context)
    window.show()
    try:
        outcome: list[str] = []
        waiting = QEventLoop()
        context.corpus.loaded.connect(lambda: (outcome.append("loaded"), waiting.quit()))
        context.corpus.loading_failed.connect(lambda message: (outcome.append(message), waiting.quit()))
        QTimer.singleShot(int(LOAD_TIMEOUT * 1000), waiting.quit)
        window.open_corpus([sample_dir()])
        waiting.exec()
        require(outcome == ["loaded"], f"the sample did not load: {outcome[0] if outcome else 'timed out'}")
        articles = context.corpus.corpus.articles
        rows = window.article_list.model().rowCount()
        require(rows == len(articles) == SAMPLE_ARTICLES, f"the article list shows {rows} articles")
        first = articles[0]
        context.corpus.set_current(first.id)
        app.processEvents()
        opening = " ".join(first.span_text(first.sentences[0]).split())
        require(opening in " ".join(window.reader.toPlainText().split()), "the reader does not show the article")
        deadline = time.perf_counter() + LOAD_TIMEOUT
        while context.tasks.busy and time.perf_counter() < deadline:
            QTimer.singleShot(5, waiting.quit)
            waiting.exec()
        require(not context.tasks.busy, "the background analysis did not finish")
        coloured = [h for quote in window.analysis.quotes_of(first) for h in window.reader.highlights_at(quote.start)
                    if not isinstance(h.style, str)]
        require(coloured, "no quote is painted in its party's colour")
        facts = window.fact_matrix.matrix.rowCount()
        require(facts > 0, "the fact matrix is empty")
        badges = [window.analysis.badge(article.id) for article in articles]
        require(any(badge.startswith("spun copy") for badge in badges), "the spun copy has no badge")
        image = window.grab().toImage()
        require(not image.isNull() and image.width() > 0, "the window could not be rendered")
        colours = {QColor(image.pixel(x, image.height() // 2)).rgb() for x in range(0, image.width(), 7)}
        require(len(colours) > 2, "the rendered window is blank")
        return (f"{rows} articles listed, quotes coloured, {facts} facts, rendered "
                f"{image.width()}×{image.height()} offscreen")
    finally:
        window.close()


PDF_CHECK = "PDF export writes a readable report"


def pdf_report_sentence() -> str:
    """The sentence the self-test's PDF report carries, known to both halves of the PDF check."""
    article = sample_articles()[1]
    return article.span_text(article.sentences[0])


def lay_out_pdf_report(folder: Path) -> Path:
    """The Qt half of the PDF check: a sample report laid out by Qt's PDF writer into `folder`.
    It runs in this process, before the window (the application it needs is the window's), so
    the worker stays free of Qt."""
    from xml.sax.saxutils import escape

    from reader.export import Report
    from reader.export.html import page, provenance
    from ui.pdf_export import pdf_bytes

    info = provenance("Self-test report", "bundled sample", sample_articles())
    report = Report(info=info, html=page(info, f"<p>{escape(pdf_report_sentence())}</p>"), header=[], rows=[])
    path = folder / "self-test-report.pdf"
    path.write_bytes(pdf_bytes(report))
    return path


def check_pdf_export(laid_out: Connection) -> str:
    """The worker's half: reads back with pypdf the report `lay_out_pdf_report` wrote, whose path
    (or why there is none) arrives on `laid_out`."""
    from io import BytesIO

    from pypdf import PdfReader

    require(laid_out.poll(PDF_TIMEOUT), f"no PDF report laid out in {PDF_TIMEOUT:.0f} s")
    outcome = laid_out.recv()
    require(isinstance(outcome, Path), f"Qt's PDF writer failed: {outcome}")
    data = outcome.read_bytes()
    require(data.startswith(b"%PDF"), "Qt's PDF writer produced no PDF")
    text = " ".join(" ".join(sheet.extract_text() for sheet in PdfReader(BytesIO(data)).pages).split())
    words = " ".join(pdf_report_sentence().split()[:4])
    require(words in text, f"the PDF does not contain {words!r}")
    return f"{len(data) // 1024} KiB PDF, text read back"


QT_CHECKS = [Check("main window opens offscreen with the sample", check_main_window)]
WORKER_CHECKS = CHECKS


def _run_worker_checks(results: Connection, laid_out: Connection) -> None:
    """Worker process: its checks, then the read-back of the PDF report; results sent back whole."""
    checks = [*WORKER_CHECKS, Check(PDF_CHECK, functools.partial(check_pdf_export, laid_out))]
    results.send(run_checks(checks, lambda result: None))


def _send_pdf_report(folder: Path, laid_out: Connection) -> None:
    """Lays out the PDF report and tells the worker where it is, or why there is none."""
    try:
        outcome: Path | str = lay_out_pdf_report(folder)
    except Exception as error:  # the worker's check reports it
        outcome = f"{error.__class__.__name__}: {error}"
    try:
        laid_out.send(outcome)
    except BrokenPipeError:
        pass  # the worker is gone already; `_worker_results` says so
    finally:
        laid_out.close()


def _worker_results(receiver: Connection, worker: multiprocessing.process.BaseProcess) -> list[CheckResult]:
    if receiver.poll(WORKER_TIMEOUT):
        try:
            return receiver.recv()
        except EOFError:
            pass
    worker.join(1)
    reason = f"exit code {worker.exitcode}" if worker.exitcode is not None else f"no answer in {WORKER_TIMEOUT:.0f} s"
    if worker.is_alive():  # hung: stopped, so the self-test still ends and says so
        worker.terminate()
    return [CheckResult("checks in a worker process", False, 0.0, f"the worker failed: {reason}")]


def run_all_checks(folder: Path) -> list[CheckResult]:
    """The worker's checks (started before Qt, so it forks no Qt threads) while the PDF report is
    laid out and the window check runs here; `folder` takes the report. Results are listed the
    worker's first."""
    context = multiprocessing.get_context()
    receiver, sender = context.Pipe(duplex=False)
    laid_out_receiver, laid_out = context.Pipe(duplex=False)
    worker = context.Process(target=_run_worker_checks, args=(sender, laid_out_receiver), name="self-test-checks")
    worker.start()
    sender.close()
    laid_out_receiver.close()
    _send_pdf_report(folder, laid_out)
    qt_results = run_checks(QT_CHECKS, lambda result: None)
    results = _worker_results(receiver, worker) + qt_results
    worker.join(WORKER_TIMEOUT)
    return results


def run_self_test() -> int:
    """Runs every check with Qt offscreen and every user directory (settings, recent corpora,
    caches) in a temp folder, so checking an installation never changes the researcher's."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    previous_home = os.environ.get("CORROBORATE_HOME")
    with tempfile.TemporaryDirectory(prefix="corroborate-self-test-") as home:
        os.environ["CORROBORATE_HOME"] = home
        try:
            results = run_all_checks(Path(home))
        finally:
            if previous_home is None:
                del os.environ["CORROBORATE_HOME"]
            else:
                os.environ["CORROBORATE_HOME"] = previous_home
    for result in results:
        emit_text(result.line())
    failed = [result for result in results if not result.passed]
    seconds = time.perf_counter() - start
    if failed:
        emit_text(f"self-test FAILED: {len(failed)} of {len(results)} checks ({seconds:.2f} s)")
        return 1
    emit_text(f"self-test passed: {len(results)} checks ({seconds:.2f} s)")
    return 0

