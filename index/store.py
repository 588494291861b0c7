"""Where a corpus's index lives on disk, who may write it, and how a damaged one is replaced.

The index is a rebuildable cache in the user cache folder, never beside the articles. One
lock file per corpus lets one process write at a time; a second one waits briefly and then
gets `IndexBusy` with a message it can show. An index that is missing pieces, unreadable or
of another schema version is rebuilt in a temporary folder and swapped in whole.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import time
from pathlib import Path
from typing import Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh.index import FileIndex
from whoosh.util.filelock import FileLock

from index.schema import SCHEMA_VERSION, build_schema
from reader.paths import cache_dir
from reader.storage import read_json, write_json_atomic

STATE_FILE = "corroborate-index.json"


class IndexBusy(Exception):
    """Another window or process is updating this corpus's index right now."""


class DamagedIndex(Exception):
    """The index on disk cannot be used as it is; the reason is in words for the notice."""


def corpus_key(paths: Iterable[Path]) -> str:
    """A stable folder name for the corpus made of `paths` (order and spelling do not matter)."""
    resolved = sorted({str(Path(path).resolve()) for path in paths})
    digest = hashlib.sha1("\n".join(resolved).encode("utf-8")).hexdigest()[:16]
    first = Path(resolved[0]).name if resolved else "empty"
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", first).strip("-")[:40] or "corpus"
    return f"{slug}-{digest}"


def index_location(paths: Iterable[Path]) -> Path:
    return cache_dir() / "indexes" / corpus_key(paths)


@contextlib.contextmanager
def write_lock(location: Path, wait: float) -> Iterator[None]:
    """Hold the corpus's writer lock, waiting up to `wait` seconds for another writer to finish."""
    location.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(location.with_name(location.name + ".lock")))
    deadline = time.monotonic() + wait
    while not lock.acquire(blocking=False):
        if time.monotonic() >= deadline:
            raise IndexBusy("another Corroborate window or process is updating the search index of this "
                            "corpus; try again when it has finished")
        time.sleep(0.05)
    try:
        yield
    finally:
        lock.release()


def open_existing(location: Path) -> FileIndex | None:
    """The index at `location`, checked readable; None if there is none; `DamagedIndex` if unusable."""
    if not location.is_dir():
        return None
    state = read_json(location / STATE_FILE, None)
    if state is None:
        raise DamagedIndex("its version record is missing, so it may be half-written")
    if state.get("schema") != SCHEMA_VERSION:
        raise DamagedIndex(f"it was made by another version of Corroborate (schema {state.get('schema')}, "
                           f"now {SCHEMA_VERSION})")
    try:
        ix = whoosh_index.open_dir(str(location))
        with ix.searcher() as searcher:
            reader = searcher.reader()
            if reader.doc_count_all():
                reader.column_reader("version")
            for docnum in reader.all_doc_ids():
                reader.stored_fields(docnum)
                break
            for _ in reader.lexicon("content"):
                break
        return ix
    except Exception as error:  # any failure to read means the cache must be rebuilt
        raise DamagedIndex(f"it could not be read ({error.__class__.__name__}: {error})") from error


def create_empty(location: Path) -> FileIndex:
    location.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(location), build_schema())
    write_json_atomic(location / STATE_FILE, {"schema": SCHEMA_VERSION})
    return ix


def clear_leftovers(location: Path) -> None:
    """Remove half-built or retired copies a killed process left beside the index (lock held)."""
    for pattern in (f"{location.name}.rebuild-*", f"{location.name}.old-*"):
        for leftover in location.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)


def scratch_location(location: Path) -> Path:
    """A fresh folder beside `location` to build a replacement index in."""
    return location.with_name(f"{location.name}.rebuild-{os.getpid()}")


def swap_in(scratch: Path, location: Path) -> None:
    """Replace the index at `location` with the one built in `scratch`, as close to atomic as folders allow."""
    retired = location.with_name(f"{location.name}.old-{os.getpid()}")
    shutil.rmtree(retired, ignore_errors=True)
    if location.exists():
        os.replace(location, retired)
    os.replace(scratch, location)
    shutil.rmtree(retired, ignore_errors=True)
