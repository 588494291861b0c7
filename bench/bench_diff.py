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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_generator import generate_corpus  # noqa: E402

from reader.corpus import load_corpus  # noqa: E402
from reader.diff import compare_articles  # noqa: E402


def best_wall_time(command: list[str], runs: int, ok_codes: tuple[int, ...] = (0,)) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        if result.returncode not in ok_codes:
            raise SystemExit(f"{' '.join(command)} exited with {result.returncode}")
        best = min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=16_700, help="words per article (16,700 ≈ 120 KB)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as folder:
        a_path, b_path = generate_corpus(Path(folder), articles=2, words=args.words, seed=1)
        print(f"articles: {a_path.stat().st_size / 1000:.1f} KB and {b_path.stat().st_size / 1000:.1f} KB")
        git = best_wall_time(["git", "diff", "--no-index", "--word-diff", str(a_path), str(b_path)],
                             args.runs, ok_codes=(0, 1))
        ours = best_wall_time([sys.executable, "-m", "reader", "diff", str(a_path), str(b_path)], args.runs)
        ours_json = best_wall_time([sys.executable, "-m", "reader", "diff", str(a_path), str(b_path), "--json"],
                                   args.runs)
        a, b = load_corpus([a_path, b_path]).articles
        started = time.perf_counter()
        comparison = compare_articles(a, b)
        engine = time.perf_counter() - started
    stats = comparison.stats()
    print(f"git diff --no-index --word-diff: {git * 1000:.1f} ms")
    print(f"corroborate diff (text):         {ours * 1000:.1f} ms  ratio {ours / git:.1f}x (goal <= 30x)")
    print(f"corroborate diff --json:         {ours_json * 1000:.1f} ms  ratio {ours_json / git:.1f}x")
    print(f"engine alone (compare_articles): {engine * 1000:.1f} ms")
    print(f"similarity {stats['similarity']:.1%}, {stats['changes']} changes, {stats['moves']} moved passages, "
          f"{stats['number_changes']} with numbers")
    for limit in comparison.limits:
        print(f"limit reported: {limit.reason}")


if __name__ == "__main__":
    main()
