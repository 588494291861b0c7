"""Where the analysis runs: in this process for small corpora, in child processes for big ones.

This is the one place that decides. Big pure-Python work (quotes, provenance, facts, the search
index over thousands of articles) holds the interpreter lock for a tenth of a second or more at a
time, which a window's UI thread would wait out; in a child process at lower priority it does
not. Arguments and results cross in slices (`reader.analysis.transfer`) for the same reason.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import weakref
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Callable, Iterator

from reader.analysis.transfer import call_unpacked, pack, remove_spool, spools, unpack

CHILD_PROCESS_FROM = 200
"""Articles from which corpus-wide work goes to a child process; below that, starting the
process costs more than it saves."""

PROCESSES = 2
BACKGROUND_NICENESS = 10
JOBS_PER_CHILD = 1
"""Each job gets a fresh child process, launched as the one before it ends: what a job leaves
behind (its caches, the heap it grew) never adds to the next job's peak, as the search index
built in the process that had just worked out provenance did."""

Progress = Callable[[int, int, str], None]

_pool: ProcessPoolExecutor | None = None
_manager: Any = None
_lock = threading.Lock()


def in_child_process(article_count: int) -> bool:
    return article_count >= CHILD_PROCESS_FROM


class Cancelled(Exception):
    """The caller's cancel flag was set while it waited for a child process."""


class PackedOnce:
    """A big argument that several child jobs share (the corpus's articles): whichever job needs
    it first slices it; the others wait for those slices instead of slicing it again."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self._packed: Any = None
        self._lock = threading.Lock()

    def packed(self) -> Any:
        with self._lock:
            if self._packed is None:
                self._packed = pack(self.value, shared=True)
                for spool in spools(self._packed):
                    weakref.finalize(self, remove_spool, spool)
            return self._packed


class ChildJob:
    """`function(*args)` running in a child process; `wait` relays its progress and honours cancel."""

    def __init__(self, function: Callable[..., Any], *args: Any, with_progress: bool = False) -> None:
        pool, manager = start_processes()
        self._queue = self._cancel = None
        if with_progress:
            self._queue, self._cancel = manager.Queue(), manager.Event()
        packed = [arg.packed() if isinstance(arg, PackedOnce) else pack(arg) for arg in args]
        self._spools = [spool for arg, part in zip(args, packed) if not isinstance(arg, PackedOnce)
                        for spool in spools(part)]
        self.future: Future = pool.submit(call_unpacked, function, self._queue, self._cancel, packed)

    def wait(self, cancel: threading.Event | None = None, progress: Progress | None = None) -> Any:
        """The result, relaying progress meanwhile; raises `Cancelled` once `cancel` is set."""
        while True:
            try:
                self.future.result(timeout=0.1)
            except FutureTimeout:
                self.relay(progress)
                if cancel is not None and cancel.is_set():
                    self.stop()
                    raise Cancelled() from None
            else:
                self.relay(progress)
                return self.result()

    def result(self) -> Any:
        """The result of a job that is done."""
        return unpack(self.future.result())

    def stop(self) -> None:
        """Cancel the job; its spooled arguments or result, which nobody will read now, are removed."""
        if self._cancel is not None:
            self._cancel.set()
        if self.future.cancel():
            for spool in self._spools:
                remove_spool(spool)
        else:
            self.future.add_done_callback(_discard_result)

    def relay(self, progress: Progress | None) -> None:
        """Pass on the progress the child has reported since the last call."""
        while self._queue is not None and not self._queue.empty():
            done, total, message = self._queue.get()
            if progress is not None:
                progress(done, total, message)


def _discard_result(future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        for spool in spools(future.result()):
            remove_spool(spool)


def run_in_child(function: Callable[..., Any], *args: Any, cancel: threading.Event | None = None,
                 progress: Progress | None = None) -> Any:
    """`function(*args)` in a child process, waited for; with `progress`, `function` also gets
    `progress=callable(done, total)` and `cancel=` an event, relayed to and from the caller."""
    return ChildJob(function, *args, with_progress=progress is not None).wait(cancel, progress)


def mapped(function: Callable[[list[Any]], list[Any]], items: list[Any], batch: int = 16) -> Iterator[Any]:
    """`function` over `items` a batch at a time, results in order: in the child processes when
    there are many items and this process is not itself a child (whose siblings already have
    the other cores), else here. At most two batches per child wait, bounding memory."""
    batches = [items[at:at + batch] for at in range(0, len(items), batch)]
    if not in_child_process(len(items)) or multiprocessing.parent_process() is not None:
        for part in batches:
            yield from function(part)
        return
    pool, _ = start_processes()
    waiting: deque[Future] = deque()
    for part in batches:
        waiting.append(pool.submit(function, part))
        if len(waiting) > 2 * PROCESSES:
            yield from waiting.popleft().result()
    while waiting:
        yield from waiting.popleft().result()


def start_processes() -> tuple[ProcessPoolExecutor, Any]:
    """The child processes (and the manager relaying their progress), started now if not running.

    Starting them costs imports and process launches; a loader that knows the corpus is big
    calls this early, so that happens while there is nothing yet to show. A child that has done
    its jobs (`JOBS_PER_CHILD`) is replaced at once, so the next job also finds one launched.
    """
    global _pool, _manager
    with _lock:
        if _pool is None:
            context = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(max_workers=PROCESSES, mp_context=context,
                                        max_tasks_per_child=JOBS_PER_CHILD, **_background_priority())
            _manager = context.Manager()
            for _ in range(PROCESSES):
                _pool.submit(os.getpid)  # each idle submission launches one more child, replaced when done
        return _pool, _manager


def stop_processes() -> None:
    """Let the child processes go (each ends after any job it has started); called at shutdown."""
    global _pool, _manager
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        if _manager is not None:
            _manager.shutdown()
            _manager = None


def _background_priority() -> dict[str, Any]:
    """Each child lowers its priority before it imports what its first job needs, so it yields
    the cores to the caller's UI thread when they are all busy."""
    return {"initializer": os.nice, "initargs": (BACKGROUND_NICENESS,)} if hasattr(os, "nice") else {}
