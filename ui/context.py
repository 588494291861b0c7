"""The one application context every view receives instead of reaching for globals (git-cola's `app.py`).

It owns the long-lived, widget-free parts: settings, the researcher's corrections, the task
runner, the open corpus, the action registry, the undo stack, notices and the log.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from reader.analysis.processes import stop_processes
from reader.articles.corrections import Corrections
from ui.actions import ActionRegistry
from ui.corpus_model import CorpusModel
from ui.log_model import LogModel
from ui.notices import NoticeModel
from ui.settings import Settings
from ui.tasks import TaskRunner


class AppContext(QObject):
    def __init__(self, settings: Settings | None = None, corrections: Corrections | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.corrections = corrections or Corrections()
        self.tasks = TaskRunner(parent=self)
        self.undo_stack = QUndoStack(self)  # before the actions: it signals them while it is destroyed
        self.actions = ActionRegistry(self.settings, self)
        self.notices = NoticeModel(self)
        self.log = LogModel(self)
        self.corpus = CorpusModel(self.tasks, self.corrections, self)

    def shutdown(self) -> None:
        """Stop background work and flush settings; called once when the window closes."""
        self.tasks.shutdown()
        stop_processes()
        self.log.close()
        self.settings.sync()
