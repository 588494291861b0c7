"""Facts: the sentences in which different outlets state the same thing, side by side.

Each article's sentences become TF-IDF vectors over content words plus anchors that
paraphrase keeps (names, normalised quantities). Sentences are compared only within article
pairs likely to cover one story (`similarity.pair_articles`), linked (`fact_links`) and
grouped (`fact_groups`) so that a fact holds at most one statement per article, or both
halves of a statement an outlet split in two. Each fact then
gets a short label, the articles of the story that do not report it, and the discrepancies
between the outlets that do.
"""
from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Any

from reader.facts import cache as fact_cache
from reader.facts import claims as fact_claims
from reader.facts import discrepancies as fact_discrepancies
from reader.facts import groups as fact_groups
from reader.facts import links as fact_links
from reader.facts import across_facts, realign, restatements, similarity
from reader.provenance import spin
from reader.facts.anchors import anchors_of, is_anchor, sentence_tokens, states_something
from reader.facts.discrepancies import (FIGURES, Discrepancy, Dispute, MemberClaims, QuoteLike, attribution_discrepancies,
                                  quantity_discrepancies)
from reader.facts.cache import SentenceFeatures
from reader.facts.claims import Claim, read_claims, read_presence
from reader.analysis.processes import mapped
from reader.collector import collector_paused
from reader.facts.text import Restoration, restorations, restored_sentence
from reader.provenance.spin import SpinReport
from reader.facts.groups import group_sentences
from reader.facts.across_facts import story_disputes
from reader.facts.restatements import attach_restatements
from reader.facts.links import QUOTE_WORDS, Amounts, ArticleQuotes, Links, Unit, link_articles
from reader.articles.model import Article, Span
from reader.facts.quantities import Quantity, find_quantities
from reader.facts.similarity import (inverse_document_frequency, pair_articles, sentence_postings,
                               tfidf_vectors, token_weights)
from reader.facts.statement_kinds import statement_kind
from reader.facts.summary import gives_figure
from reader.words import PROSE_WORD, word_token

log = logging.getLogger(__name__)

LABEL_LENGTH = 80
"""Characters of a fact's label: enough to recognise the statement in a list or a column."""
STORED_TOGETHER = 500
"""Articles whose features are written to the store in one transaction."""
SENTENCES_REMEMBERED = 20_000
"""Sentences whose reading is kept while a corpus is read, so a copy's repeats are read once."""


@dataclass(frozen=True)
class Member:
    """One outlet's wording of a fact: a sentence, or a short run of sentences it split it into."""

    article_id: str
    path: str
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.article_id, "path": self.path, "start": self.start, "end": self.end,
                "text": self.text}


@dataclass(frozen=True)
class Fact:
    id: str
    label: str
    members: list[Member]
    missing_from: list[str]
    discrepancies: list[Discrepancy] = field(default_factory=list)

    def member_for(self, article_id: str) -> Member | None:
        return next((member for member in self.members if member.article_id == article_id), None)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label,
                "members": [member.as_json() for member in self.members],
                "missing_from": list(self.missing_from),
                "discrepancies": [item.as_json() for item in self.discrepancies]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Fact":
        members = [Member(item["id"], item["path"], item["start"], item["end"], item["text"])
                   for item in data["members"]]
        return cls(data["id"], data["label"], members, list(data["missing_from"]),
                   [Discrepancy.from_json(item) for item in data["discrepancies"]])


@dataclass(frozen=True)
class FactRun:
    """Facts plus how they were obtained, so callers and tests can see what the cache saved."""

    facts: list[Fact]
    articles_read: int
    articles_from_cache: int
    result_from_cache: bool
    figures: list[list[Span]]
    """Per article, its sentences that give a figure (`SentenceFeatures.figure`), for the summary."""
    articles_realigned: int = 0
    """Articles whose stories were aligned afresh: all in a cold run, those a change touched in
    an incremental one (`reader.facts.realign`), none when the result came from the store."""


