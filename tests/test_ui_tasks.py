"""Background tasks: results reach the UI thread, failures are logged, cancellation and staleness work."""
from __future__ import annotations

import logging
import threading

import pytest

from ui.tasks import Cancelled, Generation, Task, TaskRunner, live_runners


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_result_and_progress_arrive_on_the_ui_thread(qtbot, runner):
    seen = []
    ui_thread = threading.get_ident()

    def work(task: Task) -> int:
        task.report_progress(1, 1, "one")
        return threading.get_ident()

    runner.start("work", work, on_success=lambda v: seen.append(("result", v)),
                 on_progress=lambda *a: seen.append(("progress", threading.get_ident())))
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    results = dict(seen)
    assert results["result"] != ui_thread  # the work ran elsewhere …
    assert results["progress"] == ui_thread  # … and its news came back here


def test_failure_is_logged_with_traceback_and_reported_in_one_line(qtbot, runner, caplog):
    messages = []

    def work(task: Task) -> None:
        raise ValueError("bad article")

    with caplog.at_level(logging.ERROR):
        runner.start("broken", work, on_failure=messages.append)
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert messages == ["ValueError: bad article"]
    assert any(record.exc_info for record in caplog.records if "broken" in record.getMessage())


def test_cancelled_task_stops_and_delivers_no_result(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    outcome = []

    def work(task: Task) -> str:
        started.set()
        release.wait(5)
        task.check_cancelled()
        return "finished"

    task = runner.start("slow", work, on_success=outcome.append, on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert outcome == ["cancelled"]


def test_result_finished_after_cancel_is_not_delivered(qtbot, runner):
    release = threading.Event()
    outcome = []
    task = runner.start("ignores cancel", lambda t: release.wait(5) and "late", on_success=outcome.append,
                        on_cancelled=lambda: outcome.append("cancelled"))
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert outcome == ["cancelled"]


def test_progress_is_throttled(qtbot, runner):
    updates = []

    def work(task: Task) -> None:
        for done in range(1, 20_001):
            task.report_progress(done, 20_000)

    runner.start("many", work, on_progress=lambda d, t, m: updates.append(d))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert updates[-1] == 20_000
    assert len(updates) < 1000


def test_generation_drops_results_for_a_request_already_left():
    generation = Generation()
    delivered = []
    generation.next()
    stale = generation.bind(delivered.append)
    generation.next()
    fresh = generation.bind(delivered.append)
    stale("old query")
    fresh("new query")
    assert delivered == ["new query"]


def test_check_cancelled_raises_once_cancelled(qapp):
    task = Task("t", lambda t: None)
    task.check_cancelled()
    task.cancel()
    with pytest.raises(Cancelled):
        task.check_cancelled()


def test_shutdown_waits_for_running_work_and_runner_is_tracked(qapp):
    runner = TaskRunner()
    assert runner in live_runners()
    started = threading.Event()

    def work(task: Task) -> None:
        started.set()
        while True:
            task.check_cancelled()
            threading.Event().wait(0.01)

    runner.start("loops until cancelled", work)
    assert started.wait(5)
    assert runner.pool.activeThreadCount() == 1
    assert runner.shutdown(5000)
    assert runner.pool.activeThreadCount() == 0


def test_only_the_tasks_module_starts_threads():
    from pathlib import Path

    import ui

    words = ("QThread", "QRunnable", "import threading", "concurrent.futures", "multiprocessing")
    offenders = [
        (path.name, word)
        for path in Path(ui.__file__).parent.glob("*.py")
        if path.name not in ("tasks.py", "self_test.py")  # the self-test runs before any window, as its own program
        for word in words
        if word in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_work_started_when_idle_waits_for_the_ui_thread_and_its_owner(qtbot):
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

    from ui.tasks import TaskRunner

    started = []
    runner = TaskRunner()

    class Repaint(QObject):  # stands in for a widget: repaint requests are queued at low priority
        def event(self, event: QEvent) -> bool:
            started.append("repaint")
            return True

    owner, gone, widget = QObject(), QObject(), Repaint()
    runner.start_when_idle(owner, lambda: started.append("owner"))
    runner.start_when_idle(gone, lambda: started.append("gone"))
    QTimer.singleShot(0, lambda: started.append("queued"))
    QCoreApplication.postEvent(widget, QEvent(QEvent.Type.UpdateRequest), Qt.EventPriority.LowEventPriority.value)
    shiboken6.delete(gone)
    assert started == [] and runner.busy  # never at once: the UI thread finishes what it is doing first
    qtbot.waitUntil(lambda: "owner" in started, timeout=2000)
    qtbot.wait(50)
    assert started == ["queued", "repaint", "owner"]  # once, after what was queued, never for a deleted owner
    assert not runner.busy


def test_work_waiting_two_idle_turns_starts_after_what_the_first_turn_set_off(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

    from ui.tasks import TaskRunner

    started = []
    runner, owner = TaskRunner(), QObject()

    class Repaint(QObject):  # stands in for a widget: repaint requests are queued at low priority
        def event(self, event: QEvent) -> bool:
            started.append("repaint")
            return True

    widget = Repaint()

    def first_turn() -> None:  # the first article opening, which asks for a repaint
        started.append("first turn")
        QCoreApplication.postEvent(widget, QEvent(QEvent.Type.UpdateRequest), Qt.EventPriority.LowEventPriority.value)

    runner.start_when_idle(owner, lambda: started.append("second turn"), turns=2)
    runner.start_when_idle(owner, first_turn)
    qtbot.waitUntil(lambda: "second turn" in started, timeout=2000)
    assert started == ["first turn", "repaint", "second turn"]
    assert not runner.busy


def test_shutdown_drops_work_waiting_to_start_and_a_task_lets_go_of_its_work(qtbot):
    import gc
    import weakref

    from PySide6.QtCore import QObject

    from ui.tasks import TaskRunner

    runner, owner, started = TaskRunner(), QObject(), []
    runner.start_when_idle(owner, lambda: started.append("late"))
    assert runner.busy
    runner.shutdown()
    qtbot.wait(50)
    assert started == [] and not runner.busy

    class Held:
        pass

    held = Held()
    alive = weakref.ref(held)
    done = []
    second = TaskRunner()
    task = second.start("hold", lambda task, held=held: len(done), on_success=done.append)
    del held
    qtbot.waitUntil(lambda: done == [0], timeout=2000)
    gc.collect()
    assert alive() is None and task.name == "hold"
