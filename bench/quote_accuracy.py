"""Quote accuracy per gold set (hand-annotated sets and real news events), and quote-finding speed.

Accuracy: the gold sets of `tests/data/` (the sample corpus and news snippets written for the
purpose) locate each quote by its exact span; the real-news events (`--realnews`, default
/tmp/realnews with gold in /work/shared/realnews) locate it by an anchor, the first words inside
its quotation marks, and a found quote matches when its span holds the anchor. Precision counts
the found quotes of three words or more that are speech (not `scare` or `title`); recall the
annotated quotes found (a quotation running over several paragraphs, one found quote, may hold
several anchors: each counts for recall, the quote once for precision). Speaker accuracy: the found
speaker (resolved name or mention) names the annotated person (their surname); on the tests sets
the mention text must equal the annotation.
Party accuracy: party ids are labels, so each annotated party is mapped one-to-one to a product
party so as to agree on the most quotes; a quote with no party on either side is a party of one
named by its speaker's surname (as is a found one on the tests sets; on the real events a found quote
with no party agrees with nothing). On the tests sets `party_exact` also compares the registry ids themselves.
Speed: the same generated corpus is read by this tree and by a baseline tree (`--baseline`,
default /work/main) in separate processes, run one after the other, and both rates are printed (CPU
time of the finding alone, so the machine's other load counts less).
Run: `python bench/quote_accuracy.py [--articles 1000] [--baseline /work/main]`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus_generator import generate_corpus  # noqa: E402
from reader.articles.corpus import load_corpus  # noqa: E402
from reader.quotes.finder import Quote, find_quotes  # noqa: E402
from reader.quotes.parties import discover_parties  # noqa: E402
from reader.quotes.speakers import load_registry  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SPAN_SETS = [
    (DATA / "sample_quotes_gold.json", ROOT / "resources" / "sample"),
    (DATA / "news_quotes_gold.json", DATA / "news"),
    (DATA / "news_heldout_quotes_gold.json", DATA / "news_heldout"),
    (DATA / "news_heldout2_quotes_gold.json", DATA / "news_heldout2"),
    (DATA / "news_heldout3_quotes_gold.json", DATA / "news_heldout3"),
]
SPEECH_MIN_WORDS = 3
NOT_SPEECH = ("scare", "title")


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quote: where it is (an exact span or an anchor offset), who said it, for whom."""

    article: str
    start: int
    end: int | None
    speaker: str | None
    party: str | None
    own: str | None
    """A quote annotated with no party belongs to its speaker's own: their surname labels it."""
    label: str


@dataclass(frozen=True)
class Match:
    gold: GoldQuote
    quote: Quote
    party: str | None


def _speech(quote: Quote) -> bool:
    return quote.kind not in NOT_SPEECH and len(quote.text.split()) >= SPEECH_MIN_WORDS


def _span_gold(gold_file: Path) -> list[GoldQuote]:
    return [GoldQuote(entry["article"], entry["start"], entry["end"], entry["speaker"], entry["entity"],
                      own_party(entry.get("speaker_name") or entry["speaker"]) if entry["entity"] is None else None,
                      entry["text"][:40]) for entry in json.loads(gold_file.read_text(encoding="utf-8"))["quotes"]]


def _anchor_gold(gold_file: Path, corpus_dir: Path) -> tuple[list[GoldQuote], int]:
    """Gold quotes located by anchor in the texts present; the count of those whose text is missing."""
    located, missing = [], 0
    for entry in json.loads(gold_file.read_text(encoding="utf-8"))["quotes"]:
        path = corpus_dir / entry["article"]
        if not path.exists():
            missing += 1
            continue
        offset = path.read_text(encoding="utf-8").find(entry["anchor"])
        if offset < 0:
            missing += 1
            continue
        located.append(GoldQuote(entry["article"], offset, None, entry["speaker"], entry["party"],
                                 own_party(entry["speaker"]) if entry["party"] is None else None, entry["anchor"][:40]))
    return located, missing


def own_party(speaker: str | None) -> str:
    return "one:" + (speaker.split()[-1].lower() if speaker else "")


def found_party_label(party: str | None, quote: Quote, annotated_without_party: bool) -> str:
    """A found quote with no party is its speaker's own where the gold set also has such quotes (the
    tests sets); on the real events every quote has a party, so there it agrees with nothing."""
    if party is not None:
        return party
    return own_party(quote.speaker_name or quote.speaker) if annotated_without_party else f"none:{quote.id}"


def _find(found: list[Quote], gold: GoldQuote) -> Quote | None:
    for quote in found:
        if quote.article_id != gold.article:
            continue
        if gold.end is None and quote.start <= gold.start < quote.end:
            return quote
        if gold.end is not None and (quote.start, quote.end) == (gold.start, gold.end):
            return quote
    return None


def _speaker_right(gold: GoldQuote, quote: Quote, exact: bool) -> bool | None:
    """Whether the found speaker is the annotated one; None where the annotation names no one."""
    if exact:
        return quote.speaker == gold.speaker
    if not gold.speaker:
        return None
    said = f"{quote.speaker_name or ''} {quote.speaker or ''}".lower()
    return any(name.split()[-1].lower() in said for name in gold.speaker.split(";"))


