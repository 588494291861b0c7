"""Provenance: which articles are one source under several mastheads, and which were spun.

Candidates never miss a shared passage (`candidates.py`): every pair in a small corpus,
word n-gram fingerprints in a large one, plus a MinHash/LSH index over the
*skeleton* a spinner cannot change (sentence lengths, numbers, names). Each candidate is then
measured exactly: the passages both share (`passages.py`) with the share of each article they
cover, and for spun copies a word-by-word alignment that yields each swapped word's original.
An article that rewords a quotation other articles print word for word is spun (`quotations.py`).
A story retold sentence by sentence in other words is a rewritten copy (`rewrites.py`).
The likely source is a primary source (press release, complaint, order) when one is, else
the unspun text, else the one that does not credit another report, else the one carrying the
wire dispatch's dateline (`credits.py`), else the one the other is an excerpt of, else the
earlier, else the fuller.
"""
from __future__ import annotations

import difflib
import logging
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from reader.articles.model import Article
from reader.provenance.candidates import ALL_PAIRS_UP_TO, shared_text_candidates
from reader.provenance.credits import Credits, credits
from reader.provenance.minhash import LshIndex, shingles, signature, word_id, word_ids
from reader.provenance.passages import SEED, CitedPassage, Passage, copied_share, covered_share, shared_passages
from reader.provenance.primary import primary_source_kind
from reader.provenance.rewrites import Rewrite, Sentence, rewrite, sentences
from reader.provenance.quotations import SHARED_GRAMS, RewordedQuotations, aligned_words, quotation_grams, quotations
from reader.provenance.spin import (SPUN_THRESHOLD, SpinReport, Substitution, Words, article_words, frequency, originals,
                                    spin_report)
from reader.quotes.marks import find_quoted_spans

log = logging.getLogger(__name__)

NEAR_DUPLICATE = "near-duplicate"
EDITED_COPY = "syndicated/edited copy"
EXCERPT = "excerpt"
SPUN_COPY = "spun copy"
REWRITTEN_COPY = "rewritten copy"
INDEPENDENT = "independent"

TEXT_SHINGLE = 4
SKELETON_SHINGLE = 3
SKELETON_BANDS, SKELETON_ROWS = 8, 8

NEAR_DUPLICATE_SIMILARITY = 0.85
IDENTICAL = 0.95
"""Above this word-shingle similarity no spinner has been at work: no need to align word by word."""
COPY_SHARE = 0.3
"""An article at least this share of whose words lie in passages of the other is a copy of it
(a quotation both report from a third source covers far less)."""
MIN_COPIED_WORDS = 30
"""Fewer copied words than this is a shared sentence or two, not a copy."""
COVERED_SHARE, MIN_COVERED_PASSAGES = 0.4, 2
"""Two excerpts cut from different parts of one story share little of either whole text; within
the stretch each has from its first to its last shared passage (of at least two), this share
of the words lies in shared passages for such copies. Independent reports sharing a release's
sentence or templated filler stay under 0.3 there."""
EXCERPT_SHARE, EXCERPT_OF_WHOLE = 0.8, 0.6
"""An article at least 80% of whose words are in the other is an excerpt of it when it covers at
most 60% of the other (more, and it is the same story lightly edited)."""
SPUN_ALIGNMENT = 0.7
"""Share of the shorter text's words that line up one for one with the other for a spun copy."""
SKELETON_FOR_ALIGNMENT = 0.4
"""Share of the shorter skeleton's shingles found in the other's before aligning word by word."""
SAME_SENTENCE = 0.3
"""Share of a sentence's words a spinner leaves in place (function words, names, numbers) for two
sentences of equal length to be taken as one sentence spun."""
SWAPPED_SHARE = 0.05
"""An editor changes a word here and there; a spinner swaps one word in twenty or more."""
UNSPUN_GAIN = 0.15
"""Undoing known spinner swaps raising similarity this much means one text is a spun copy."""
MIN_PASSAGE_SHINGLES = 4
"""Shared word 4-grams below which no passage of the minimum length can exist."""
STOCK_SAMPLE = 500
STOCK_MIN_CORPUS = 50
"""Below this many articles how often a phrase recurs says nothing: no text is taken as stock."""
STOCK_SHARE, STOCK_MIN_ARTICLES = 0.05, 50
"""Word 5-grams found in more than 5% (and more than 50) of a sample of articles are stock text
(house style, shared filler): they never count as copied, though they are part of the passages."""
COMMON_MIN_ARTICLES = 5
"""Word 5-grams found in more than 5% (and more than 5) of the sample are common phrases: they do
not count as copied inside a short passage, where two articles assembled from the same templated
sentences meet."""
SYNDICATED_PASSAGE = 30
"""A passage of at least this many words is copying however many articles carry it (one wire
story under many mastheads), save for stock text."""
LENGTH_DIFFERENCE = 0.03
"""Texts whose word counts differ by less than this share are equally full."""


