"""Turn the bytes of a supported file into documents: text plus the metadata each states.

A page format's module exposes `read(data: bytes) -> Document`; a file that can hold several
articles (news-database exports, web archives) gives `FileContents`, one document per article
with its place in the file, plus the documents it could not read and why. Both raise
`UnreadableFile` with a reason a researcher can act on; nothing here touches the network or
writes anywhere.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from reader.articles.model import Boilerplate, Place


class UnreadableFile(Exception):
    """The file cannot become an article; the message says why in plain words."""


@dataclass
class Document:
    text: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None
    byline: str | None = None
    section: str | None = None
    place: Place | None = None
    details: dict[str, str] = field(default_factory=dict)
    header: list[Boilerplate] = field(default_factory=list)
    """Lines of the text that are metadata (byline, "Published …", dateline), not sentences."""


@dataclass
class FileContents:
    """The articles of one file, and the documents in it that could not be read, each named."""

    documents: list[Document]
    unreadable: list[str] = field(default_factory=list)


FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".rtf": "rtf",
    ".mht": "mhtml",
    ".mhtml": "mhtml",
    ".eml": "eml",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".wacz": "wacz",
}


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return FORMAT_BY_SUFFIX.get(path.suffix.lower())


def read_contents(fmt: str, data: bytes) -> FileContents:
    """Every article a file holds: an export is split into its articles, a page is one."""
    if fmt in ("txt", "md", "docx", "rtf", "pdf"):
        from reader.articles.formats import exports

        return exports.read(fmt, data)
    if fmt == "html":
        from reader.articles.formats import factiva, proquest

        return factiva.read_html(data) or proquest.read_html(data) or FileContents([read_document(fmt, data)])
    if fmt == "warc":
        from reader.articles.formats import webarchive

        return webarchive.read_warc(data)
    if fmt == "wacz":
        from reader.articles.formats import webarchive

        return webarchive.read_wacz(data)
    return FileContents([read_document(fmt, data)])


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
    if fmt == "rtf":
        from reader.articles.formats import rtf

        return rtf.read(data)
    if fmt == "mhtml":
        from reader.articles.formats import mhtml

        return mhtml.read(data)
    if fmt == "eml":
        from reader.articles.formats import eml

        return eml.read(data)
    raise UnreadableFile(f"unsupported format {fmt!r}")


MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
"""Largest a zip-based file (.docx, .wacz) may expand to; more looks like a zip bomb."""


def open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """The zip archive behind a .docx or .wacz, refused when it would expand past the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableFile(f"not a {kind} file: it is not a valid zip archive") from None
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UnreadableFile(
            f"refusing this {kind}: it would expand to {total // (1024 * 1024)} MB "
            f"(limit {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB), which looks like a zip bomb"
        )
    return archive


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
