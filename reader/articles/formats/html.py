"""HTML pages: main text and metadata through trafilatura, never script text, no network."""
from __future__ import annotations

import logging

from reader.articles.formats import Document, UnreadableFile, normalise_line_endings, parse_iso_date

log = logging.getLogger(__name__)


def read(data: bytes) -> Document:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_recall=True,
        )
    except Exception as error:  # trafilatura raises many lxml/parse errors
        log.debug("trafilatura failed", exc_info=True)
        raise UnreadableFile(f"not readable HTML: {error}") from None
    text = normalise_line_endings(extracted.text or "") if extracted is not None else ""
    if not text.strip():
        raise UnreadableFile("no article text found in this HTML page")
    return Document(
        text=text,
        title=extracted.title or None,
        outlet=extracted.sitename or extracted.hostname or None,
        date=parse_iso_date(extracted.date),
        url=extracted.url or None,
    )
