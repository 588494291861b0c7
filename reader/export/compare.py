"""Comparisons as redline reports: deletions struck, insertions underlined, numbers flagged.

A comparison is a list of diff ops (`[["equal"|"delete"|"insert", text], ...]`, the `corroborate
diff --json` shape) between a passage of article A starting at `a_start` and one of article B
starting at `b_start`; whole articles start at 0, a fact's members at their sentence offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Iterator

from reader.citation import pinpoint
from reader.export import Report
from reader.export.html import page, provenance
from reader.model import Article

DELETE_STYLE = "color: #a33a00; background-color: #fbe3d6; text-decoration: line-through;"
INSERT_STYLE = "color: #00507f; background-color: #d6ecf8; text-decoration: underline;"
NUMBER_STYLE = "font-weight: bold; background-color: #f6eb9c;"
HEADER = ["comparison", "change", "text in A", "text in B", "where in A", "where in B"]
_DIGIT = re.compile(r"\d")


@dataclass
class Comparison:
    a: Article
    b: Article
    ops: list[list[str]]
    a_start: int = 0
    b_start: int = 0


def _segments(comparison: Comparison) -> Iterator[tuple[str, str, int, int]]:
    """(op, text, offset in A, offset in B) for each op."""
    a_at, b_at = comparison.a_start, comparison.b_start
    for op, text in comparison.ops:
        yield op, text, a_at, b_at
        if op != "insert":
            a_at += len(text)
        if op != "delete":
            b_at += len(text)


def _outside_boilerplate(article: Article, start: int, text: str) -> str:
    """`text` (found at `start` in `article`) with the characters inside boilerplate removed."""
    kept = [char for offset, char in enumerate(text, start)
            if not any(item.start <= offset < item.end for item in article.boilerplate)]
    return "".join(kept)


def _visible(comparison: Comparison, include_boilerplate: bool) -> list[tuple[str, str, int, int]]:
    if include_boilerplate:
        return list(_segments(comparison))
    visible = []
    for op, text, a_at, b_at in _segments(comparison):
        owner, at = (comparison.b, b_at) if op == "insert" else (comparison.a, a_at)
        kept = _outside_boilerplate(owner, at, text)
        if kept:
            visible.append((op, kept, a_at, b_at))
    return visible


def _styled(op: str, text: str) -> str:
    html = escape(text).replace("\n", "<br/>")
    if op == "equal":
        return html
    style = DELETE_STYLE if op == "delete" else INSERT_STYLE
    if _DIGIT.search(text):
        style += NUMBER_STYLE
    return f"<span style='{style}'>{html}</span>"


def _change_rows(name: str, comparison: Comparison, segments: list[tuple[str, str, int, int]]) -> list[list[str]]:
    """One row per change; a deletion followed by an insertion is one replacement."""
    rows: list[list[str]] = []
    pending: tuple[str, int] | None = None
    for op, text, a_at, b_at in segments + [("equal", "", 0, 0)]:
        if op == "delete":
            pending = (text, a_at)
            continue
        if op == "insert" or pending:
            deleted, where_a = pending or ("", a_at)
            inserted = text if op == "insert" else ""
            kind = "replaced" if deleted and inserted else "deleted" if deleted else "inserted"
            if _DIGIT.search(deleted + inserted):
                kind += " (number)"
            rows.append([name, kind, deleted.strip(), inserted.strip(),
                         pinpoint(comparison.a, where_a), pinpoint(comparison.b, b_at)])
            pending = None
    return rows


def compare_report(comparisons: list[Comparison], corpus: str, title: str,
                   include_boilerplate: bool = False) -> Report:
    articles = list({id(article): article for c in comparisons for article in (c.a, c.b)}.values())
    info = provenance(title, corpus, articles)
    rows: list[list[str]] = []
    blocks = []
    for number, comparison in enumerate(comparisons, start=1):
        name = f"{comparison.a.display_label} → {comparison.b.display_label}"
        segments = _visible(comparison, include_boilerplate)
        changes = _change_rows(name, comparison, segments)
        rows.extend(changes)
        blocks.append(
            f"<h2>{number}. {escape(name)}</h2>"
            f"<p class='meta'>A: {escape(pinpoint(comparison.a, comparison.a_start))} — "
            f"B: {escape(pinpoint(comparison.b, comparison.b_start))} — {len(changes)} changes</p>"
            f"<p>{''.join(_styled(op, text) for op, text, _, _ in segments)}</p>"
        )
    legend = (f"<p>Legend: <span style='{DELETE_STYLE}'>only in A (deleted)</span> "
              f"<span style='{INSERT_STYLE}'>only in B (inserted)</span> "
              f"<span style='{INSERT_STYLE}{NUMBER_STYLE}'>changed number</span></p>")
    data = {"comparisons": [{"a": c.a.id, "b": c.b.id, "a_start": c.a_start, "b_start": c.b_start, "ops": c.ops}
                            for c in comparisons]}
    return Report(info, page(info, "".join(blocks), legend), HEADER, rows, data)
