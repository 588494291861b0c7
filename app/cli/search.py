"""`corroborate search`: run one query against a corpus's index (updated first) and print the hits."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Callable

from index import IndexBusy
from reader.record.notes import NotesError
from app.cli.index import open_index
from app.cli.output import corpus_paths, emit_json, emit_text, fail, warn


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("search", help="search a corpus (query syntax: README, 'Search syntax')")
    parser.add_argument("query", help='the query, e.g. \'"voice assistant" outlet:reuters date:[20230601 to 20230630]\'')
    parser.add_argument("--corpus", nargs="+", type=Path, default=[], metavar="PATH",
                        help="article files or folders (default: the bundled sample corpus)")
    parser.add_argument("--limit", type=int, default=20, help="most hits to show (default 20)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.set_defaults(run=run)


def _noted(paths: list[Path]) -> Callable[[str], set[str]]:
    """Answers `note:` from the researcher's notes; the corpus is read only if the query asks."""

    def noted(words: str) -> set[str]:
        from reader.articles.corpus import load_corpus
        from reader.record.notes import NoteBook
        from reader.record.search import articles_noted

        return articles_noted(NoteBook.open().listed(), load_corpus(corpus_paths(paths)).articles, words)

    return noted


def run(args: argparse.Namespace) -> int:
    try:
        corpus_index = open_index(corpus_paths(args.corpus))
    except IndexBusy as busy:
        return fail(str(busy))
    for notice in corpus_index.report.notices:
        warn(notice)
    for error in corpus_index.report.errors:
        warn(f"{error.path}: {error.error}")
    try:
        results = corpus_index.search(args.query, limit=max(1, args.limit), notes=_noted(args.corpus))
    except NotesError as error:
        corpus_index.close()
        return fail(str(error))
    corpus_index.close()
    for problem in results.problems:
        warn(f"query: {problem}")
    if args.json:
        emit_json(results.as_json())
        return 0
    emit_text(f"{results.total} articles match ({results.elapsed_ms:.1f} ms)")
    if results.suggestion:
        emit_text(f"did you mean: {results.suggestion}")
    for hit in results.hits:
        where = ", ".join(f"¶{passage.paragraph}" for passage in hit.passages[:5])
        emit_text(f"{hit.score:6.2f}  {hit.id}  {hit.outlet or '(outlet unknown)'}  {hit.date or '(date unknown)'}"
                  f"  {where}\n        {' '.join(hit.snippet.split())}")
    return 0
