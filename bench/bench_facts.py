"""Time and peak memory of `find_facts` on generated corpora (1,000 and 10,000 articles).

Generates a news-like corpus with `bench/corpus_generator.py` into a temporary folder, loads
it, then times fact finding three ways: a cold run (every article read, nothing cached), a
warm run on the unchanged corpus (answered from the facts cache) and a run after one article
changed (only that article re-read, alignment redone). Peak memory is the process's maximum
resident set size. Run: `python bench/bench_facts.py --articles 1000` (and `10000`, once).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_generator import generate_corpus  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=700)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="facts-bench-") as temp:
        os.environ["CORROBORATE_HOME"] = str(Path(temp) / "home")
        from reader.articles.corpus import load_corpus
        from reader.facts.finder import align_articles

        corpus_dir = Path(temp) / "corpus"
        generate_corpus(corpus_dir, args.articles, words=args.words)
        started = time.perf_counter()
        articles = load_corpus([corpus_dir]).articles
        loaded = time.perf_counter()
        sentences = sum(len(article.sentences) for article in articles)
        print(f"{len(articles)} articles, {sentences} sentences loaded in {loaded - started:.1f} s")

        started = time.perf_counter()
        cold = align_articles(articles)
        cold_time = time.perf_counter() - started
        discrepancies = sum(len(fact.discrepancies) for fact in cold.facts)
        print(f"cold: {cold_time:.2f} s, {len(cold.facts)} facts, {discrepancies} discrepancies, "
              f"peak RSS {_peak_mb():.0f} MB")

        started = time.perf_counter()
        warm = align_articles(articles)
        print(f"warm (unchanged corpus): {time.perf_counter() - started:.2f} s, "
              f"from cache: {warm.result_from_cache}")

        changed = list(articles)
        first = changed[0]
        changed[0] = replace(first, text=first.text + " ", content_hash=first.content_hash + "-edited")
        started = time.perf_counter()
        edited = align_articles(changed)
        print(f"one article changed: {time.perf_counter() - started:.2f} s, articles re-read: "
              f"{edited.articles_read}, reused: {edited.articles_from_cache}")
        print(f"peak RSS {_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
