"""Re-aligning only the stories an edited, added or removed article touches.

Facts never cross stories: sentences are linked only within paired articles, and grouping,
restatements and discrepancies read nothing beyond a sentence's links and its article's
story. Given the corpus-wide token weights, the facts of one connected set of paired articles
depend on those articles alone. A cold run keeps its weights, each article's anchors, keys and
pair choices, and its facts (`Snapshot`); a later run over the same folders updates the anchor
counts exactly, re-pairs only the articles a changed count or key reaches (so the pairs are a
cold run's), re-aligns the stories whose pairs changed or that hold a changed article, and keeps
every other fact as it was. The token weights are the one thing kept as the cold run read them:
one article moves them very little, and a sentence pair only changes when its similarity sat on
a threshold. Once more than `REALIGN_SHARE` of the corpus differs from what they were read
from, a cold run reads them afresh.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reader.articles.model import Span
from reader.facts.similarity import (SMALL_CORPUS, AnchorPair, PairChoice, Pairing, PairingStatistics,
                                     article_keys, counted_statistics, joined_pairs, key_postings, pair_choice)

REALIGN_SHARE = 0.05  # share of the corpus's articles changed, added or removed since the last cold run before it is run cold again


@dataclass(frozen=True)
class CorpusStatistics:
    """What the alignment reads from the whole corpus rather than from a story."""

    weights: dict[str, float]
    """Each token's weight (`similarity.token_weights`)."""
    pairing: PairingStatistics | None
    """How often each anchor occurs (`similarity.pairing_statistics`); None: the corpus's own."""


@dataclass(frozen=True)
class ArticleAlignment:
    """What a run kept of one article: enough to tell whether it changed and to re-pair it."""

    state: str
    """What its facts depend on: its sentence features' key, its quotes, its date."""
    anchors: tuple[int, ...]
    """Its distinct anchors, numbered (`Snapshot.vocabulary`)."""
    keys: tuple[int, ...]
    """Its anchor pairs (`similarity.article_keys`), numbered (`_numbered`)."""
    chosen: tuple[str, ...]
    """The articles it chose to pair with (`PairChoice`), by id."""
    orphan: tuple[str, ...]
    figures: list[Span]
    """Its sentences that give a figure, for the summary (`FactRun.figures`)."""


@dataclass(frozen=True)
class Change:
    """How a corpus differs from a snapshot's, by index in the new corpus."""

    changed: list[int]
    """Articles changed or added: read again and re-paired."""
    removed: set[str]


@dataclass(frozen=True)
class Plan:
    """What an incremental run re-aligns, and the pairing state it leaves."""

    scope: list[int]
    """The articles of every story a change touches, in corpus order."""
    pairs: list[tuple[int, int]]
    """The article pairs among `scope`."""
    every_pair: list[tuple[int, int]]
    repaired: set[int]
    """The articles whose keys or pair choices were worked out again."""
    pairing: PairingStatistics
    vocabulary: list[str]
    anchors: list[tuple[int, ...]]
    keys: list[tuple[int, ...]]
    choices: dict[int, PairChoice]


