"""Search benchmark: Corroborate's index against plain Whoosh on the same generated corpus, same run.

Generates a deterministic news-like corpus (bench/corpus_generator.py) in a temp folder, then
measures, each build in a fresh subprocess: wall time, CPU time and peak memory of plain Whoosh
(one writer, `StemmingAnalyzer`, the raw files), of Corroborate's index step alone (the corpus
already loaded and analysed: the analysis hands it articles, quotes and provenance) and of the
whole `corroborate index` (load, analysis, index); the time to re-open the unchanged corpus; and
query+highlight latency (p50/p95/max over several rounds of word, phrase, boolean, wildcard and
fuzzy queries, top 20 hits with highlights) for both indexes, overall and per kind of query.
Run: `python bench/bench_search.py --articles 10000` (default 1000).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus_generator import generate_corpus  # noqa: E402

QUERY_KINDS = {
    "word": ["settlement", "privacy", "penalty", "amazon", "regulators", "children", "refunds", "encryption"],
    "phrase": ['"voice assistant"', '"federal judge"', '"consumer advocates"', '"data retention"'],
    "boolean": ["amazon AND penalty", "google OR meta", "settlement NOT appeal", "(uber OR tesla) AND refunds"],
    "wildcard": ["settle*", "priva*", "enforc*", "surveil*"],
    "fuzzy": ["privcy~", "setlement~", "regulatr~", "penalti~"],
}
CONTENT_QUERIES = [query for queries in QUERY_KINDS.values() for query in queries]
FIELD_QUERIES = ['outlet:"the ledger" privacy', "date:[20230601 to 20230630] settlement", "title:amazon",
                 "privacy -amazon", "$5.8", "55,000"]
ROUNDS = 5
LIMIT = 20


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    """CPU time used so far (by this process, or its finished children): the work, whatever the load."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def build_plain(corpus: Path, out: Path) -> None:
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    schema = Schema(id=ID(stored=True, unique=True), content=TEXT(analyzer=StemmingAnalyzer(), stored=True))
    out.mkdir(parents=True, exist_ok=True)
    writer = index.create_in(str(out), schema).writer(limitmb=256)
    for path in sorted(corpus.glob("*.txt")):
        writer.add_document(id=path.name, content=path.read_text(encoding="utf-8"))
    writer.commit()


def build_ours(corpus: Path) -> dict:
    """What `corroborate index` does: load, analyse (quotes and provenance), index."""
    from app.cli.index import open_index

    return open_index([corpus]).report.as_json()


def analysed(corpus: Path):
    """The corpus loaded and analysed as the window has it when its index step starts."""
    from reader.analysis.pipeline import analyse_corpus
    from reader.analysis.processes import stop_processes
    from reader.articles.corpus import load_corpus

    analysis = analyse_corpus(load_corpus([corpus]).articles, with_facts=False)
    stop_processes()
    return analysis


