"""Every report as a Word document, built from the report's own HTML so both say the same.

Legal teams work in Word, so headings, paragraphs, lists, tables and the inline styles the
reports use (struck deletions, underlined insertions, bold, shading, colours) become their
Word equivalents; nothing else is in the reports' HTML to convert.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from reader import __version__

_COLOUR = re.compile(r"(?<![-\w])color:\s*#([0-9a-fA-F]{6})")
_BACKGROUND = re.compile(r"background-color:\s*#([0-9a-fA-F]{6})")
_SKIPPED = {"head", "style", "title", "script"}


@dataclass(frozen=True)
class Format:
    """How a run of text looks, as far as the reports' inline styles say."""

    bold: bool = False
    strike: bool = False
    underline: bool = False
    small: bool = False
    colour: str | None = None
    shading: str | None = None

    def styled(self, style: str) -> "Format":
        colour, shading = _COLOUR.search(style), _BACKGROUND.search(style)
        return replace(self, strike=self.strike or "line-through" in style,
                       underline=self.underline or "underline" in style,
                       bold=self.bold or "bold" in style,
                       colour=colour.group(1) if colour else self.colour,
                       shading=shading.group(1) if shading else self.shading)


def shade(element: object, colour: str) -> None:
    """Background shading on a run's or a cell's properties (`w:shd`)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    element.append(shading)


def add_run(paragraph: Paragraph, text: str, look: Format) -> None:
    run = paragraph.add_run(text)
    run.bold = look.bold or None
    run.font.strike = look.strike or None
    run.underline = look.underline or None
    if look.small:
        run.font.size = Pt(8)
    if look.colour:
        run.font.color.rgb = RGBColor.from_string(look.colour.upper())
    if look.shading:
        shade(run._r.get_or_add_rPr(), look.shading)


@dataclass
class _Cell:
    header: bool
    runs: list[tuple[str, Format]] = field(default_factory=list)


class _Converter(HTMLParser):
    """Walks the report HTML once, writing Word paragraphs, runs and tables as it goes."""

    def __init__(self, document: WordDocument) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.formats: list[Format] = [Format()]
        self.tags: list[str] = []
        self.paragraph: Paragraph | None = None
        self.rows: list[list[_Cell]] | None = None
        self.cell: _Cell | None = None
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if tag == "br":
            self.handle_data("\n")
            return
        attributes = dict(attrs)
        look = self.formats[-1].styled(attributes.get("style") or "")
        if "meta" in (attributes.get("class") or ""):
            look = replace(look, small=True, colour=look.colour or "555555")
        if tag in ("b", "strong", "th"):
            look = replace(look, bold=True)
        self.formats.append(look)
        self.tags.append(tag)
        if tag in ("h1", "h2", "h3"):
            self.paragraph = self.document.add_heading("", level=0 if tag == "h1" else int(tag[1]) - 1)
        elif tag == "p" and self.rows is None:
            self.paragraph = self.document.add_paragraph()
        elif tag == "li":
            self.paragraph = self.document.add_paragraph(style="List Bullet")
        elif tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = _Cell(tag == "th")
            self.rows[-1].append(self.cell)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping -= 1
            return
        if tag not in self.tags:
            return
        while self.tags:
            open_tag = self.tags.pop()
            self.formats.pop()
            if open_tag == tag:
                break
        if tag in ("h1", "h2", "h3", "p", "li"):
            self.paragraph = None
        elif tag in ("td", "th"):
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._write_table(self.rows)
            self.rows = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        look = self.formats[-1]
        if self.cell is not None:
            self.cell.runs.append((data, look))
        elif self.rows is None:
            if not data.strip() and self.paragraph is None:
                return
            if self.paragraph is None:
                self.paragraph = self.document.add_paragraph()
            add_run(self.paragraph, data, look)

    def _write_table(self, rows: list[list[_Cell]]) -> None:
        rows = [row for row in rows if row]
        if not rows:
            return
        table = self.document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, rows):
            for word_cell, cell in zip(row.cells, cells):
                paragraph = word_cell.paragraphs[0]
                for text, look in cell.runs:
                    add_run(paragraph, text, replace(look, bold=look.bold or cell.header))


def new_document(title: str) -> WordDocument:
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = f"Corroborate {__version__}"
    return document


def add_html(document: WordDocument, html: str) -> None:
    """Append the report HTML `html` to `document`."""
    converter = _Converter(document)
    converter.feed(html)
    converter.close()


def document_bytes(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def append_html(data: bytes | None, html: str, title: str = "") -> bytes:
    """The Word document `data` (a new one titled `title` when None) with `html` added at its end."""
    document = Document(io.BytesIO(data)) if data is not None else new_document(title)
    add_html(document, html)
    return document_bytes(document)


def docx_bytes(title: str, html: str) -> bytes:
    """A Word document of a report: its title and the HTML the HTML export holds."""
    document = new_document(title)
    add_html(document, html)
    return document_bytes(document)
