"""ProQuest full-text exports (.txt, .html): articles between rules, fields as `Name: value`.

Per article: the title, `Author:`, `Publication info:`, the link, `Abstract:`, `Full text:` and the
paragraphs, then the indexing fields (`Title:`, `Publication title:`, `Publication date:`,
`Section:`, `ProQuest document ID:`, `Document URL:`, `Copyright:` …). The cover page (report
information and table of contents) comes before the first rule and is not an article. The HTML
export holds the same paragraphs, its rules as `<hr>`.
"""
from __future__ import annotations

import re

from reader.articles.formats import Document, FileContents
from reader.articles.formats.exports import Fields, Unreadable, document, field_of

MARKERS = re.compile(r"^[ \t]*ProQuest document ID:", re.M)
_RULE = re.compile(r"^_{20,}$")
_FULL_TEXT = "full text:"
_INDEX_FIELDS = frozenset({
    "subject", "location", "people", "company / organization", "identifier / keyword", "title",
    "publication title", "pages", "publication year", "publication date", "year", "section", "publisher",
    "place of publication", "country of publication", "publication subject", "issn", "source type",
    "language of publication", "document type", "proquest document id", "document url", "copyright",
    "last updated", "database", "author", "publication info", "abstract", "dateline", "credit",
    "column", "edition", "volume", "issue", "links", "update", "classification", "accession number",
})
_BEFORE_BODY = frozenset({"author", "publication info", "abstract"})


def split(lines: list[str]) -> FileContents | None:
    chunks: list[list[str]] = [[]]
    for line in lines:
        if _RULE.match(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    articles = [chunk for chunk in chunks if not _is_cover(chunk)]
    if not articles:
        return None
    contents = FileContents([])
    for number, chunk in enumerate(articles, start=1):
        try:
            contents.documents.append(_article(chunk, number, len(articles)))
        except Unreadable as problem:
            contents.unreadable.append(f"document {number} of {len(articles)}: {problem}")
    return contents


def _is_cover(chunk: list[str]) -> bool:
    return not any(_opens_body(line) or field_of(line, frozenset({"proquest document id"})) for line in chunk)


def _opens_body(line: str) -> bool:
    return line.lower().startswith(_FULL_TEXT)


def _article(chunk: list[str], number: int, total: int) -> Document:
    starts = [index for index, line in enumerate(chunk) if _opens_body(line)]
    if not starts:
        raise Unreadable("no 'Full text:' line (only the citation was exported)")
    if sum(1 for line in chunk if field_of(line, frozenset({"proquest document id"}))) > 1:
        raise Unreadable("it holds two articles (a rule of underscores is missing), so neither is loaded")
    at = starts[0]
    body = [chunk[at][len(_FULL_TEXT):].strip()]
    end = at + 1
    while end < len(chunk) and not field_of(chunk[end], _INDEX_FIELDS - _BEFORE_BODY):
        body.append(chunk[end])
        end += 1
    fields = Fields(title=chunk[0] if not field_of(chunk[0], _INDEX_FIELDS) else None)
    for line in chunk[:at] + chunk[end:]:
        found = field_of(line, _INDEX_FIELDS)
        if found:
            _set(fields, *found)
    return document(fields, body, number, total)


def _set(fields: Fields, name: str, value: str) -> None:
    if name == "title":
        fields.title = value
    elif name == "publication title":
        fields.outlet = value
    elif name == "publication date":
        fields.date_line = value
    elif name == "author":
        fields.byline = value
    elif name == "section":
        fields.section = value
    elif name == "proquest document id":
        fields.document_id = value
    elif name == "document url":
        fields.url = value
    elif name in ("copyright", "language of publication", "pages", "source type", "document type"):
        fields.details[name.replace("language of publication", "language")] = value


_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "li", "td", "hr")


def read_html(data: bytes) -> FileContents | None:
    """A ProQuest HTML export, or None when the page is not one (then it is read as a web page)."""
    if b"ProQuest document ID" not in data:
        return None
    import lxml.html

    from reader.articles.formats.plaintext import decode

    try:
        root = lxml.html.fromstring(decode(data))
    except (ValueError, lxml.etree.ParserError):
        return None
    lines = []
    for element in root.iter(*_BLOCKS):
        if element.tag == "hr":
            lines.append("_" * 60)
        elif not any(child.tag in _BLOCKS for child in element.iterdescendants()):
            text = " ".join(element.text_content().split())
            if text:
                lines.append(text)
    return split(lines)