def child(args: argparse.Namespace) -> None:
    """One measured build (or re-open) in this fresh process; prints its figures as JSON."""
    os.environ["CORROBORATE_HOME"] = args.home
    analysis = analysed(Path(args.corpus)) if args.measure == "step" else None
    started = time.perf_counter()
    own, children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    report = None
    if args.measure == "plain":
        build_plain(Path(args.corpus), Path(args.home) / "plain")
    elif args.measure == "step":
        from index import CorpusIndex

        report = CorpusIndex.update([Path(args.corpus)], analysis).report.as_json()
    else:
        report = build_ours(Path(args.corpus))
    seconds = time.perf_counter() - started
    own = cpu_seconds(resource.RUSAGE_SELF) - own
    children = cpu_seconds(resource.RUSAGE_CHILDREN) - children
    print(json.dumps({"seconds": seconds, "cpu": own + children, "writer_cpu": own, "rss_mb": peak_rss_mb(resource.RUSAGE_SELF),
                      "worker_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN), "report": report}))


def measure(kind: str, corpus: Path, home: Path) -> dict:
    command = [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus), "--home", str(home)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def latencies(run_query, queries: list[str], by_query: dict[str, list[float]] | None = None
              ) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per query over `ROUNDS` rounds (after one warm-up round);
    each query's wall times also go to `by_query` when given."""
    for query in queries:
        run_query(query)
    wall, cpu = [], []
    for _ in range(ROUNDS):
        for query in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            run_query(query)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            if by_query is not None:
                by_query.setdefault(query, []).append(wall[-1])
    return wall, cpu


def by_kind(times: dict[str, list[float]]) -> str:
    """Wall p95 per kind of query: where the slow queries are."""
    return "  ".join(f"{kind} {p95([t for query in queries for t in times[query]]):.0f}"
                     for kind, queries in QUERY_KINDS.items())


def p95(times: list[float]) -> float:
    return sorted(times)[min(len(times) - 1, int(0.95 * len(times)))]


def summary(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = times
    return (f"wall p50 {statistics.median(wall):6.1f}  p95 {p95(wall):6.1f}  max {max(wall):6.1f} ms;  "
            f"CPU p95 {p95(cpu):6.1f} ms")


def plain_query_runner(home: Path):
    from whoosh import index
    from whoosh.qparser import FuzzyTermPlugin, QueryParser

    searcher = index.open_dir(str(home / "plain")).searcher()
    parser = QueryParser("content", searcher.schema)
    parser.add_plugin(FuzzyTermPlugin())

    def run(query: str) -> None:
        for hit in searcher.search(parser.parse(query), limit=LIMIT):
            hit.highlights("content")

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--measure", choices=["plain", "step", "ours"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        child(args)
        return
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temp:
        corpus, root = Path(temp) / "corpus", Path(temp)
        generate_corpus(corpus, args.articles, words=args.words, seed=1)
        print(f"corpus: {args.articles} articles of ~{args.words} words, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} at start")
        plain = measure("plain", corpus, root / "plain-home")
        print(f"index   plain Whoosh (1 writer, StemmingAnalyzer): {plain['seconds']:7.2f} s wall, "
              f"{plain['cpu']:6.2f} s CPU   peak RSS {plain['rss_mb']:.0f} MB")
        step = measure("step", corpus, root / "step-home")
        print(f"index   corroborate, index step from the analysis:    {step['seconds']:7.2f} s wall, "
              f"{step['cpu']:6.2f} s CPU   peak RSS {step['rss_mb']:.0f} MB   ({step['seconds'] / plain['seconds']:.2f}x plain)")
        home = root / "home"
        ours = measure("ours", corpus, home)
        print(f"index   corroborate index (load, analysis, index):     {ours['seconds']:7.2f} s wall, "
              f"{ours['cpu']:6.2f} s CPU   peak RSS {ours['rss_mb']:.0f} MB, largest child {ours['worker_rss_mb']:.0f} MB   "
              f"({ours['seconds'] / plain['seconds']:.2f}x plain)")
        reopen = measure("ours", corpus, home)
        print(f"reopen  unchanged corpus (fresh process, folder scan):       {reopen['seconds'] * 1000:.0f} ms")

        os.environ["CORROBORATE_HOME"] = str(home)
        from app.cli.index import open_index

        started = time.perf_counter()
        corpus_index = open_index([corpus])
        print(f"reopen  unchanged corpus (in process, warm):                 {(time.perf_counter() - started) * 1000:.0f} ms")
        ours_by_query: dict[str, list[float]] = {}
        plain_by_query: dict[str, list[float]] = {}
        ours_times = latencies(lambda query: corpus_index.search(query, limit=LIMIT), CONTENT_QUERIES, ours_by_query)
        plain_times = latencies(plain_query_runner(root / "plain-home"), CONTENT_QUERIES, plain_by_query)
        field_times = latencies(lambda query: corpus_index.search(query, limit=LIMIT), FIELD_QUERIES)
        print(f"query   plain Whoosh, search + highlight top {LIMIT}:          {summary(plain_times)}")
        print(f"query   corroborate, same queries (+ facets, passages):   {summary(ours_times)}")
        print(f"query   corroborate / plain at p95: wall {p95(ours_times[0]) / p95(plain_times[0]):.2f}x, "
              f"CPU {p95(ours_times[1]) / p95(plain_times[1]):.2f}x")
        print(f"query   corroborate, field/date/figure queries:            {summary(field_times)}")
        print(f"query   wall p95 ms by kind, plain Whoosh:  {by_kind(plain_by_query)}")
        print(f"query   wall p95 ms by kind, corroborate:   {by_kind(ours_by_query)}")


if __name__ == "__main__":
    main()