@dataclass(frozen=True)
class CopyPair:
    """Two articles compared: how alike, what kind of reuse, which one is the likely source, and the
    passages they share as character spans of both (the evidence a researcher cites).

    `similarity` is the share of word 4-grams the two texts have in common (Jaccard, after known
    spinner swaps are undone); for a spun copy, the share of words that line up one for one,
    which the spinner cannot change. `copied_a` / `copied_b` are the shares of each article's
    words inside the shared passages. `measures` keeps every figure the kind was decided on.
    """

    a: str
    b: str
    similarity: float
    kind: str
    source: str | None
    reason: str
    measures: dict[str, float] = field(hash=False, compare=False)
    passages: tuple[CitedPassage, ...] = field(default=(), hash=False, compare=False)
    copied_a: float = 0.0
    copied_b: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "similarity": self.similarity, "kind": self.kind,
                "source": self.source, "source_reason": self.reason, "measures": dict(self.measures),
                "share_copied": {"a": self.copied_a, "b": self.copied_b},
                "passages": [item.as_json() for item in self.passages]}


@dataclass(frozen=True)
class Provenance:
    """One article's provenance badge: spun or not, the evidence, what it was copied from, and
    whether it is itself a primary source (press release, complaint, order) that others reproduce."""

    article_id: str
    path: str
    spin: SpinReport
    spun_from: tuple[str, ...]
    copy_of: tuple[str, ...]
    primary: str | None = None
    reproduced_by: tuple[tuple[str, float], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"id": self.article_id, "path": self.path, "spun": self.spin.spun,
                "spun_score": self.spin.score,
                "evidence": [item.as_json() for item in self.spin.substitutions],
                "function_word_ratio": self.spin.function_word_ratio,
                "spun_share": self.spin.spun_share, "rare_word_share": self.spin.rare_word_share,
                "spun_from": list(self.spun_from), "copy_of": list(self.copy_of),
                "primary_source": self.primary,
                "reproduced_by": [{"id": copy, "share_copied": share} for copy, share in self.reproduced_by]}


@dataclass
class ReuseReport:
    articles: list[Provenance]
    pairs: list[CopyPair]
    candidates: int

    def as_json(self, include_independent: bool = False) -> dict[str, Any]:
        return {"articles": [item.as_json() for item in self.articles],
                "pairs": [pair.as_json() for pair in self.pairs
                          if include_independent or pair.kind != INDEPENDENT],
                "candidate_pairs": self.candidates,
                "independent_sources": [sorted(group) for group in
                                        self.independent_sources([item.article_id for item in self.articles])]}

    def verdicts(self) -> ReuseReport:
        """The report without its evidence (swapped words, pairs and their passages): which
        articles are spun and what each copies, all that the search index writes, so a child
        process indexing 10,000 articles is not sent and does not hold the rest."""
        return ReuseReport([replace(item, spin=replace(item.spin, substitutions=())) if item.spin.substitutions else item
                            for item in self.articles], [], self.candidates)

    def independent_sources(self, article_ids: list[str]) -> list[set[str]]:
        """The given articles grouped by the one source they come from (see `independent_sources`)."""
        return independent_sources(self, article_ids)


