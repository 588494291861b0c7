"""News-database exports (Nexis, Factiva, ProQuest): one file, many articles, each with its fields.

The file is first read as the page format it is (text, Word, RTF, PDF); its lines are then split
into articles by the vendor's own separators. A file with no vendor's markers stays one article,
exactly as before. A document that cannot be read is named and skipped; the others still load.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from reader.articles.dates import written_date
from reader.articles.formats import Document, FileContents, read_document
from reader.articles.model import Place
from reader.articles.structure import is_hard_wrapped

_FIELD = re.compile(r"^(?P<name>[A-Za-z][A-Za-z /-]{0,30}?)\s*:[\s\u00a0]*(?P<value>\S.*)$")
_COPYRIGHT = re.compile(r"^(copyright\b|©|\(c\)\s*\d{4})", re.I)


class Unreadable(Exception):
    """One document of an export cannot be read; the message says why."""


@dataclass
class Fields:
    """An export article's fields as the vendor names them, before they become a `Document`."""

    title: str | None = None
    outlet: str | None = None
    date_line: str | None = None
    byline: str | None = None
    section: str | None = None
    url: str | None = None
    document_id: str | None = None
    details: dict[str, str] = field(default_factory=dict)


def field_of(line: str, names: frozenset[str]) -> tuple[str, str] | None:
    """(lower-case name, value) when `line` is one of the vendor's `Name: value` fields."""
    match = _FIELD.match(line)
    if match and match.group("name").strip().lower() in names:
        return match.group("name").strip().lower(), match.group("value").strip()
    return None


def is_copyright(line: str) -> bool:
    return len(line) <= 300 and bool(_COPYRIGHT.match(line))


def document(fields: Fields, body: list[str], number: int, total: int) -> Document:
    """An export article as a document: its body paragraphs as text, everything else as metadata."""
    text = "\n\n".join(line for line in body if line)
    if not text.strip():
        raise Unreadable("it has no body text")
    details = {name: value for name, value in fields.details.items() if value}
    return Document(
        text=text,
        title=fields.title or None,
        outlet=fields.outlet or None,
        date=written_date(fields.date_line) if fields.date_line else None,
        url=fields.url,
        byline=fields.byline,
        section=fields.section,
        place=Place(number, total, fields.document_id),
        details=details,
    )


Splitter = Callable[[str], FileContents | None]


_PAGE_NUMBER = re.compile(r"^Page \d+ of \d+$")


def lines_of(text: str, joining_wrapped: bool = False) -> list[str]:
    """The export's non-blank lines, without the page numbers a PDF export repeats on every page.
    `joining_wrapped`: in a text whose paragraphs are separated by blank lines, a paragraph wrapped
    at a column (flush-left lines of similar length) is one line; centred header lines stay apart."""
    if joining_wrapped:
        lines = []
        for block in _blocks(text):
            flush_left = all(line[:1].strip() for line in block)
            lines += [" ".join(line.strip() for line in block)] if flush_left and is_hard_wrapped(block) else block
    else:
        lines = text.split("\n")
    stripped = (line.strip().replace("\u00a0", " ") for line in lines)
    return [line for line in stripped if line and not (line[0] == "P" and _PAGE_NUMBER.match(line))]


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines."""
    return [block.split("\n") for block in re.split(r"\n(?:[ \t\u00a0]*\n)+", text.strip("\n")) if block.strip()]


def _rewrapped(contents: FileContents) -> FileContents:
    """A PDF's lines are its paragraphs wrapped at the page width: one newline between them lets the
    structure layer regroup them into paragraphs, as for any PDF."""
    for item in contents.documents:
        item.text = item.text.replace("\n\n", "\n")
    return contents


def _splitters() -> list[tuple[re.Pattern[str], Splitter]]:
    from reader.articles.formats import factiva, nexis, proquest

    return [(nexis.MARKERS, nexis.split),
            (factiva.MARKERS, lambda text: factiva.split(lines_of(text))),
            (proquest.MARKERS, lambda text: proquest.split(lines_of(text)))]


def read(fmt: str, data: bytes) -> FileContents:
    """Split an export into its articles; any other file is the one document it always was, and so
    is a file whose only marker-delimited part is not an export article (nothing to merge there)."""
    whole = read_document(fmt, data)
    for markers, split in _splitters():
        if markers.search(whole.text):
            contents = split(whole.text)
            if contents is not None and (contents.documents or len(contents.unreadable) > 1):
                return _rewrapped(contents) if fmt == "pdf" else contents
    return FileContents([whole])
