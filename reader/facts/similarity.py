"""Sparse TF-IDF over sentences, and the candidate pairs worth comparing.

Comparing every sentence with every other is quadratic in the corpus; instead articles are
first paired through an inverted index of anchor *pairs* (two names or quantities occurring
together are specific to a story even when each alone is common), and sentences are then
scored only within those article pairs (a small corpus simply compares every article pair), through a per-article inverted index of tokens.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, combinations

from reader.facts.anchors import is_anchor

Vector = dict[str, float]
Postings = dict[str, list[tuple[int, float]]]

ANCHOR_BOOST = 1.5
_REPEAT = 0.5
COMMON_SHARE = 0.01
LARGE_CORPUS_SENTENCES = 2000  # a repeated token adds half its weight again: term frequency grows sublinearly
ARTICLE_KEYS = 12  # rarest anchors per article used to pair articles
ARTICLE_NEIGHBOURS = 15  # most similar articles compared with each article
MIN_SHARED_KEYS = 10  # five shared anchors: chance rarely lines up that many
FEW_RARE_ANCHORS = 6  # an article with fewer rare anchors is keyed by its least common ones (a story told in common figures)
ORPHAN_SHARED_KEYS = 3  # three shared anchors pair an article that shares five with none (its own figure differs)
_ECHOES = ("q:money~", "q:number~", "q:digits:")  # repeat an exact quantity token
MIN_TERM_WEIGHT = 0.05
SMALL_CORPUS = 50  # up to this many articles every pair is compared; rarity means little there


def inverse_document_frequency(token_lists: list[list[str]]) -> dict[str, float]:
    """Smoothed idf over sentences. In a large corpus, tokens in more than one sentence in a
    hundred are the corpus's own stopwords (boilerplate, stock phrases) and are dropped, so
    stock sentences repeated across articles do not become facts; a small corpus keeps them,
    since there a count of a few sentences says little about how common a word is."""
    counts = Counter(chain.from_iterable(set(tokens) for tokens in token_lists))
    total = len(token_lists) + 1
    ceiling = total * COMMON_SHARE if total >= LARGE_CORPUS_SENTENCES else total
    return {token: math.log(total / (count + 0.5)) for token, count in counts.items() if count <= ceiling}


def token_weights(idf: dict[str, float]) -> dict[str, float]:
    """Each token's weight before term frequency: idf, raised for names and quantities."""
    return {token: value * (ANCHOR_BOOST if is_anchor(token) else 1.0)
            for token, value in idf.items() if value > 0}


def tfidf_vector(tokens: list[str], weights: dict[str, float]) -> Vector:
    """Unit-length vector with sublinear term frequency (weights from `token_weights`)."""
    vector: Vector = {}
    for token in tokens:
        weight = weights.get(token)
        if weight is None:
            continue
        if token in vector:
            vector[token] += weight * _REPEAT
        else:
            vector[token] = weight
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {token: weight / norm for token, weight in vector.items()} if norm else {}


def tfidf_vectors(token_lists: list[list[list[str]]], weights: dict[str, float]) -> list[list[Vector]]:
    """Per article, each sentence's `tfidf_vector`; a sentence whose tokens repeat another's (a
    copy's) shares that one's vector, which is only read."""
    known: dict[tuple[str, ...], Vector] = {}
    vectors = []
    for sentences in token_lists:
        vectors.append([])
        for tokens in sentences:
            key = tuple(tokens)
            if key not in known:
                known[key] = tfidf_vector(tokens, weights)
            vectors[-1].append(known[key])
    return vectors


def cosine(first: Vector, second: Vector) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(token, 0.0) for token, weight in first.items())


@dataclass(frozen=True)
class PairingStatistics:
    """What pairing articles reads from the whole corpus: how many articles hold each anchor, and
    the two bounds taken from the corpus's size. An incremental re-alignment keeps the last cold
    run's (`reader.facts.incremental`), so one article changing does not re-pair every other."""

    frequency: dict[str, int]
    common: int
    """An anchor in more articles than this is a topic, not a story."""
    limit: int
    """An anchor pair in more articles than this says nothing about which of them belong together."""


@dataclass(frozen=True)
class PairChoice:
    """The articles one article is paired with (`chosen`), and, if it shares enough with none,
    those it is paired with as an orphan when no other article chose it (`orphan`)."""

    chosen: tuple[int, ...] = ()
    orphan: tuple[int, ...] = ()


AnchorPair = tuple[str, str]


def pairing_statistics(anchor_sets: list[set[str]]) -> PairingStatistics:
    frequency: Counter[str] = Counter()
    for anchors in anchor_sets:
        frequency.update(anchors)
    return counted_statistics(dict(frequency), len(anchor_sets))


