"""MinHash signatures and LSH banding: candidate pairs of similar articles without comparing all pairs.

Signatures use one-permutation hashing (each shingle hashed once, kept as the minimum of one of
`bins` bins) with rotation densification for empty bins, so a 700-word article costs one hash per
shingle in pure Python. Articles whose signatures agree on every row of some band become a
candidate pair; the caller verifies candidates exactly.
"""
from __future__ import annotations

import logging
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

log = logging.getLogger(__name__)

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_EMPTY = -1

_word_ids: dict[str, int] = {}


def word_id(word: str) -> int:
    """A stable 32-bit id for a word (the same in every run, unlike `hash(str)`)."""
    found = _word_ids.get(word)
    if found is None:
        found = _word_ids[word] = zlib.crc32(word.encode("utf-8"))
    return found


def word_ids(words: Sequence[str]) -> list[int]:
    """`word_id` of each word; known words cost one dict lookup in C."""
    ids = list(map(_word_ids.get, words))
    if None in ids:
        ids = [word_id(word) if value is None else value for word, value in zip(words, ids)]
    return ids


def shingles(ids: Sequence[int], size: int) -> set[int]:
    """Hashes of every run of `size` consecutive ids (the whole sequence when it is shorter)."""
    if len(ids) < size:
        return {hash(tuple(ids))} if ids else set()
    return set(map(hash, zip(*(ids[offset:] for offset in range(size)))))


def signature(shingle_hashes: Iterable[int], bins: int) -> tuple[int, ...] | None:
    """One-permutation MinHash over `bins` bins (a power of two); None for an empty set."""
    shift = 64 - (bins.bit_length() - 1)
    value_mask = (1 << shift) - 1
    minima = [_EMPTY] * bins
    for shingle in shingle_hashes:
        mixed = ((shingle & _MASK) * _GOLDEN) & _MASK
        mixed ^= mixed >> 29
        slot = mixed >> shift
        value = mixed & value_mask
        if minima[slot] == _EMPTY or value < minima[slot]:
            minima[slot] = value
    if all(value == _EMPTY for value in minima):
        return None
    dense = list(minima)
    for slot, value in enumerate(minima):
        if value == _EMPTY:
            distance = 1
            while minima[(slot + distance) % bins] == _EMPTY:
                distance += 1
            dense[slot] = minima[(slot + distance) % bins] + (distance << shift)
    return tuple(dense)


class LshIndex:
    """Buckets signatures band by band; articles sharing any bucket are candidates."""

    def __init__(self, bands: int, rows: int, max_bucket: int = 400) -> None:
        self.bands = bands
        self.rows = rows
        self.max_bucket = max_bucket
        self._buckets: list[dict[int, list[int]]] = [defaultdict(list) for _ in range(bands)]

    def add(self, key: int, sig: tuple[int, ...]) -> None:
        if len(sig) != self.bands * self.rows:
            raise ValueError(f"signature has {len(sig)} values, index expects {self.bands * self.rows}")
        for band, buckets in enumerate(self._buckets):
            buckets[hash(sig[band * self.rows:(band + 1) * self.rows])].append(key)

    def candidate_pairs(self) -> set[tuple[int, int]]:
        """Pairs (low key, high key) sharing a bucket; oversized buckets (shared boilerplate) are skipped."""
        pairs: set[tuple[int, int]] = set()
        skipped = 0
        for buckets in self._buckets:
            for members in buckets.values():
                if len(members) < 2:
                    continue
                if len(members) > self.max_bucket:
                    skipped += 1
                    continue
                pairs.update(combinations(sorted(set(members)), 2))
        if skipped:
            log.info("skipped %d LSH buckets larger than %d articles", skipped, self.max_bucket)
        return pairs
