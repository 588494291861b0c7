"""Credit lines: what a text says about where its words come from.

A wire dispatch carries its own furniture: a dateline ("WASHINGTON (AP) —", "DUBLIN:"), the
agency's mark before the first sentence ("(Reuters) -") or its reuse notice at the foot. A
retelling names the report it retells ("..., the AP reports", "according to an NBC report",
"originally published by", "This article first appeared in", "Source: ..."). Between two
copies of one story, the one that credits another report is the retelling, and the one that
carries the dispatch's furniture is nearer the wire.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.articles.model import Article

HEAD = 600
"""Characters from the start searched for a dateline (a headline and a photo caption may come first)."""
FOOT = 1500
"""Characters from the end searched for a wire agency's reuse notice."""

_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?:date \d{4}-\d\d-\d\d )?"
    r"(?:[A-Z][A-Z.'\u2019-]{2,}(?:,? [A-Z][A-Za-z.'\u2019-]+){0,3} ?(?:\([A-Za-z .&]+\) ?)?[:\u2014\u2013]"
    r"|[^\n]{0,30}?\([A-Z][A-Za-z]{1,15}\) ?[-\u2014\u2013]) [A-Z\"\u201c]")
"""At the start of a paragraph (after the loader's date stamp): a place in capitals ending in a
colon or dash, or an agency's mark in brackets, before the first sentence."""
_REUSE_NOTICE = re.compile(r"may\s+not\s+be\s+(?:re)?published,\s+broadcast,\s+rewritten,?\s+or\s+redistributed", re.I)
"""The wire agencies' notice at the foot of a dispatch."""
_RETELLS = re.compile(
    r"according to an? (?:[A-Z][\w.&'\u2019-]* ){1,4}(?:report|story|article)\b"
    r"|, (?:the )?[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3} (?:reports|reported)[.,]"
    r"|\b(?:originally|first) (?:published|appeared|ran|posted) (?:in|on|by|at)\b"
    r"|\bThis (?:article|story|report) (?:was )?(?:first |originally )?(?:appeared|published|ran)\b"
    r"|\b(?:[Rr]epublished|[Rr]eprinted|[Aa]dapted) (?:with permission )?from\b"
    r"|(?m:^[ \t]*(?:Source|Via|Courtesy of): [A-Z])")
"""Phrases by which a text names another report as the origin of what it tells."""


@dataclass(frozen=True)
class Credits:
    """What a text's own credit lines say: it carries a dispatch's furniture, or it retells another report."""

    dispatch: bool
    retells: bool


def credits(article: Article) -> Credits:
    """The credit lines of one article, read from its text."""
    text = article.text
    dispatch = bool(_DATELINE.search(text[:HEAD]) or _REUSE_NOTICE.search(text[-FOOT:]))
    return Credits(dispatch, bool(_RETELLS.search(text)))
