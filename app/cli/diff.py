"""`corroborate diff A B`: how article B differs from article A, word by word.

Text output follows `git diff --word-diff`: [-deleted-] and {+inserted+} inline. JSON gives
ops that rebuild both texts exactly, plus changes, moved passages and any limits hit.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import emit_json, emit_text, fail, warn
from reader.articles.corpus import load_corpus
from reader.compare.diff import Comparison, compare_articles
from reader.articles.model import Article
from reader.tokens import CompareOptions


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("diff", help="word-level differences between two articles")
    parser.add_argument("a", type=Path, metavar="A", help="the article compared from")
    parser.add_argument("b", type=Path, metavar="B", help="the article compared to")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument("--ignore-case", action="store_true", help="treat upper and lower case alike")
    parser.add_argument("--ignore-punctuation", action="store_true", help="disregard punctuation marks")
    parser.add_argument("--ignore-quotes", action="store_true", help="treat curly and straight quotes alike")
    parser.add_argument("--ignore-whitespace", action="store_true", help="treat any run of spaces alike")
    parser.set_defaults(run=run)


def _load(path: Path) -> Article | str:
    """The article at `path`, or the reason it cannot be compared."""
    if not path.is_file():
        return f"{path}: not a file (give two article files)"
    corpus = load_corpus([path])
    if corpus.errors or not corpus.articles:
        return "; ".join(f"{error.path}: {error.error}" for error in corpus.errors) or f"{path}: no article"
    return corpus.articles[0]


def word_diff_text(comparison: Comparison) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in comparison.ops())


def run(args: argparse.Namespace) -> int:
    loaded = [_load(args.a), _load(args.b)]
    problems = [item for item in loaded if isinstance(item, str)]
    if problems:
        return fail("; ".join(problems))
    a, b = loaded
    options = CompareOptions(ignore_case=args.ignore_case, ignore_punctuation=args.ignore_punctuation,
                             ignore_quote_style=args.ignore_quotes, ignore_whitespace=args.ignore_whitespace)
    comparison = compare_articles(a, b, options)
    if args.json:
        result = comparison.as_json()
        result["a"], result["b"] = str(args.a), str(args.b)
        emit_json(result)
        return 0
    emit_text(f"--- {args.a} ({a.display_label})\n+++ {args.b} ({b.display_label})")
    emit_text(word_diff_text(comparison))
    stats = comparison.stats()
    emit_text(f"{stats['changes']} changes ({stats['number_changes']} with numbers, {stats['moves']} moved "
              f"passages), similarity {stats['similarity']:.0%}")
    for limit in comparison.limits:
        warn(f"coarser than word level at A {limit.a[0]}-{limit.a[1]}: {limit.reason}")
    return 0
