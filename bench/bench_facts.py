"""Time and peak memory of `align_articles` on generated corpora (1,000 and 10,000 articles).

Generates a news-like corpus with `bench/corpus_generator.py` into a temporary folder, loads
it, then times fact finding: a cold run (every article read and aligned, nothing stored), a
warm run on the unchanged corpus (answered from the store), then one article changed (a figure
edited) and one article added (another outlet's version of a story): each re-aligns only the
stories it touches (`reader.facts.realign`), and its time is printed against the cold run's.
`--verify` also aligns each changed corpus cold, with the snapshot's statistics and with its
own, and says whether the facts are the same. Peak memory is the process's maximum resident
set size. Run: `python bench/bench_facts.py --articles 1000` (and `10000`, once).
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


def _edited(articles: list, index: int) -> list:
    """The corpus with one article's first figure changed, as an outlet's correction would."""
    article = articles[index]
    digit = next(position for position, char in enumerate(article.text) if char.isdigit())
    text = article.text[:digit] + str((int(article.text[digit]) + 1) % 10) + article.text[digit + 1:]
    return articles[:index] + [replace(article, text=text, content_hash=article.content_hash + "-edited")] \
        + articles[index + 1:]


def _added(articles: list, index: int) -> list:
    """The corpus with another outlet's version of one article's story added after it."""
    article = articles[index]
    path = article.path.replace(".txt", "-b.txt")
    text = article.text.replace("said", "stated")
    added = replace(article, id=article.id + "-b", path=path, text=text, content_hash=article.content_hash + "-b")
    return articles[:index + 1] + [added] + articles[index + 1:]


def _facts(run: object) -> list:
    return [fact.as_json() for fact in run.facts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--verify", action="store_true", help="compare each incremental result with cold runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="facts-bench-") as temp:
        os.environ["CORROBORATE_HOME"] = str(Path(temp) / "home")
        from reader.articles.corpus import load_corpus
        from reader.facts import cache as fact_cache
        from reader.facts.finder import align_articles, corpus_identity

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

        middle = len(articles) // 2
        edited = _edited(articles, middle)
        for name, corpus in (("one article changed", edited), ("then one article added", _added(edited, middle + 3))):
            snapshot = fact_cache.load_snapshot(corpus_identity(corpus))
            started = time.perf_counter()
            run = align_articles(corpus)
            elapsed = time.perf_counter() - started
            print(f"{name}: {elapsed:.2f} s ({elapsed / cold_time:.3f}x cold), articles re-read: "
                  f"{run.articles_read}, re-aligned: {run.articles_realigned} of {len(corpus)}")
            if args.verify:
                frozen = align_articles(corpus, use_cache=False, statistics=snapshot.statistics)
                own = align_articles(corpus, use_cache=False)
                print(f"  same facts as cold with the snapshot's statistics: {_facts(run) == _facts(frozen)}; "
                      f"with its own: {_facts(run) == _facts(own)}")
        print(f"peak RSS {_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
