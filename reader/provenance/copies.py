"""Provenance: which articles are one source under several mastheads, and which were spun.

Candidates come from two MinHash/LSH indexes, never from all pairs:
- word shingles of the text with known spinner substitutions undone (finds syndicated and
  edited copies, and spun copies whose swaps the lexicon knows);
- the *skeleton*, the sequence of numbers and names, which a spinner cannot change (finds spun
  copies whose swaps the lexicon does not know).
Each candidate is then measured exactly and given a kind; for copies, the likely source is the
unspun one, else the earlier one, else the fuller one.
"""
from __future__ import annotations

import difflib
from bisect import bisect_left
import logging
from array import array
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from reader.provenance.minhash import LshIndex, shingles, signature, word_id, word_ids
from reader.articles.model import Article
from reader.provenance.spin import SPUN_THRESHOLD, SpinReport, Substitution, Words, article_words, originals, spin_report

log = logging.getLogger(__name__)

NEAR_DUPLICATE = "near-duplicate"
EDITED_COPY = "syndicated/edited copy"
SPUN_COPY = "spun copy"
INDEPENDENT = "independent"

TEXT_SHINGLE = 4
SKELETON_SHINGLE = 3
TEXT_BANDS, TEXT_ROWS = 16, 4
SKELETON_BANDS, SKELETON_ROWS = 8, 8

NEAR_DUPLICATE_SIMILARITY = 0.85
IDENTICAL = 0.95
"""Above this word-shingle similarity no spinner has been at work: no need to align word by word."""
COPY_CONTAINMENT = 0.5
SPUN_ALIGNMENT = 0.7
SKELETON_FOR_ALIGNMENT = 0.5
SWAPPED_SHARE = 0.05
"""An editor changes a word here and there; a spinner swaps one word in twenty or more."""
UNSPUN_GAIN = 0.15
"""Undoing known spinner swaps raising similarity this much means one text is a spun copy."""
LENGTH_DIFFERENCE = 0.03
"""Texts whose word counts differ by less than this share are equally full."""

STOP_SAMPLE = 1000
STOP_MIN_ARTICLES = 50
STOP_SHARE = 0.05
STOP_MIN_COPIES = 50
"""Shingles found in more than 5% (and more than 50) of a sample of articles are shared
boilerplate, not copying; they are left out of candidate search only, never out of the measures,
so a wire story reprinted across a small corpus is still found."""


@dataclass(frozen=True)
class CopyPair:
    """Two articles compared: how alike, what kind of reuse, and which one is the likely source.

    `similarity` is the share of word 4-grams the two texts have in common (Jaccard, after known
    spinner swaps are undone); for a spun copy, the share of words that line up one for one,
    which the spinner cannot change. `measures` keeps every figure the kind was decided on.
    """

    a: str
    b: str
    similarity: float
    kind: str
    source: str | None
    reason: str
    measures: dict[str, float] = field(hash=False, compare=False)

    def as_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "similarity": self.similarity, "kind": self.kind,
                "source": self.source, "source_reason": self.reason, "measures": dict(self.measures)}


@dataclass(frozen=True)
class Provenance:
    """One article's provenance badge: spun or not, the evidence, and what it was copied from."""

    article_id: str
    path: str
    spin: SpinReport
    spun_from: tuple[str, ...]
    copy_of: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.article_id, "path": self.path, "spun": self.spin.spun,
                "spun_score": self.spin.score,
                "evidence": [item.as_json() for item in self.spin.substitutions],
                "function_word_ratio": self.spin.function_word_ratio,
                "spun_share": self.spin.spun_share,
                "spun_from": list(self.spun_from), "copy_of": list(self.copy_of)}


@dataclass
class ReuseReport:
    articles: list[Provenance]
    pairs: list[CopyPair]
    candidates: int

    def as_json(self, include_independent: bool = False) -> dict[str, Any]:
        return {"articles": [item.as_json() for item in self.articles],
                "pairs": [pair.as_json() for pair in self.pairs
                          if include_independent or pair.kind != INDEPENDENT],
                "candidate_pairs": self.candidates}


@dataclass
class _Features:
    """What reuse keeps per article: compact word ids, not the words themselves."""

    raw: array
    unspun: array
    skeleton: array
    spin: SpinReport


@lru_cache(maxsize=1)
def _unspin_ids() -> dict[int, int]:
    return {word_id(spun): word_id(original) for spun, original in originals().items()}


