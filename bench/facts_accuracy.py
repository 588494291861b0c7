"""Accuracy of `find_facts` per set: the sample, each real news event, and planted corpora.

For every set it prints fact *pair* precision and recall (a pair is two sentences of different
articles put in one fact), discrepancy precision and recall, and the false flags by kind.

- sample: `tests/data/sample_facts_gold.json` (sentence numbers per fact; the facts marked
  `discrepancy` are the two real disagreements);
- real news: `/tmp/realnews/<event>/corpus/` against `/work/shared/realnews/<event>/gold.json`,
  whose members are located by anchor (the first words of the sentence). That gold lists key
  facts only, so pair precision is measured on pairs of annotated sentences (two sentences of
  annotated facts put together), and a flag is matched to the annotated fact whose sentences
  hold its values (where two facts hold as many, as a sum and its conversion in one sentence
  do, the one marked a discrepancy); a flag in no annotated fact counts as false ("unannotated");
- planted: corpora from `bench/corpus_generator.py --plant`, whose `planted.json` says which
  sentences were given a conflicting value (must be flagged a conflict) or a rounded, hedged
  or differently dated value (must not be flagged at all).

A flag is every discrepancy on a quantity; `conflict` figures count only those graded conflict
(gold marks a discrepancy only where values are incompatible, roundings and hedges are not).
Facts are given the articles' quotes, as the app and the CLI give them.
Run: `python bench/facts_accuracy.py [-v] [--plant N]`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader.articles.corpus import load_corpus  # noqa: E402
from reader.articles.model import Article  # noqa: E402
from reader.facts.finder import Fact, align_articles  # noqa: E402
from reader.quotes.finder import find_quotes  # noqa: E402
from resources import sample_dir  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "sample_facts_gold.json"
REALNEWS_TEXT = Path("/tmp/realnews")
REALNEWS_GOLD = Path("/work/shared/realnews")
Unit = tuple[str, int]  # (article id, sentence number)
Pair = frozenset


@dataclass
class GoldFact:
    name: str
    units: set[Unit]
    discrepancy: bool
    planted: str = ""  # for planted corpora: conflict, rounding, hedge, date-shift


@dataclass
class SetScore:
    name: str
    pair_precision: float
    pair_recall: float
    flags: int
    flag_precision: float
    flag_recall: float
    conflict_precision: float
    conflict_recall: float
    false_flags: Counter = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    extra_pairs: set = field(default_factory=set)
    missed_pairs: set = field(default_factory=set)
    planted_recall: dict[str, str] = field(default_factory=dict)
    counts: tuple[int, ...] = (0, 0, 0, 0, 0, 0, 0)
    """flags, true flags, conflicts, true conflicts, gold discrepancies, found by a flag, found
    by a conflict; for totals over sets."""


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _sentence_of(article: Article, offset: int) -> int:
    return bisect_right([start for start, _ in article.sentences], offset) - 1


def _pairs(groups: list[set[Unit]]) -> set[Pair]:
    return {Pair((a, b)) for group in groups for a, b in combinations(sorted(group), 2) if a[0] != b[0]}


def fact_units(facts: list[Fact], articles: list[Article]) -> list[set[Unit]]:
    """Each fact's members as (article, sentence number) units."""
    by_id = {article.id: article for article in articles}
    return [{(member.article_id, number) for member in fact.members
             for number, (start, end) in enumerate(by_id[member.article_id].sentences)
             if start < member.end and member.start < end} for fact in facts]


