"""Start-up and size of the standalone app built by `make dist`.

Prints: the onedir size in MiB (target <= 150); the wall time of the frozen `--self-test`
against a bare unfrozen PySide6 window opening (QApplication + one shown, processed QWidget)
measured in the same run (target ratio <= 3), and against the same self-test run unfrozen
(what freezing itself costs); Corroborate's own main window opened with no corpus, unfrozen,
against the bare one (the floor under a self-test that must open that window); and, signalled by
CORROBORATE_REPORT_FIRST_PAINT on a private Xvfb display when Xvfb is installed (else on Qt's
offscreen platform), the time from launching the app to its main window's first paint against
launching a bare PySide6 window to its first paint (target ratio <= 2.5, frozen), and to the
window painted with the sample corpus loaded (target <= 1 s), frozen and unfrozen. Each figure
is the median of --runs runs (the timings of each group interleaved so they share the
machine's load), each a fresh process with a clean environment and an empty HOME.
Run: `make dist && .venv/bin/python bench/bench_startup.py`.
"""
from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.first_paint import CORPUS_PAINTED, ENVIRONMENT_VARIABLE, WINDOW_PAINTED  # noqa: E402

BARE_WINDOW = (
    "import sys; from PySide6.QtWidgets import QApplication, QWidget; "
    "app = QApplication(sys.argv[:1]); w = QWidget(); w.resize(1100, 720); w.show(); app.processEvents()"
)
EMPTY_MAIN_WINDOW = (
    "from ui.app import create_application; from ui.context import AppContext; "
    "from ui.main_window import MainWindow; app = create_application(); w = MainWindow(AppContext()); "
    "w.show(); app.processEvents()"
)
"""Corroborate's own window with no corpus, unfrozen: the floor under any self-test that opens it."""
BARE_PAINTED_WINDOW = (
    "import sys; from PySide6.QtWidgets import QApplication, QWidget; from ui.first_paint import watch_first_paint; "
    "app = QApplication(sys.argv[:1]); w = QWidget(); w.resize(1100, 720); w.show(); watch_first_paint(w); app.exec()"
)
"""The bare window again, left running and reporting its first paint as the app does."""