def independent_sources(report: ReuseReport, article_ids: list[str]) -> list[set[str]]:
    """The given articles grouped by the one source they come from: copies (syndicated, excerpted,
    spun, or of a common source outside the list) fall in one group, so two groups are two
    independent accounts. Groups follow the order of `article_ids`."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.get(item, item) != item:
            parent[item] = parent.get(parent[item], parent[item])
            item = parent[item]
        return item

    for pair in report.pairs:
        if pair.kind != INDEPENDENT:
            parent[root(pair.a)] = root(pair.b)
    groups: dict[str, set[str]] = {}
    for article_id in article_ids:
        groups.setdefault(root(article_id), set()).add(article_id)
    return list(groups.values())


@dataclass
class _Features:
    """What reuse keeps per article: compact word ids, not the words themselves."""

    raw: array
    unspun: array
    skeleton: array
    spin: SpinReport
    primary: str | None
    quoted: bytearray
    """1 for each word inside quotation marks: a quotation two outlets both report is not a copy."""
    sentence_ends: array
    """Word index where each sentence ends, in order: the frame a spinner keeps."""
    credits: Credits | None = None
    """The article's credit lines, read when a copy pair first needs its direction."""
    stock_flags: tuple[bytearray, bytearray] | None = None
    """Its words that never count (quoted or stock) and its common-phrase words, worked out when a
    pair of it first shares a passage."""
    sentences: list[Sentence] | None = None
    """Its sentences as tokens for finding a rewrite, worked out when a pair of it is first not otherwise a copy."""


@lru_cache(maxsize=1)
def _unspin_ids() -> dict[int, int]:
    return {word_id(spun): word_id(original) for spun, original in originals().items()}


def _sentence_words(article: Article, words: Words) -> list[tuple[int, int]]:
    """Each sentence with words as a range of word indices."""
    bounds = [(bisect_left(words.starts, start), bisect_left(words.starts, end)) for start, end in article.sentences]
    return [(first, last) for first, last in bounds if last > first]


def _skeleton(words: Words, raw: list[int], sentences: list[tuple[int, int]]) -> list[int]:
    """What a spinner leaves alone: each sentence's length in words, then its numbers and names."""
    lowers = words.lowers
    marked = words.marked()
    skeleton: list[int] = []
    position = 0
    for first, last in sentences:
        skeleton.append(word_id(f"\x00{last - first}"))
        while position < len(marked) and marked[position] < last:
            index = marked[position]
            if index >= first and (lowers[index][0].isdigit() or not words.sentence_initial(index)):
                skeleton.append(raw[index])
            position += 1
    return skeleton


def _quoted(words: Words, regions: list[tuple[int, int]]) -> bytearray:
    flags = bytearray(len(words))
    for span in find_quoted_spans(words.text, regions):
        first, last = bisect_left(words.starts, span.start), bisect_left(words.starts, span.end)
        flags[first:last] = b"\x01" * (last - first)
    return flags


def _features(article: Article) -> _Features:
    prepared = article_words(article)
    regions, words = prepared
    raw = word_ids(words.lowers)
    mapping = _unspin_ids()
    unspun = list(map(mapping.get, raw, raw))
    sentences = _sentence_words(article, words)
    return _Features(array("I", raw), array("I", unspun), array("I", _skeleton(words, raw, sentences)),
                     spin_report(article, prepared), primary_source_kind(article), _quoted(words, regions),
                     array("I", [last for _, last in sentences]))


def _grams(ids: array) -> list[int]:
    return list(map(hash, zip(*(ids[offset:] for offset in range(SEED)))))


@dataclass(frozen=True)
class _Stock:
    """What recurs across the corpus: stock 5-grams never count as copied, common ones not inside short passages."""

    everywhere: frozenset[int] = frozenset()
    short_passages: frozenset[int] = frozenset()


