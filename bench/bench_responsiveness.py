"""How long can the window's UI thread stall while a large corpus loads and is analysed in the background?

Generates a corpus with `bench/corpus_generator.py` into a temp dir, opens it in the real
main window (offscreen unless QT_QPA_PLATFORM says otherwise) once that is on screen, and
while it loads and then while the window's background work runs (quotes, provenance, facts
and the search index), a QTimer heartbeat fires every 10 ms and records the time between
beats. A gap far above 10 ms means the UI thread was blocked (no repaint, no key handled)
that long. Prints the longest gap, the 99th percentile and how many gaps exceeded 100 ms (the
goal is none), the load time and the time until all background work was done, the longest
gaps by phase, when each result arrived and when each gap over 100 ms ended. With
`--diagnose`, a sampling thread records every thread's Python stack every few milliseconds
and each gap over `--explain-ms` is printed with what the UI thread and the other threads
were doing during it (sampling costs a little interpreter time, so take the headline figures
from a run without it). Run:
`.venv/bin/python bench/bench_responsiveness.py --articles 10000` (develop with 1000).
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEARTBEAT_MS = 10
STALL_MS = 100
SETTLE_MS = 300
"""The corpus is opened this long after the window is first shown, as a researcher would open
one in a window already on screen: the window's first paint is start-up, not opening a corpus."""
SAMPLE_S = 0.004
REPO = str(Path(__file__).resolve().parent.parent)


class StackSampler(threading.Thread):
    """Every SAMPLE_S, the innermost frames of every thread.

    A sample taken late (the sampler itself waited for the interpreter lock) says so: the
    thread holding the lock all that time was inside C code, often pickling or unpickling.
    """

    def __init__(self) -> None:
        super().__init__(name="stack-sampler", daemon=True)
        self.samples: list[tuple[float, dict[str, str]]] = []
        self.stopping = threading.Event()
        self.main_id = threading.main_thread().ident

    def run(self) -> None:
        names = {}
        while not self.stopping.wait(SAMPLE_S):
            at = time.perf_counter()
            names.update((thread.ident, thread.name) for thread in threading.enumerate())
            stacks = {names.get(ident, str(ident)): describe(frame)
                      for ident, frame in sys._current_frames().items() if ident != threading.get_ident()}
            self.samples.append((at, stacks))

    def during(self, start: float, end: float) -> list[tuple[float, dict[str, str]]]:
        return [(at, stacks) for at, stacks in self.samples if start <= at <= end + 0.002]