def counted_statistics(frequency: dict[str, int], articles: int) -> PairingStatistics:
    """The statistics of a corpus of `articles` whose anchors occur as `frequency` says."""
    return PairingStatistics(frequency, max(2, articles // 8), max(50, int(math.sqrt(articles) * 5)))


def article_keys(anchors: set[str], statistics: PairingStatistics) -> list[AnchorPair]:
    """The pairs of an article's rarest anchors (`ARTICLE_KEYS`), by which it is paired; an
    article with fewer than `FEW_RARE_ANCHORS` rare ones is keyed by its least common ones: a
    story told in names and figures many stories use (the company, its regulator, $30 million,
    55,000 users) is identified by their combination. Coarse quantity tokens are left out:
    they repeat the exact ones and would count twice."""
    frequency = statistics.frequency
    rare: list[str] = []
    topics: list[str] = []
    for token in anchors:
        count = frequency.get(token, 0)
        if count > 1 and not token.startswith(_ECHOES):
            (rare if count <= statistics.common else topics).append(token)

    def rarity(token: str) -> tuple[int, str]:
        return frequency[token], token

    if len(rare) >= FEW_RARE_ANCHORS:
        rarest = sorted(rare, key=rarity)[:ARTICLE_KEYS]
    else:
        rarest = rare + heapq.nsmallest(FEW_RARE_ANCHORS - len(rare), topics, key=rarity)
    return list(combinations(sorted(rarest), 2))


def key_postings(keys_of: Sequence[Sequence[Hashable]]) -> dict[Hashable, list[int]]:
    """Each key -> the articles holding it, in article order."""
    postings: dict[Hashable, list[int]] = defaultdict(list)
    for index, keys in enumerate(keys_of):
        for key in keys:
            postings[key].append(index)
    return postings


def pair_choice(index: int, keys: Sequence[Hashable], postings: Mapping[Hashable, list[int]], limit: int) -> PairChoice:
    """The articles sharing most keys with article `index` (`ARTICLE_NEIGHBOURS`), kept when they
    share enough (`MIN_SHARED_KEYS`, or a fifth of its keys); failing that, the closest ones
    sharing `ORPHAN_SHARED_KEYS` and as many as the closest, for when no article chose it."""
    shared: Counter[int] = Counter()
    for key in keys:
        posting = postings[key]
        if 1 < len(posting) <= limit:
            shared.update(posting)
    del shared[index]
    needed = min(len(keys), max(MIN_SHARED_KEYS, len(keys) // 5))
    closest = shared.most_common(ARTICLE_NEIGHBOURS)
    chosen = []
    for other, count in closest:
        if count < needed:
            break
        chosen.append(other)
    if closest and closest[0][1] < needed:
        least = max(ORPHAN_SHARED_KEYS, closest[0][1])
        return PairChoice(tuple(chosen), tuple(other for other, count in closest if count >= least))
    return PairChoice(tuple(chosen))


def joined_pairs(choices: Mapping[int, PairChoice]) -> list[tuple[int, int]]:
    """Every chosen pair (lower index first), then each orphan's pairs if no article chose it."""
    pairs = {(min(index, other), max(index, other)) for index, choice in choices.items() for other in choice.chosen}
    paired = {index for pair in pairs for index in pair}
    for index, choice in choices.items():
        if choice.orphan and index not in paired:
            pairs.update((min(index, other), max(index, other)) for other in choice.orphan)
    return sorted(pairs)


@dataclass(frozen=True)
class Pairing:
    """How a corpus's articles were paired, kept whole so one article's change can re-pair only
    the articles sharing a key with it (`reader.facts.realign`)."""

    statistics: PairingStatistics | None
    """None for a small corpus (`SMALL_CORPUS`): every pair is compared."""
    keys: list[list[AnchorPair]]
    choices: dict[int, PairChoice]
    pairs: list[tuple[int, int]]


def pair_articles(anchor_sets: list[set[str]], statistics: PairingStatistics | None = None) -> Pairing:
    """Pairs of articles (by index) that share enough anchor pairs to be about one story, read
    with `statistics` when given (a snapshot's) and otherwise with the corpus's own."""
    if statistics is None:
        if len(anchor_sets) <= SMALL_CORPUS:
            return Pairing(None, [], {}, list(combinations(range(len(anchor_sets)), 2)))
        statistics = pairing_statistics(anchor_sets)
    keys_of = [article_keys(anchors, statistics) for anchors in anchor_sets]
    postings = key_postings(keys_of)
    choices = {index: pair_choice(index, keys, postings, statistics.limit) for index, keys in enumerate(keys_of)}
    return Pairing(statistics, keys_of, choices, joined_pairs(choices))


def article_pairs(anchor_sets: list[set[str]]) -> list[tuple[int, int]]:
    return pair_articles(anchor_sets).pairs


def sentence_postings(vectors: list[Vector]) -> Postings:
    """An article's inverted index: token -> (sentence index, weight), built once per article.
    Tokens too light to change a match are left out, which keeps the scoring loop short."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for token, weight in vector.items():
            if weight >= MIN_TERM_WEIGHT:
                postings[token].append((index, weight))
    return postings


def similarity_rows(first: list[Vector], second: Postings) -> list[dict[int, float]]:
    """For each sentence of `first`, its non-zero similarities to the sentences indexed in `second`."""
    rows: list[dict[int, float]] = []
    for vector in first:
        scores: dict[int, float] = defaultdict(float)
        for token, weight in vector.items():
            for index, other in second.get(token, ()):
                scores[index] += weight * other
        rows.append(scores)
    return rows
