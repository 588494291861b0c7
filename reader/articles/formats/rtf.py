"""Rich Text Format through striprtf, which turns RTF control words into plain text."""
from __future__ import annotations

from reader.articles.formats import Document, UnreadableFile, normalise_line_endings


def read(data: bytes) -> Document:
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise UnreadableFile("not an RTF file (it does not start with {\\rtf)")
    try:
        text = rtf_to_text(data.decode("latin-1"), errors="replace")
    except (ValueError, IndexError, UnicodeError) as error:
        raise UnreadableFile(f"damaged RTF: {error}") from None
    text = normalise_line_endings(text).strip()
    if not text:
        raise UnreadableFile("the RTF file has no text")
    return Document(text=text)
