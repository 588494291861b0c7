"""Benchmark provenance (spin reports, candidate pairs, pair kinds) on a generated corpus.

Generates `--articles` articles (default 10,000 of ~700 words) with `bench/corpus_generator.py`
into a temporary folder, loads them, then times `reader.provenance.copies.provenance` over the whole corpus
(target: 10,000 articles in 60 s or less) and prints the time, the candidate pair count against
all possible pairs, the peak resident memory, and how well the result matches what the
generator wrote (identical syndicated copies found, Content Farm spun copies flagged and paired
with their source, articles wrongly flagged spun).
Run: `.venv/bin/python bench/bench_reuse.py [--articles 10000] [--words 700] [--seed 1]`.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus_generator import generate_corpus  # noqa: E402
from reader.articles.corpus import load_corpus  # noqa: E402
from reader.provenance.copies import NEAR_DUPLICATE, SPUN_COPY, provenance  # noqa: E402


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-reuse-") as folder:
        started = time.perf_counter()
        generate_corpus(Path(folder), args.articles, args.words, args.seed)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        articles = load_corpus([Path(folder)]).articles
        loaded = time.perf_counter() - started
        memory_loaded = _peak_mib()
        started = time.perf_counter()
        report = provenance(articles, include_independent=True)
        elapsed = time.perf_counter() - started
    all_pairs = len(articles) * (len(articles) - 1) // 2
    kinds: dict[str, int] = {}
    for pair in report.pairs:
        kinds[pair.kind] = kinds.get(pair.kind, 0) + 1
    by_text: dict[str, list[str]] = {}
    for article in articles:
        by_text.setdefault(article.text, []).append(article.id)
    identical = {frozenset(ids[:2]) for ids in by_text.values() if len(ids) > 1}
    near = {frozenset((pair.a, pair.b)) for pair in report.pairs if pair.kind == NEAR_DUPLICATE}
    farm = {article.id for article in articles if article.outlet == "Content Farm"}
    flagged = {item.article_id for item in report.articles if item.spin.spun}
    paired = {item.article_id for item in report.articles if item.spun_from}
    outlets = {article.id: article.outlet for article in articles}
    wrong_source = sum(1 for pair in report.pairs if pair.kind == SPUN_COPY
                       and outlets.get(pair.source) == "Content Farm")
    print(f"articles: {len(articles)} of ~{args.words} words (generated in {generated:.1f} s, loaded in {loaded:.1f} s)")
    print(f"provenance: {elapsed:.1f} s ({1000 * elapsed / max(len(articles), 1):.2f} ms per article)")
    print(f"candidate pairs: {report.candidates} of {all_pairs} possible ({100 * report.candidates / max(all_pairs, 1):.4f}%)")
    print(f"pair kinds: {dict(sorted(kinds.items()))}")
    print(f"peak memory (max RSS): {memory_loaded:.0f} MiB after loading, {_peak_mib():.0f} MiB after provenance")
    print(f"identical copies found as near-duplicates: {len(identical & near)} of {len(identical)}")
    print(f"content-farm spun copies flagged spun: {len(farm & flagged)} of {len(farm)}; "
          f"paired with a source: {len(farm & paired)}; spun-copy pairs naming a spun source: {wrong_source}")
    print(f"other articles flagged spun: {len(flagged - farm)} of {len(articles) - len(farm)}")


if __name__ == "__main__":
    main()
