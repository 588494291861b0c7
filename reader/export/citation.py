"""Pinpoint citations: which outlet, which date, which paragraph a passage comes from.

A researcher filing a report must be able to find every quoted sentence again, so each
citation names the outlet (or says it is unknown), the date, the paragraph number counted
over content paragraphs (headings and boilerplate excluded), and the source.
"""
from __future__ import annotations

from reader.articles.model import Article


def source_of(article: Article) -> str:
    return article.url or article.path


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
