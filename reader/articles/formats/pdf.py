"""PDF: the text pypdf extracts, page by page."""
from __future__ import annotations

import io
import logging

from reader.articles.formats import Document, UnreadableFile, normalise_line_endings

log = logging.getLogger(__name__)


def read(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip().startswith(b"%PDF"):
        raise UnreadableFile("not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile("the PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except UnreadableFile:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        log.debug("pypdf failed", exc_info=True)
        raise UnreadableFile(f"damaged or truncated PDF: {error}") from None
    text = normalise_line_endings("\n\n".join(page.strip() for page in pages if page.strip()))
    if not text.strip():
        raise UnreadableFile("the PDF has no extractable text (scanned images need OCR first)")
    return Document(text=text, title=title)
