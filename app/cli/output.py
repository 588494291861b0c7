"""Printing for the CLI: UTF-8 JSON on stdout, messages on stderr, safe without a console."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.analysis.pipeline import CorpusAnalysis
    from reader.articles.corpus import Corpus


def emit_json(value: Any) -> None:
    if sys.stdout is None:
        return
    data = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(data.encode("utf-8"))
    sys.stdout.flush()


def emit_text(text: str) -> None:
    if sys.stdout is not None:
        sys.stdout.buffer.write((text + "\n").encode("utf-8"))
        sys.stdout.flush()


def warn(message: str) -> None:
    if sys.stderr is not None:
        print(f"corroborate: {message}", file=sys.stderr)


def fail(message: str, code: int = 1) -> int:
    warn(f"error: {message}")
    return code


def add_corpus_arguments(parser: Any) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: the bundled sample corpus)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def corpus_paths(paths: list[Path]) -> list[Path]:
    from resources import sample_dir  # importlib.resources costs 4 ms that `diff` does not need

    return list(paths) or [sample_dir()]


def load_named_corpus(paths: list[Path]) -> Corpus:
    """The corpus a command's PATH arguments name. A file that cannot be read is named on
    stderr and the command goes on with the rest, as the window does."""
    from reader.articles.corpus import load_corpus

    corpus = load_corpus(corpus_paths(paths))
    for error in corpus.errors:
        warn(f"{error.path}: {error.error}")
    return corpus


def analysed(corpus: Corpus, with_facts: bool = True) -> CorpusAnalysis:
    """The corpus's one analysis, as the window has it (from the store wherever it can be), so a
    command's quotes, parties, copies and facts are the window's."""
    from reader.analysis.pipeline import analyse_corpus
    from reader.analysis.processes import stop_processes

    try:
        return analyse_corpus(corpus.articles, with_facts=with_facts)
    finally:
        stop_processes()
