"""Word documents: paragraph text through python-docx, after a zip-bomb check."""
from __future__ import annotations

import io

from reader.articles.formats import Document, UnreadableFile, open_zip


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
    paragraphs = [paragraph.text.strip() for paragraph in document.paragraphs]
    text = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
    if not text.strip():
        raise UnreadableFile("the .docx has no text")
    title = document.core_properties.title or None
    return Document(text=text, title=title)