def find_facts(articles: Sequence[Article], quotes: Mapping[str, Sequence[QuoteLike]] | None = None,
               spins: Mapping[str, SpinReport] | None = None) -> list[Fact]:
    """The facts stated by at least two of `articles`, with coverage and discrepancies. `spins`
    are the articles' spin reports where the provenance step has them (read, not worked out again)."""
    return align_articles(articles, quotes, spins=spins).facts


class _Swaps:
    """Each article's spinner swaps to undo, worked out once per article and only when needed."""

    def __init__(self, articles: Sequence[Article], spins: Mapping[str, SpinReport] | None) -> None:
        self._articles, self._spins, self._found = articles, spins, {}

    def __call__(self, index: int) -> list[Restoration]:
        """With `spins` given, an article absent from them is not spun: nothing to undo."""
        if index not in self._found:
            article = self._articles[index]
            if self._spins is None:
                self._found[index] = restorations(article)
            else:
                report = self._spins.get(article.id)
                self._found[index] = restorations(article, report) if report is not None else []
        return self._found[index]


def align_articles(articles: Sequence[Article], quotes: Mapping[str, Sequence[QuoteLike]] | None = None,
                   use_cache: bool = True, spins: Mapping[str, SpinReport] | None = None,
                   statistics: realign.CorpusStatistics | None = None) -> FactRun:
    """The facts of `articles`. With the cache, an unchanged corpus is answered from the store
    and a changed one re-aligns only the stories its changes touch (`reader.facts.realign`).
    `statistics` (a snapshot's) align a corpus cold with them instead of its own."""
    reading, swaps = _reading_signature(), _Swaps(articles, spins)
    if spins is None:  # worked out from the text and the lexicon alone: the lexicon says it all
        keys = [fact_cache.article_key(article, reading) for article in articles]
    else:  # given (a source's words can restore a copy): the swaps themselves key the reading
        keys = [fact_cache.article_key(article, reading + repr(swaps(index))) for index, article in enumerate(articles)]
    result_key = fact_cache.corpus_key(keys, _settings() + _quote_signature(quotes) + _dates(articles))
    remembered = use_cache and statistics is None
    with collector_paused():  # a fifth of the time on 2,000 articles went to collections
        stored = fact_cache.load_result(result_key) if remembered else None
        if stored is not None:
            return FactRun([Fact.from_json(item) for item in stored["facts"]], 0, len(articles), True,
                           stored["figures"])
        identity = corpus_identity(articles, bool(quotes), spins is not None)
        quotes = quotes or {}
        states = [_alignment_state(key, article, quotes.get(article.id, ())) for key, article in zip(keys, articles)]
        run = _realigned(articles, keys, states, quotes, swaps, identity) if remembered else None
        if run is None:
            run = _aligned_cold(articles, keys, states, quotes, swaps, use_cache, statistics, identity)
            if remembered:
                fact_cache.store_result(result_key, {"facts": [fact.as_json() for fact in run.facts],
                                                     "figures": run.figures})
    return run


def _aligned_cold(articles: Sequence[Article], keys: list[str], states: list[str],
                  quotes: Mapping[str, Sequence[QuoteLike]], swaps: _Swaps, use_cache: bool,
                  statistics: realign.CorpusStatistics | None, identity: str) -> FactRun:
    """Every article aligned with every article of its story; with the cache (and the corpus's
    own statistics), the snapshot a later incremental run starts from is kept."""
    read, from_cache = _features(articles, keys, use_cache, swaps, range(len(articles)))
    features = [read[index] for index in range(len(articles))]
    anchors = [anchors_of(sentence.tokens for sentence in sentences) for sentences in features]
    if statistics is None:
        idf = inverse_document_frequency([sentence.tokens for sentences in features for sentence in sentences])
        pairing = pair_articles(anchors)
        statistics = realign.CorpusStatistics(token_weights(idf), pairing.statistics)
        kept = use_cache and pairing.statistics is not None
    else:
        pairing = pair_articles(anchors, statistics.pairing)
        kept = False
    facts = _align(articles, features, quotes, swaps, statistics.weights, pairing.pairs)
    figures = [_figures(sentences) for sentences in features]
    if kept:
        snapshot = realign.cold_snapshot(_snapshot_signature(), statistics.weights, pairing, anchors,
                                         [article.id for article in articles], states, figures, facts)
        fact_cache.store_snapshot(identity, snapshot)
    return FactRun(facts, len(articles) - from_cache, from_cache, False, figures, len(articles))


