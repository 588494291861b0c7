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
_TOLD = r"(?:published|appeared|ran|posted) (?:in|on|by|at)\b"
_RETELLS = tuple((phrase, re.compile(phrase + pattern)) for phrase, pattern in (
    ("according to a", r"n? (?:[A-Z][\w.&'\u2019-]* ){1,4}(?:report|story|article)\b"),
    (" report", r"(?:s|ed)[.,]"),
    ("originally ", _TOLD),
    ("first ", _TOLD),
    ("This ", r"(?:article|story|report) (?:was )?(?:first |originally )?(?:appeared|published|ran)\b"),
    *((verb, r" (?:with permission )?from\b") for verb in ("Republished", "republished", "Reprinted", "reprinted",
                                                          "Adapted", "adapted")),
    *((f"\n{label}: ", r"[A-Z]") for label in ("Source", "Via", "Courtesy of"))))
"""Phrases by which a text names another report as the origin of what it tells, each found by
its opening words (far faster than one pattern of alternatives in 10,000 articles)."""
_RETOLD_BY = re.compile(r", (?:the )?[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3}\Z")
"""Before "reports" or "reported", the outlet's name ("..., the AP reports.")."""
_NAME_REACH = 60
"""Characters before "reports" searched for the outlet's name."""


@dataclass(frozen=True)
class Credits:
    """What a text's own credit lines say: it carries a dispatch's furniture, or it retells another report."""

    dispatch: bool
    retells: bool


def credits(article: Article) -> Credits:
    """The credit lines of one article, read from its text."""
    text = article.text
    dispatch = bool(_DATELINE.search(text[:HEAD]) or _REUSE_NOTICE.search(text[-FOOT:]))
    return Credits(dispatch, _retells(text))


def _retells(text: str) -> bool:
    for phrase, pattern in _RETELLS:
        position = text.find(phrase)
        while position >= 0:
            if pattern.match(text, position) and (
                    phrase != " report" or _RETOLD_BY.search(text, max(0, position - _NAME_REACH), position)):
                return True
            position = text.find(phrase, position + 1)
    return False
