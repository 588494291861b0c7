"""Metadata corrections the researcher makes (outlet, date, title, label).

Stored in the app's data directory keyed by the article file's absolute path (plus `#<number>`
for an article of an export), never beside the articles, and written atomically so a crash
cannot lose them.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reader import paths
from reader.storage import read_json, write_json_atomic

EDITABLE_FIELDS = ("outlet", "date", "title", "label")


class Corrections:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "corrections.json"
        self._entries: dict[str, dict[str, str]] = read_json(self.path, {})

    def for_article(self, article_path: str) -> dict[str, Any]:
        """The corrected fields of one article, dates parsed."""
        entry = dict(self._entries.get(article_path, {}))
        if "date" in entry:
            entry["date"] = dt.date.fromisoformat(entry["date"]) if entry["date"] else None
        return entry

    def set(self, article_path: str, field: str, value: str | dt.date | None) -> None:
        """Record a correction; `None` clears it so the next source of truth shows again."""
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"{field!r} cannot be corrected; editable fields: {', '.join(EDITABLE_FIELDS)}")
        entry = self._entries.setdefault(article_path, {})
        if value is None:
            entry.pop(field, None)
        else:
            entry[field] = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not entry:
            del self._entries[article_path]
        write_json_atomic(self.path, self._entries)