def _realigned(articles: Sequence[Article], keys: list[str], states: list[str],
               quotes: Mapping[str, Sequence[QuoteLike]], swaps: _Swaps, identity: str) -> FactRun | None:
    """The facts after re-aligning only the stories that changed since the corpus's snapshot
    (which then holds them: the result is not stored apart); None when it has none or a cold
    run is due (`realign.Snapshot.change`)."""
    snapshot = fact_cache.load_snapshot(identity)
    if not isinstance(snapshot, realign.Snapshot) or snapshot.signature != _snapshot_signature():
        return None
    ids = [article.id for article in articles]
    change = snapshot.change(ids, states)
    if change is None:
        return None
    if not change.changed and not change.removed:
        figures = [article.figures for article in snapshot.articles.values()]
        return FactRun(list(snapshot.facts), 0, len(articles), True, figures)
    read, from_cache = _features(articles, keys, True, swaps, change.changed)
    plan = snapshot.plan(ids, change, {index: anchors_of(sentence.tokens for sentence in read[index])
                                       for index in change.changed})
    loaded, _ = _features(articles, keys, True, swaps, [index for index in plan.scope if index not in read])
    read.update(loaded)
    features = [read.get(index, []) for index in range(len(articles))]
    fresh = _align(articles, features, quotes, swaps, snapshot.weights, plan.pairs)
    realigned = {ids[index] for index in plan.scope} | change.removed
    place = {item: index for index, item in enumerate(ids)}
    facts = sorted(snapshot.kept_facts(realigned) + fresh,
                   key=lambda fact: (place[fact.members[0].article_id], fact.members[0].start))
    facts = [fact if fact.id == f"f{number}" else replace(fact, id=f"f{number}")
             for number, fact in enumerate(facts, start=1)]
    new_figures = {index: _figures(read[index]) for index in change.changed}
    updated = snapshot.updated(ids, states, plan, new_figures, facts)
    fact_cache.store_snapshot(identity, updated)
    figures = [updated.articles[item].figures for item in ids]
    log.info("re-aligned %d of %d articles (%d changed, %d removed)", len(plan.scope), len(articles),
             len(change.changed), len(change.removed))
    fresh_reads = len(change.changed) - from_cache
    return FactRun(facts, fresh_reads, len(articles) - fresh_reads, False, figures, len(plan.scope))


def _figures(features: list[SentenceFeatures]) -> list[Span]:
    return [(sentence.start, sentence.end) for sentence in features if sentence.figure]


def _alignment_state(key: str, article: Article, quotes: Sequence[QuoteLike]) -> str:
    """What an article's facts depend on besides its story: its features (`key`), its date
    (relative days) and its quotes (`_quote_signature`)."""
    digest = hashlib.sha256(key.encode())
    digest.update((article.date.isoformat() if article.date else "").encode())
    for quote in quotes:
        digest.update(_quote_line(quote).encode())
    return digest.hexdigest()


def corpus_identity(articles: Sequence[Article], quoted: bool = False, spun: bool = False) -> str:
    """The folders the articles come from: an article added to or edited in them is the same
    corpus, whose snapshot the next run starts from. Read with quotes or spin reports (the
    window) or without (the command line), it is read differently, so each keeps its own."""
    folders = sorted({os.path.dirname(article.path) for article in articles})
    return hashlib.sha256(repr((folders, quoted, spun)).encode()).hexdigest()


def _snapshot_signature() -> str:
    """The settings and reading a snapshot was made with, and the shape of the facts it keeps."""
    shapes = [[item.name for item in fields(kind)] for kind in (Fact, Member, Discrepancy)]
    return _settings() + _reading_signature() + repr(shapes)