def score_set(name: str, articles: list[Article], gold: list[GoldFact], partial: bool,
              show_flags: bool = False) -> SetScore:
    """`partial`: the gold annotates key facts only, so pairs outside its sentences are not judged;
    `show_flags` prints every flag with its values, to judge flags on events without gold facts."""
    quotes = {article.id: find_quotes(article) for article in articles}
    facts = align_articles(articles, quotes, use_cache=False).facts
    by_id = {article.id: article for article in articles}
    gold_pairs = _pairs([fact.units for fact in gold])
    found = _pairs(fact_units(facts, articles))
    if partial:
        annotated = set().union(*(fact.units for fact in gold)) if gold else set()
        found = {pair for pair in found if pair <= annotated}
    flags = hits = conflicts = conflict_hits = 0
    detected: set[str] = set()
    detected_conflicts: set[str] = set()
    false_flags: Counter = Counter()
    for fact in facts:
        for item in fact.discrepancies:
            units = {(article_id, _sentence_of(by_id[article_id], span[0]))
                     for article_id, span in item.spans.items() if article_id in by_id}
            grade = getattr(item, "grade", "conflict")
            matched = max(gold, key=lambda g: (len(g.units & units), g.discrepancy), default=None)
            if matched is not None and len({a for a, _ in matched.units & units}) < 2:
                matched = None
            flags += 1
            conflicts += grade == "conflict"
            if matched is not None and matched.discrepancy:
                if show_flags:
                    print(f"{'':30}flag {item.kind}/{grade} (gold {matched.name}): {item.values}")
                hits += 1
                detected.add(matched.name)
                if grade == "conflict":
                    conflict_hits += 1
                    detected_conflicts.add(matched.name)
                continue
            reason = ("unannotated" if matched is None else matched.planted or "compatible in gold")
            if show_flags:
                print(f"{'':30}flag {item.kind}/{grade} ({reason}): {item.values}")
            false_flags[f"{item.kind}/{grade}: {reason}"] += 1
    wanted = [fact.name for fact in gold if fact.discrepancy]
    planted: dict[str, str] = {}
    if any(fact.planted for fact in gold):
        for kind in sorted({fact.planted for fact in gold if fact.planted}):
            of_kind = [fact for fact in gold if fact.planted == kind]
            flagged = [fact for fact in of_kind if any(
                _flagged(fact, item, by_id) for f in facts for item in f.discrepancies)]
            planted[kind] = f"{len(flagged)}/{len(of_kind)} flagged"
    return SetScore(
        name, _ratio(len(found & gold_pairs), len(found)), _ratio(len(found & gold_pairs), len(gold_pairs)),
        flags, _ratio(hits, flags), _ratio(len(detected), len(wanted)),
        _ratio(conflict_hits, conflicts), _ratio(len(detected_conflicts), len(wanted)),
        false_flags, [name for name in wanted if name not in detected], found - gold_pairs, gold_pairs - found,
        planted, (flags, hits, conflicts, conflict_hits, len(wanted), len(detected), len(detected_conflicts)))


def total(name: str, scores: list[SetScore]) -> str:
    """Discrepancy precision and recall over several sets, counted flag by flag."""
    flags, hits, conflicts, conflict_hits, wanted, found, found_conflicts = (
        sum(column) for column in zip(*(score.counts for score in scores)))
    return (f"{name:28} flags {flags:3d} P {_ratio(hits, flags):.2f} R {_ratio(found, wanted):.2f} "
            f"({found}/{wanted} gold discrepancies) | conflicts {conflicts} P {_ratio(conflict_hits, conflicts):.2f} "
            f"R {_ratio(found_conflicts, wanted):.2f}")


def _flagged(fact: GoldFact, item, by_id: dict[str, Article]) -> bool:
    units = {(article_id, _sentence_of(by_id[article_id], span[0])) for article_id, span in item.spans.items()
             if article_id in by_id}
    return len({a for a, _ in fact.units & units}) >= 2


def pair_scores(facts: list[Fact], articles: list[Article]) -> tuple[float, float, set[Pair], set[Pair]]:
    """Pair precision and recall of `facts` on the sample, with the extra and the missed pairs."""
    gold = _pairs([fact.units for fact in sample_gold(articles)])
    found = _pairs(fact_units(facts, articles))
    return (_ratio(len(found & gold), len(found)), _ratio(len(found & gold), len(gold)),
            found - gold, gold - found)


def sample_set() -> tuple[list[Article], list[GoldFact]]:
    articles = load_corpus([sample_dir()]).articles
    return articles, sample_gold(articles)


def sample_gold(articles: list[Article]) -> list[GoldFact]:
    prefix = {article.id[:3]: article.id for article in articles}
    return [GoldFact(item["fact"], {(prefix[key], number) for key, numbers in item["sentences"].items()
                                    for number in numbers}, bool(item.get("discrepancy")))
            for item in json.loads(GOLD.read_text(encoding="utf-8"))["facts"]]
    return gold


_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00b4": "'", "\u00a0": " "})


def locate(article: Article, anchor: str) -> int | None:
    """The sentence that the anchor (its first words) opens, or the one holding it."""
    pattern = r"\s+".join(re.escape(word) for word in anchor.translate(_FOLD).split())
    match = re.search(pattern, article.text.translate(_FOLD), re.IGNORECASE)
    return _sentence_of(article, match.start()) if match else None