def folder_mib(folder: Path) -> float:
    """Bytes on disk: PyInstaller links some Qt libraries into _internal; count each once."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 1_048_576


def clean_environment(home: str, **extra: str) -> dict[str, str]:
    return {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def wall_time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=env["HOME"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def times_to_paint(command: list[str], env: dict[str, str], messages: tuple[str, ...],
                   timeout: float = 15) -> tuple[float, ...]:
    """Seconds from launch to each of the app's paint lines on stderr; the app is then stopped.
    Each launch gets its own empty HOME: one stopped while Qt saved its settings leaves QSettings'
    lock file behind, and the next launch in that HOME waited 6-13 s for it to go stale."""
    env = {**env, "HOME": tempfile.mkdtemp(dir=env["HOME"])}
    start = time.perf_counter()
    app = subprocess.Popen(command, env=env, cwd=env["HOME"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, start_new_session=True)
    lines: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in app.stderr], daemon=True).start()
    seen: dict[str, float] = {}
    other: list[str] = []
    try:
        while len(seen) < len(messages):
            try:
                text = lines.get(timeout=max(0.0, start + timeout - time.perf_counter())).decode("utf-8", "replace")
            except queue.Empty:
                raise RuntimeError(f"{command[0]} did not paint within {timeout} s: {other[-5:]}") from None
            if text.strip() in messages:
                seen[text.strip()] = time.perf_counter() - start
            else:
                other.append(text.strip())
        return tuple(seen[message] for message in messages)
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=10)
        app.stderr.close()


def paint_run(app: Path, frozen_env: dict[str, str], unfrozen_env: dict[str, str]) -> tuple[float, ...] | None:
    """Launch to first paint of the bare window, then launch to first paint and to the corpus painted
    of the frozen and the unfrozen app, one after the other so they share the machine's load;
    None when one of them never painted (said on stderr)."""
    both = (WINDOW_PAINTED, CORPUS_PAINTED)
    try:
        return (times_to_paint([sys.executable, "-c", BARE_PAINTED_WINDOW], unfrozen_env, (WINDOW_PAINTED,))[0],
                *times_to_paint([str(app)], frozen_env, both),
                *times_to_paint([sys.executable, "-m", "app"], unfrozen_env, both))
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return None


def start_xvfb() -> tuple[subprocess.Popen, str] | None:
    if shutil.which("Xvfb") is None:
        return None
    number = 150 + os.getpid() % 50
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(100):
        if socket.exists():
            return server, f":{number}"
        time.sleep(0.1)
    server.terminate()
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "corroborate" / "corroborate",
                        help="the frozen executable (default: the onedir build of `make dist`)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is printed")
    args = parser.parse_args()
    if not args.app.is_file():
        print(f"{args.app} not found: run `make dist` first", file=sys.stderr)
        return 1
    home = tempfile.mkdtemp(prefix="corroborate-bench-")
    try:
        size = folder_mib(args.app.parent)
        print(f"onedir size: {size:.1f} MiB ({args.app.parent}) target <= 150")

        offscreen = clean_environment(home, QT_QPA_PLATFORM="offscreen")
        unfrozen_test = clean_environment(home, PYTHONPATH=str(ROOT))
        unfrozen_window = clean_environment(home, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        runs = [
            (wall_time([sys.executable, "-c", BARE_WINDOW], offscreen),
             wall_time([str(args.app), "--self-test"], clean_environment(home)),
             wall_time([sys.executable, "-m", "app", "--self-test"], unfrozen_test),
             wall_time([sys.executable, "-c", EMPTY_MAIN_WINDOW], unfrozen_window))
            for _ in range(args.runs)
        ]  # interleaved, so all four see the same load on a shared machine
        bare, frozen_test, unfrozen_test_time, empty_window = (statistics.median(run[i] for run in runs)
                                                               for i in range(4))
        ratio = statistics.median(run[1] / run[0] for run in runs)
        overhead = statistics.median(run[1] / run[2] for run in runs)
        floor = statistics.median(run[3] / run[0] for run in runs)
        print(f"bare unfrozen PySide6 window: {bare:.3f} s")
        print(f"Corroborate's main window, no corpus, unfrozen: {empty_window:.3f} s ({floor:.2f}x the bare window)")
        print(f"frozen --self-test: {frozen_test:.3f} s, ratio {ratio:.2f}x target <= 3")
        print(f"unfrozen --self-test: {unfrozen_test_time:.3f} s (frozen/unfrozen {overhead:.2f}x)")

        xvfb = start_xvfb()
        platform = {"DISPLAY": xvfb[1]} if xvfb else {"QT_QPA_PLATFORM": "offscreen"}
        where = f"Xvfb {xvfb[1]}" if xvfb else "offscreen"
        try:
            painting = clean_environment(home, **platform, **{ENVIRONMENT_VARIABLE: "1"})
            unfrozen_env = {**painting, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
                            "PYTHONPATH": str(ROOT)}
            paints = [run for run in (paint_run(args.app, painting, unfrozen_env) for _ in range(args.runs)) if run]
        finally:
            if xvfb:
                xvfb[0].terminate()
                xvfb[0].wait(timeout=10)
        if len(paints) < args.runs:
            print(f"{args.runs - len(paints)} of {args.runs} paint runs left out: a window was never painted")
        bare_paint, frozen_paint, frozen_corpus, unfrozen_paint, unfrozen_corpus = (
            statistics.median(run[i] for run in paints) for i in range(5))
        frozen_ratio = statistics.median(run[1] / run[0] for run in paints)
        unfrozen_ratio = statistics.median(run[3] / run[0] for run in paints)
        print(f"launch to first paint ({where}): bare unfrozen PySide6 window {bare_paint:.3f} s; "
              f"main window frozen {frozen_paint:.3f} s ({frozen_ratio:.2f}x the bare window) target <= 2.5x, "
              f"unfrozen {unfrozen_paint:.3f} s ({unfrozen_ratio:.2f}x)")
        print(f"launch to painted main window with the sample ({where}): frozen {frozen_corpus:.3f} s, "
              f"unfrozen {unfrozen_corpus:.3f} s target <= 1 s")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