def read_sentences(text: str, sentences: Sequence[tuple[int, int]],
                   swaps: Sequence[Restoration] = (), set_aside: Sequence[tuple[int, int]] = ()) -> list[SentenceFeatures]:
    """Tokens and quantities of each sentence, read from its restored wording when the article
    is a spun copy (`swaps`); quantity offsets stay on the real text. Boilerplate (`set_aside`:
    a scraper's date stamp, a newsletter line) is read as blank, and a sentence that states
    nothing (a publication-date line, a byline) gets no tokens, so neither enters a fact.
    Whether it gives a figure is read from its real wording, as the summary counts it."""
    for start, end in set_aside:
        text = text[:start] + " " * (end - start) + text[end:]
    features = []
    for start, end in sentences:
        if swaps:
            features.append(_restored_reading(text, start, end, swaps))
        else:
            tokens, quantities, kind, figure, counts_in_words = _plain_reading(text[start:end])
            features.append(SentenceFeatures(start, end, list(tokens), list(quantities), kind=kind, figure=figure,
                                             counts_in_words=counts_in_words))
    return features


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def _plain_reading(sentence: str) -> tuple[tuple[str, ...], tuple[Quantity, ...], str | None, bool, bool]:
    """A sentence's tokens, quantities, kind, whether it gives a figure and whether it states a
    count in words. Remembered because a copy repeats its source's sentences word for word: a
    corpus of copies reads each once."""
    quantities = find_quantities(sentence)
    kind = statement_kind(sentence)
    counts_in_words = bool(read_presence(sentence))
    if not states_something(sentence, quantities):
        return (), (), kind, False, counts_in_words
    return (tuple(sentence_tokens(sentence, quantities)), tuple(quantities), kind,
            any(quantity.reliable for quantity in quantities), counts_in_words)


def _restored_reading(text: str, start: int, end: int, swaps: Sequence[Restoration]) -> SentenceFeatures:
    """A spun sentence read in its restored wording, its quantities placed on the real text,
    and whether it gives a figure read from the real text (what the summary counts)."""
    sentence = text[start:end]
    restored = restored_sentence(text, start, end, swaps)
    read = find_quantities(restored.text)
    tokens = sentence_tokens(restored.text, read)
    quantities = [restored.real_quantity(quantity, sentence) for quantity in read]
    if not states_something(sentence, quantities):
        tokens, quantities = [], []
    return SentenceFeatures(start, end, tokens, quantities, restored=True, kind=statement_kind(restored.text),
                            figure=gives_figure(sentence, find_quantities(sentence)),
                            counts_in_words=bool(read_presence(sentence)))


def _read_articles(batch: list[tuple[Article, list[Restoration]]]) -> list[list[SentenceFeatures]]:
    """Top-level so a child process can read a batch."""
    return [read_sentences(article.text, article.sentences, swaps, [(item.start, item.end) for item in article.boilerplate])
            for article, swaps in batch]


def _features(articles: Sequence[Article], keys: list[str], use_cache: bool, swaps: _Swaps,
              indices: Sequence[int]) -> tuple[dict[int, list[SentenceFeatures]], int]:
    """The features of the articles at `indices`, from the store where it has them; and how
    many it had."""
    stored = fact_cache.load_features([keys[index] for index in indices]) if use_cache else {}
    features: dict[int, list[SentenceFeatures]] = {}
    missing = []
    for index in indices:
        if keys[index] in stored:
            features[index] = stored[keys[index]]
        else:
            missing.append(index)
    computed = mapped(_read_articles, [(articles[index], swaps(index)) for index in missing])
    unsaved: dict[str, list[SentenceFeatures]] = {}
    for index, item in zip(missing, computed):
        features[index] = item
        if use_cache:
            unsaved[keys[index]] = item
        if len(unsaved) >= STORED_TOGETHER:
            fact_cache.store_features(unsaved)
            unsaved = {}
    fact_cache.store_features(unsaved)
    _plain_reading.cache_clear()
    return features, len(indices) - len(missing)


def _settings() -> str:
    """Every tuning constant, so a cached result never outlives the settings that made it."""
    modules = (fact_links, fact_groups, similarity, fact_claims, fact_discrepancies, restatements, realign, across_facts)
    return repr(sorted((module.__name__, name, value) for module in modules
                       for name, value in vars(module).items()
                       if name.isupper() and isinstance(value, (int, float))))


