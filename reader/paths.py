"""Where Corroborate keeps its own files: cache (indexes), data (corrections), config, logs.

`CORROBORATE_HOME` redirects all of them under one folder, which tests and portable
installs use. Source folders holding articles are evidence and are never written to.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "corroborate"


def _home_override() -> Path | None:
    value = os.environ.get("CORROBORATE_HOME")
    return Path(value) if value else None


def _user_dir(kind: str) -> Path:
    override = _home_override()
    if override is not None:
        path = override / kind
    else:
        finder = {
            "cache": platformdirs.user_cache_dir,
            "data": platformdirs.user_data_dir,
            "config": platformdirs.user_config_dir,
            "log": platformdirs.user_log_dir,
        }[kind]
        path = Path(finder(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Rebuildable data: search indexes, cached analyses."""
    return _user_dir("cache")


def data_dir() -> Path:
    """The researcher's own data: metadata corrections, labels, notes."""
    return _user_dir("data")


def config_dir() -> Path:
    """Settings and user-edited registries (e.g. extra speakers/parties)."""
    return _user_dir("config")


def log_dir() -> Path:
    return _user_dir("log")
