"""The only place the UI starts threads: pool tasks whose results come back as queued signals.

Work runs in a `QRunnable` on the runner's own `QThreadPool`; its result, failure or progress
reaches the UI thread through signals of an object living there, so slots never run on a
worker thread (Picard's `thread.py`, git-cola's `RunTask`). A failure is logged with its
traceback and reported as one line. Views never create threads; they ask the runner.
"""
from __future__ import annotations

import logging
import threading
import time
import weakref
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal

from reader.analysis import processes

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05
"""Seconds between progress signals, so a fast loop cannot flood the UI thread's queue."""

_runners: weakref.WeakSet[TaskRunner] = weakref.WeakSet()

Cancelled = processes.Cancelled
"""Raised inside a task once the user has cancelled it (also by a child process's job it waits for)."""


class TaskSignals(QObject):
    """Lives on the UI thread; a worker emitting these queues the slot onto the UI thread."""

    progress = Signal(int, int, str)
    partial = Signal(str, object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()


class Task(QRunnable):
    """One unit of background work: `work(task)` returns the result or raises."""

    def __init__(self, name: str, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.name = name
        self.signals = TaskSignals()
        self._work = work
        self._cancel_requested = False
        self.cancel_event = threading.Event()
        """Set on `cancel()`, for libraries that take a cancel flag (the search indexer)."""
        self._last_progress = 0.0

    @property
    def is_cancelled(self) -> bool:
        return self._cancel_requested

    def cancel(self) -> None:
        """Ask the work to stop at its next `check_cancelled`; its result will not be delivered."""
        self._cancel_requested = True
        self.cancel_event.set()

    def check_cancelled(self) -> None:
        if self._cancel_requested:
            raise Cancelled(self.name)

    def report_progress(self, done: int, total: int, message: str = "") -> None:
        """Throttled: the UI sees at most one update per `PROGRESS_INTERVAL`, plus the last one."""
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.signals.progress.emit(done, total, message)

    def deliver(self, name: str, value: Any) -> None:
        """Hand the UI thread one part of the result (a step of the analysis) before the rest."""
        if not self._cancel_requested:
            self.signals.partial.emit(name, value)

    def run(self) -> None:
        try:
            result = self._work(self)
            self.check_cancelled()
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as error:  # reported to the user as one line; the traceback goes to the log
            log.exception("background task %r failed", self.name)
            self.signals.failed.emit(f"{error.__class__.__name__}: {error}")
        else:
            self.signals.succeeded.emit(result)
        finally:
            del self._work  # let go of what its closure holds (a big corpus's articles, pickled)
            self.signals.done.emit()


class TaskRunner(QObject):
    """Starts tasks on a private pool and keeps them alive until their signals have been delivered."""

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()
        self._waiting: set[_WhenIdle] = set()
        _runners.add(self)

    def start(
        self,
        name: str,
        work: Callable[[Task], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_partial: Callable[[str, Any], None] | None = None,
    ) -> Task:
        task = Task(name, work)
        for signal, slot in (
            (task.signals.partial, on_partial),
            (task.signals.succeeded, on_success),
            (task.signals.failed, on_failure),
            (task.signals.progress, on_progress),
            (task.signals.cancelled, on_cancelled),
        ):
            if slot is not None:
                signal.connect(slot)
        task.signals.done.connect(lambda: self._tasks.discard(task))
        self._tasks.add(task)
        self.pool.start(task)
        return task

    def start_when_idle(self, owner: QObject, start: Callable[[], None], turns: int = 1) -> None:
        """Call `start` (on the UI thread) once that thread has done what it has queued now,
        repaints included, `turns` times over (what the first idle turn sets off is painted
        before a second); never once `owner` is gone. Until then the runner counts as busy,
        so whoever waits for the work to finish does not see a gap before it starts.

        For background work whose first step is pure Python in this process (slicing the articles
        for a child process): run alongside the UI thread's own work (showing a new corpus, the
        quotes panel filling in), the two take turns at the interpreter lock and the window stalls
        for as long as both take.
        """
        self._waiting.add(_WhenIdle(self, owner, start, self._waiting.discard, turns))

    @property
    def busy(self) -> bool:
        return bool(self._tasks) or bool(self._waiting) or self.pool.activeThreadCount() > 0

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel everything and wait for the workers; True if they all stopped in time."""
        self.cancel_all()
        self.pool.clear()
        stopped = self.pool.waitForDone(timeout_ms)
        self._tasks.clear()
        for waiting in self._waiting:
            waiting.cancel()
        self._waiting.clear()
        return stopped


_IDLE_EVENT = QEvent.Type(QEvent.registerEventType())


class _WhenIdle(QObject):
    """Calls `start` once the UI thread has handled the events queued before and with it.

    Repaints are queued at low priority; so is this object's event, twice over: whatever the
    UI thread queued before the first hop, or alongside it, is handled before the second.
    It lives on the runner, not the owner, so it always reports itself `finished`.
    """

    def __init__(self, runner: QObject, owner: QObject, start: Callable[[], None],
                 finished: Callable[[_WhenIdle], None], turns: int) -> None:
        super().__init__(runner)
        self._owner = owner
        self._start = start
        self._finished = finished
        self._cancelled = False
        self._hops = 2 * turns
        self._post()

    def _post(self) -> None:
        QCoreApplication.postEvent(self, QEvent(_IDLE_EVENT), Qt.EventPriority.LowEventPriority.value)

    def cancel(self) -> None:
        self._cancelled = True

    def event(self, event: QEvent) -> bool:
        if event.type() != _IDLE_EVENT:
            return super().event(event)
        self._hops -= 1
        if self._hops:
            self._post()
            return True
        self._finished(self)
        self.deleteLater()
        if not self._cancelled and shiboken6.isValid(self._owner):
            self._start()
        return True


def live_runners() -> list[TaskRunner]:
    """Every runner still alive, for the test fixture that catches leaked pool work."""
    return list(_runners)


class Generation:
    """Drops stale results: each new request bumps the counter; only the newest may deliver.

    git-cola does this for diffs: when the researcher has already moved on, the answer for
    the selection they left must not overwrite the one they are looking at.
    """

    def __init__(self) -> None:
        self.current = 0

    def next(self) -> int:
        """Start a new request; results bound to earlier ones will be dropped."""
        self.current += 1
        return self.current

    def bind(self, callback: Callable[..., None]) -> Callable[..., None]:
        """`callback`, but only while the generation current at binding time is still current."""
        mine = self.current

        def deliver(*args: Any) -> None:
            if mine == self.current:
                callback(*args)

        return deliver
