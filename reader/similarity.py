"""Sparse TF-IDF over sentences, and the candidate pairs worth comparing.

Comparing every sentence with every other is quadratic in the corpus; instead articles are
first paired through an inverted index of anchor *pairs* (two names or quantities occurring
together are specific to a story even when each alone is common), and sentences are then
scored only within those article pairs (a small corpus simply compares every article pair), through a per-article inverted index of tokens.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from reader.anchors import is_anchor

Vector = dict[str, float]

ANCHOR_BOOST = 1.5
ARTICLE_KEYS = 12  # rarest anchors per article used to pair articles
ARTICLE_NEIGHBOURS = 30  # most similar articles compared with each article
MIN_SHARED_KEYS = 3
SMALL_CORPUS = 50  # up to this many articles every pair is compared; rarity means little there


def inverse_document_frequency(token_lists: list[list[str]]) -> dict[str, float]:
    """Smoothed idf over sentences; tokens in most sentences weigh almost nothing."""
    counts: Counter[str] = Counter()
    for tokens in token_lists:
        counts.update(set(tokens))
    total = len(token_lists) + 1
    return {token: math.log(total / (count + 0.5)) for token, count in counts.items()}


def tfidf_vector(tokens: list[str], idf: dict[str, float]) -> Vector:
    """Unit-length vector with sublinear term frequency; names and quantities weigh more."""
    vector: Vector = {}
    for token, count in Counter(tokens).items():
        weight = (1.0 + math.log(count)) * max(idf.get(token, 0.0), 0.0)
        if is_anchor(token):
            weight *= ANCHOR_BOOST
        if weight > 0:
            vector[token] = weight
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {token: weight / norm for token, weight in vector.items()} if norm else {}


def cosine(first: Vector, second: Vector) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(token, 0.0) for token, weight in first.items())


def article_pairs(anchor_sets: list[set[str]]) -> list[tuple[int, int]]:
    """Pairs of articles (by index) that share enough anchor pairs to be about one story."""
    if len(anchor_sets) <= SMALL_CORPUS:
        return list(combinations(range(len(anchor_sets)), 2))
    frequency: Counter[str] = Counter()
    for anchors in anchor_sets:
        frequency.update(anchors)
    keys_of: list[list[tuple[str, str]]] = []
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, anchors in enumerate(anchor_sets):
        rarest = sorted((token for token in anchors if frequency[token] > 1),
                        key=lambda token: (frequency[token], token))[:ARTICLE_KEYS]
        keys = list(combinations(sorted(rarest), 2))
        keys_of.append(keys)
        for key in keys:
            postings[key].append(index)
    limit = max(50, int(math.sqrt(len(anchor_sets)) * 5))
    pairs: set[tuple[int, int]] = set()
    for index, keys in enumerate(keys_of):
        shared: Counter[int] = Counter()
        for key in keys:
            posting = postings[key]
            if 1 < len(posting) <= limit:
                shared.update(posting)
        del shared[index]
        needed = max(MIN_SHARED_KEYS, len(keys) // 10)
        for other, count in shared.most_common(ARTICLE_NEIGHBOURS):
            if count < needed:
                break
            pairs.add((min(index, other), max(index, other)))
    return sorted(pairs)


def similarity_rows(first: list[Vector], second: list[Vector]) -> list[dict[int, float]]:
    """For each sentence of `first`, its non-zero similarities to sentences of `second`."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(second):
        for token, weight in vector.items():
            postings[token].append((index, weight))
    rows: list[dict[int, float]] = []
    for vector in first:
        scores: dict[int, float] = defaultdict(float)
        for token, weight in vector.items():
            for index, other in postings.get(token, ()):
                scores[index] += weight * other
        rows.append(scores)
    return rows