def realnews_set(event: str, text: Path = REALNEWS_TEXT, golds: Path = REALNEWS_GOLD,
                 ) -> tuple[list[Article], list[GoldFact], list[str]]:
    """The event's gathered articles and its gold facts over them; anchors not found are reported."""
    articles = load_corpus([text / event / "corpus"]).articles
    by_file = {Path(article.path).name: article for article in articles}
    gold, lost = [], []
    for item in json.loads((golds / event / "gold.json").read_text(encoding="utf-8"))["facts"]:
        units: set[Unit] = set()
        values = set()
        for file, anchor in item["members"]:
            article = by_file.get(file)
            if article is None:
                continue
            number = locate(article, anchor)
            if number is None:
                lost.append(f"{file}: {anchor}")
                continue
            units.add((article.id, number))
            values.add(item.get("values", {}).get(file, ""))
        observable = item.get("discrepancy", False) and len(values) > 1
        gold.append(GoldFact(item["id"], units, observable))
    return articles, gold, lost


def planted_set(articles_count: int, seed: int, folder: Path) -> tuple[list[Article], list[GoldFact]]:
    from corpus_generator import generate_corpus

    generate_corpus(folder, articles_count, seed=seed, plant=True)
    articles = load_corpus([folder]).articles
    by_file = {Path(article.path).name: article for article in articles}
    gold = []
    for item in json.loads((folder / "planted.json").read_text(encoding="utf-8")):
        units = set()
        for file, offset in item["members"]:
            article = by_file[file]
            units.add((article.id, _sentence_of(article, offset)))
        gold.append(GoldFact(item["id"], units, item["kind"] == "conflict", item["kind"]))
    return articles, gold


def report(score: SetScore, verbose: bool) -> None:
    print(f"{score.name:28} pairs P {score.pair_precision:.3f} R {score.pair_recall:.3f} | "
          f"flags {score.flags:3d} P {score.flag_precision:.2f} R {score.flag_recall:.2f} | "
          f"conflicts P {score.conflict_precision:.2f} R {score.conflict_recall:.2f}")
    for kind, count in sorted(score.false_flags.items()):
        print(f"{'':30}false flag {count} × {kind}")
    if score.missed:
        print(f"{'':30}missed: {', '.join(score.missed)}")
    for kind, text in score.planted_recall.items():
        print(f"{'':30}planted {kind}: {text}")
    if verbose:
        print(f"{'':30}pairs not in gold: {sorted(tuple(sorted(pair)) for pair in score.extra_pairs)}")
        print(f"{'':30}gold pairs missed: {sorted(tuple(sorted(pair)) for pair in score.missed_pairs)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list the pairs found outside the gold and missed")
    parser.add_argument("--plant", type=int, default=300, help="articles per planted corpus (0: none)")
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--realnews", type=Path, default=REALNEWS_TEXT,
                        help="folder of <event>/corpus/ texts (e.g. held-out events)")
    parser.add_argument("--realnews-gold", type=Path, default=REALNEWS_GOLD,
                        help="folder of <event>/gold.json annotations")
    parser.add_argument("--flags", action="store_true", help="print every flag with its values")
    parser.add_argument("--no-sample", action="store_true", help="skip the bundled sample")
    parser.add_argument("--only", help="measure this real event alone")
    args = parser.parse_args()
    if not args.no_sample:
        articles, gold = sample_set()
        report(score_set("sample", articles, gold, partial=False, show_flags=args.flags), args.v)
    real: list[SetScore] = []
    if args.realnews_gold.is_dir():
        for event in sorted(path.name for path in args.realnews_gold.iterdir() if (path / "gold.json").is_file()):
            if args.only and event != args.only:
                continue
            if not (args.realnews / event / "corpus").is_dir():
                print(f"{event:28} (no gathered text in {args.realnews / event / 'corpus'})")
                continue
            articles, gold, lost = realnews_set(event, args.realnews, args.realnews_gold)
            real.append(score_set(event, articles, gold, partial=True, show_flags=args.flags))
            report(real[-1], args.v)
            if lost:
                print(f"{'':30}{len(lost)} gold anchors not found" + (f": {lost}" if args.v else ""))
        if real:
            print(total("all real events", real))
    if args.plant:
        for seed in args.seeds:
            with tempfile.TemporaryDirectory(prefix="facts-planted-") as temp:
                try:
                    articles, gold = planted_set(args.plant, seed, Path(temp) / "corpus")
                except TypeError:
                    print(f"planted-{args.plant}-seed{seed}: the corpus generator cannot plant yet")
                    continue
                report(score_set(f"planted-{args.plant}-seed{seed}", articles, gold, partial=True), args.v)
    return 0


if __name__ == "__main__":
    sys.exit(main())
