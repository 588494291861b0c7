"""Word documents: paragraph text through python-docx, after a zip-bomb check."""
from __future__ import annotations

import io
import zipfile

from reader.articles.formats import Document, UnreadableFile

MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024


def _check_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableFile("not a Word (.docx) file: it is not a valid zip archive") from None
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UnreadableFile(
            f"refusing this .docx: it would expand to {total // (1024 * 1024)} MB "
            f"(limit {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB), which looks like a zip bomb"
        )
    if "word/document.xml" not in archive.namelist():
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
