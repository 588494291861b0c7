"""The one on-disk store of analysis results: every step's result, per article or per corpus.

A result is kept under its step's name and a key the step derives from what the result depends
on (an article's content hash, the speaker registry, the settings), so "where do the quotes of
article X come from" has one answer and a changed article re-runs only its own steps. SQLite in
WAL mode gives atomic commits (a crash or kill -9 loses at most the result being written) and
lets the window, the command line and child processes share the store. Everything here is
rebuildable: an unreadable or old-version store is emptied, an unreadable entry is a miss.
"""
from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterable

from reader.paths import cache_dir

log = logging.getLogger(__name__)

VERSION = 9
"""Bumped when any step's result changes shape or meaning; an older store is emptied on open."""

STORE_FILE = "analysis.sqlite"


def digest(*parts: object) -> str:
    """A stable key from the parts a result depends on."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(repr(part).encode("utf-8", "surrogateescape"))
        hashed.update(b"\0")
    return hashed.hexdigest()


class AnalysisStore:
    """Results by (step, key). One connection per thread, as SQLite wants."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / STORE_FILE
        self._local = threading.local()
        self._prepare()

    def _connect(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    def _prepare(self) -> None:
        try:
            self._create()
        except sqlite3.DatabaseError as damage:
            log.warning("analysis store %s is damaged (%s); starting it afresh", self.path, damage)
            self.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._create()

    def _create(self) -> None:
        connection = self._connect()
        connection.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        connection.execute("CREATE TABLE IF NOT EXISTS results (step TEXT, key TEXT, value BLOB, "
                           "PRIMARY KEY (step, key))")
        row = connection.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        if row is None or row[0] != str(VERSION):
            with connection:
                connection.execute("DELETE FROM results")
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(VERSION),))

    def get(self, step: str, key: str, default: Any = None) -> Any:
        row = self._connect().execute("SELECT value FROM results WHERE step = ? AND key = ?", (step, key)).fetchone()
        if row is None:
            return default
        try:
            return pickle.loads(row[0])
        except Exception as damage:  # an entry from a crashed or foreign writer: a miss
            log.warning("analysis store: unreadable %s entry (%s)", step, damage)
            return default

    def get_many(self, step: str, keys: Iterable[str]) -> dict[str, Any]:
        """The stored results among `keys` (missing ones are left out)."""
        found: dict[str, Any] = {}
        wanted = list(dict.fromkeys(keys))
        connection = self._connect()
        for at in range(0, len(wanted), 500):
            chunk = wanted[at:at + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in connection.execute(
                    f"SELECT key, value FROM results WHERE step = ? AND key IN ({marks})", (step, *chunk)):
                try:
                    found[key] = pickle.loads(value)
                except Exception:
                    continue
        return found

    def put(self, step: str, key: str, value: Any) -> None:
        self.put_many(step, {key: value})

    def put_many(self, step: str, values: dict[str, Any]) -> None:
        """Written in one transaction: after a crash either all of them are there or none."""
        if not values:
            return
        rows = [(step, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in values.items()]
        connection = self._connect()
        with connection:
            connection.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)

    def forget(self, step: str) -> None:
        """Drop every result of `step` (its settings changed in a way its keys do not show)."""
        connection = self._connect()
        with connection:
            connection.execute("DELETE FROM results WHERE step = ?", (step,))

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = state["path"]
        self._local = threading.local()
