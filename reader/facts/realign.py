"""Re-aligning only the stories an edited, added or removed article touches.

Facts never cross stories: sentences are linked only within paired articles, and grouping,
restatements and discrepancies read nothing beyond a sentence's links and its article's
story. So once the corpus-wide statistics are fixed (token weights, how many articles hold
each anchor), the facts of one connected set of paired articles depend on those articles
alone. A cold run keeps its statistics, each article's anchor keys and pair choices, and its
facts (`Snapshot`); a later run over the same folders re-pairs only the articles sharing an
anchor key with what changed, re-aligns the stories whose pairs changed or that hold a changed
article, and keeps every other fact as it was. The cold run's statistics stay until more than
`REALIGN_SHARE` of the corpus differs from what they were read from; a cold run then
refreshes them.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reader.articles.model import Span
from reader.facts.similarity import (SMALL_CORPUS, AnchorPair, PairChoice, Pairing, PairingStatistics,
                                     article_keys, joined_pairs, key_postings, pair_choice)

REALIGN_SHARE = 0.05  # share of the corpus's articles changed, added or removed since the last cold run before it is run cold again


@dataclass(frozen=True)
class CorpusStatistics:
    """What the alignment reads from the whole corpus rather than from a story."""

    weights: dict[str, float]
    """Each token's weight (`similarity.token_weights`)."""
    pairing: PairingStatistics | None
    """How often each anchor occurs (`similarity.pairing_statistics`); None for a small corpus."""


@dataclass(frozen=True)
class ArticleAlignment:
    """What a run kept of one article: enough to tell whether it changed and to re-pair it."""

    state: str
    """What its facts depend on: its sentence features' key, its quotes, its date."""
    keys: tuple[int, ...]
    """Its anchor pairs (`similarity.article_keys`), numbered (`Snapshot.numbered`)."""
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
    """What an incremental run re-aligns."""

    scope: list[int]
    """The articles of every story a change touches, in corpus order."""
    pairs: list[tuple[int, int]]
    """The article pairs among `scope`."""
    keys: list[tuple[int, ...]]
    choices: dict[int, PairChoice]


@dataclass(frozen=True)
class Snapshot:
    """One corpus's last alignment, as the next run needs it; kept per folder set."""

    signature: str
    """The settings and reading it was made with: another signature means a cold run."""
    statistics: CorpusStatistics
    cold_states: dict[str, str]
    """Each article's state when the statistics were read, to measure drift."""
    articles: dict[str, ArticleAlignment]
    """By article id, in corpus order."""
    pairs: list[tuple[str, str]]
    facts: list[dict[str, Any]]
    """The facts, as `Fact.as_json`, in order."""

    anchor_numbers: dict[str, int]
    """Each anchor the statistics count, numbered, so thousands of articles' keys are small
    to keep and quick to compare (`numbered`)."""

    def numbered(self, keys: Sequence[AnchorPair]) -> tuple[int, ...]:
        number, size = self.anchor_numbers, len(self.anchor_numbers)
        return tuple(number[first] * size + number[second] for first, second in keys)

    def change(self, ids: Sequence[str], states: Sequence[str]) -> Change | None:
        """The articles to read again, or None when a cold run is due: a small corpus (every
        pair compared), articles in another order, or more than `REALIGN_SHARE` of the corpus
        differing from what the statistics were read from."""
        if self.statistics.pairing is None or len(ids) <= SMALL_CORPUS:
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
        """Re-pair the articles whose keys' postings changed (`anchors`: each changed article's
        anchors) exactly as a cold run with these statistics would, then take every story
        (connected paired articles) holding a changed article or a pair that changed."""
        pairing = self.statistics.pairing
        assert pairing is not None
        index_of = {item: index for index, item in enumerate(ids)}
        keys = [self.articles[item].keys if index not in anchors else self.numbered(article_keys(anchors[index], pairing))
                for index, item in enumerate(ids)]
        postings = key_postings(keys)
        moved = {key for item in change.removed for key in self.articles[item].keys}
        moved.update(key for index in change.changed for key in keys[index])
        moved.update(key for index in change.changed if ids[index] in self.articles
                     for key in self.articles[ids[index]].keys)
        repaired = set(change.changed).union(*(postings.get(key, ()) for key in moved))
        choices = {}
        for index, item in enumerate(ids):
            kept = self._choice(item, index_of) if index not in repaired else None
            choices[index] = kept if kept is not None else pair_choice(index, keys[index], postings, pairing.limit)
        pairs = joined_pairs(choices)
        before: set[tuple[int, int]] = set()
        touched = set(change.changed)
        for first, second in self.pairs:
            if first in index_of and second in index_of:
                before.add((min(index_of[first], index_of[second]), max(index_of[first], index_of[second])))
            else:  # a removed article's partners lose its story
                touched.update(index_of[item] for item in (first, second) if item in index_of)
        touched.update(index for pair in before.symmetric_difference(pairs) for index in pair)
        scope = _stories(touched, pairs)
        return Plan(sorted(scope), [pair for pair in pairs if pair[0] in scope], keys, choices)

    def _choice(self, item: str, index_of: Mapping[str, int]) -> PairChoice | None:
        """An article's kept choice in new indices; None if it names an article now gone."""
        kept = self.articles[item]
        if any(other not in index_of for other in kept.chosen + kept.orphan):
            return None
        return PairChoice(tuple(index_of[other] for other in kept.chosen),
                          tuple(index_of[other] for other in kept.orphan))

    def kept_facts(self, realigned: set[str]) -> list[dict[str, Any]]:
        """The facts with no member among `realigned` (re-aligned or gone) articles."""
        return [fact for fact in self.facts if not any(member["id"] in realigned for member in fact["members"])]

    def updated(self, ids: Sequence[str], states: Sequence[str], plan: Plan, figures: Mapping[int, list[Span]],
                facts: list[dict[str, Any]]) -> "Snapshot":
        """This snapshot after an incremental run (`figures`: those of the articles read again)."""
        articles = {}
        for index, item in enumerate(ids):
            choice = plan.choices[index]
            articles[item] = ArticleAlignment(
                states[index], plan.keys[index], tuple(ids[other] for other in choice.chosen),
                tuple(ids[other] for other in choice.orphan),
                figures[index] if index in figures else self.articles[item].figures)
        pairs = [(ids[first], ids[second]) for first, second in joined_pairs(plan.choices)]
        return Snapshot(self.signature, self.statistics, self.cold_states, articles, pairs, facts,
                        self.anchor_numbers)


def cold_snapshot(signature: str, statistics: CorpusStatistics, pairing: Pairing, ids: Sequence[str],
                  states: Sequence[str], figures: Sequence[list[Span]], facts: list[dict[str, Any]]) -> Snapshot:
    """The snapshot a cold run of a corpus paired by anchors leaves (`pairing`: how it paired it)."""
    assert statistics.pairing is not None
    numbers = {anchor: number for number, anchor in enumerate(statistics.pairing.frequency)}
    snapshot = Snapshot(signature, statistics, dict(zip(ids, states)), {}, [], facts, numbers)
    for index, item in enumerate(ids):
        choice = pairing.choices[index]
        snapshot.articles[item] = ArticleAlignment(
            states[index], snapshot.numbered(pairing.keys[index]), tuple(ids[other] for other in choice.chosen),
            tuple(ids[other] for other in choice.orphan), figures[index])
    snapshot.pairs.extend((ids[first], ids[second]) for first, second in pairing.pairs)
    return snapshot


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
