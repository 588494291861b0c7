"""Pair precision and recall of `find_facts` on the sample corpus against the annotated gold.

A *pair* is two sentences of different articles that the facts put in one fact; the gold
(`tests/data/sample_facts_gold.json`) lists, per fact, the sentences through which each
article states it. Precision is the share of predicted pairs a careful reader would also
pair; recall the share of the reader's pairs that were found. Also prints the number and
kinds of discrepancies. Facts are given the articles' quotes, as the app and the CLI give
them. Run: `python bench/facts_accuracy.py` (targets: 0.9 / 0.95).
"""
from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

from reader.articles.corpus import load_corpus
from reader.facts.finder import align_articles
from reader.quotes.finder import find_quotes
from resources import sample_dir

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "sample_facts_gold.json"
Pair = frozenset


def _pairs(groups: list[dict[str, list[int]]]) -> set[Pair]:
    pairs: set[Pair] = set()
    for group in groups:
        units = [(article, sentence) for article, sentences in group.items() for sentence in sentences]
        pairs.update(Pair((a, b)) for a, b in combinations(units, 2) if a[0] != b[0])
    return pairs


def predicted_groups(facts, articles) -> list[dict[str, list[int]]]:
    """Each fact's members as sentence numbers of their articles, keyed by three-digit prefix."""
    by_id = {article.id: article for article in articles}
    groups = []
    for fact in facts:
        group: dict[str, list[int]] = {}
        for member in fact.members:
            article = by_id[member.article_id]
            group[member.article_id[:3]] = [number for number, (start, end) in enumerate(article.sentences)
                                            if start < member.end and member.start < end]
        groups.append(group)
    return groups


def pair_scores(facts, articles, gold_path: Path = GOLD) -> tuple[float, float, set[Pair], set[Pair]]:
    gold = _pairs([fact["sentences"] for fact in json.loads(gold_path.read_text(encoding="utf-8"))["facts"]])
    found = _pairs(predicted_groups(facts, articles))
    precision = len(found & gold) / len(found) if found else 0.0
    recall = len(found & gold) / len(gold) if gold else 0.0
    return precision, recall, found - gold, gold - found


def main() -> int:
    articles = load_corpus([sample_dir()]).articles
    quotes = {article.id: find_quotes(article) for article in articles}
    facts = align_articles(articles, quotes, use_cache=False).facts
    precision, recall, extra, missed = pair_scores(facts, articles)
    print(f"facts: {len(facts)}  discrepancies: "
          f"{[(fact.id, item.kind, item.values) for fact in facts for item in fact.discrepancies]}")
    print(f"pair precision: {precision:.3f}  pair recall: {recall:.3f}")
    if "-v" in sys.argv:
        print("pairs not in gold:", sorted(tuple(sorted(pair)) for pair in extra))
        print("gold pairs missed:", sorted(tuple(sorted(pair)) for pair in missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
