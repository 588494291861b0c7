"""Turn the bytes of a supported file into document text plus the metadata it states.

Each format module exposes `read(data: bytes) -> Document` and raises
`UnreadableFile` with a reason a researcher can act on; nothing here touches the
network or writes anywhere.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


class UnreadableFile(Exception):
    """The file cannot become an article; the message says why in plain words."""


@dataclass
class Document:
    text: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None


FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def format_of(path: Path) -> str | None:
    return FORMAT_BY_SUFFIX.get(path.suffix.lower())


def read_document(fmt: str, data: bytes) -> Document:
    """Dispatch to the format's reader; imports are lazy so start-up stays quick."""
    if fmt in ("txt", "md"):
        from reader.articles.formats import plaintext

        return plaintext.read(data)
    if fmt == "html":
        from reader.articles.formats import html

        return html.read(data)
    if fmt == "pdf":
        from reader.articles.formats import pdf

        return pdf.read(data)
    if fmt == "docx":
        from reader.articles.formats import docx

        return docx.read(data)
    raise UnreadableFile(f"unsupported format {fmt!r}")


def normalise_line_endings(text: str) -> str:
    """One newline convention so offsets mean the same on every platform."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
