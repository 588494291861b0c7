"""How long can the window's UI thread stall while a large corpus loads and is analysed in the background?

Generates a corpus with `bench/corpus_generator.py` into a temp dir, opens it in the real
main window (offscreen unless QT_QPA_PLATFORM says otherwise) and, while it loads and then
while the window's background work runs (quotes, provenance, facts and the search index),
a QTimer heartbeat fires every 10 ms and records the time between beats. A gap far above
10 ms means the UI thread was blocked (no repaint, no key handled) that long. Prints the
longest gap, the 99th percentile and how many gaps exceeded 100 ms (the goal is none), the
load time and the time until all background work was done, and the longest gaps by phase. Run:
`.venv/bin/python bench/bench_responsiveness.py --articles 10000` (develop with 1000).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEARTBEAT_MS = 10
STALL_MS = 100


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def measure(corpus_dir: Path) -> dict[str, float]:
    from PySide6.QtCore import QTimer

    from ui.app import create_application
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(AppContext())
    window.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
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
    window.context.corpus.loading_failed.connect(lambda message: (print(message), app.quit()))

    def start() -> None:
        timings["start"] = time.perf_counter()
        last[0] = time.perf_counter()
        heartbeat.start(HEARTBEAT_MS)
        window.open_corpus([corpus_dir])

    QTimer.singleShot(0, start)
    app.exec()
    heartbeat.stop()
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as temp:
        os.environ["CORROBORATE_HOME"] = str(Path(temp) / "home")
        from bench.corpus_generator import generate_corpus

        corpus_dir = Path(temp) / "corpus"
        began = time.perf_counter()
        generate_corpus(corpus_dir, args.articles, args.words)
        print(f"generated {args.articles:,} articles of ~{args.words} words in {time.perf_counter() - began:.1f} s")
        result = measure(corpus_dir)
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
