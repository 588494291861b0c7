"""Crash-safe writes for the researcher's own files.

A write goes to a temporary file in the same folder, is fsynced, then renamed over
the target: after a crash or kill -9 the file is either the old or the new version.
"""
from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any


def write_atomic(path: Path, data: bytes) -> None:
    """The file gets the permissions the user's umask gives any new file (a report handed to a
    colleague must be readable as any other), not the owner-only mode of a temporary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = _new_temp_file(path)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _new_temp_file(path: Path) -> tuple[int, str]:
    for _ in range(100):
        name = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def write_json_atomic(path: Path, value: Any) -> None:
    write_atomic(path, json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def read_json(path: Path, default: Any) -> Any:
    """Read a JSON file written by `write_json_atomic`; a missing file gives `default`."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
