"""The only place the UI starts threads: pool tasks whose results come back as queued signals.

Work runs in a `QRunnable` on the runner's own `QThreadPool`; its result, failure or progress
reaches the UI thread through signals of an object living there, so slots never run on a
worker thread (Picard's `thread.py`, git-cola's `RunTask`). A failure is logged with its
traceback and reported as one line. Views never create threads; they ask the runner.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
import weakref
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal

from ui.transfer import call_unpacked, pack, unpack

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05
"""Seconds between progress signals, so a fast loop cannot flood the UI thread's queue."""

_runners: weakref.WeakSet[TaskRunner] = weakref.WeakSet()
_process_pool: ProcessPoolExecutor | None = None
_manager: Any = None
_processes_lock = threading.Lock()
PROCESSES = 2
BACKGROUND_NICENESS = 10
CHILD_PROCESS_FROM = 200
"""Articles from which corpus-wide work (quotes, provenance, facts, the search index) goes to a
child process (`run_in_process`); below that, starting the process costs more than it saves."""


class Cancelled(Exception):
    """Raised inside a task by `Task.check_cancelled` once the user has cancelled it."""


class TaskSignals(QObject):
    """Lives on the UI thread; a worker emitting these queues the slot onto the UI thread."""

    progress = Signal(int, int, str)
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
    ) -> Task:
        task = Task(name, work)
        for signal, slot in (
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

    def start_when_idle(self, owner: QObject, start: Callable[[], None]) -> None:
        """Call `start` (on the UI thread) once that thread has done what it has queued now,
        repaints included; never once `owner` is gone. Until then the runner counts as busy,
        so whoever waits for the work to finish does not see a gap before it starts.

        For background work whose first step is pure Python in this process (slicing the articles
        for a child process): run alongside the UI thread's own work (showing a new corpus, the
        quotes panel filling in), the two take turns at the interpreter lock and the window stalls
        for as long as both take.
        """
        self._waiting.add(_WhenIdle(self, owner, start, self._waiting.discard))

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
                 finished: Callable[[_WhenIdle], None]) -> None:
        super().__init__(runner)
        self._owner = owner
        self._start = start
        self._finished = finished
        self._cancelled = False
        self._hops = 2
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


def run_in_process(task: Task, function: Callable[..., Any], *args: Any, with_progress: bool = False) -> Any:
    """`function(*args)` in a child process, waited for from inside `task`'s work.

    For big pure-Python work (facts, the search index over thousands of articles): in this
    process it holds the interpreter lock for a tenth of a second or more at a time (garbage
    collections, big sorts), which the UI thread waits out. Arguments and result cross in
    slices (`ui.transfer`) for the same reason. With `with_progress`, `function` also gets
    `progress=callable(done, total)` and `cancel=` an event, relayed to and from the task.
    Cancelling the task stops the waiting (and sets that event); the answer is dropped.
    """
    pool, manager = start_processes()
    queue = cancel = None
    if with_progress:
        queue, cancel = manager.Queue(), manager.Event()
    packed = [arg.packed() if isinstance(arg, PackedOnce) else pack(arg) for arg in args]
    task.check_cancelled()
    future: Future = pool.submit(call_unpacked, function, queue, cancel, packed)
    while True:
        try:
            result = future.result(timeout=0.1)
        except FutureTimeout:
            _relay_progress(queue, task)
            if task.is_cancelled:
                if cancel is not None:
                    cancel.set()
                future.cancel()
                task.check_cancelled()
        else:
            _relay_progress(queue, task)
            return unpack(result)


def start_processes() -> tuple[ProcessPoolExecutor, Any]:
    """The child processes `run_in_process` uses (and the manager relaying their progress),
    started now if they are not running yet.

    Starting them costs imports and process launches in this process; the corpus loader calls
    this as soon as it knows the corpus is big (`CHILD_PROCESS_FROM`), so that happens while
    the UI thread has nothing to show, not just when the loaded corpus is being shown.
    """
    global _process_pool, _manager
    with _processes_lock:
        if _process_pool is None:
            context = multiprocessing.get_context("spawn")
            _process_pool = ProcessPoolExecutor(max_workers=PROCESSES, mp_context=context,
                                                **_background_priority_arguments())
            _manager = context.Manager()
            for _ in range(PROCESSES):
                _process_pool.submit(os.getpid)  # each idle submission launches one more child
        return _process_pool, _manager


class PackedOnce:
    """A big argument that several `run_in_process` jobs share (the corpus's articles): whichever
    job's worker needs it first slices it (`ui.transfer.pack`); the others wait for those slices
    without holding the interpreter lock instead of slicing it again alongside the UI thread."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self._packed: Any = None
        self._lock = threading.Lock()

    def packed(self) -> Any:
        with self._lock:
            if self._packed is None:
                self._packed = pack(self.value)
            return self._packed


def _background_priority_arguments() -> dict[str, Any]:
    """Executor arguments that make each child yield the cores to the window's UI thread when
    they are all busy. The initializer is `os.nice` itself, so the child lowers its priority
    before it imports what its first job needs: at full priority those imports, in two
    children at once while a big corpus loads, kept the window's process off the cores for
    50–100 ms at a time."""
    return {"initializer": os.nice, "initargs": (BACKGROUND_NICENESS,)} if hasattr(os, "nice") else {}


def _relay_progress(queue: Any, task: Task) -> None:
    while queue is not None and not queue.empty():
        task.report_progress(*queue.get())


def stop_processes() -> None:
    """Let the child processes go (each ends after any job it has started); called at shutdown."""
    global _process_pool, _manager
    with _processes_lock:
        if _process_pool is not None:
            _process_pool.shutdown(wait=False, cancel_futures=True)
            _process_pool = None
        if _manager is not None:
            _manager.shutdown()
            _manager = None


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
