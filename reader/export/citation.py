"""Pinpoint citations: which outlet, which date, which paragraph a passage comes from.

A researcher filing a report must be able to find every quoted sentence again, so each
citation names the outlet (or says it is unknown), the date, the paragraph number counted
over content paragraphs (headings and boilerplate excluded), and the source: for an article of
a news-database export, the export file and the document's number in it.
"""
from __future__ import annotations

from reader.articles.model import Article


def source_of(article: Article) -> str:
    """The address, or the file; an article of an export also names its place: `nexis.docx, document 3 of 10`,
    and a capture from a web archive its address, capture time and archive."""
    place = article.place
    if place is None:
        return article.url or article.path
    if place.captured_at is not None:
        return f"{article.url}, captured {place.captured_at.isoformat()} ({article.path})"
    return ", ".join([article.path, f"document {place.describe()}", *([place.document_id] if place.document_id else [])])


def date_text(article: Article) -> str:
    return article.date.strftime("%-d %B %Y") if article.date else "date unknown"


def pinpoint(article: Article, offset: int) -> str:
    """`Outlet, 31 May 2023, ¶ 4` for the passage starting at `offset`."""
    paragraph = article.paragraph_number(offset)
    where = f"¶ {paragraph}" if paragraph else "heading or boilerplate"
    return f"{article.display_label}, {date_text(article)}, {where}"


def cite(article: Article, start: int, end: int) -> str:
    """The passage in quotation marks followed by its pinpoint citation and source."""
    passage = " ".join(article.text[start:end].split())
    return f"“{passage}” — {pinpoint(article, start)} ({source_of(article)})"
