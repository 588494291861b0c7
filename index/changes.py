"""What changed in a corpus since its index was last brought up to date.

Each indexed document carries its version (`index.documents.IndexedArticle.version`); a corpus
*fingerprint* (every file's path, size and modification time) lets an unchanged corpus re-open
without reading a byte of its files or its manifest.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable, Iterator

from whoosh.index import FileIndex



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