def _skeleton(article: Article, words: Words, raw: list[int]) -> list[int]:
    """What a spinner leaves alone: each sentence's length in words, then its numbers and names."""
    starts, lowers = words.starts, words.lowers
    marked = words.marked()
    skeleton: list[int] = []
    position = 0
    for start, end in article.sentences:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if first == last:
            continue
        skeleton.append(word_id(f"\x00{last - first}"))
        while position < len(marked) and marked[position] < last:
            index = marked[position]
            if index >= first and (lowers[index][0].isdigit() or not words.sentence_initial(index)):
                skeleton.append(raw[index])
            position += 1
    return skeleton


def _features(article: Article) -> _Features:
    prepared = article_words(article)
    words = prepared[1]
    raw = word_ids(words.lowers)
    mapping = _unspin_ids()
    unspun = list(map(mapping.get, raw, raw))
    return _Features(array("I", raw), array("I", unspun), array("I", _skeleton(article, words, raw)),
                     spin_report(article, prepared))


def _stop_shingles(features: list[_Features]) -> frozenset[int]:
    """Shingles common to many articles of a large corpus (house style, shared filler)."""
    if len(features) < STOP_MIN_ARTICLES:
        return frozenset()
    step = max(1, len(features) // STOP_SAMPLE)
    sample = features[::step]
    counts: dict[int, int] = {}
    for item in sample:
        for shingle in shingles(item.unspun, TEXT_SHINGLE):
            counts[shingle] = counts.get(shingle, 0) + 1
    limit = max(STOP_MIN_COPIES, STOP_SHARE * len(sample))
    return frozenset(shingle for shingle, count in counts.items() if count > limit)


def _candidates(features: list[_Features], stops: frozenset[int]) -> set[tuple[int, int]]:
    text_index = LshIndex(TEXT_BANDS, TEXT_ROWS)
    skeleton_index = LshIndex(SKELETON_BANDS, SKELETON_ROWS)
    for key, item in enumerate(features):
        text_sig = signature(shingles(item.unspun, TEXT_SHINGLE) - stops, TEXT_BANDS * TEXT_ROWS)
        if text_sig is not None:
            text_index.add(key, text_sig)
        if len(item.skeleton) >= SKELETON_SHINGLE * 2:
            skeleton_sig = signature(shingles(item.skeleton, SKELETON_SHINGLE), SKELETON_BANDS * SKELETON_ROWS)
            if skeleton_sig is not None:
                skeleton_index.add(key, skeleton_sig)
    return text_index.candidate_pairs() | skeleton_index.candidate_pairs()


def _jaccard(left: set[int], right: set[int]) -> float:
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def _containment(left: set[int], right: set[int]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _alignment(left: array, right: array) -> tuple[float, list[tuple[int, int]]]:
    """Share of words that line up one for one (same or swapped), and the swapped positions.

    A spinner keeps word order, so its copy aligns almost word for word with the source even
    where most n-grams differ.
    """
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    aligned = 0
    swaps: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            aligned += i2 - i1
        elif tag == "replace" and i2 - i1 == j2 - j1 and i2 - i1 <= 3:
            aligned += i2 - i1
            swaps.extend(zip(range(i1, i2), range(j1, j2)))
    return aligned / max(len(left), len(right), 1), swaps


def _source(a: Article, b: Article, a_words: int, b_words: int) -> tuple[str | None, str]:
    if a.date and b.date and a.date != b.date:
        earlier = a if a.date < b.date else b
        return earlier.id, "published earlier"
    if abs(a_words - b_words) > LENGTH_DIFFERENCE * max(a_words, b_words):
        fuller = a if a_words > b_words else b
        return fuller.id, "fuller text"
    return None, "same date and length: either could be the source"


def _classify(a: Article, b: Article, fa: _Features, fb: _Features) -> tuple[CopyPair, list[tuple[int, int]]]:
    raw_a = shingles(fa.raw, TEXT_SHINGLE)
    raw_b = shingles(fb.raw, TEXT_SHINGLE)
    norm_a = shingles(fa.unspun, TEXT_SHINGLE)
    norm_b = shingles(fb.unspun, TEXT_SHINGLE)
    raw_similarity = _jaccard(raw_a, raw_b)
    text_similarity = _jaccard(norm_a, norm_b)
    containment = _containment(norm_a, norm_b)
    skeleton_similarity = _jaccard(shingles(fa.skeleton, SKELETON_SHINGLE), shingles(fb.skeleton, SKELETON_SHINGLE))
    measures = {"raw_similarity": round(raw_similarity, 3), "text_similarity": round(text_similarity, 3),
                "containment": round(containment, 3), "skeleton_similarity": round(skeleton_similarity, 3)}
    one_spun = fa.spin.spun != fb.spin.spun
    unspinning_helps = text_similarity - raw_similarity >= UNSPUN_GAIN
    alignment, swaps = 0.0, []
    if raw_similarity < IDENTICAL and (one_spun or unspinning_helps
                                       or skeleton_similarity >= SKELETON_FOR_ALIGNMENT):
        alignment, swaps = _alignment(fa.raw, fb.raw)
        measures["alignment"] = round(alignment, 3)
    spun_pair = alignment >= SPUN_ALIGNMENT and (one_spun or unspinning_helps
                                                 or len(swaps) >= SWAPPED_SHARE * max(len(fa.raw), len(fb.raw)))
    if spun_pair:
        kind, similarity = SPUN_COPY, alignment
        if one_spun:
            source, reason = (b.id if fa.spin.spun else a.id), "the other text is spun"
        else:
            source, reason = (b.id if fa.spin.score > fb.spin.score else a.id), "the other text reads as more spun"
    elif raw_similarity >= NEAR_DUPLICATE_SIMILARITY:
        kind, similarity = NEAR_DUPLICATE, raw_similarity
        source, reason = _source(a, b, len(fa.raw), len(fb.raw))
    elif containment >= COPY_CONTAINMENT:
        kind, similarity = EDITED_COPY, text_similarity
        source, reason = _source(a, b, len(fa.raw), len(fb.raw))
    else:
        kind, similarity, source, reason, swaps = INDEPENDENT, text_similarity, None, "", []
    pair = CopyPair(a.id, b.id, round(min(1.0, similarity), 3), kind, source, reason, measures)
    return pair, swaps


def _aligned_substitutions(copy: Article, source: Article, swaps: list[tuple[int, int]],
                           copy_is_left: bool, known: SpinReport) -> tuple[Substitution, ...]:
    """The spun copy's evidence plus every word swapped against its source, with the source's word."""
    copy_words = article_words(copy)[1]
    source_words = article_words(source)[1]
    taken = {(item.start, item.end): item for item in known.substitutions}
    for left, right in swaps:
        copy_index, source_index = (left, right) if copy_is_left else (right, left)
        start, end = copy_words.starts[copy_index], copy_words.ends[copy_index]
        original = source_words.word(source_index)
        existing = taken.get((start, end))
        if existing is not None:
            taken[(start, end)] = replace(existing, original=original)
        elif not copy_words.name_like(copy_index) and not copy_words.number(copy_index):
            taken[(start, end)] = Substitution(start, end, copy_words.word(copy_index), original,
                                               f"aligned with {source.id}", 0.0)
    return tuple(sorted(taken.values(), key=lambda item: item.start))


def provenance(articles: list[Article], include_independent: bool = True) -> ReuseReport:
    """Spin reports for every article and the kinds of all candidate pairs."""
    features = [_features(article) for article in articles]
    stops = _stop_shingles(features)
    candidates = sorted(_candidates(features, stops))
    log.info("reuse: %d articles, %d candidate pairs, %d stop shingles", len(articles), len(candidates), len(stops))
    pairs: list[CopyPair] = []
    spins = {article.id: item.spin for article, item in zip(articles, features)}
    spun_from: dict[str, list[str]] = {}
    copy_of: dict[str, list[str]] = {}
    for left, right in candidates:
        a, b = articles[left], articles[right]
        pair, swaps = _classify(a, b, features[left], features[right])
        if pair.kind == INDEPENDENT and not include_independent:
            continue
        pairs.append(pair)
        if pair.source is None:
            continue
        copy = b if pair.source == a.id else a
        if pair.kind == SPUN_COPY:
            spun_from.setdefault(copy.id, []).append(pair.source)
            source = a if copy is b else b
            known = spins[copy.id]
            spins[copy.id] = replace(known, spun=True, score=max(known.score, SPUN_THRESHOLD),
                                     substitutions=_aligned_substitutions(copy, source, swaps, copy is a, known))
        elif pair.kind != INDEPENDENT:
            copy_of.setdefault(copy.id, []).append(pair.source)
    report = [Provenance(article.id, article.path, spins[article.id],
                         tuple(spun_from.get(article.id, ())), tuple(copy_of.get(article.id, ())))
              for article in articles]
    return ReuseReport(report, pairs, len(candidates))


def copy_pairs(articles: list[Article]) -> list[CopyPair]:
    """Only the pairs that are copies of one another (for search's `copyof:` and the badges)."""
    return provenance(articles, include_independent=False).pairs
