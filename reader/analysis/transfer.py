"""Big values crossing to and from a child process as many small pickles instead of one.

Pickling or unpickling is one C call that holds the interpreter lock from start to end: the
10,000 articles sent to a child process took 550 ms, the facts that came back 375 ms, and the
window's UI thread waited out each one. Sliced, each pickle takes a few milliseconds and the
lock changes hands between them. `pack` runs where the value is made (the task's worker
thread, or the child process) and `unpack` where it is used; neither ever runs on the UI
thread. Values are sliced at their top level: a list, a dict, or the big lists and dicts among
a dataclass's fields, or a tuple's items.
"""
from __future__ import annotations

import dataclasses
import gc
import os
import pickle
import tempfile
from dataclasses import dataclass
from typing import Any, Callable, Iterator

SLICE = 25
"""Items per pickle: each pickle holds the interpreter lock from start to end, so a slice is kept
to about a millisecond (25 articles); while two threads pickled slices of 100 for two child jobs,
the UI thread waited behind each slice in turn."""


SPOOL_FROM = 4_000_000
"""Bytes of slices from which a value crosses through a file: the pickle sent to the other
process then only names the file. Sent whole, the 10,000 articles' 60 MB of slices were copied
in one call holding the interpreter lock for each child job they went to."""


@dataclass(frozen=True)
class Spool:
    """Slices written one after another to a temporary file, read back one at a time."""

    path: str
    sizes: tuple[int, ...]
    shared: bool
    """Read by several child jobs (the corpus's articles): removed when its `PackedOnce` goes,
    not by a reader; any other spool is removed once read."""

    def slices(self) -> Iterator[bytes]:
        with open(self.path, "rb") as file:
            for size in self.sizes:
                yield file.read(size)
        if not self.shared:
            remove_spool(self)


@dataclass(frozen=True)
class Sliced:
    """A list or dict as pickles of `SLICE` items each (in memory or spooled to a file), or a
    dataclass or tuple as its fields, each packed."""

    kind: type
    pickles: list[bytes] | Spool | None = None
    fields: dict[str, Any] | None = None


def pack(value: Any, shared: bool = False) -> Any:
    """`value`, with its big top-level parts pickled in slices (small values pass unchanged);
    `shared`: several child jobs will read it (see `Spool.shared`)."""
    if isinstance(value, list) and len(value) > SLICE:
        return Sliced(list, _spooled([_dumps(value[at:at + SLICE]) for at in range(0, len(value), SLICE)], shared))
    if isinstance(value, dict) and len(value) > SLICE:
        items = list(value.items())
        return Sliced(dict, _spooled([_dumps(items[at:at + SLICE]) for at in range(0, len(items), SLICE)], shared))
    if type(value) is tuple:  # a step giving two results (the facts and their summary)
        parts = [pack(part, shared) for part in value]
        if any(isinstance(part, Sliced) for part in parts):
            return Sliced(tuple, fields={str(number): part for number, part in enumerate(parts)})
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        if not all(item.init for item in fields):  # cannot be rebuilt from its fields
            return value
        packed = {item.name: pack(getattr(value, item.name), shared) for item in fields}
        if any(isinstance(part, Sliced) for part in packed.values()):
            return Sliced(type(value), fields=packed)
    return value


def _spooled(pickles: list[bytes], shared: bool) -> list[bytes] | Spool:
    if sum(len(part) for part in pickles) < SPOOL_FROM:
        return pickles
    handle, path = tempfile.mkstemp(prefix="corroborate-slices-")
    with os.fdopen(handle, "wb") as file:
        for part in pickles:
            file.write(part)
    return Spool(path, tuple(len(part) for part in pickles), shared)


def spools(value: Any) -> list[Spool]:
    """The files a packed value's slices were spooled to."""
    if not isinstance(value, Sliced):
        return []
    if isinstance(value.pickles, Spool):
        return [value.pickles]
    return [spool for part in (value.fields or {}).values() for spool in spools(part)]


def remove_spool(spool: Spool) -> None:
    try:
        os.remove(spool.path)
    except FileNotFoundError:
        pass


def unpack(value: Any) -> Any:
    """The value `pack` was given. What each slice brings is moved out of the collector's sight
    at once: the window keeps the results for the corpus's life, and a full collection walking
    them would stall it."""
    if not isinstance(value, Sliced):
        return value
    if value.fields is not None and value.kind is tuple:
        return tuple(unpack(part) for part in value.fields.values())
    if value.fields is not None:
        return value.kind(**{name: unpack(part) for name, part in value.fields.items()})
    items: list[Any] = []
    for pickled in value.pickles.slices() if isinstance(value.pickles, Spool) else value.pickles or []:
        items.extend(pickle.loads(pickled))
        gc.freeze()
    return dict(items) if value.kind is dict else items


def call_unpacked(function: Callable[..., Any], queue: Any, cancel: Any, packed: list[Any]) -> Any:
    """In a child process: `function` on the unpacked arguments, its result packed for the way
    back; with a `queue`, reporting progress through it and stopping when `cancel` is set.
    It lives outside `ui`, so a child process never imports Qt."""
    args = [unpack(arg) for arg in packed]
    relaying = {} if queue is None else {"progress": lambda done, total: queue.put((done, total, "")), "cancel": cancel}
    return pack(function(*args, **relaying))


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
