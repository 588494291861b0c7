"""Revisions: two or more versions of one article as a history, each step word-diffed and dated.

Versions are articles with the same address (a web-archive capture counts as its original
address, captured at the time in its archive address) or files the researcher marked as versions
of one another. A version's time is its "Updated" stamp, else its capture time, else its date.
A step that changes the text without adding a correction or editor's note is a stealth edit.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlsplit

from reader import paths
from reader.articles.model import Article
from reader.compare.diff import Comparison, compare_articles
from reader.storage import read_json, write_json_atomic

MARKS_FILE = "versions.json"
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/(\d{14})[a-z_]*/(.+)$", re.I)
_MONTHS = "January February March April May June July August September October November December".split()
_MONTH = "|".join(name[:3] + f"(?:{name[3:]})?" for name in _MONTHS) + r"|Sept"
_UPDATED = re.compile(
    r"\b(?:last\s+)?updated(?:\s+on)?[:\s]+"
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})(?:[T\s]+(?P<iso_time>\d{1,2}:\d{2}))?"
    rf"|(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    r"(?:,?\s+(?:at\s+)?(?P<time>\d{1,2}(?::\d{2})?)\s*(?P<half>[ap]\.?m\.?)?)?)",
    re.I)
_NOTICE = re.compile(
    r"^\s*(?:correction|clarification|editor['’]s note|update)\s*:|an earlier version of this|"
    r"this (?:article|story) (?:has been|was) (?:updated|corrected)", re.I | re.M)


def original_address(url: str | None) -> tuple[str | None, dt.datetime | None]:
    """The address an article was published at, and when an archive captured it (if it is a capture)."""
    if not url:
        return None, None
    captured = None
    archived = _ARCHIVED.match(url.strip())
    if archived:
        captured = dt.datetime.strptime(archived.group(1), "%Y%m%d%H%M%S")
        url = archived.group(2)
    parts = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}", captured


def updated_stamp(article: Article) -> dt.datetime | None:
    """The time in an "Updated …" line, when the article carries one."""
    match = _UPDATED.search(article.text)
    if not match:
        return None
    try:
        if match.group("iso"):
            day = dt.date.fromisoformat(match.group("iso"))
            clock = match.group("iso_time") or "0:00"
        else:
            month = next(i for i, name in enumerate(_MONTHS, 1) if name.lower().startswith(match.group("month")[:3].lower()))
            day = dt.date(int(match.group("year")), month, int(match.group("day")))
            clock = match.group("time") or "0"
        hour, _, minute = clock.partition(":")
        hour_number = int(hour)
        half = (match.group("half") or "").lower().replace(".", "") if not match.group("iso") else ""
        if half == "pm" and hour_number < 12:
            hour_number += 12
        elif half == "am" and hour_number == 12:
            hour_number = 0
        return dt.datetime.combine(day, dt.time(hour_number, int(minute or 0)))
    except ValueError:
        return None


@dataclass(frozen=True)
class Version:
    """One version of the article and when it was current, with where that time comes from."""

    article: Article
    time: dt.datetime | None
    time_source: str

    def as_json(self) -> dict[str, Any]:
        return {"article": self.article.id, "label": self.article.display_label,
                "time": self.time.isoformat() if self.time else None, "time_source": self.time_source}


def version_of(article: Article) -> Version:
    stamp = updated_stamp(article)
    if stamp:
        return Version(article, stamp, "updated stamp")
    captured = original_address(article.url)[1]
    if captured:
        return Version(article, captured, "archive capture")
    if article.date:
        return Version(article, dt.datetime.combine(article.date, dt.time()), "date")
    return Version(article, None, "no time known")


@dataclass(frozen=True)
class RevisionStep:
    """How one version became the next: the word diff, notices added, and whether it was silent."""

    before: Version
    after: Version
    comparison: Comparison
    notices: tuple[str, ...]

    @property
    def stealth(self) -> bool:
        """Changed words with no correction or editor's note added: an edit readers were not told of."""
        return bool(self.comparison.changes) and not self.notices

    def as_json(self) -> dict[str, Any]:
        return {"before": self.before.as_json(), "after": self.after.as_json(), "notices": list(self.notices),
                "stealth": self.stealth, "comparison": self.comparison.as_json()}


@dataclass
class RevisionHistory:
    address: str
    versions: list[Version]
    steps: list[RevisionStep] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"address": self.address, "versions": [item.as_json() for item in self.versions],
                "steps": [step.as_json() for step in self.steps]}


def _notices(article: Article) -> set[str]:
    found = set()
    for start, end in article.paragraphs + [(b.start, b.end) for b in article.boilerplate]:
        paragraph = " ".join(article.text[start:end].split())
        if _NOTICE.search(paragraph):
            found.add(paragraph)
    return found


class VersionMarks:
    """Files the researcher said are versions of one article, kept in the data folder by path."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / MARKS_FILE
        self.groups: list[list[str]] = read_json(self.path, {"groups": []})["groups"]

    def mark(self, article_paths: Sequence[str]) -> None:
        """Join these files (absolute paths) into one set of versions, with any set they are in."""
        joined = {str(Path(item).resolve()) for item in article_paths}
        kept = []
        for group in self.groups:
            if joined & set(group):
                joined |= set(group)
            else:
                kept.append(group)
        self.groups = [*kept, sorted(joined)]
        write_json_atomic(self.path, {"groups": self.groups})

    def group_of(self, article: Article) -> int | None:
        resolved = str(Path(article.path).resolve())
        return next((number for number, group in enumerate(self.groups) if resolved in group), None)


def _sets(articles: Sequence[Article], marks: VersionMarks | None) -> dict[str, list[Article]]:
    """Articles that are versions of one another, keyed by address (or by the marked set)."""
    sets: dict[str, list[Article]] = {}
    for article in articles:
        group = marks.group_of(article) if marks else None
        key = f"marked set {group + 1}" if group is not None else original_address(article.url)[0]
        if key:
            sets.setdefault(key, []).append(article)
    return {key: found for key, found in sets.items() if len({a.content_hash for a in found}) > 1}


def revision_histories(articles: Sequence[Article], marks: VersionMarks | None = None) -> list[RevisionHistory]:
    """Every article seen in more than one version, oldest version first, each step compared."""
    histories = []
    for address, found in _sets(articles, marks).items():
        unique = list({article.content_hash: article for article in found}.values())
        versions = sorted((version_of(article) for article in unique),
                          key=lambda v: (v.time is None, v.time or dt.datetime.min, v.article.id))
        history = RevisionHistory(address, versions)
        for before, after in zip(versions, versions[1:]):
            added = sorted(_notices(after.article) - _notices(before.article))
            history.steps.append(RevisionStep(before, after, compare_articles(before.article, after.article),
                                              tuple(added)))
        histories.append(history)
    return histories
