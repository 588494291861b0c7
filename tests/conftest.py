"""Test set-up: headless Qt, and every user directory redirected into a temp folder."""
from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("CORROBORATE_HOME", tempfile.mkdtemp(prefix="corroborate-tests-"))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reader.articles.corpus import Corpus, load_corpus  # noqa: E402
from resources import sample_dir  # noqa: E402


@pytest.fixture(autouse=True)
def corroborate_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Caches, data, config and logs of each test live in their own temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CORROBORATE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def sample_corpus() -> Corpus:
    return load_corpus([sample_dir()])


@pytest.fixture(scope="session")
def sample_articles(sample_corpus: Corpus) -> dict[str, object]:
    """Sample articles keyed by their three-digit prefix ("000" … "004")."""
    return {article.id[:3]: article for article in sample_corpus.articles}


import sys  # noqa: E402
from typing import Iterator  # noqa: E402


@pytest.fixture(autouse=True)
def no_background_work_left() -> Iterator[None]:
    """Fails a test that leaves pool work running (ui.tasks), after stopping it for the next test."""
    yield
    tasks = sys.modules.get("ui.tasks")
    if tasks is None:
        return
    busy = [runner for runner in tasks.live_runners() if runner.pool.activeThreadCount()]
    for runner in busy:
        runner.shutdown()
    if busy:
        pytest.fail(f"{len(busy)} task runner(s) still had work running when the test ended")


@pytest.fixture
def ui_context(qapp):  # noqa: ANN001, ANN201 — pytest-qt's qapp; returns ui.context.AppContext
    """A fresh application context (settings, corrections, tasks) in this test's own home."""
    from ui.context import AppContext

    context = AppContext()
    yield context
    context.shutdown()


@pytest.fixture
def main_window(qtbot, ui_context):  # noqa: ANN001, ANN201 — returns ui.main_window.MainWindow
    """The shown main window with the sample corpus loaded and analysed, ready for key presses."""
    from ui.main_window import MainWindow

    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitSignal(ui_context.corpus.loaded, timeout=20_000):
        window.open_initial_corpus()
    qtbot.waitUntil(lambda: not ui_context.tasks.busy, timeout=60_000)  # quotes, facts, provenance, index
    return window