@lru_cache(maxsize=1)
def _reading_signature() -> str:
    """The spinner lexicon decides how spun sentences are read, so cached features depend on it."""
    words, phrases = spin.lexicon()
    return hashlib.sha256(repr((sorted(words.items()), sorted(phrases.items()))).encode()).hexdigest()


def _dates(articles: Sequence[Article]) -> str:
    """Days named relative to an article ("Wednesday") are read against its date."""
    return repr([article.date.isoformat() if article.date else "" for article in articles])


def _quote_signature(quotes: Mapping[str, Sequence[QuoteLike]] | None) -> str:
    """What of the quotes the facts depend on: where each is, its party and speaker's wording
    (attribution discrepancies) and its speaker (one quote of one speaker links two sentences), so editing
    the speaker registry recomputes the facts."""
    if not quotes:
        return ""
    digest = hashlib.sha256()
    for article_id in sorted(quotes):
        for quote in quotes[article_id]:
            digest.update(f"{article_id}|{_quote_line(quote)}".encode())
    return digest.hexdigest()


def _quote_line(quote: QuoteLike) -> str:
    return f"{quote.start}|{quote.end}|{quote.entity}|{quote.speaker_name}|{quote.speaker}\n"


def _align(articles: Sequence[Article], features: list[list[SentenceFeatures]],
           quotes: Mapping[str, Sequence[QuoteLike]], swaps: _Swaps, weights: dict[str, float],
           pairs: list[tuple[int, int]]) -> list[Fact]:
    """The facts of the stories `pairs` join, sentences weighed by `weights`. An article in no
    pair may come without features (an incremental run reads only the stories it re-aligns)."""
    vectors = tfidf_vectors([[sentence.tokens for sentence in sentences] for sentences in features], weights)
    links: Links = {}
    mutual: list[tuple[float, Unit, Unit]] = []
    neighbours: dict[int, set[int]] = {index: set() for index in range(len(articles))}
    partners: dict[int, list[int]] = {}
    for first, second in pairs:
        neighbours[first].add(second)
        neighbours[second].add(first)
        partners.setdefault(first, []).append(second)
    amounts = [[_amounts(sentence.quantities) for sentence in sentences] for sentences in features]
    quoted = _quoted_words(articles, features, quotes, swaps)
    kinds = [[sentence.kind for sentence in sentences] for sentences in features]
    for first, seconds in partners.items():
        postings = sentence_postings(vectors[first])
        for second in seconds:
            link_articles(second, first, vectors[second], postings, links, mutual, (amounts[second], amounts[first]),
                          (quoted[second], quoted[first]), (kinds[second], kinds[first]))
    groups = group_sentences(links, mutual, vectors, set(pairs), amounts, quoted)
    known_claims: dict[Unit, tuple[list[Claim], list[Claim]]] = {}

    def read_once(unit: Unit) -> tuple[list[Claim], list[Claim]]:
        """Each sentence's claims, read once for the restatement pass and the facts alike: those
        it makes in its own right, and its conversions (which restate another of its sums)."""
        if unit not in known_claims:
            claims = _sentence_claims(articles[unit[0]], features[unit[0]][unit[1]])
            known_claims[unit] = ([claim for claim in claims if claim.conversion is None],
                                  [claim for claim in claims if claim.conversion is not None])
        return known_claims[unit]

    def claims_of(unit: Unit) -> list[Claim]:
        return read_once(unit)[0]

    def conversions_of(unit: Unit) -> list[Claim]:
        return read_once(unit)[1]

    attach_restatements(groups, [[sentence.tokens for sentence in sentences] for sentences in features], neighbours, claims_of)
    placed = Counter(unit for group in groups for unit in group)
    in_two_facts = {unit for unit, count in placed.items() if count > 1}
    ordered = sorted(groups, key=lambda group: min(group))

    def stated_of(unit: Unit) -> list[Claim]:
        """The figures' claims and the counts stated in words, which only the facts compare."""
        sentence = features[unit[0]][unit[1]]
        if not sentence.counts_in_words:
            return claims_of(unit)
        return claims_of(unit) + read_presence(articles[unit[0]].text[sentence.start:sentence.end], sentence.start)

    stated = _with_elsewhere([_member_claims(group, articles, features, quotes, stated_of, conversions_of)
                              for group in ordered])
    left_out = [MemberClaims(articles[index].id, stated_of((index, number)))
                for index, sentences in enumerate(features) if neighbours[index]
                for number, sentence in enumerate(sentences)
                if (index, number) not in placed
                and (sentence.counts_in_words
                     or any(quantity.kind in ("number", "year") for quantity in sentence.quantities))]
    across = story_disputes(stated, {articles[index].id: {articles[other].id for other in others}
                                     for index, others in neighbours.items()}, left_out)
    facts = [_fact(number, group, claims, articles, features, neighbours, in_two_facts, across.get(number - 1, []))
             for number, (group, claims) in enumerate(zip(ordered, stated), start=1)]
    log.info("aligned %d articles (%d article pairs): %d facts", len(articles), len(pairs), len(facts))
    return facts


