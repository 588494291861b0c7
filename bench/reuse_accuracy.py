"""Copies, spun copies and their sources found by `provenance`, per set, beside a plain baseline.

Sets: the bundled sample (000 is spun); each real event in /tmp/realnews/<event>/corpus with
the gold `copies` of /work/shared/realnews/<event>/gold.json (pairs whose files were not
gathered are left out and counted); spun copies of real and generated articles made by a
WordNet spinner (bench/wordnet_spinner.py), whose words the shipped lexicon does not list.
Per set: copy-pair recall and false pairs (gold `shared-quote` pairs are neither), spun
recall and false spun, source direction right; and the baseline the issue names: every pair
compared by shared word 5-grams, a copy when they cover BASELINE_CONTAINMENT of the shorter.
Run: `.venv/bin/python bench/reuse_accuracy.py [--realnews /tmp/realnews] [--gold /work/shared/realnews]`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import wordnet_spinner  # noqa: E402
from bench.corpus_generator import generate_corpus  # noqa: E402
from reader.articles.corpus import load_corpus  # noqa: E402
from reader.articles.model import Article  # noqa: E402
from reader.provenance.copies import INDEPENDENT, provenance  # noqa: E402
from reader.provenance.spin import spin_report  # noqa: E402
from resources import sample_dir  # noqa: E402

BASELINE_CONTAINMENT = 0.2
"""The baseline's cut: shared 5-grams over the shorter text's 5-grams."""
Pair = frozenset


@dataclass
class Gold:
    copies: dict[Pair, str | None] = field(default_factory=dict)
    neutral: set[Pair] = field(default_factory=set)
    spun: set[str] = field(default_factory=set)
    missing: int = 0


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return set(zip(*(words[offset:] for offset in range(5))))


def baseline_pairs(articles: list[Article]) -> set[Pair]:
    grams = {article.id: _grams(article.text) for article in articles}
    found = set()
    for a, b in combinations(articles, 2):
        shorter = min(len(grams[a.id]), len(grams[b.id]))
        if shorter and len(grams[a.id] & grams[b.id]) / shorter >= BASELINE_CONTAINMENT:
            found.add(Pair((a.id, b.id)))
    return found


def _one_source(gold: Gold) -> set[Pair]:
    """Pairs the gold does not list whose articles it ties to one source through other copies
    (two copies of one wire story): neither required nor wrong to report."""
    group: dict[str, set[str]] = {}
    for pair in gold.copies:
        joined = set(pair).union(*(group.get(name, set()) for name in pair))
        for name in joined:
            group[name] = joined
    return {Pair((a, b)) for members in group.values() for a, b in combinations(sorted(members), 2)}


def false_pairs(found: set[Pair], gold: Gold) -> set[Pair]:
    return found - set(gold.copies) - gold.neutral - _one_source(gold)


def _pair_figures(found: set[Pair], gold: Gold) -> str:
    hit = len(found & set(gold.copies))
    false = sorted(tuple(sorted(pair)) for pair in false_pairs(found, gold))
    shown = "; ".join(" ~ ".join(pair) for pair in false[:4])
    return f"recall {hit}/{len(gold.copies)}, false {len(false)}" + (f" ({shown})" if shown else "")


def evaluate(name: str, articles: list[Article], gold: Gold) -> dict[str, float]:
    report = provenance(articles)
    found = {Pair((pair.a, pair.b)): pair for pair in report.pairs if pair.kind != INDEPENDENT}
    flagged = {item.article_id for item in report.articles if item.spin.spun}
    alone = {article.id for article in articles if spin_report(article).spun}
    with_source = [pair for pair, source in gold.copies.items() if source]
    direction = sum(1 for pair in with_source if pair in found and found[pair].source == gold.copies[pair])
    unspun = {article.id for article in articles} - gold.spun
    missing = f" ({gold.missing} gold pairs not gathered)" if gold.missing else ""
    print(f"== {name}: {len(articles)} articles{missing}")
    print(f"   copy pairs  product  {_pair_figures(set(found), gold)}")
    print(f"               baseline {_pair_figures(baseline_pairs(articles), gold)}")
    print(f"   spun        recall {len(flagged & gold.spun)}/{len(gold.spun)} "
          f"(alone, no source: {len(alone & gold.spun)}/{len(gold.spun)}), "
          f"false spun {len(flagged & unspun)} {sorted(flagged & unspun)[:4]}")
    print(f"   direction   right {direction}/{len(with_source)}")
    wrong = [f"{found[pair].source} ({found[pair].reason}) for {gold.copies[pair]}" for pair in with_source
             if pair in found and found[pair].source != gold.copies[pair]]
    if wrong:
        print(f"   wrong way   {'; '.join(wrong[:4])}")
    missed = sorted(tuple(sorted(pair)) for pair in set(gold.copies) - set(found))
    if missed:
        print(f"   missed      {'; '.join(' ~ '.join(pair) for pair in missed[:6])}")
    return {"copies": len(gold.copies), "found": len(set(found) & set(gold.copies)),
            "false": len(false_pairs(set(found), gold)),
            "baseline_found": len(baseline_pairs(articles) & set(gold.copies)),
            "baseline_false": len(false_pairs(baseline_pairs(articles), gold)),
            "spun": len(gold.spun), "spun_found": len(flagged & gold.spun), "false_spun": len(flagged & unspun)}


def _sample() -> tuple[list[Article], Gold]:
    articles = load_corpus([sample_dir()]).articles
    return articles, Gold(spun={article.id for article in articles if article.id.startswith("000")})


def _realnews(folder: Path, gold_file: Path) -> tuple[list[Article], Gold]:
    articles = load_corpus([folder]).articles
    present = {article.id for article in articles}
    gold = Gold()
    for copy in json.loads(gold_file.read_text(encoding="utf-8"))["copies"]:
        pair = Pair((copy["a"], copy["b"]))
        if not pair <= present:
            gold.missing += copy["kind"] != "shared-quote"
        elif copy["kind"] == "shared-quote":
            gold.neutral.add(pair)
        else:
            gold.copies[pair] = copy["source"]
            if copy["kind"] == "spun":
                gold.spun.add(copy["b"])
    return articles, gold


def _with_spun_copies(folder: Path, texts: dict[str, str], every: int, seed: int,
                      gold: Gold | None = None) -> tuple[list[Article], Gold]:
    """`texts` plus a WordNet-spun copy of every `every`-th one (written to `folder`); identical texts are copies too."""
    folder.mkdir(parents=True, exist_ok=True)
    gold = gold or Gold()
    for number, (name, text) in enumerate(sorted(texts.items())):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        if number % every == 0:
            (folder / f"{name}-spun.txt").write_text(wordnet_spinner.spin_with_wordnet(text, seed + number),
                                                     encoding="utf-8")
            gold.copies[Pair((f"{name}.txt", f"{name}-spun.txt"))] = f"{name}.txt"
            gold.spun.add(f"{name}-spun.txt")
    twins: dict[str, list[str]] = {}
    for name, text in texts.items():
        twins.setdefault(text, []).append(f"{name}.txt")
    for names in twins.values():
        for a, b in combinations(names, 2):
            gold.copies[Pair((a, b))] = None
            for spun in ({f"{a[:-4]}-spun.txt", f"{b[:-4]}-spun.txt"} & gold.spun):
                gold.copies.setdefault(Pair((a, spun)), None)
                gold.copies.setdefault(Pair((b, spun)), None)
    return load_corpus([folder]).articles, gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realnews", type=Path, default=Path("/tmp/realnews"))
    parser.add_argument("--gold", type=Path, default=Path("/work/shared/realnews"))
    args = parser.parse_args()
    totals: dict[str, float] = {}

    def add(figures: dict[str, float]) -> None:
        for key, value in figures.items():
            totals[key] = totals.get(key, 0) + value

    evaluate("sample", *_sample())
    events = sorted(path.parent.name for path in args.gold.glob("*/gold.json")
                    if (args.realnews / path.parent.name / "corpus").is_dir())
    real_texts: dict[str, str] = {}
    real_gold = Gold()
    for event in events:
        articles, gold = _realnews(args.realnews / event / "corpus", args.gold / event / "gold.json")
        add(evaluate(event, articles, gold))
        real_texts.update({f"{event}--{Path(article.id).stem}": article.text for article in articles
                           if article.id not in gold.spun})
        for pair, source in gold.copies.items():
            if not pair & gold.spun:
                real_gold.copies[Pair(f"{event}--{name}" for name in pair)] = source and f"{event}--{source}"
        real_gold.neutral.update(Pair(f"{event}--{name}" for name in pair) for pair in gold.neutral)
    if totals:
        print(f"== all real events: copy pairs {totals['found']:.0f}/{totals['copies']:.0f}, false {totals['false']:.0f}"
              f" | baseline {totals['baseline_found']:.0f}/{totals['copies']:.0f}, false {totals['baseline_false']:.0f}"
              f" | spun {totals['spun_found']:.0f}/{totals['spun']:.0f}, false spun {totals['false_spun']:.0f}")
    if not wordnet_spinner.available():
        print("== WordNet-spun sets skipped: install the Debian package wordnet-base")
        return 0
    with tempfile.TemporaryDirectory(prefix="corroborate-reuse-accuracy-") as scratch:
        if real_texts:
            evaluate("real articles + WordNet-spun copies", *_with_spun_copies(Path(scratch) / "real", real_texts, 3, 7, real_gold))
        generated = Path(scratch) / "generated-source"
        generate_corpus(generated, 120, words=500, seed=5)
        texts = {article.id[:-4]: article.text for article in load_corpus([generated]).articles
                 if article.outlet != "Content Farm"}
        evaluate("generated + WordNet-spun copies", *_with_spun_copies(Path(scratch) / "generated", texts, 4, 11))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
