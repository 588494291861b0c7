"""Python's cyclic garbage collector paused while work builds many short-lived objects.

A broad search or a corpus's facts build hundreds of thousands of small lists, sets and dicts,
none in a cycle (reference counting frees them all), and each 700 allocations set off a
collection that scans them, and everything else alive, again. Overlapping pauses share one:
the first turns the collector off, the last turns it back on, and a collector someone else
turned off is left off.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_pausing = threading.Lock()
_pauses = 0
"""Pauses under way; the collector is off while there is any, if a pause turned it off."""
_paused_here = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _pauses, _paused_here
    with _pausing:
        if _pauses == 0 and gc.isenabled():
            gc.disable()
            _paused_here = True
        _pauses += 1
    try:
        yield
    finally:
        with _pausing:
            _pauses -= 1
            if _pauses == 0 and _paused_here:
                gc.enable()
                _paused_here = False
