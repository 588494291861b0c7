"""Dates as exports and bylines write them: "March 7, 2019 Thursday", "7 March 2019", "Mar 8, 2019"."""
from __future__ import annotations

import datetime as dt
import re

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WRITTEN_DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+")


def written_date(text: str) -> dt.date | None:
    """The first calendar date written in `text`, or None; month names in English, full or short."""
    found: list[tuple[int, dt.date]] = []
    for pattern in _WRITTEN_DATES:
        for match in pattern.finditer(text):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
            try:
                date = dt.date(int(match.group("year")), month or 0, int(match.group("day")))
            except ValueError:
                continue
            found.append((match.start(), date))
            break
    return min(found)[1] if found else None


def starts_with_date(text: str) -> bool:
    """A line that opens with a date ("March 7, 2019 Thursday 10:35 PM EST", "Thursday, 7 March 2019")."""
    opening = _WEEKDAY.match(text)
    rest = text[opening.end():] if opening else text
    return any(match is not None and written_date(match.group(0)) is not None
               for match in (pattern.match(rest) for pattern in _WRITTEN_DATES))
