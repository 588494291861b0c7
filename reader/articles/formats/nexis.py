"""Nexis Uni and classic LexisNexis exports, laid out as their vendor and public parsers describe.

Nexis Uni (.docx, .rtf, .pdf): a cover page, then per article the headline, the publication, the
date line, a copyright line, `Name: value` fields (Section, Length, Byline), "Body", the
paragraphs, closing fields (Load-Date, Language) and an "End of Document" line.
Classic LexisNexis (.txt): per article an "N of M DOCUMENTS" line, the publication, the date
line, the headline, upper-case fields (BYLINE:, SECTION:, LENGTH:), the paragraphs and closing
fields (LOAD-DATE:, LANGUAGE:) with the copyright line.
"""
from __future__ import annotations

import re
from typing import Callable

from reader.articles.dates import starts_with_date
from reader.articles.formats import Document, FileContents
from reader.articles.formats.exports import Fields, Unreadable, document, field_of, is_copyright, lines_of

MARKERS = re.compile(r"^[ \t]*(End of Document|\d+ of \d+ DOCUMENTS?)[ \t]*$", re.M)
_CLASSIC_MARKER = re.compile(r"^(\d+) of (\d+) DOCUMENTS?$")
_CLASSIC_MARKERS = re.compile(r"^[ \t]*\d+ of \d+ DOCUMENTS?[ \t]*$", re.M)
_END = "End of Document"
_COVER_COUNT = re.compile(r"^Documents?\s*\((\d+)\)$")
_HEADER_FIELDS = frozenset({
    "byline", "section", "length", "dateline", "highlight", "headline", "edition", "series", "type",
    "correction", "correction-date", "graphic", "source", "abstract",
})
_CLOSING_FIELDS = frozenset({
    "load-date", "language", "publication-type", "url", "subject", "geographic", "organization",
    "person", "industry", "company", "ticker", "document-type", "journal-code", "notes", "acc-no",
    "distribution", "city", "state", "country", "terms", "classification",
})
_FIELDS = _HEADER_FIELDS | _CLOSING_FIELDS
_BODY_ENDS = frozenset({"Classification", "Graphic", "Notes"})


def split(text: str) -> FileContents | None:
    """Classic exports are plain text wrapped at a column, their paragraphs parted by blank lines."""
    if _CLASSIC_MARKERS.search(text):
        return _split_classic(lines_of(text, joining_wrapped=True))
    lines = lines_of(text)
    return _split_uni(lines) if _END in lines else None


def _split_uni(lines: list[str]) -> FileContents:
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line == _END:
            chunks.append([])
        else:
            chunks[-1].append(line)
    trailing = chunks.pop()
    if any(line == "Body" for line in trailing):
        chunks.append(trailing)
    declared = next((int(m.group(1)) for line in chunks[0][:40] for m in [_COVER_COUNT.match(line)] if m), None)
    total = max(len(chunks), declared or 0)
    contents = FileContents([])
    for number, chunk in enumerate(chunks, start=1):
        try:
            contents.documents.append(_uni_article(chunk, number, total))
        except Unreadable as problem:
            contents.unreadable.append(f"document {number} of {total}: {problem}")
    if declared and declared > len(chunks):
        contents.unreadable.append(f"the cover page lists {declared} documents but only {len(chunks)} are in the file")
    return contents


def _uni_article(chunk: list[str], number: int, total: int) -> Document:
    bodies = [index for index, line in enumerate(chunk) if line == "Body"]
    if not bodies:
        raise Unreadable("no 'Body' line, so its text cannot be told from its header")
    if len(bodies) > 1 and sum(1 for line in chunk if field_of(line, frozenset({"load-date"}))) > 1:
        raise Unreadable("it holds two articles (an 'End of Document' line is missing), so neither is loaded")
    body_at = bodies[0]
    fields = Fields()
    header = chunk[:body_at]
    first_field = next((index for index, line in enumerate(header) if field_of(line, _FIELDS)), len(header))
    _read_fields(header[first_field:], fields)
    _read_masthead(header[:first_field], fields)
    body, closing = _body_and_closing(chunk[body_at + 1:], lambda line: line in _BODY_ENDS)
    _read_fields(closing, fields)
    return document(fields, body, number, total)