@dataclass(frozen=True)
class Snapshot:
    """One corpus's last alignment, as the next run needs it; kept per folder set."""

    signature: str
    """The settings and reading it was made with: another signature means a cold run."""
    weights: dict[str, float]
    """The token weights of the last cold run."""
    pairing: PairingStatistics
    """The corpus's anchor counts, kept exact."""
    vocabulary: list[str]
    """Every anchor met, by number."""
    cold_states: dict[str, str]
    """Each article's state when the weights were read, to measure drift."""
    articles: dict[str, ArticleAlignment]
    """By article id, in corpus order."""
    pairs: list[tuple[str, str]]
    facts: list[Any]
    """The facts (`reader.facts.finder.Fact`), in order."""

    @property
    def statistics(self) -> CorpusStatistics:
        """What an incremental run aligns with: the cold run's weights, the corpus's own pairing."""
        return CorpusStatistics(self.weights, None)

    def change(self, ids: Sequence[str], states: Sequence[str]) -> Change | None:
        """The articles to read again, or None when a cold run is due: a small corpus (every
        pair compared), articles in another order, or more than `REALIGN_SHARE` of the corpus
        differing from what the weights were read from."""
        if len(ids) <= SMALL_CORPUS:
            return None
        present = set(ids)
        if [item for item in ids if item in self.articles] != [item for item in self.articles if item in present]:
            return None
        drift = sum(self.cold_states.get(item) != state for item, state in zip(ids, states))
        drift += sum(item not in present for item in self.cold_states)
        if drift > REALIGN_SHARE * len(ids):
            return None
        changed = [index for index, (item, state) in enumerate(zip(ids, states))
                   if item not in self.articles or self.articles[item].state != state]
        return Change(changed, {item for item in self.articles if item not in present})

    def plan(self, ids: Sequence[str], change: Change, anchors: Mapping[int, set[str]]) -> Plan:
        """Pair the changed corpus as a cold run would (`anchors`: each changed article's), re-doing
        only what a change reaches, and take every story (connected paired articles) holding a
        changed article or a pair that changed."""
        counts = _Counts.of(self, change, ids, anchors)
        vocabulary, numbers = counts.vocabulary, counts.numbers
        pairing = counted_statistics(counts.frequency, len(ids))
        shifted = counts.shifted(self.pairing.common, pairing.common)
        held = [counts.anchors[index] if index in counts.anchors else self.articles[item].anchors
                for index, item in enumerate(ids)]
        keys = [self.articles[item].keys if item in self.articles else () for item in ids]
        moved = {key for item in change.removed for key in self.articles[item].keys}
        rekeyed = set(change.changed)
        shifted_numbers = {numbers[anchor] for anchor in shifted}
        rekeyed.update(index for index, numbered in enumerate(held) if not shifted_numbers.isdisjoint(numbered))
        topic_numbers = {numbers[anchor] for anchor in counts.moved_topics(shifted)}
        rekeyed.update(index for index, numbered in enumerate(held)
                       if _topic_may_rekey(keys[index], topic_numbers.intersection(numbered), counts, self.pairing))
        repaired = set(change.changed)
        for index in rekeyed:
            new = _numbered(article_keys({vocabulary[number] for number in held[index]}, pairing), numbers)
            if new != keys[index]:
                moved.update(keys[index])
                moved.update(new)
                repaired.add(index)
                keys[index] = new
        postings = key_postings(keys)
        repaired.update(*(postings.get(key, ()) for key in moved))
        if pairing.limit != self.pairing.limit:
            low, high = sorted((pairing.limit, self.pairing.limit))
            repaired.update(*(posting for posting in postings.values() if low < len(posting) <= high))
        index_of = {item: index for index, item in enumerate(ids)}
        choices = {}
        for index, item in enumerate(ids):
            kept = self._choice(item, index_of) if index not in repaired else None
            choices[index] = kept if kept is not None else pair_choice(index, keys[index], postings, pairing.limit)
        pairs = joined_pairs(choices)
        scope = _stories(self._touched(change, index_of, pairs), pairs)
        return Plan(sorted(scope), [pair for pair in pairs if pair[0] in scope], pairs, repaired | rekeyed, pairing,
                    vocabulary, held, keys, choices)

    def _touched(self, change: Change, index_of: Mapping[str, int], pairs: list[tuple[int, int]]) -> set[int]:
        """The changed articles and those whose pairs changed (a removed article's partners too)."""
        before: set[tuple[int, int]] = set()
        touched = set(change.changed)
        for first, second in self.pairs:
            if first in index_of and second in index_of:
                before.add((min(index_of[first], index_of[second]), max(index_of[first], index_of[second])))
            else:
                touched.update(index_of[item] for item in (first, second) if item in index_of)
        touched.update(index for pair in before.symmetric_difference(pairs) for index in pair)
        return touched

    def _choice(self, item: str, index_of: Mapping[str, int]) -> PairChoice | None:
        """An article's kept choice in new indices; None if it is new or names an article now gone."""
        kept = self.articles.get(item)
        if kept is None or any(other not in index_of for other in kept.chosen + kept.orphan):
            return None
        return PairChoice(tuple(index_of[other] for other in kept.chosen),
                          tuple(index_of[other] for other in kept.orphan))

    def kept_facts(self, realigned: set[str]) -> list[Any]:
        """The facts with no member among `realigned` (re-aligned or gone) articles."""
        return [fact for fact in self.facts if not any(member.article_id in realigned for member in fact.members)]

    def updated(self, ids: Sequence[str], states: Sequence[str], plan: Plan, figures: Mapping[int, list[Span]],
                facts: list[Any]) -> "Snapshot":
        """This snapshot after an incremental run (`figures`: those of the articles read again)."""
        articles = {}
        for index, item in enumerate(ids):
            if index not in plan.repaired and index not in figures:
                articles[item] = self.articles[item]
                continue
            choice = plan.choices[index]
            articles[item] = ArticleAlignment(
                states[index], plan.anchors[index], plan.keys[index], tuple(ids[other] for other in choice.chosen),
                tuple(ids[other] for other in choice.orphan),
                figures[index] if index in figures else self.articles[item].figures)
        pairs = [(ids[first], ids[second]) for first, second in plan.every_pair]
        return Snapshot(self.signature, self.weights, plan.pairing, plan.vocabulary, self.cold_states, articles,
                        pairs, facts)


