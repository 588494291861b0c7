"""Every outlet's wording of one fact at once, stacked under the base and word-diffed against it.

As Juxta and CollateX show witnesses: the base outlet's sentence on top, then each other
outlet's sentence with the words it adds underlined on blue and the base's words it lacks struck
through on orange-red, changed figures in bold, so one glance shows how each outlet told it.
The alignment is the diff engine's (`reader.compare.diff.collate`); this view only paints it.
"""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.compare.diff import Collation, Comparison

_STYLE = {"delete": "background:#F6C9B5;text-decoration:line-through", "insert": "background:#CFE3F5;text-decoration:underline"}
_DIGITS = set("0123456789")


def _label(collation: Collation, index: int) -> str:
    article, span = collation.members[index]
    paragraph = article.paragraph_number(span[0]) if span else None
    return escape(article.display_label + (f" (¶{paragraph})" if paragraph else ""))


def _marked(comparison: Comparison) -> str:
    parts = []
    for op, text in comparison.ops():
        if op == "equal":
            parts.append(escape(text))
            continue
        style = _STYLE[op] + (";font-weight:bold" if _DIGITS & set(text) else "")
        parts.append(f"<span style='{style}'>{escape(text)}</span>")
    return "".join(parts)


def collation_html(collation: Collation) -> str:
    base_article, base_span = collation.members[collation.base]
    base_text = base_article.text[base_span[0]:base_span[1]] if base_span else base_article.text
    rows = [f"<tr><td><b>{_label(collation, collation.base)}</b><br/><i>base</i></td>"
            f"<td>{escape(' '.join(base_text.split()))}</td></tr>"]
    for index in sorted(collation.comparisons):
        comparison = collation.comparisons[index]
        changes = len(comparison.changes)
        rows.append(f"<tr><td><b>{_label(collation, index)}</b><br/>{changes} change{'s' if changes != 1 else ''}</td>"
                    f"<td>{_marked(comparison)}</td></tr>")
    return ("<table cellspacing='0' cellpadding='6' width='100%' border='1' style='border-collapse:collapse'>"
            + "".join(rows) + "</table>")


class CollationView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collation")
        self.setAccessibleName("Every outlet against the base")
        self.setOpenLinks(False)

    def show_collation(self, collation: Collation | None) -> None:
        self.setHtml(collation_html(collation) if collation is not None else "")
