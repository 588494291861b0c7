"""Factiva exports (.rtf, .pdf, .html): each article closed by its "Document <id>" line.

Factiva's article format: headline, optional byline, "523 words", the date, optional time, the
source name, the source code, the language, a copyright line, the paragraphs, and the Factiva
document id. The indexed format labels the same fields with two-letter codes (HD, BY, WC, PD,
SN, SC, LA, CY, LP, TD, AN). HTML exports hold each article in a `div` of class `article` with
`p.articleParagraph` paragraphs; its lines are read the same way.
"""
from __future__ import annotations

import re

from reader.articles.formats import Document, FileContents
from reader.articles.formats.exports import Fields, Unreadable, document, is_copyright

_ID = r"[A-Za-z0-9]{16,40}"
MARKERS = re.compile(rf"^[ \t]*(AN[ \t]+)?Document[ \t]+{_ID}[ \t]*$", re.M)
_DOCUMENT_ID = re.compile(rf"^(?:AN\s+)?Document\s+({_ID})$")
_WORDS = re.compile(r"^[\d,]+ words$")
_TIME = re.compile(r"^\d{1,2}:\d{2}(\s*[AP]M)?(\s+[A-Z]{2,4})?$")
_SOURCE_CODE = re.compile(r"^[A-Z0-9]{1,8}$")
_CODED = re.compile(r"^(HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CR|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN|SE|CT)(?:\s+(.*))?$")
_CODE_FIELDS = {"HD": "title", "BY": "byline", "PD": "date_line", "SN": "outlet", "SE": "section"}
_CODE_DETAILS = {"WC": "length", "LA": "language", "CY": "copyright", "SC": "source code", "ED": "edition"}
_BODY_CODES = {"LP", "TD"}


def split(lines: list[str]) -> FileContents | None:
    chunks: list[tuple[list[str], str]] = []
    current: list[str] = []
    for line in lines:
        closing = _DOCUMENT_ID.match(line)
        if closing:
            chunks.append((current, closing.group(1)))
            current = []
        else:
            current.append(line)
    if not chunks:
        return None
    contents = FileContents([])
    total = len(chunks)
    for number, (chunk, document_id) in enumerate(chunks, start=1):
        try:
            contents.documents.append(_article(chunk, document_id, number, total))
        except Unreadable as problem:
            contents.unreadable.append(f"document {number} of {total} (Factiva {document_id}): {problem}")
    return contents


def _article(chunk: list[str], document_id: str, number: int, total: int) -> Document:
    if any(line.startswith(("HD ", "HD\t")) or line == "HD" for line in chunk):
        fields, body = _coded(chunk)
    else:
        fields, body = _plain(chunk)
    fields.document_id = document_id
    return document(fields, body, number, total)


def _plain(chunk: list[str]) -> tuple[Fields, list[str]]:
    """The article format: the fields sit by position around the "N words" line."""
    words = [index for index, line in enumerate(chunk) if _WORDS.match(line)]
    if not words:
        raise Unreadable("no 'N words' line, so its text cannot be told from its header")
    if len(words) > 1:
        raise Unreadable("it holds two articles (a 'Document' line is missing), so neither is loaded")
    at = words[0]
    fields = Fields(details={"length": chunk[at]})
    above = chunk[:at]
    if len(above) >= 2 and above[-1].lower().startswith("by "):
        fields.byline = above.pop()[3:].strip()
    fields.title = above[-1] if above else None
    below = chunk[at + 1:]
    header = []
    for index, line in enumerate(below):
        if is_copyright(line):
            fields.details["copyright"] = line
            header, body = below[:index], below[index + 1:]
            break
    else:
        header, body = below[:4], below[4:]
    header = [line for line in header if not _TIME.match(line)]
    if header:
        fields.date_line = header[0]
    named = [line for line in header[1:] if not _SOURCE_CODE.match(line)]
    if named:
        fields.outlet = named[0]
    if len(named) > 1:
        fields.details["language"] = named[-1]
    return fields, body


def _coded(chunk: list[str]) -> tuple[Fields, list[str]]:
    """The indexed format: two-letter codes, each with its value on the line or the lines after it."""
    fields = Fields()
    body: list[str] = []
    code = None
    for line in chunk:
        match = _CODED.match(line)
        if match:
            code, value = match.group(1), (match.group(2) or "").strip()
        else:
            value = line
        if code in _BODY_CODES:
            body.extend([value] if value else [])
        elif code in _CODE_FIELDS and value:
            name = _CODE_FIELDS[code]
            continued = None if match else getattr(fields, name)
            setattr(fields, name, f"{continued} {value}" if continued else value)
        elif code in _CODE_DETAILS and value:
            fields.details[_CODE_DETAILS[code]] = value
    return fields, body


def read_html(data: bytes) -> FileContents | None:
    """A Factiva HTML export, or None when the page is not one (then it is read as a web page)."""
    if b"articleParagraph" not in data:
        return None
    import lxml.html

    from reader.articles.formats.plaintext import decode

    try:
        root = lxml.html.fromstring(decode(data))
    except (ValueError, lxml.etree.ParserError):
        return None
    lines: list[str] = []
    for article in root.xpath('//div[contains(concat(" ", @class, " "), " article ")]'):
        for child in article:
            if child.tag == "table":
                lines.extend(line for row in child.xpath(".//tr") for line in _row_lines(row))
            else:
                lines.append(_words(child))
    return split([line for line in lines if line]) if lines else None


def _words(node) -> str:
    return " ".join(node.text_content().split())


def _row_lines(row) -> list[str]:
    """A row of the indexed HTML format: its code, then its value, one line per paragraph."""
    cells = row.xpath("./td")
    if len(cells) < 2:
        return [_words(cell) for cell in cells]
    paragraphs = [_words(p) for p in cells[1].xpath(".//p")]
    if paragraphs:
        return [_words(cells[0]), *paragraphs]
    return [f"{_words(cells[0])} {_words(cells[1])}"]