def _stock_grams(features: list[_Features]) -> _Stock:
    """Word 5-grams common to many articles of a corpus large enough for frequencies to mean something."""
    if len(features) < STOCK_MIN_CORPUS:
        return _Stock()
    sample = features[::max(1, len(features) // STOCK_SAMPLE)]
    counts: dict[int, int] = {}
    for item in sample:
        for gram in set(_grams(item.unspun)):
            counts[gram] = counts.get(gram, 0) + 1
    stock = max(STOCK_MIN_ARTICLES, STOCK_SHARE * len(sample))
    common = max(COMMON_MIN_ARTICLES, STOCK_SHARE * len(sample))
    return _Stock(frozenset(gram for gram, count in counts.items() if count > stock),
                  frozenset(gram for gram, count in counts.items() if stock >= count > common))


def _stock_flags(item: _Features, stock: _Stock) -> tuple[bytearray, bytearray]:
    """1 for each word that never counts (quoted, or stock text), and 1 for each word of a common phrase."""
    if item.stock_flags is None:
        flags = bytearray(item.quoted)
        common = bytearray(len(flags))
        if stock.everywhere or stock.short_passages:
            for position, gram in enumerate(_grams(item.unspun)):
                if gram in stock.everywhere:
                    flags[position:position + SEED] = b"\x01" * SEED
                elif gram in stock.short_passages:
                    common[position:position + SEED] = b"\x01" * SEED
        item.stock_flags = (flags, common)
    return item.stock_flags


def _uncounted(item: _Features, stock: _Stock, passages: list[Passage], side: str) -> bytearray:
    """Words that never count as copied: quoted, stock text, or common phrases inside the short
    passages (`side` "a" or "b" of `passages`). Two articles assembled from the same templated
    sentences share many short passages that other articles carry too; a syndicated story shares
    long ones."""
    never, common = _stock_flags(item, stock)
    flags = bytearray(never)
    if any(common):
        for found in passages:
            if found.words < SYNDICATED_PASSAGE:
                start, end = (found.a_start, found.a_end) if side == "a" else (found.b_start, found.b_end)
                flags[start:end] = bytes(left | right for left, right in zip(never[start:end], common[start:end]))
    return flags


def _candidates(features: list[_Features]) -> set[tuple[int, int]]:
    found = shared_text_candidates([item.unspun for item in features])
    if len(features) <= ALL_PAIRS_UP_TO:
        return found
    skeleton_index = LshIndex(SKELETON_BANDS, SKELETON_ROWS)
    for key, item in enumerate(features):
        if len(item.skeleton) >= SKELETON_SHINGLE * 2:
            skeleton_sig = signature(shingles(item.skeleton, SKELETON_SHINGLE), SKELETON_BANDS * SKELETON_ROWS)
            if skeleton_sig is not None:
                skeleton_index.add(key, skeleton_sig)
    return found | skeleton_index.candidate_pairs()


def _jaccard(left: set[int], right: set[int]) -> float:
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def _containment(left: set[int], right: set[int]) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def _alignment(left: array, right: array) -> tuple[float, list[tuple[int, int]]]:
    """Share of the shorter text's words that line up one for one (same or swapped), and the swapped positions.

    A spinner keeps word order, so its copy aligns almost word for word with the source even
    where most n-grams differ; what it cannot change (numbers, names, function words it does
    not know) anchors the alignment, and the runs between anchors of equal length are the swaps.
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
    return aligned / max(min(len(left), len(right)), 1), swaps


def _sentences(item: _Features) -> list[tuple[int, int]]:
    starts = [0, *item.sentence_ends[:-1]]
    return list(zip(starts, item.sentence_ends))


def _sentence_alignment(fa: _Features, fb: _Features) -> tuple[float, list[tuple[int, int]]]:
    """One-for-one alignment anchored on what a spinner cannot change: sentences in the same order
    with the same number of words, whose words agree at enough positions (function words, names,
    numbers) to be the same sentence; every other position in them is a swap, whatever the
    thesaurus. Returns the share of the shorter text's words aligned, and the swapped positions."""
    left, right = _sentences(fa), _sentences(fb)
    matcher = difflib.SequenceMatcher(None, [end - start for start, end in left],
                                      [end - start for start, end in right], autojunk=False)
    aligned = 0
    swaps: list[tuple[int, int]] = []
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            (a_start, a_end), (b_start, _) = left[block.a + offset], right[block.b + offset]
            positions = list(zip(range(a_start, a_end), range(b_start, b_start + a_end - a_start)))
            different = [(i, j) for i, j in positions if fa.raw[i] != fb.raw[j]]
            if len(positions) - len(different) >= SAME_SENTENCE * len(positions):
                aligned += len(positions)
                swaps.extend(different)
    return aligned / max(min(len(fa.raw), len(fb.raw)), 1), swaps


@dataclass(frozen=True)
class _Side:
    article: Article
    features: _Features
    copied: float


def _rewrite(a: Article, b: Article, fa: _Features, fb: _Features) -> Rewrite:
    for article, item in ((a, fa), (b, fb)):
        if item.sentences is None:
            item.sentences = sentences(article, article_words(article)[1], item.quoted)
    return rewrite(fa.sentences or [], fb.sentences or [])


def _rewritten_passages(found: Rewrite) -> tuple[CitedPassage, ...]:
    """Each rewritten sentence pair as a passage: the sentences' spans, with the words kept in order."""
    return tuple(CitedPassage(item.a.start, item.a.end, item.b.start, item.b.end, item.kept) for item in found.sentences)


def _credits(side: _Side) -> Credits:
    if side.features.credits is None:
        side.features.credits = credits(side.article)
    return side.features.credits


def _source(a: _Side, b: _Side) -> tuple[str | None, str]:
    """The likely original of a copy pair and why."""
    if bool(a.features.primary) != bool(b.features.primary):
        primary = a if a.features.primary else b
        return primary.article.id, f"the {primary.features.primary}"
    if a.features.spin.spun != b.features.spin.spun:
        return (b if a.features.spin.spun else a).article.id, "the other text is spun"
    credits_a, credits_b = _credits(a), _credits(b)
    if credits_a.retells != credits_b.retells:
        return (b if credits_a.retells else a).article.id, "the other text credits another report"
    if credits_a.dispatch != credits_b.dispatch:
        return (a if credits_a.dispatch else b).article.id, "it carries the wire dispatch's dateline"
    for inner, outer in ((a, b), (b, a)):
        if inner.copied >= EXCERPT_SHARE and outer.copied <= EXCERPT_OF_WHOLE:
            return outer.article.id, "the other text is an excerpt of it"
    if a.article.date and b.article.date and a.article.date != b.article.date:
        earlier = a if a.article.date < b.article.date else b
        return earlier.article.id, "published earlier"
    a_words, b_words = len(a.features.raw), len(b.features.raw)
    if abs(a_words - b_words) > LENGTH_DIFFERENCE * max(a_words, b_words):
        return (a if a_words > b_words else b).article.id, "fuller text"
    return None, "same date and length: either could be the source"


def _plainer(a: Article, b: Article, swaps: list[tuple[int, int]]) -> str:
    """The text whose side of the swapped words is the more common English: a spinner trades
    common words for rare synonyms, never the other way round."""
    words_a, words_b = article_words(a)[1].lowers, article_words(b)[1].lowers
    votes = 0
    for left, right in swaps:
        here, there = frequency(words_a[left]), frequency(words_b[right])
        votes += (here > there) - (here < there)
    return a.id if votes >= 0 else b.id


def _cited(a_words: Words, b_words: Words, passages: list[Passage]) -> tuple[CitedPassage, ...]:
    """Passages as character spans of both texts, in the order of the second."""
    return tuple(CitedPassage(a_words.starts[p.a_start], a_words.ends[p.a_end - 1],
                              b_words.starts[p.b_start], b_words.ends[p.b_end - 1], p.words)
                 for p in sorted(passages, key=lambda item: item.b_start))


def _classify(a: Article, b: Article, fa: _Features, fb: _Features,
              stock: _Stock = _Stock()) -> tuple[CopyPair | None, list[tuple[int, int]]]:
    """The pair measured and given a kind, with the swapped word positions of a spun copy; None
    when the two share neither a passage nor a skeleton (nothing worth listing)."""
    raw_a = shingles(fa.raw, TEXT_SHINGLE)
    raw_b = shingles(fb.raw, TEXT_SHINGLE)
    norm_a = shingles(fa.unspun, TEXT_SHINGLE)
    norm_b = shingles(fb.unspun, TEXT_SHINGLE)
    shared = len(norm_a & norm_b)
    skeleton_a, skeleton_b = shingles(fa.skeleton, SKELETON_SHINGLE), shingles(fb.skeleton, SKELETON_SHINGLE)
    skeleton_share = _containment(skeleton_a, skeleton_b)
    one_spun = fa.spin.spun != fb.spin.spun
    if shared < MIN_PASSAGE_SHINGLES and skeleton_share < SKELETON_FOR_ALIGNMENT and not one_spun:
        return None, []
    raw_similarity = _jaccard(raw_a, raw_b)
    text_similarity = _jaccard(norm_a, norm_b)
    passages = shared_passages(fa.unspun, fb.unspun) if shared >= MIN_PASSAGE_SHINGLES else []
    uncounted_a = _uncounted(fa, stock, passages, "a") if passages else fa.quoted
    uncounted_b = _uncounted(fb, stock, passages, "b") if passages else fb.quoted
    copied_a, words_a = copied_share(passages, "a", uncounted_a)
    copied_b, words_b = copied_share(passages, "b", uncounted_b)
    copied_words = min(words_a, words_b)
    covered = (min(covered_share(passages, "a", uncounted_a), covered_share(passages, "b", uncounted_b))
               if len(passages) >= MIN_COVERED_PASSAGES else 0.0)
    measures = {"raw_similarity": round(raw_similarity, 3), "text_similarity": round(text_similarity, 3),
                "containment": round(_containment(norm_a, norm_b), 3), "skeleton_share": round(skeleton_share, 3),
                "copied_words": copied_words, "covered_share": round(covered, 3)}
    unspinning_helps = text_similarity - raw_similarity >= UNSPUN_GAIN
    alignment, swaps = 0.0, []
    if raw_similarity < IDENTICAL and (one_spun or unspinning_helps or skeleton_share >= SKELETON_FOR_ALIGNMENT):
        alignment, swaps = max(_alignment(fa.raw, fb.raw), _sentence_alignment(fa, fb), key=lambda found: found[0])
        measures["alignment"] = round(alignment, 3)
    shorter = min(len(fa.raw), len(fb.raw))
    spun_pair = alignment >= SPUN_ALIGNMENT and (one_spun or unspinning_helps or len(swaps) >= SWAPPED_SHARE * shorter)
    side_a, side_b = _Side(a, fa, copied_a), _Side(b, fb, copied_b)
    if spun_pair:
        kind, similarity = SPUN_COPY, alignment
        if one_spun:
            source, reason = (b.id if fa.spin.spun else a.id), "the other text is spun"
        elif bool(fa.primary) != bool(fb.primary):
            source, reason = _source(side_a, side_b)
        else:
            source, reason = _plainer(a, b, swaps), "its words are the common ones where the other's were swapped"
    elif raw_similarity >= NEAR_DUPLICATE_SIMILARITY:
        kind, similarity = NEAR_DUPLICATE, raw_similarity
        source, reason = _source(side_a, side_b)
    elif copied_words >= MIN_COPIED_WORDS and (max(copied_a, copied_b) >= COPY_SHARE or covered >= COVERED_SHARE):
        excerpt = max(copied_a, copied_b) >= EXCERPT_SHARE and min(copied_a, copied_b) <= EXCERPT_OF_WHOLE
        kind, similarity = (EXCERPT if excerpt else EDITED_COPY), text_similarity
        source, reason = _source(side_a, side_b)
    else:
        kind, similarity, source, reason, swaps = INDEPENDENT, text_similarity, None, "", []
    cited = () if kind == INDEPENDENT else _cited(article_words(a)[1], article_words(b)[1], passages)
    if kind == INDEPENDENT:
        found = _rewrite(a, b, fa, fb)
        if found.sentences:
            measures["rewritten_share"] = round(found.share, 3)
        if found.rewritten:
            kind, similarity, cited = REWRITTEN_COPY, found.share, _rewritten_passages(found)
            source, reason = _source(side_a, side_b)
    pair = CopyPair(a.id, b.id, round(min(1.0, similarity), 3), kind, source, reason, measures, cited,
                    round(copied_a, 3), round(copied_b, 3))
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
        elif not copy_words.number(copy_index):
            taken[(start, end)] = Substitution(start, end, copy_words.word(copy_index), original,
                                               f"aligned with {source.id}", 0.0)
    return tuple(sorted(taken.values(), key=lambda item: item.start))


def _flag_reworded_quotations(articles: list[Article], features: list[_Features],
                              candidates: list[tuple[int, int]]) -> None:
    """Mark as spun the articles whose quotations others print, agreeing, with other words
    (`quotations.py`), each reworded word listed with the word the others print."""
    quoted = [quotations(item.raw, item.quoted) for item in features]
    grams = [quotation_grams(found) if found else set() for found in quoted]
    collected = RewordedQuotations()
    for left, right in candidates:
        if quoted[left] and quoted[right] and len(grams[left] & grams[right]) >= SHARED_GRAMS:
            collected.add(left, right, features[left].raw, features[right].raw,
                          aligned_words(quoted[left], quoted[right]))
    for index, reworded in collected.reworded([item.raw for item in features]).items():
        words = article_words(articles[index])[1]
        known = features[index].spin
        evidence = {(item.start, item.end): item for item in known.substitutions}
        for item in reworded:
            start, end = words.starts[item.position], words.ends[item.position]
            original = article_words(articles[item.original_article])[1].word(item.original_position)
            evidence[(start, end)] = Substitution(start, end, words.word(item.position), original,
                                                  "quotation reworded", 1.0)
        features[index].spin = replace(known, spun=True, score=max(known.score, SPUN_THRESHOLD),
                                       substitutions=tuple(sorted(evidence.values(), key=lambda item: item.start)))


def provenance(articles: list[Article], include_independent: bool = True) -> ReuseReport:
    """Spin reports for every article and the kinds of all candidate pairs."""
    features = [_features(article) for article in articles]
    candidates = sorted(_candidates(features))
    _flag_reworded_quotations(articles, features, candidates)
    stock = _stock_grams(features)
    log.info("reuse: %d articles, %d candidate pairs, %d stock and %d common 5-grams", len(articles), len(candidates),
             len(stock.everywhere), len(stock.short_passages))
    pairs: list[CopyPair] = []
    spins = {article.id: item.spin for article, item in zip(articles, features)}
    spun_from: dict[str, list[str]] = {}
    copy_of: dict[str, list[str]] = {}
    reproduced_by: dict[str, list[tuple[str, float]]] = {}
    for left, right in candidates:
        a, b = articles[left], articles[right]
        pair, swaps = _classify(a, b, features[left], features[right], stock)
        if pair is None or (pair.kind == INDEPENDENT and not include_independent):
            continue
        pairs.append(pair)
        if pair.source is None:
            continue
        copy = b if pair.source == a.id else a
        if features[right if copy is a else left].primary and pair.kind != INDEPENDENT:
            reproduced_by.setdefault(pair.source, []).append((copy.id, pair.copied_b if copy is b else pair.copied_a))
        if pair.kind == SPUN_COPY:
            spun_from.setdefault(copy.id, []).append(pair.source)
            source = a if copy is b else b
            known = spins[copy.id]
            spins[copy.id] = replace(known, spun=True, score=max(known.score, SPUN_THRESHOLD),
                                     substitutions=_aligned_substitutions(copy, source, swaps, copy is a, known))
        elif pair.kind != INDEPENDENT:
            copy_of.setdefault(copy.id, []).append(pair.source)
    report = [Provenance(article.id, article.path, spins[article.id],
                         tuple(spun_from.get(article.id, ())), tuple(copy_of.get(article.id, ())),
                         item.primary, tuple(reproduced_by.get(article.id, ())))
              for article, item in zip(articles, features)]
    return ReuseReport(report, pairs, len(candidates))


def copy_pairs(articles: list[Article]) -> list[CopyPair]:
    """Only the pairs that are copies of one another (for search's `copyof:` and the badges)."""
    return provenance(articles, include_independent=False).pairs