@dataclass
class _Counts:
    """The anchor counts after a change, and which anchors' counts moved."""

    frequency: dict[str, int]
    before: dict[str, int]
    vocabulary: list[str]
    """Every anchor met, by number: the snapshot's and the changed articles' new ones."""
    numbers: dict[str, int]
    counted: set[str]
    anchors: dict[int, tuple[int, ...]]
    """Each changed article's anchors, numbered."""

    @classmethod
    def of(cls, snapshot: Snapshot, change: Change, ids: Sequence[str], anchors: Mapping[int, set[str]]) -> "_Counts":
        vocabulary = list(snapshot.vocabulary)
        numbers = {anchor: number for number, anchor in enumerate(vocabulary)}
        counts = cls(dict(snapshot.pairing.frequency), snapshot.pairing.frequency, vocabulary, numbers, set(), {})
        gone = [snapshot.articles[item] for item in change.removed]
        gone += [snapshot.articles[ids[index]] for index in change.changed if ids[index] in snapshot.articles]
        for article in gone:
            counts.add((vocabulary[number] for number in article.anchors), -1)
        for index in change.changed:
            counts.add(anchors[index], 1)
            for anchor in anchors[index]:
                if anchor not in numbers:
                    numbers[anchor] = len(vocabulary)
                    vocabulary.append(anchor)
            counts.anchors[index] = tuple(sorted(numbers[anchor] for anchor in anchors[index]))
        for anchor in counts.counted:
            if not counts.frequency[anchor]:
                del counts.frequency[anchor]
        return counts

    def moved_topics(self, shifted: set[str]) -> set[str]:
        """The anchors in more articles than a story's, not `shifted`, whose count moved."""
        return {anchor for anchor in self.counted - shifted
                if self.frequency.get(anchor, 0) != self.before.get(anchor, 0) and self.frequency.get(anchor, 0) > 1}

    def add(self, anchors: Any, step: int) -> None:
        for anchor in anchors:
            self.frequency[anchor] = self.frequency.get(anchor, 0) + step
            self.counted.add(anchor)

    def shifted(self, common_before: int, common: int) -> set[str]:
        """The anchors an article may key on (in more than one article, at most `common`), before
        or after, whose count moved, or that crossed from story to topic as the corpus's size
        moved that bound: the articles holding them may choose other keys. An anchor in more
        articles either way (a regulator named in a third of the corpus) changes only the keys
        of an article keyed by its least common anchors (`moved_topics`)."""
        shifted = {anchor for anchor in self.counted
                   if self.frequency.get(anchor, 0) != self.before.get(anchor, 0)
                   and (1 < self.before.get(anchor, 0) <= common_before or 1 < self.frequency.get(anchor, 0) <= common)}
        if common != common_before:
            low, high = sorted((common, common_before))
            shifted.update(anchor for anchor, count in self.frequency.items() if low < count <= high)
        return shifted


def cold_snapshot(signature: str, weights: dict[str, float], pairing: Pairing, anchors: Sequence[set[str]],
                  ids: Sequence[str], states: Sequence[str], figures: Sequence[list[Span]],
                  facts: list[Any]) -> Snapshot:
    """The snapshot a cold run of a corpus paired by anchors leaves (`pairing`: how it paired it)."""
    assert pairing.statistics is not None
    vocabulary = sorted(pairing.statistics.frequency)
    numbers = {anchor: number for number, anchor in enumerate(vocabulary)}
    snapshot = Snapshot(signature, weights, pairing.statistics, vocabulary, dict(zip(ids, states)), {}, [], facts)
    for index, item in enumerate(ids):
        choice = pairing.choices[index]
        snapshot.articles[item] = ArticleAlignment(
            states[index], tuple(sorted(numbers[anchor] for anchor in anchors[index])),
            _numbered(pairing.keys[index], numbers), tuple(ids[other] for other in choice.chosen),
            tuple(ids[other] for other in choice.orphan), figures[index])
    snapshot.pairs.extend((ids[first], ids[second]) for first, second in pairing.pairs)
    return snapshot


def _numbered(keys: Sequence[AnchorPair], numbers: Mapping[str, int]) -> tuple[int, ...]:
    """Anchor pairs as numbers, so thousands of articles' keys are small to keep and quick to compare."""
    return tuple(numbers[first] << 32 | numbers[second] for first, second in keys)


def _topic_may_rekey(keys: tuple[int, ...], moved: set[int], counts: "_Counts", before: PairingStatistics) -> bool:
    """Whether topic anchors whose count moved (`moved`, numbered) can change an article's keys:
    only when it is keyed by its least common anchors, topics among them, and a moved one is a
    key or now as rare as its commonest key."""
    if not moved:
        return False
    keyed = {number for key in keys for number in (key >> 32, key & 0xFFFFFFFF)}
    held = [before.frequency.get(counts.vocabulary[number], 0) for number in keyed]
    if not held or max(held) <= before.common:
        return False
    return any(number in keyed or counts.frequency.get(counts.vocabulary[number], 0) <= max(held) for number in moved)


def _stories(touched: set[int], pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Every article connected through `pairs` to a `touched` one."""
    neighbours: dict[int, list[int]] = {}
    for first, second in pairs:
        neighbours.setdefault(first, []).append(second)
        neighbours.setdefault(second, []).append(first)
    reached = set(touched)
    waiting = list(touched)
    while waiting:
        for other in neighbours.get(waiting.pop(), ()):
            if other not in reached:
                reached.add(other)
                waiting.append(other)
    return reached