def best_mapping_agreement(pairs: list[tuple[str, str]]) -> int:
    """Most (gold, found) pairs that agree under a one-to-one mapping of gold labels to found labels."""
    counts = Counter(pairs)
    gold_labels = sorted({gold for gold, _ in pairs}, key=lambda g: -sum(n for (a, _), n in counts.items() if a == g))
    options = {g: sorted({f for (a, f) in counts if a == g}, key=lambda f: -counts[(g, f)]) for g in gold_labels}
    best = 0

    def search(index: int, used: frozenset[str], total: int) -> None:
        nonlocal best
        remaining = sum(max((counts[(g, f)] for f in options[g]), default=0) for g in gold_labels[index:])
        if total + remaining <= best:
            return
        if index == len(gold_labels):
            best = total
            return
        gold = gold_labels[index]
        for found in options[gold]:
            if found not in used:
                search(index + 1, used | {found}, total + counts[(gold, found)])
        search(index + 1, used, total)

    search(0, frozenset(), 0)
    return best


def score(gold: list[GoldQuote], corpus_dir: Path, exact: bool, verbose: bool) -> dict[str, float | int]:
    corpus = load_corpus([corpus_dir])
    registry = load_registry()
    by_article = {article.id: find_quotes(article, registry) for article in corpus.articles}
    book = discover_parties(by_article, registry)
    found = [quote for quotes in by_article.values() for quote in book.settle(quotes)]
    matches = []
    for entry in gold:
        quote = _find(found, entry)
        if quote is not None:
            matches.append(Match(entry, quote, quote.entity))
        elif verbose:
            print(f"  missed {entry.article[:14]} {entry.label!r}")
    matched_ids = {match.quote.id for match in matches}
    eligible = [quote for quote in found if exact or _speech(quote) or quote.id in matched_ids]
    speakers = [(match, _speaker_right(match.gold, match.quote, exact)) for match in matches]
    judged = [(match, right) for match, right in speakers if right is not None]
    pairs = [(m.gold.party or m.gold.own or "", found_party_label(m.party, m.quote, exact)) for m in matches]
    if verbose:
        for match, right in speakers:
            print(f"  {'ok ' if right is not False else 'SPK'} {match.gold.article[:14]:14} {match.gold.label[:30]!r:33}"
                      f" gold {match.gold.speaker}/{match.gold.party}  found {match.quote.speaker_name}"
                      f"/{match.party} ({match.quote.rule})")
        for quote in eligible:
            if quote.id not in matched_ids:
                print(f"  not annotated {quote.article_id[:14]} {quote.text[:50]!r}")
    figures: dict[str, float | int] = {
        "annotated": len(gold), "found": len(eligible), "matched": len(matches),
        "precision": sum(quote.id in matched_ids for quote in eligible) / len(eligible) if eligible else 0.0,
        "recall": len(matches) / len(gold) if gold else 0.0,
        "speaker": sum(right for _, right in judged) / len(judged) if judged else 0.0,
        "speaker_n": len(judged),
        "party": best_mapping_agreement(pairs) / len(matches) if matches else 0.0,
    }
    if exact:
        figures["party_exact"] = sum(m.quote.entity == m.gold.party for m in matches) / len(matches) if matches else 0.0
    return figures


_SPEED_SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from reader.articles.corpus import load_corpus
from reader.quotes.finder import find_quotes
from reader.quotes.speakers import load_registry
corpus = load_corpus([Path(sys.argv[2])])
registry = load_registry()
began = time.process_time()
by_article = {article.id: find_quotes(article, registry) for article in corpus.articles}
try:
    from reader.quotes.parties import discover_parties
except ImportError:
    discover_parties = None
if discover_parties is not None:
    discover_parties(by_article, registry)
print(len(corpus.articles), sum(map(len, by_article.values())), time.process_time() - began)
"""


def speed(tree: Path, folder: Path) -> tuple[int, int, float]:
    """Articles, quotes and seconds to find every quote (and the corpus's parties) with `tree`'s code."""
    out = subprocess.run([sys.executable, "-c", _SPEED_SCRIPT, str(tree), str(folder)], check=True,
                         capture_output=True, text=True, cwd=tree).stdout.split()
    return int(out[0]), int(out[1]), float(out[2])


def _print(name: str, figures: dict[str, float | int]) -> None:
    print(f"{name}\n  " + "  ".join(f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}"
                                    for key, value in figures.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realnews", type=Path, default=Path("/tmp/realnews"), help="folder of <event>/corpus/")
    parser.add_argument("--realnews-gold", type=Path, default=Path("/work/shared/realnews"),
                        help="folder of <event>/gold.json")
    parser.add_argument("--articles", type=int, default=1000, help="generated articles for the speed figure")
    parser.add_argument("--baseline", type=Path, default=Path("/work/main"), help="tree to compare the speed with")
    parser.add_argument("--verbose", action="store_true", help="list every quote's attribution and each miss")
    parser.add_argument("--only", help="score only the sets whose name contains this")
    args = parser.parse_args()
    for gold_file, corpus_dir in SPAN_SETS:
        if args.only is None or args.only in gold_file.name:
            _print(gold_file.name, score(_span_gold(gold_file), corpus_dir, True, args.verbose))
    for gold_file in sorted(args.realnews_gold.glob("*/gold.json")):
        event = gold_file.parent.name
        corpus_dir = args.realnews / event / "corpus"
        if not corpus_dir.is_dir() or (args.only is not None and args.only not in event):
            continue
        gold, missing = _anchor_gold(gold_file, corpus_dir)
        _print(f"{event} ({missing} annotated quotes in texts not gathered)", score(gold, corpus_dir, False, args.verbose))
    if args.articles:
        with tempfile.TemporaryDirectory(prefix="corroborate-quotes-bench-") as folder:
            generate_corpus(Path(folder), args.articles)
            for label, tree in (("baseline", args.baseline), ("this tree", ROOT)):
                count, quotes, seconds = speed(tree, Path(folder))
                print(f"speed ({label} {tree}): {count} generated articles, {quotes} quotes in {seconds:.2f} CPU s "
                      f"({count / seconds:.0f} articles/s)")


if __name__ == "__main__":
    main()
