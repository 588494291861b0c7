"""Paragraphs and headings of an article, as spans that skip boilerplate."""
from __future__ import annotations

import re

from reader.articles.model import Boilerplate, Span

_CLOSING = ".!?;:,\"'”’)…]"
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")
_WRAP_MIN, _WRAP_MAX = 40, 100


def _lines(text: str) -> list[Span]:
    spans, offset = [], 0
    for line in text.split("\n"):
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _blocks(text: str) -> list[list[Span]]:
    """Runs of non-blank lines; blank (or whitespace-only) lines separate them."""
    blocks: list[list[Span]] = [[]]
    for start, end in _lines(text):
        if text[start:end].strip():
            blocks[-1].append((start, end))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def is_hard_wrapped(lines: list[str]) -> bool:
    """Consecutive lines of similar length are one paragraph wrapped at a column (PDF, e-mail,
    classic Nexis text)."""
    if len(lines) < 2:
        return False
    lengths = [len(line.rstrip()) for line in lines]
    return all(_WRAP_MIN <= length <= _WRAP_MAX for length in lengths[:-1]) and max(lengths) <= _WRAP_MAX


def _trim(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _remove_boilerplate(text: str, span: Span, boilerplate: list[Boilerplate]) -> Span | None:
    """Cut boilerplate off the ends of a span; a span that is all boilerplate disappears."""
    trimmed = _trim(text, span)
    if trimmed is None:
        return None
    start, end = trimmed
    for item in boilerplate:
        if item.start <= start and item.end >= end:
            return None
        if item.start <= start < item.end:
            start = item.end
        elif item.start < end <= item.end:
            end = item.start
    return _trim(text, (start, end)) if start < end else None


def looks_like_heading(line: str) -> bool:
    """Short lines without closing punctuation are headings, not sentences."""
    line = line.strip()
    if _MARKDOWN_HEADING.match(line):
        return True
    words = line.split()
    return (
        0 < len(words) <= 14
        and len(line) <= 100
        and line[-1] not in _CLOSING
        and (line[0].isupper() or line[0].isdigit())
    )


def layout(text: str, boilerplate: list[Boilerplate]) -> tuple[list[Span], list[Span]]:
    """Split the article into content paragraphs and headings, in text order."""
    paragraphs: list[Span] = []
    headings: list[Span] = []
    for block in _blocks(text):
        candidates = [(block[0][0], block[-1][1])] if is_hard_wrapped([text[start:end] for start, end in block]) else block
        for candidate in candidates:
            span = _remove_boilerplate(text, candidate, boilerplate)
            if span is None:
                continue
            if looks_like_heading(text[span[0] : span[1]]):
                headings.append(span)
            else:
                paragraphs.append(span)
    return paragraphs, headings


def heading_title(text: str, span: Span) -> str:
    return text[span[0] : span[1]].lstrip("#").strip()
