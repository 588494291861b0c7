"""Quote accuracy on the hand-annotated sample gold set, and quote-finding speed.

Accuracy: every quote in the hand-annotated gold sets of `tests/data/` (the sample corpus,
and news snippets written for the purpose, three of them annotated before the rules were
ever run on them; more with `--gold`) is matched to the quotes `find_quotes` returns by exact span;
precision = matched / found, recall = matched / annotated, party accuracy = matched
quotes whose party id equals the annotated one (null included), speaker accuracy the
same for the speaker mention text, kind accuracy for the kind. Speed: quotes are found
in a corpus from `bench/corpus_generator.py` (generated into a temp dir) and the
articles per second are printed. Run: `python bench/quote_accuracy.py [--articles 300]`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus_generator import generate_corpus  # noqa: E402
from reader.articles.corpus import load_corpus  # noqa: E402
from reader.quotes.finder import find_quotes  # noqa: E402
from reader.quotes.speakers import load_registry  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
GOLD_SETS = [
    (DATA / "sample_quotes_gold.json", ROOT / "resources" / "sample"),
    (DATA / "news_quotes_gold.json", DATA / "news"),
    (DATA / "news_heldout_quotes_gold.json", DATA / "news_heldout"),
    (DATA / "news_heldout2_quotes_gold.json", DATA / "news_heldout2"),
    (DATA / "news_heldout3_quotes_gold.json", DATA / "news_heldout3"),
]


def score(gold_file: Path, corpus_dir: Path) -> dict[str, float | int]:
    """Match found quotes to the annotated ones by exact span and count agreements."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["quotes"]
    corpus = load_corpus([corpus_dir])
    registry = load_registry()
    found = {(q.article_id, q.start, q.end): q for article in corpus.articles for q in find_quotes(article, registry)}
    matched = [(entry, found[(entry["article"], entry["start"], entry["end"])]) for entry in gold
               if (entry["article"], entry["start"], entry["end"]) in found]
    for entry, quote in matched:
        if quote.entity != entry["entity"] or quote.speaker != entry["speaker"]:
            print(f"  disagree {entry['article'][:12]} {entry['text'][:40]!r}: gold {entry['speaker']}/{entry['entity']}"
                  f" found {quote.speaker}/{quote.entity} ({quote.rule})")
    gold_spans = {(entry["article"], entry["start"], entry["end"]) for entry in gold}
    for key, quote in found.items():
        if key not in gold_spans:
            print(f"  not annotated {key[0][:12]} {quote.text[:50]!r}")
    return {
        "annotated": len(gold), "found": len(found), "matched": len(matched),
        "precision": len(matched) / len(found) if found else 0.0,
        "recall": len(matched) / len(gold) if gold else 0.0,
        "party_accuracy": sum(q.entity == e["entity"] for e, q in matched) / len(matched) if matched else 0.0,
        "speaker_accuracy": sum(q.speaker == e["speaker"] for e, q in matched) / len(matched) if matched else 0.0,
        "kind_accuracy": sum(q.kind == e["kind"] for e, q in matched) / len(matched) if matched else 0.0,
    }


def speed(articles: int) -> tuple[int, int, float]:
    with tempfile.TemporaryDirectory(prefix="corroborate-quotes-bench-") as folder:
        generate_corpus(Path(folder), articles)
        corpus = load_corpus([Path(folder)])
        registry = load_registry()
        began = time.perf_counter()
        count = sum(len(find_quotes(article, registry)) for article in corpus.articles)
        return len(corpus.articles), count, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs=2, action="append", metavar=("GOLD_JSON", "CORPUS_DIR"),
                        help="an extra gold file and the folder of the articles it annotates")
    parser.add_argument("--articles", type=int, default=300, help="generated articles for the speed figure")
    args = parser.parse_args()
    sets = GOLD_SETS + [tuple(pair) for pair in args.gold or []]
    for gold_file, corpus_dir in sets:
        print(f"{gold_file.name} on {corpus_dir}")
        figures = score(gold_file, corpus_dir)
        print("  " + "  ".join(f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}"
                               for key, value in figures.items()))
    count, quotes, seconds = speed(args.articles)
    print(f"speed: {count} generated articles, {quotes} quotes in {seconds:.2f} s "
          f"({count / seconds:.0f} articles/s)")


if __name__ == "__main__":
    main()