def _quoted_words(articles: Sequence[Article], features: list[list[SentenceFeatures]],
                  quotes: Mapping[str, Sequence[QuoteLike]], swaps: _Swaps) -> list[ArticleQuotes]:
    """Per article, by the sentence it opens in, each quote long enough to identify a statement
    (not a scare quote such as 'spying'): its speaker and its content words, read from a spun
    copy's restored wording (the features say which articles were read restored)."""
    quoted: list[ArticleQuotes] = [{} for _ in articles]
    for index, article in enumerate(articles):
        carried = quotes.get(article.id, ())
        if not carried or not features[index]:
            continue
        undone = swaps(index) if any(sentence.restored for sentence in features[index]) else []
        starts = [start for start, _ in article.sentences]
        for quote in carried:
            sentence = bisect_right(starts, quote.start) - 1
            if sentence < 0:
                continue
            text = restored_sentence(article.text, quote.start, quote.end, undone).text if undone else quote.text
            words = frozenset(token for token in sentence_tokens(text, find_quantities(text))
                              if not is_anchor(token))
            if len(words) >= QUOTE_WORDS:
                quoted[index].setdefault(sentence, []).append((quote.speaker_name or "", words))
    return quoted


def _amounts(quantities: list[Quantity]) -> Amounts:
    """The sums a sentence states that identify a fact: money (not restated in another currency),
    percentages, counts above a dozen."""
    return tuple((quantity.kind, float(quantity.value)) for quantity in quantities
                 if quantity.reliable and not quantity.converts and (quantity.kind in ("money", "percent")
                                           or quantity.kind == "number" and float(quantity.value) > 12))


def _member_claims(group: list[Unit], articles: Sequence[Article], features: list[list[SentenceFeatures]],
                   quotes: Mapping[str, Sequence[QuoteLike]], claims_of: Callable[[Unit], list[Claim]],
                   conversions_of: Callable[[Unit], list[Claim]]) -> list[MemberClaims]:
    """What each outlet of a fact asserts there: its sentences' claims, the sums they restate in
    another currency, and the quotes in them."""
    claims: list[MemberClaims] = []
    for index, sentences in sorted(_by_article(group).items()):
        article = articles[index]
        start, end = features[index][min(sentences)].start, features[index][max(sentences)].end
        overlapping = [quote for quote in quotes.get(article.id, ()) if quote.start < end and start < quote.end]
        stated = [claim for sentence in sorted(sentences) for claim in claims_of((index, sentence))
                  if not _quoted_relative_day(claim, overlapping)]
        conversions = [claim for sentence in sorted(sentences) for claim in conversions_of((index, sentence))]
        claims.append(MemberClaims(article.id, stated, overlapping, conversions=conversions, published=article.date))
    return claims


def _with_elsewhere(facts: list[list[MemberClaims]]) -> list[list[MemberClaims]]:
    """Each member given the sums, counts and shares its outlet states in its other facts."""
    by_outlet: dict[str, dict[int, Claim]] = {}
    for members in facts:
        for member in members:
            by_outlet.setdefault(member.article_id, {}).update(
                (id(claim), claim) for claim in member.claims if claim.measure in FIGURES and not claim.baseline)
    return [[replace(member, elsewhere=[claim for key, claim in by_outlet[member.article_id].items()
                                        if key not in {id(own) for own in member.claims}])
             for member in members] for members in facts]


