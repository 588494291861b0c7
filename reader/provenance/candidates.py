"""Which pairs of articles to compare exactly, without missing a shared passage.

Small corpora compare every pair. Large ones index fingerprints of word n-grams, as reuse
finders (passim, winnowing) do: the n-grams whose hash is 0 modulo SAMPLE, the same ones in
every article, so a passage two articles share leaves the same fingerprints in both however
little of the longer article it is (an excerpt). Fingerprints that many articles carry are
house style or stock phrases and are not followed. A pair becomes a candidate when its shared
fingerprints make up a share of the smaller article's that a copy could have.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from array import array
from itertools import combinations, groupby

log = logging.getLogger(__name__)

ALL_PAIRS_UP_TO = 200
"""Corpora of at most this many articles compare every pair (about 20,000 pairs)."""
GRAM = 5
SAMPLE = 4
"""One n-gram in SAMPLE is a fingerprint: a shared passage of 30 words leaves two shared
fingerprints with probability 0.995, one of 60 words with 0.999998. (Winnowing guarantees one
per 16 words but costs 15 times as much in pure Python; copies share far longer passages.)"""
COMMON_FINGERPRINT_SHARE = 0.005
COMMON_FINGERPRINT_MIN = 50
"""A fingerprint in more than this share (and this many) of the articles is stock text, not a copy."""
_KEEP = (1 << 40) - 1
"""Postings keep 40 bits of each fingerprint beside the article's number, in one 64-bit integer."""
MIN_SHARED_FINGERPRINTS = 2
CANDIDATE_SHARE = 0.1
"""Shared fingerprints over the smaller article's, from which a pair is compared exactly;
well under the copied share that makes a copy, since fingerprints only sample the passages."""


def fingerprints(ids: Sequence[int]) -> set[int]:
    """Hashes of the word GRAM-grams that are 0 modulo SAMPLE: the same grams in every article."""
    return {gram for gram in map(hash, zip(*(ids[offset:] for offset in range(GRAM)))) if not gram % SAMPLE}


def shared_text_candidates(texts: list[Sequence[int]]) -> set[tuple[int, int]]:
    """Pairs (low, high) that may share a passage long enough to be copying."""
    if len(texts) <= ALL_PAIRS_UP_TO:
        return set(combinations([key for key, ids in enumerate(texts) if len(ids) >= GRAM], 2))
    keys = max(1, (len(texts) - 1).bit_length())
    postings = array("q")
    counts: list[int] = []
    for key, ids in enumerate(texts):
        found = fingerprints(ids)
        counts.append(len(found))
        postings.extend(((value & _KEEP) << keys) | key for value in found)
    limit = max(COMMON_FINGERPRINT_MIN, COMMON_FINGERPRINT_SHARE * len(texts))
    mask = (1 << keys) - 1
    shared: dict[int, int] = {}
    skipped = 0
    for _, group in groupby(sorted(postings), key=lambda posting: posting >> keys):
        members = [posting & mask for posting in group]
        if len(members) < 2:
            continue
        if len(members) > limit:
            skipped += 1
            continue
        for a, b in combinations(members, 2):
            pair = (a << keys) | b
            shared[pair] = shared.get(pair, 0) + 1
    log.info("reuse: %d fingerprints left out as stock text", skipped)
    found = set()
    for pair, count in shared.items():
        a, b = pair >> keys, pair & mask
        if count >= MIN_SHARED_FINGERPRINTS and count >= CANDIDATE_SHARE * min(counts[a], counts[b]):
            found.add((a, b))
    return found
