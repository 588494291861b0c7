"""Benchmark: comparing two long, dissimilar articles, as a whole process, against git.

Two ~120 KB articles from `bench/corpus_generator.py` (the same story told by two outlets:
reordered facts, paraphrase, different background sentences) are written to a temp dir and
compared by `corroborate diff A B` (text and --json, each a fresh Python process that loads
both articles) and by `git diff --no-index --word-diff` on the same files. It prints the best
wall time of several runs for each, the ratio (goal: within 30x of git), the in-process time
of the comparison engine alone, and what the comparison reported (changes, moves, limits).
Run: `.venv/bin/python bench/bench_diff.py [--words 16700] [--runs 5]`.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_generator import generate_corpus  # noqa: E402

from reader.articles.corpus import load_corpus  # noqa: E402
from reader.compare.diff import compare_articles  # noqa: E402


def best_times(command: list[str], runs: int, ok_codes: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of `runs` runs of `command`.

    CPU time is printed too because the machine may be shared: it is what the process itself
    cost, while wall time also counts waiting for other people's work.
    """
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode not in ok_codes:
            raise SystemExit(f"{' '.join(command)} exited with {result.returncode}")
        best_wall = min(best_wall, elapsed)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best_wall, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=16_700, help="words per article (16,700 ≈ 120 KB)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as folder:
        a_path, b_path = generate_corpus(Path(folder), articles=2, words=args.words, seed=1)
        print(f"articles: {a_path.stat().st_size / 1000:.1f} KB and {b_path.stat().st_size / 1000:.1f} KB")
        git = best_times(["git", "diff", "--no-index", "--word-diff", str(a_path), str(b_path)],
                         args.runs, ok_codes=(0, 1))
        ours = best_times([sys.executable, "-m", "app", "diff", str(a_path), str(b_path)], args.runs)
        ours_json = best_times([sys.executable, "-m", "app", "diff", str(a_path), str(b_path), "--json"],
                               args.runs)
        a, b = load_corpus([a_path, b_path]).articles
        started, started_cpu = time.perf_counter(), time.process_time()
        comparison = compare_articles(a, b)
        engine, engine_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    stats = comparison.stats()
    print("                                 wall (best)          cpu (best)")
    print(f"git diff --no-index --word-diff: {git[0] * 1000:7.1f} ms            {git[1] * 1000:7.1f} ms")
    for label, (wall, cpu) in (("corroborate diff (text):        ", ours), ("corroborate diff --json:        ", ours_json)):
        print(f"{label} {wall * 1000:7.1f} ms {wall / git[0]:5.1f}x    {cpu * 1000:7.1f} ms {cpu / max(git[1], 1e-3):5.1f}x"
              "   (goal: within 30x of git)")
    print(f"engine alone (compare_articles): {engine * 1000:7.1f} ms            {engine_cpu * 1000:7.1f} ms")
    print(f"similarity {stats['similarity']:.1%}, {stats['changes']} changes, {stats['moves']} moved passages, "
          f"{stats['number_changes']} with numbers")
    for limit in comparison.limits:
        print(f"limit reported: {limit.reason}")


if __name__ == "__main__":
    main()