def _read_masthead(top: list[str], fields: Fields) -> None:
    """Headline, publication and date line by position: they sit just above the copyright line."""
    copyrights = [index for index, line in enumerate(top) if is_copyright(line)]
    if copyrights:
        fields.details["copyright"] = top[copyrights[-1]]
        top = top[:copyrights[-1]]
    dates = [index for index, line in enumerate(top) if starts_with_date(line)]
    if not dates:
        fields.title = fields.title or (top[-1] if top else None)
        return
    at = dates[-1]
    fields.date_line = top[at]
    if at >= 2:
        fields.title, fields.outlet = fields.title or top[at - 2], top[at - 1]
    elif at == 1:
        fields.title = fields.title or top[0]


def _read_fields(lines: list[str], fields: Fields) -> None:
    """`Name: value` lines into the article's fields; a line without a name continues the one before."""
    name = None
    for line in lines:
        found = field_of(line, _FIELDS)
        if found:
            name, value = found
            _set(fields, name, value)
        elif is_copyright(line):
            name = "copyright"
            fields.details[name] = line
        elif name:
            _set(fields, name, f"{getattr(fields, name, None) or fields.details.get(name, '')} {line}".strip())


def _set(fields: Fields, name: str, value: str) -> None:
    if name == "byline":
        fields.byline = value
    elif name == "section":
        fields.section = value
    elif name == "headline":
        fields.title = value
    elif name == "url":
        fields.url = value
    else:
        fields.details[name] = value


def _body_and_closing(lines: list[str], ends_body: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """The article's paragraphs, up to the first line that ends them or opens the closing fields."""
    for index, line in enumerate(lines):
        if ends_body(line) or field_of(line, _CLOSING_FIELDS):
            closing = lines[index:]
            return lines[:index], [line for line in closing if line not in _BODY_ENDS]
    return lines, []


def _split_classic(lines: list[str]) -> FileContents:
    blocks: list[tuple[int, int, list[str]]] = []
    for line in lines:
        marker = _CLASSIC_MARKER.match(line)
        if marker:
            blocks.append((int(marker.group(1)), int(marker.group(2)), []))
        elif blocks:
            blocks[-1][2].append(line)
    contents = FileContents([])
    for number, total, block in blocks:
        try:
            contents.documents.append(_classic_article(block, number, total))
        except Unreadable as problem:
            contents.unreadable.append(f"document {number} of {total}: {problem}")
    present = {number for number, _, _ in blocks}
    missing = [number for number in range(1, blocks[-1][1] + 1) if number not in present] if blocks else []
    if missing and blocks[0][0] == 1:
        shown = ", ".join(str(number) for number in missing[:10]) + ("…" if len(missing) > 10 else "")
        contents.unreadable.append(f"document(s) {shown} of {blocks[-1][1]} are missing from the file")
    return contents


def _classic_article(block: list[str], number: int, total: int) -> Document:
    first_field = next((index for index, line in enumerate(block) if field_of(line, _HEADER_FIELDS)), None)
    if first_field is None:
        raise Unreadable("no BYLINE:, SECTION: or LENGTH: line, so its text cannot be told from its header")
    if sum(1 for line in block if field_of(line, frozenset({"load-date"}))) > 1:
        raise Unreadable("it holds two articles (an 'N of M DOCUMENTS' line is missing), so neither is loaded")
    fields = Fields()
    top = block[:first_field]
    fields.outlet = top[0] if top and not starts_with_date(top[0]) else None
    rest = block[first_field:]
    body_at = next((index for index, line in enumerate(rest) if not field_of(line, _HEADER_FIELDS)), len(rest))
    _read_fields([line for line in rest[:body_at]], fields)
    headline = _classic_headline(top[1:] if fields.outlet else top, fields)
    fields.title = fields.title or headline
    body, closing = _body_and_closing(rest[body_at:], is_copyright)
    _read_fields(closing, fields)
    return document(fields, body, number, total)


def _classic_headline(top: list[str], fields: Fields) -> str | None:
    """After the date line (and any edition line) comes the headline; a copyright line may sit between."""
    kept = []
    for line in top:
        if is_copyright(line):
            fields.details["copyright"] = line
        elif starts_with_date(line) and fields.date_line is None:
            fields.date_line = line
        else:
            kept.append(line)
    if len(kept) > 1:
        fields.details["edition"] = " ".join(kept[:-1])
    return kept[-1] if kept else None
