"""Start-up: the main window's first paint needs only Qt and the window's shell; the views,
analysis, search and exports fill in after it, every command connected."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import SIGNAL

from resources import sample_dir
from ui.actions import ActionId
import ui.main_window as main_window_module
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("whoosh", "index", "diff_match_patch", "wordfreq", "rapidfuzz", "docx", "pypdf", "trafilatura", "lxml",
         "reader.facts", "reader.export", "reader.record", "reader.provenance", "reader.quotes", "reader.compare",
         "reader.analysis.pipeline", "ui.search", "ui.analysis", "ui.compare_view", "ui.research_record")
"""Modules the first paint must not wait for: Whoosh, the analysis, the record, exports and their libraries."""
FIRST_PAINT = f"""
import json, sys
from ui.app import create_application
from ui.context import AppContext
import ui.main_window as main_window_module
from ui.main_window import MainWindow
app = create_application()
window = MainWindow(AppContext(), fill=False)
window.show()
app.processEvents()
heavy = {HEAVY!r}
print(json.dumps(sorted(name for name in sys.modules if any(name == h or name.startswith(h + ".") for h in heavy))))
"""


def test_the_first_paint_imports_none_of_the_heavy_modules(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CORROBORATE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    completed = subprocess.run([sys.executable, "-c", FIRST_PAINT], env=env, cwd=tmp_path, capture_output=True,
                               text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout.splitlines()[-1]) == []


def triggered_receivers(window: MainWindow) -> dict[ActionId, int]:
    actions = window.context.actions
    return {action_id: actions.action(action_id).receivers(SIGNAL("triggered(bool)")) for action_id in ActionId}


def test_after_its_first_paint_the_window_fills_in_connects_every_command_and_opens_the_corpus(qtbot, ui_context):
    window = MainWindow(ui_context, fill=False)
    qtbot.addWidget(window)
    shell = triggered_receivers(window)
    opened: list[bool] = []
    window.fill_after_first_paint(lambda: (opened.append(True), window.open_corpus([sample_dir()])))
    assert not window.filled and not hasattr(window, "reader")
    with qtbot.waitSignal(ui_context.corpus.loaded, timeout=20000):
        window.show()
    assert window.filled and opened == [True]
    filled = triggered_receivers(window)
    assert [action_id.name for action_id in ActionId if filled[action_id] <= shell[action_id]] == []
    assert window.article_list.model().rowCount() == len(ui_context.corpus.corpus.articles) > 0
    assert [window.views.tabText(index) for index in range(window.views.count())][:4] == [
        "Overview", "Reader", "Comparison", "Fact matrix"]


def test_a_window_never_painted_fills_in_and_opens_its_corpus_anyway(qtbot, ui_context, monkeypatch):
    monkeypatch.setattr(main_window_module, "FILL_WITHOUT_PAINT_MS", 50)
    window = MainWindow(ui_context, fill=False)
    qtbot.addWidget(window)
    opened: list[bool] = []
    window.fill_after_first_paint(lambda: opened.append(True))
    qtbot.waitUntil(lambda: window.filled, timeout=5000)
    assert opened == [True] and not window.isVisible()
