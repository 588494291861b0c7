"""Plain text and Markdown: detect the encoding, refuse binaries."""
from __future__ import annotations

import codecs
import re
import unicodedata

from reader.articles.headers import read_header
from reader.articles.formats import Document, UnreadableFile, normalise_line_endings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode text the way a researcher's files come: UTF-8, UTF-16 with BOM, cp1252/Latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(f"damaged {encoding.upper()} text: {error.reason} at byte {error.start}") from None
    if b"\x00" in data:
        raise UnreadableFile("binary file, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # 7 ms to import, and most articles are UTF-8

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and not _is_latin_script(str(best)):
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _is_latin_script(text: str) -> bool:
    """Western text is read as cp1252/Latin-1; a detector's guess wins only for other scripts."""
    letters = [char for char in text if char.isalpha() and ord(char) > 127]
    return all(unicodedata.name(char, "").startswith("LATIN") for char in letters)


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL_CHARACTERS.findall(text)) / len(text) > 0.01


def read(data: bytes) -> Document:
    text = normalise_line_endings(decode(data))
    if _looks_binary(text):
        raise UnreadableFile("binary file, not text (too many control characters)")
    if not text.strip():
        raise UnreadableFile("the file is empty")
    header = read_header(text)
    return Document(text=text, date=header.date, url=header.url, byline=header.byline, header=header.marked,
                    details={"dateline": header.dateline} if header.dateline else {})
