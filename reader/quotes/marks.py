"""Find the quoted stretches of an article's text: which marks open, which close.

Curly marks say which way they face; straight ones are judged by their
neighbours. A single mark is a quote only when it opens before a word and a
matching mark closes after one, so apostrophes (`don’t`, `Jones'`, `’90s`) are
left alone, and single marks inside a double-quoted stretch belong to it (a quote
within a quote). A paragraph that ends inside a quote and a next paragraph that
re-opens one make a single multi-paragraph quote, as news style writes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.articles.model import Span

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‹"
SINGLE_CLOSERS = "’›"
_BEFORE_OPENER = " \t\n([{—–-/“‘\"'"
_DOUBLE_MARK = re.compile(f"[{DOUBLE_OPENERS}{DOUBLE_CLOSERS}\"]")
_SINGLE_MARK = re.compile(f"[{SINGLE_OPENERS}{SINGLE_CLOSERS}']")
_SINGLE_QUOTE_REACH = 2000
"""How far a closing single mark is looked for: keeps stray apostrophes from costing quadratic time."""
_ELISIONS = ("em ", "til ", "tis ", "twas ", "cause ", "n ", "n’", "n'", "round ", "bout ")


@dataclass(frozen=True)
class QuotedSpan:
    """Text between quote marks: `start`/`end` exclude the marks; `open`/`close` are the marks."""

    open: int
    start: int
    end: int
    close: int
    closed: bool
    double: bool


def _is_straight_opener(text: str, index: int, region_start: int) -> bool:
    before = text[index - 1] if index > region_start else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before in _BEFORE_OPENER and not after.isspace()


def _opens_single(text: str, index: int, region_start: int) -> bool:
    mark = text[index]
    if mark not in SINGLE_OPENERS and mark != "'":
        return False
    before = text[index - 1] if index > region_start else " "
    after = text[index + 1: index + 2]
    if before not in _BEFORE_OPENER or not after.isalpha():
        return False
    return not text.startswith(_ELISIONS, index + 1)


def _closes_single(text: str, index: int) -> bool:
    mark = text[index]
    if mark not in SINGLE_CLOSERS and mark != "'":
        return False
    after = text[index + 1: index + 2]
    before = text[index - 1: index]
    return bool(before) and not before.isspace() and not after.isalnum()


def _scan_single(text: str, start: int, end: int) -> list[QuotedSpan]:
    """Single-quoted stretches in a part of a paragraph that is outside double quotes."""
    found = []
    marks = [match.start() for match in _SINGLE_MARK.finditer(text, start, end)]
    taken = -1
    for number, index in enumerate(marks):
        if index <= taken or not _opens_single(text, index, start):
            continue
        reach = min(end, index + _SINGLE_QUOTE_REACH)
        close = next((j for j in marks[number + 1:] if index + 3 <= j < reach and _closes_single(text, j)), None)
        if close is not None:
            found.append(QuotedSpan(index, index + 1, close, close, True, False))
            taken = close
    return found


def find_quoted_spans(text: str, regions: list[Span]) -> list[QuotedSpan]:
    """Every quoted stretch inside `regions` (paragraphs and headings, in text order)."""
    spans: list[QuotedSpan] = []
    carried: int | None = None
    for number, (region_start, region_end) in enumerate(regions):
        open_at = carried
        carried = None
        index = region_start
        outside_from = region_start
        if open_at is not None:
            while index < region_end and text[index].isspace():
                index += 1
            index += 1
        for match in _DOUBLE_MARK.finditer(text, index, region_end):
            index, char = match.start(), match.group(0)
            if open_at is None:
                if char in DOUBLE_OPENERS or (char == '"' and _is_straight_opener(text, index, region_start)):
                    spans.extend(_scan_single(text, outside_from, index))
                    open_at = index
            elif char in DOUBLE_CLOSERS or char == '"':
                spans.append(QuotedSpan(open_at, open_at + 1, index, index, True, True))
                open_at = None
                outside_from = index + 1
            elif char in DOUBLE_OPENERS:
                spans.append(_unclosed(text, open_at, index))
                open_at = index
        if open_at is None:
            spans.extend(_scan_single(text, outside_from, region_end))
            continue
        following = regions[number + 1] if number + 1 < len(regions) else None
        if following and _reopens(text, following):
            carried = open_at
        else:
            spans.append(_unclosed(text, open_at, region_end))
    return [span for span in spans if text[span.start:span.end].strip()]


def _reopens(text: str, region: Span) -> bool:
    first = text[region[0]:region[1]].lstrip()[:1]
    return first in DOUBLE_OPENERS or first == '"'


def _unclosed(text: str, open_at: int, limit: int) -> QuotedSpan:
    end = limit
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(open_at, open_at + 1, end, end, False, True)
