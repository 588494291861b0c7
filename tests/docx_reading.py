"""Reading Word files back in tests: the tracked changes of a redline, as Word would apply them."""
from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn

from reader.export.redline_docx import REDLINE_STYLE

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _run_text(run) -> str:  # noqa: ANN001 — an lxml w:r element
    parts = []
    for child in run:
        if child.tag in (qn("w:t"), qn("w:delText")):
            parts.append(child.text or "")
        elif child.tag == qn("w:br"):
            parts.append("\n")
    return "".join(parts)


def _mark(paragraph) -> str | None:  # noqa: ANN001
    properties = paragraph._p.pPr
    run_properties = properties.find(qn("w:rPr")) if properties is not None else None
    if run_properties is None:
        return None
    for tag, name in ((qn("w:ins"), "insert"), (qn("w:del"), "delete")):
        if run_properties.find(tag) is not None:
            return name
    return None


def redlines(document) -> list[list]:  # noqa: ANN001
    """The redline paragraphs of each comparison (a heading comes before each)."""
    found: list[list] = []
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            found.append([])
        elif paragraph.style.name == REDLINE_STYLE:
            found[-1].append(paragraph)
    return [paragraphs for paragraphs in found if paragraphs]


def apply_changes(paragraphs: list, accept: bool) -> str:
    """The text after Word's Accept all (`accept`) or Reject all, paragraphs joined by a blank line."""
    text = []
    for paragraph in paragraphs:
        for child in paragraph._p:
            if child.tag == qn("w:r"):
                text.append(_run_text(child))
            elif child.tag == qn("w:ins") and accept or child.tag == qn("w:del") and not accept:
                text.extend(_run_text(run) for run in child if run.tag == qn("w:r"))
        mark = _mark(paragraph)
        if not (mark == "delete" and accept or mark == "insert" and not accept):
            text.append("\n\n")
    return "".join(text)[:-2]


def tracked(document, tag: str) -> list:  # noqa: ANN001
    return list(document.element.body.iter(qn(f"w:{tag}")))
