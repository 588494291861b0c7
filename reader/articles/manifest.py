"""A `manifest.toml` beside the articles: the collector's own labels and metadata.

Example::

    [articles."ftc-cnn.html"]
    label = "CNN, 31 May"
    outlet = "CNN"
    date = 2023-05-31

Metadata precedence is user correction > manifest > the document itself > file name.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

MANIFEST_NAME = "manifest.toml"
FIELDS = ("label", "outlet", "date", "title", "url", "note")


class ManifestError(Exception):
    """The manifest exists but cannot be used; loading continues without it."""


def _clean_entry(name: str, entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise ManifestError(f"entry for {name!r} must be a table")
    unknown = set(entry) - set(FIELDS)
    if unknown:
        raise ManifestError(f"entry for {name!r} has unknown field(s): {', '.join(sorted(unknown))}")
    cleaned = dict(entry)
    if "date" in cleaned:
        value = cleaned["date"]
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise ManifestError(f"entry for {name!r}: date {value!r} is not YYYY-MM-DD") from None
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            raise ManifestError(f"entry for {name!r}: date must be YYYY-MM-DD")
        cleaned["date"] = value
    return cleaned


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Entries keyed by file path relative to `folder`; an absent manifest is an empty one."""
    path = folder / MANIFEST_NAME
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ManifestError(f"not valid TOML: {error}") from None
    articles = raw.get("articles", {})
    if not isinstance(articles, dict):
        raise ManifestError("[articles] must be a table of file names")
    return {name: _clean_entry(name, entry) for name, entry in articles.items()}
