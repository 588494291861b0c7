"""Word documents: paragraph text through python-docx, after a zip-bomb check."""
from __future__ import annotations

import io
from functools import lru_cache
from typing import Any, Callable

from reader.articles.formats import Document, UnreadableFile, open_zip

_RUN_PARTS = ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab")


@lru_cache(maxsize=1)
def _paragraph_parts() -> Callable[[Any], list[Any]]:
    """One compiled XPath for the text parts of a paragraph's runs, in the order python-docx's
    `Paragraph.text` reads them (runs and hyperlinked runs); it compiles its XPath for every run,
    which made a 2,000-article export load at half the speed of separate files."""
    from docx.oxml.ns import nsmap
    from lxml import etree

    paths = [f"w:r/{part}" for part in _RUN_PARTS] + [f"w:hyperlink/w:r/{part}" for part in _RUN_PARTS]
    return etree.XPath(" | ".join(paths), namespaces={"w": nsmap["w"]})


def _paragraph_text(paragraph: Any) -> str:
    """The paragraph's text as python-docx gives it: its own elements turn breaks and tabs into text."""
    return "".join(str(part) for part in _paragraph_parts()(paragraph._p))


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
    paragraphs = [_paragraph_text(paragraph).strip() for paragraph in document.paragraphs]
    text = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
    if not text.strip():
        raise UnreadableFile("the .docx has no text")
    title = document.core_properties.title or None
    return Document(text=text, title=title)
