"""The status bar shows the newest background job; Cancel stops that one; all jobs end cleanly."""
from __future__ import annotations

from PySide6.QtGui import QAction

from ui.task_status import TaskStatus


def test_newest_job_is_shown_and_cancelled(qtbot):
    cancel = QAction("Cancel")
    status = TaskStatus(cancel)
    qtbot.addWidget(status)
    cancelled = []
    status.begin("corpus", "Reading articles", lambda: cancelled.append("corpus"))
    status.begin("index", "Indexing", lambda: cancelled.append("index"))
    assert cancel.isEnabled() and not status.isHidden()
    status.update("corpus", 3, 10)
    assert status.label.text() == "Indexing…"
    status.update("index", 40, 100, "article_0040.txt")
    assert status.label.text() == "Indexing 40 of 100" and status.progress.value() == 40
    status.cancel_newest()
    assert cancelled == ["index"]
    status.end("index")
    assert status.label.text() == "Reading articles…"
    status.end("corpus")
    assert not cancel.isEnabled() and status.isHidden()