def describe(frame) -> str:
    """The innermost frame, then the project's own frames outward (at most four), as one line."""
    parts = [f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}:{frame.f_lineno}"]
    frame = frame.f_back
    while frame is not None and len(parts) < 5:
        if frame.f_code.co_filename.startswith(REPO):
            parts.append(f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return " < ".join(parts)


def explain(sampler: StackSampler, start: float, end: float, origin: float) -> None:
    """Print what each thread was doing through one long gap (most frequent stacks first)."""
    samples = sampler.during(start, end)
    print(f"  gap {1000 * (end - start):.0f} ms at {end - origin:.2f} s, {len(samples)} samples")
    previous = start
    late = []
    for at, _ in samples:
        if at - previous > 0.03:
            late.append(f"{1000 * (at - previous):.0f} ms before {at - origin:.2f} s")
        previous = at
    if late:
        print("    sampler held off: " + "; ".join(late))
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for _, stacks in samples:
        for thread, stack in stacks.items():
            counts[thread][stack] += 1
    for thread, stacks in sorted(counts.items(), key=lambda item: item[0] != "MainThread"):
        for stack, count in stacks.most_common(3):
            if "wait" in stack.split(" < ")[0] and thread != "MainThread":
                continue
            print(f"    {thread[:18]:18} x{count:3} {stack}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def measure(corpus_dir: Path, explain_ms: float | None = None) -> dict[str, float]:
    from PySide6.QtCore import QTimer

    from ui.app import create_application
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(AppContext())
    window.show()
    while not window.windowHandle().isExposed():  # the first paint is start-up (bench_startup.py)
        app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]
    sampler = StackSampler() if explain_ms is not None else None
    long_gaps: list[tuple[float, float]] = []

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        if gaps[-1] > (STALL_MS if explain_ms is None else explain_ms):
            long_gaps.append((last[0], now))
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(heartbeat.timerType().PreciseTimer)
    heartbeat.timeout.connect(beat)
    timings: dict[str, float] = {}
    idle = QTimer()

    def loaded() -> None:
        timings["load_s"] = time.perf_counter() - timings["start"]
        timings["load_beats"] = len(gaps)
        idle.start(100)

    def check_idle() -> None:
        if not window.context.tasks.busy:
            idle.stop()
            timings["background_s"] = time.perf_counter() - timings["start"]
            QTimer.singleShot(300, app.quit)  # keep beating while the last results are shown

    idle.timeout.connect(check_idle)

    window.context.corpus.loaded.connect(loaded)
    events: list[tuple[float, str]] = []
    for signal, name in ((window.context.corpus.loaded, "loaded"), (window.analysis.quotes_ready, "quotes"),
                         (window.analysis.provenance_ready, "provenance"), (window.analysis.facts_ready, "facts"),
                         (window.search.index_ready, "index")):
        signal.connect(lambda name=name: events.append((time.perf_counter(), name)))
    window.context.corpus.loading_failed.connect(lambda message: (print(message), app.quit()))

    def start() -> None:
        timings["start"] = time.perf_counter()
        last[0] = time.perf_counter()
        heartbeat.start(HEARTBEAT_MS)
        if sampler is not None:
            sampler.start()
        window.open_corpus([corpus_dir])

    QTimer.singleShot(SETTLE_MS, start)
    app.exec()
    heartbeat.stop()
    print("results delivered: " + ", ".join(f"{name} {at - timings['start']:.2f} s" for at, name in events))
    if sampler is not None:
        sampler.stopping.set()
        print(f"gaps over {explain_ms:.0f} ms, with what each thread was doing:")
        for start_at, end_at in long_gaps:
            explain(sampler, start_at, end_at, timings["start"])
    else:
        for start_at, end_at in long_gaps:
            print(f"  gap {1000 * (end_at - start_at):.0f} ms at {end_at - timings['start']:.2f} s")
    articles = len(window.context.corpus.corpus.articles)
    window.close()
    split = int(timings.get("load_beats", len(gaps)))
    return {
        "articles": articles,
        "load_s": timings.get("load_s", float("nan")),
        "background_s": timings.get("background_s", float("nan")),
        "load_max_ms": max(gaps[:split], default=0.0),
        "after_max_ms": max(gaps[split:], default=0.0),
        "beats": len(gaps),
        "max_ms": max(gaps, default=0.0),
        "p99_ms": percentile(gaps, 0.99),
        "stalls": sum(1 for gap in gaps if gap > STALL_MS),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--diagnose", action="store_true", help="sample every thread's stack and explain long gaps")
    parser.add_argument("--explain-ms", type=float, default=50.0, help="with --diagnose, explain gaps longer than this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as temp:
        os.environ["CORROBORATE_HOME"] = str(Path(temp) / "home")
        from bench.corpus_generator import generate_corpus

        corpus_dir = Path(temp) / "corpus"
        began = time.perf_counter()
        generate_corpus(corpus_dir, args.articles, args.words)
        print(f"generated {args.articles:,} articles of ~{args.words} words in {time.perf_counter() - began:.1f} s")
        result = measure(corpus_dir, args.explain_ms if args.diagnose else None)
    print(f"loaded {result['articles']:,} articles in the background in {result['load_s']:.1f} s; quotes, "
          f"provenance, facts and search index done {result['background_s']:.1f} s after opening")
    print(f"longest gap while loading {result['load_max_ms']:.1f} ms, "
          f"while analysing and indexing {result['after_max_ms']:.1f} ms")
    print(f"UI heartbeat every {HEARTBEAT_MS} ms: {result['beats']:,} beats, "
          f"longest gap {result['max_ms']:.1f} ms, p99 gap {result['p99_ms']:.1f} ms, "
          f"gaps over {STALL_MS} ms: {result['stalls']}")
    return 0 if result["stalls"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
