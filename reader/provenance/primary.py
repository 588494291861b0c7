"""Primary sources: a press release, complaint or court order is the origin of what copies it.

Recognised from what such documents say about themselves, not from a list of outlets: the
outlet or title naming a press release, a newsroom address, the release's own furniture
("FOR IMMEDIATE RELEASE", "Media contact", "###"), or a court's caption and orders.
"""
from __future__ import annotations

import re

from reader.articles.model import Article

PRESS_RELEASE = "press release"
COMPLAINT = "complaint"
COURT_ORDER = "court order"

_LABELS = [
    (PRESS_RELEASE, re.compile(r"press release|news release|press statement|newsroom", re.I)),
]
"""Outlet or title wording that says what the document is."""
_URLS = re.compile(r"\.gov(?:\.[a-z]{2})?/|/(?:newsroom|press-releases?|news-releases?|pressroom|media-releases?)/", re.I)
"""Addresses of official newsrooms and government sites, where releases and filings are published."""
_TEXT = [
    (PRESS_RELEASE, re.compile(r"FOR IMMEDIATE RELEASE|(?:Media|Press|MEDIA|PRESS) (?:[Cc]ontact|CONTACT|[Ii]nquiries)|\n#{3}\s*(?:\n|$)")),
    (COURT_ORDER, re.compile(r"IT IS (?:HEREBY )?ORDERED|UNITED STATES DISTRICT COURT")),
    (COMPLAINT, re.compile(r"COMPLAINT FOR (?:PERMANENT INJUNCTION|CIVIL PENALTIES|DAMAGES)|\n\s*Plaintiffs?,\s*\n")),
]
"""Furniture only the documents themselves carry (case-sensitive, as they print it)."""
TEXT_HEAD = 3000
"""Characters from the start searched for a court caption or release heading."""


def primary_source_kind(article: Article) -> str | None:
    """What kind of primary source the article is, or None for ordinary reporting."""
    label = " ".join(part for part in (article.outlet, article.title) if part)
    for kind, pattern in _LABELS:
        if pattern.search(label):
            return kind
    head = article.text[:TEXT_HEAD]
    for kind, pattern in _TEXT:
        if pattern.search(head) or (kind == PRESS_RELEASE and pattern.search(article.text[-TEXT_HEAD:])):
            return kind
    if article.url and _URLS.search(article.url):
        return PRESS_RELEASE
    return None
