"""Which pairs of articles to compare exactly, without missing a shared passage.

Small corpora compare every pair. Large ones index *winnowed* fingerprints of word n-grams
(Schleimer et al.'s winnowing, as plagiarism and reuse finders use): every run of
WINNOW_GUARANTEE words two articles share yields a fingerprint in both, so an excerpt is found
however little of the longer article it is. Fingerprints that many articles carry are house
style or stock phrases and are not followed. A pair becomes a candidate when its shared
fingerprints make up a share of the smaller article's that a copy could have.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import combinations

log = logging.getLogger(__name__)

ALL_PAIRS_UP_TO = 200
"""Corpora of at most this many articles compare every pair (about 20,000 pairs)."""
GRAM = 5
WINDOW = 12
"""Winnowing window: any shared run of GRAM + WINDOW - 1 words (16) leaves a common fingerprint."""
COMMON_FINGERPRINT_SHARE = 0.005
COMMON_FINGERPRINT_MIN = 50
"""A fingerprint in more than this share (and this many) of the articles is stock text, not a copy."""
MIN_SHARED_FINGERPRINTS = 2
CANDIDATE_SHARE = 0.1
"""Shared fingerprints over the smaller article's, from which a pair is compared exactly;
well under the copied share that makes a copy, since fingerprints only sample the passages."""


def fingerprints(ids: Sequence[int]) -> set[int]:
    """Winnowed hashes of the word GRAM-grams: the smallest of each WINDOW consecutive ones."""
    grams = list(map(hash, zip(*(ids[offset:] for offset in range(GRAM)))))
    if len(grams) <= WINDOW:
        return {min(grams)} if grams else set()
    return set(map(min, zip(*(grams[offset:] for offset in range(WINDOW)))))


def shared_text_candidates(texts: list[Sequence[int]]) -> set[tuple[int, int]]:
    """Pairs (low, high) that may share a passage long enough to be copying."""
    if len(texts) <= ALL_PAIRS_UP_TO:
        return set(combinations([key for key, ids in enumerate(texts) if len(ids) >= GRAM], 2))
    prints = [fingerprints(ids) for ids in texts]
    postings: dict[int, list[int]] = {}
    for key, found in enumerate(prints):
        for value in found:
            postings.setdefault(value, []).append(key)
    limit = max(COMMON_FINGERPRINT_MIN, COMMON_FINGERPRINT_SHARE * len(texts))
    shared: dict[tuple[int, int], int] = {}
    skipped = 0
    for members in postings.values():
        if len(members) < 2:
            continue
        if len(members) > limit:
            skipped += 1
            continue
        for pair in combinations(members, 2):
            shared[pair] = shared.get(pair, 0) + 1
    log.info("reuse: %d fingerprints left out as stock text", skipped)
    return {(a, b) for (a, b), count in shared.items()
            if count >= MIN_SHARED_FINGERPRINTS and count >= CANDIDATE_SHARE * min(len(prints[a]), len(prints[b]))}
