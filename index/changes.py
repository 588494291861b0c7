"""What changed in a corpus since its index was last brought up to date.

An article's *version* is its file's content hash plus a digest of its manifest entry and of
the researcher's metadata corrections, so editing any of them re-indexes it. A corpus *fingerprint* (every file's path, size and modification
time) lets an unchanged corpus re-open without reading a byte of its files or its manifest.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from whoosh.index import FileIndex

from reader.articles.corpus import Source
from reader.storage import read_json, write_json_atomic


def source_version(source: Source, content_hash: str, correction: dict[str, Any]) -> str:
    """The content hash, plus a digest of the article's manifest entry and the researcher's corrections."""
    if not source.manifest and not correction:
        return content_hash
    entry = json.dumps([source.manifest, correction], sort_keys=True, default=str).encode("utf-8")
    return f"{content_hash}:{hashlib.sha1(entry).hexdigest()[:12]}"


def source_versions(sources: list[Source], cache_file: Path, version: Callable[[Source, str], str]) -> dict[str, str]:
    """Version of each source, re-hashing only files whose size or modification time changed."""
    known = read_json(cache_file, {})
    fresh: dict[str, list[Any]] = {}
    versions: dict[str, str] = {}
    for source in sources:
        key = str(source.path)
        try:
            stat = source.path.stat()
            entry = known.get(key)
            if not entry or entry[0] != stat.st_size or entry[1] != stat.st_mtime_ns:
                entry = [stat.st_size, stat.st_mtime_ns, hashlib.sha1(source.path.read_bytes()).hexdigest()]
        except OSError:
            continue
        fresh[key] = entry
        versions[source.article_id] = version(source, entry[2])
    if fresh != known:
        write_json_atomic(cache_file, fresh)
    return versions


def indexed_versions(ix: FileIndex) -> dict[str, str]:
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if not reader.doc_count_all():
            return {}
        ids, versions = reader.column_reader("id"), reader.column_reader("version")
        return {ids[docnum]: versions[docnum] for docnum in reader.all_doc_ids()}


def _files(folder: Path, seen: set[str]) -> Iterator[tuple[str, int, int]]:
    """(path, size, mtime) of every non-hidden file under `folder`, as `discover` walks it."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                yield from _files(Path(entry.path), seen)
            else:
                stat = entry.stat()
                yield entry.path, stat.st_size, stat.st_mtime_ns
        except OSError:
            continue


def corpus_fingerprint(paths: Iterable[Path]) -> str:
    """A digest that changes when any file under `paths` is added, removed, resized or touched."""
    digest = hashlib.sha1()
    seen: set[str] = set()
    for named in paths:
        named = Path(named)
        if named.is_dir():
            listing = _files(named, seen)
        else:
            try:
                stat = named.stat()
                listing = iter([(str(named), stat.st_size, stat.st_mtime_ns)])
            except OSError:
                listing = iter([(str(named), -1, -1)])
        for path, size, mtime in listing:
            digest.update(f"{path}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