def _by_article(group: list[Unit]) -> dict[int, list[int]]:
    by_article: dict[int, list[int]] = {}
    for article, sentence in group:
        by_article.setdefault(article, []).append(sentence)
    return by_article


def _fact(number: int, group: list[Unit], claims: list[MemberClaims], articles: Sequence[Article],
          features: list[list[SentenceFeatures]], neighbours: dict[int, set[int]], in_two_facts: set[Unit],
          across: list[Dispute]) -> Fact:
    by_article = _by_article(group)
    members: list[Member] = []
    spun: list[bool] = []
    stating_two: list[bool] = []
    for index, sentences in sorted(by_article.items()):
        article = articles[index]
        parts = [features[index][sentence] for sentence in sorted(sentences)]
        start, end = parts[0].start, parts[-1].end
        members.append(Member(article.id, article.path, start, end, article.text[start:end]))
        spun.append(parts[0].restored)
        stating_two.append(any((index, sentence) in in_two_facts for sentence in sentences))
    reported = set(by_article)
    story = set().union(*(neighbours[index] for index in reported)) - reported
    missing = [articles[index].id for index in sorted(story)]
    discrepancies = quantity_discrepancies(claims, across) + attribution_discrepancies(claims)
    return Fact(f"f{number}", _label(members, spun, stating_two), members, missing, discrepancies)


def _sentence_claims(article: Article, sentence: SentenceFeatures) -> list[Claim]:
    if not sentence.quantities:
        return []
    return read_claims(article.text[sentence.start:sentence.end], sentence.quantities, sentence.start, article.date)


def _quoted_relative_day(claim: Claim, quotes: Sequence[QuoteLike]) -> bool:
    """"Today" inside a quote is the day the speaker spoke, not the article's: not comparable."""
    return claim.quantity.unit == "relative" and any(
        quote.start <= claim.start and claim.end <= quote.end for quote in quotes)


def _label(members: list[Member], spun: list[bool], in_two_facts: list[bool]) -> str:
    """The wording the outlets share most: an excerpt of the member whose words the others also
    use, never a spun copy's while another outlet's wording exists (its words are not theirs),
    nor a sentence that also states another fact while one stating only this fact exists (two
    facts would show one label)."""
    words = [set(map(_label_token, PROSE_WORD.findall(member.text))) for member in members]
    used = Counter(token for tokens in words for token in tokens)

    def commonness(index: int) -> tuple[bool, bool, float, int]:
        tokens = words[index]
        return (not spun[index], not in_two_facts[index],
                sum(used[token] - 1 for token in tokens) / (len(tokens) or 1), -len(members[index].text))

    return _excerpt(members[max(range(len(members)), key=commonness)].text)


_label_token = lru_cache(maxsize=100_000)(word_token)
"""`word_token`, remembered: every fact's label reads its members' words."""


def _excerpt(text: str, limit: int = LABEL_LENGTH) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: flat.rfind(" ", 0, limit)].rstrip(",;:—–-") + "…"


def fact_matrix(facts: Sequence[Fact], articles: Sequence[Article]) -> dict[str, Any]:
    """Facts × articles as plain data: each cell the article's member text, or "" if it is silent."""
    columns = [{"id": article.id, "label": article.display_label} for article in articles]
    rows = []
    for fact in facts:
        cells = {member.article_id: member.text for member in fact.members}
        rows.append({"fact": fact.id, "label": fact.label,
                     "discrepancies": [item.kind for item in fact.discrepancies],
                     "cells": [cells.get(article.id, "") for article in articles]})
    return {"articles": columns, "rows": rows}


def fact_matrix_csv(matrix: Mapping[str, Any]) -> str:
    """The fact matrix as CSV: one row per fact, one column per article."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["fact", "label", "discrepancies"] + [column["label"] for column in matrix["articles"]])
    for row in matrix["rows"]:
        writer.writerow([row["fact"], row["label"], " ".join(row["discrepancies"])] + row["cells"])
    return buffer.getvalue()
