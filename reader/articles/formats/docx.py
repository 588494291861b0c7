"""Word documents: the main document's paragraph text through python-docx's XML layer, after a zip-bomb check."""
from __future__ import annotations

import zipfile
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


def _package_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """The package's top-level parts by relationship kind (`officeDocument`, `core-properties`),
    as its `_rels/.rels` names them, so a main document stored elsewhere is still found."""
    from docx.oxml.parser import parse_xml

    try:
        relationships = parse_xml(archive.read("_rels/.rels"))
    except KeyError:
        return {}
    return {item.get("Type", "").rsplit("/", 1)[-1]: item.get("Target", "").lstrip("/") for item in relationships}


def read(data: bytes) -> Document:
    """Only the main document and its core properties are parsed, through python-docx's XML
    layer: opening the whole package (styles, theme, numbering) cost 20 ms a file, which a folder
    of articles downloaded one at a time pays for each."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml

    archive = open_zip(data, "Word (.docx)")
    parts = _package_parts(archive)
    main = parts.get("officeDocument", "word/document.xml")
    if main not in archive.namelist():
        raise UnreadableFile(f"not a Word (.docx) file: {main} is missing")
    properties = parts.get("core-properties", "docProps/core.xml")
    try:
        root = parse_xml(archive.read(main))
        core = parse_xml(archive.read(properties)) if properties in archive.namelist() else None
    except Exception as error:  # lxml and zlib surface damage as their own errors
        raise UnreadableFile(f"damaged .docx: {error}") from None
    body = root.find(qn("w:body"))
    text = "\n\n".join(paragraph for paragraph in _paragraph_texts(body) if paragraph) if body is not None else ""
    if not text.strip():
        raise UnreadableFile("the .docx has no text")
    title = core.findtext(qn("dc:title")) if core is not None else None
    return Document(text=text, title=(title or "").strip() or None)
