"""Web archives: WARC (.warc, .warc.gz) through warcio, and WACZ (a zip of WARCs).

Each captured HTML page (an HTTP 200 response) is an article whose URL is the address captured
and whose place records the capture time; two captures of one URL stay two versions of it. A
crawler that saw an unchanged page again writes a revisit record pointing at the first capture's
payload: that is a capture too, of the same text.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Iterator

from reader.articles.formats import Document, FileContents, UnreadableFile, open_zip
from reader.articles.model import Place


@dataclass(frozen=True)
class Capture:
    url: str
    captured_at: dt.datetime | None
    page: bytes


def read_warc(data: bytes) -> FileContents:
    return _articles(list(_captures(data, "this WARC file", {})))


def read_wacz(data: bytes) -> FileContents:
    archive = open_zip(data, ".wacz")
    members = sorted(name for name in archive.namelist() if name.lower().endswith((".warc", ".warc.gz")))
    if not members:
        raise UnreadableFile("no WARC files inside this WACZ (expected archive/*.warc.gz)")
    payloads: dict[str, bytes] = {}
    captures = [capture for name in members for capture in _captures(archive.read(name), name, payloads)]
    return _articles(captures)


def _captures(data: bytes, where: str, payloads: dict[str, bytes]) -> Iterator[Capture]:
    """The HTML pages captured, in record order; `payloads` keeps each page by its payload digest
    so a later revisit record (here or in another WARC of the same WACZ) can be resolved."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "revisit") or record.http_headers is None:
                continue
            kind = record.http_headers.get_header("Content-Type") or ""
            if record.http_headers.get_statuscode() != "200" or "html" not in kind.lower():
                continue
            digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
            if record.rec_type == "response":
                page = payloads[digest] = record.content_stream().read()
            elif digest in payloads:
                page = payloads[digest]
            else:
                continue
            yield Capture(record.rec_headers.get_header("WARC-Target-URI") or "",
                          _capture_time(record.rec_headers.get_header("WARC-Date")), page)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as error:
        raise UnreadableFile(f"damaged web archive ({where}): {error}") from None


def _capture_time(value: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _articles(captures: list[Capture]) -> FileContents:
    from reader.articles.formats import html

    if not captures:
        raise UnreadableFile("the web archive holds no captured HTML pages")
    contents = FileContents([])
    total = len(captures)
    for number, capture in enumerate(captures, start=1):
        try:
            document: Document = html.read(capture.page)
        except UnreadableFile as problem:
            contents.unreadable.append(f"capture {number} of {total} ({capture.url}): {problem}")
            continue
        if document.url and document.url != capture.url:
            document.details["canonical url"] = document.url
        document.url = capture.url or document.url
        document.place = Place(number, total, captured_at=capture.captured_at)
        contents.documents.append(document)
    return contents
