"""A comparison as a Word redline with real tracked changes, as Draftable and Litera deliver.

Text only in the second article is a tracked insertion (`w:ins`), text only in the first a
tracked deletion (`w:del`), each with an author (the second article's outlet, which made the
change) and a date, so Word's Review pane steps through them and can accept or reject each:
accepting all gives the second text, rejecting all the first. Paragraph breaks one side lacks
are tracked on the paragraph mark. The provenance header and the table of changes with their
pinpoint citations come before the redline, as in the other formats.
"""
from __future__ import annotations

import datetime as dt
import re
from html import escape
from itertools import count
from typing import Iterator

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reader.articles.model import Article
from reader.compare.diff import Comparison
from reader.export.docx import add_html, document_bytes, new_document
from reader.export.html import provenance_html

REDLINE_STYLE = "Redline Text"
"""The paragraph style of the compared text, so a reader (or a test) can tell it from the rest."""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


class _Tracker:
    """Writes tracked runs into paragraphs, numbering every change and dating it."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date = author, date
        self.ids = count(1)

    def mark(self, tag: str) -> OxmlElement:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element

    def run(self, paragraph: Paragraph, op: str, text: str) -> None:
        """`text` (no paragraph breaks) as a plain, inserted or deleted run; line breaks kept."""
        run = OxmlElement("w:r")
        text_tag = "w:delText" if op == "delete" else "w:t"
        for number, line in enumerate(text.split("\n")):
            if number:
                run.append(OxmlElement("w:br"))
            if line:
                piece = OxmlElement(text_tag)
                piece.set(qn("xml:space"), "preserve")
                piece.text = line
                run.append(piece)
        if op == "equal":
            paragraph._p.append(run)
            return
        wrapper = self.mark("w:del" if op == "delete" else "w:ins")
        wrapper.append(run)
        paragraph._p.append(wrapper)

    def track_mark(self, paragraph: Paragraph, op: str) -> None:
        """This paragraph's break exists only in the first text (deleted) or the second (inserted)."""
        properties = paragraph._p.get_or_add_pPr()
        run_properties = OxmlElement("w:rPr")
        run_properties.append(self.mark("w:del" if op == "delete" else "w:ins"))
        properties.append(run_properties)


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """(text, a paragraph break follows) for each paragraph's share of `text`."""
    at = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield text[at:match.start()], True
        at = match.end()
    yield text[at:], False


def _redline(document: WordDocument, segments: list[tuple[str, str]], tracker: _Tracker) -> None:
    paragraph = document.add_paragraph(style=REDLINE_STYLE)
    for op, text in segments:
        for piece, broken in _pieces(text):
            if piece:
                tracker.run(paragraph, op, piece)
            if broken:
                if op != "equal":
                    tracker.track_mark(paragraph, op)
                paragraph = document.add_paragraph(style=REDLINE_STYLE)


def _word_date(article: Article, fallback: str) -> str:
    if article.date:
        return f"{article.date.isoformat()}T00:00:00Z"
    return fallback


def redline_bytes(info: dict, table_html: str, comparisons: list[tuple[Comparison, list[tuple[str, str]]]],
                  articles: dict[str, Article]) -> bytes:
    """`comparisons` pairs each comparison with the (op, text) segments the report shows of it."""
    document = new_document(info["title"])
    if REDLINE_STYLE not in [style.name for style in document.styles]:
        document.styles.add_style(REDLINE_STYLE, WD_STYLE_TYPE.PARAGRAPH).base_style = document.styles["Normal"]
    exported = dt.datetime.fromisoformat(info["exported_at"]).astimezone(dt.timezone.utc)
    fallback = exported.strftime("%Y-%m-%dT%H:%M:%SZ")
    add_html(document, f"<h1>{escape(info['title'])}</h1>{provenance_html(info)}"
                       "<p>Tracked changes: deletions are text only in A, insertions text only in B "
                       "(Review › Accept all gives B, Reject all gives A).</p>" + table_html)
    for number, (comparison, segments) in enumerate(comparisons, start=1):
        a, b = articles[comparison.a_id], articles[comparison.b_id]
        document.add_heading(f"{number}. {a.display_label} → {b.display_label}", level=1)
        _redline(document, segments, _Tracker(b.display_label, _word_date(b, fallback)))
    return document_bytes(document)
