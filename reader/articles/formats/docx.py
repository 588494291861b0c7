"""Word documents: paragraph text through python-docx, after a zip-bomb check."""
from __future__ import annotations

import io
from typing import Any

from reader.articles.formats import Document, UnreadableFile, open_zip

_RUN_PARTS = ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab")


def _paragraph_texts(body: Any) -> list[str]:
    """Each body paragraph's text as python-docx's `Paragraph.text` reads it (runs and hyperlinked
    runs; breaks and tabs become text), in one walk of the tree: an XPath per paragraph, or
    python-docx's per run, made a 2,000-article export load slower than separate files."""
    from docx.oxml.ns import qn

    run, hyperlink, paragraph_tag = qn("w:r"), qn("w:hyperlink"), qn("w:p")
    paragraphs: dict[Any, list[str]] = {}
    for part in body.iter(*(qn(name) for name in _RUN_PARTS)):
        holder = part.getparent()
        if holder is None or holder.tag != run:
            continue
        paragraph = holder.getparent()
        if paragraph is not None and paragraph.tag == hyperlink:
            paragraph = paragraph.getparent()
        if paragraph is not None and paragraph.tag == paragraph_tag and paragraph.getparent() is body:
            paragraphs.setdefault(paragraph, []).append(str(part))
    return ["".join(parts).strip() for parts in paragraphs.values()]


def _check_archive(data: bytes) -> None:
    if "word/document.xml" not in open_zip(data, "Word (.docx)").namelist():
        raise UnreadableFile("not a Word (.docx) file: word/document.xml is missing")


def read(data: bytes) -> Document:
    import docx

    _check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx surfaces lxml and KeyError failures alike
        raise UnreadableFile(f"damaged .docx: {error}") from None
    text = "\n\n".join(paragraph for paragraph in _paragraph_texts(document.element.body) if paragraph)
    if not text.strip():
        raise UnreadableFile("the .docx has no text")
    title = document.core_properties.title or None
    return Document(text=text, title=title)
