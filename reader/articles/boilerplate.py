"""Recognise boilerplate lines: kept in the text, marked with why they were set aside."""
from __future__ import annotations

import datetime as dt
import re

from reader.articles.model import Boilerplate

_DATE_STAMP = re.compile(r"\A\s*(?P<stamp>date\s+(?P<date>\d{4}-\d{2}-\d{2}))(?=\s)")

# (kind, pattern) for whole lines; only lines up to _MAX_LINE chars are considered so
# a real paragraph that happens to mention a newsletter is never set aside.
_LINE_PATTERNS = [
    ("advertisement", re.compile(r"^\s*(advertisement|sponsored content|story continues below)\s*$", re.I)),
    ("related-link", re.compile(r"^\s*(related|read more|see also|also read|more from \w+)\s*:", re.I)),
    ("source-credit", re.compile(r"^\s*read the (source|original|full) (article|story)( at|:)", re.I)),
    ("newsletter", re.compile(r"^\s*(sign up|subscribe)\b.*\b(newsletter|inbox|updates|alerts)\b", re.I)),
    ("newsletter", re.compile(r"\b(sign up for|subscribe to) (our|the|a) .*newsletter", re.I)),
    ("newsletter", re.compile(r"^\s*get (the latest|our|the best) .*\b(in|to) your inbox", re.I)),
    ("newsletter", re.compile(r"^\s*(click here to|tap here to) (subscribe|sign up|read)", re.I)),
    ("social", re.compile(r"^\s*(follow us on|share this (article|story)|like us on facebook)\b", re.I)),
    ("copyright", re.compile(r"^\s*(copyright\s+(©|\(c\)|\d{4})|©\s*\d{4})", re.I)),
]
_MAX_LINE = 240


def find_date_stamp(text: str) -> tuple[Boilerplate, dt.date] | None:
    """The leading ` date YYYY-MM-DD ` stamp some scrapers prepend: boilerplate that dates the article."""
    match = _DATE_STAMP.match(text)
    if not match:
        return None
    try:
        date = dt.date.fromisoformat(match.group("date"))
    except ValueError:
        return None
    return Boilerplate(match.start("stamp"), match.end("stamp"), "date-stamp"), date


def find_boilerplate(text: str) -> list[Boilerplate]:
    """All boilerplate spans in `text`, in order: the date stamp and whole boilerplate lines."""
    found: list[Boilerplate] = []
    stamp = find_date_stamp(text)
    if stamp:
        found.append(stamp[0])
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= _MAX_LINE:
            for kind, pattern in _LINE_PATTERNS:
                if pattern.search(stripped):
                    start = offset + (len(line) - len(line.lstrip()))
                    found.append(Boilerplate(start, start + len(stripped), kind))
                    break
        offset += len(line) + 1
    return sorted(found, key=lambda item: item.start)
