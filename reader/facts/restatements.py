"""Restatements: an outlet's sentence that says what a fact says, but with another value.

A fact is formed by what is said, never by the value; yet the sentence similarity that forms
facts weighs figures heavily (they identify a story), so the one outlet that gives a different
sum, count or year often shares too little with the others to be grouped at all, and its
conflict could never be flagged. This second pass compares such a left-out sentence with the
facts of its story on its words alone, figures set aside, and lets it join the fact it
restates; its claims then decide, in the fact, whether the outlets disagree. Words are
compared as sets, not weighted by rarity: within one story the words every outlet uses
(refund, fund, customers) are exactly what says which fact a sentence restates.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat

from reader.facts.claims import Claim
from reader.facts.discrepancies import comparable
from reader.facts.links import Unit

RESTATEMENT_SIMILARITY = 0.5  # word overlap (Dice) with one of a fact's members to restate it
RESTATEMENT_MARGIN = 0.1  # how much better than any other fact it must match (else it is ambiguous)


def value_free(tokens: list[str]) -> frozenset[str]:
    """A sentence's words and names without its figures."""
    return frozenset(token for token in tokens if not token.startswith("q:"))


@dataclass
class _Sentences:
    """What the pass reads of each sentence: its words without figures, and its claims."""

    tokens: list[list[list[str]]]
    read_claims: Callable[[Unit], list[Claim]]
    plain: dict[Unit, frozenset[str]] = field(default_factory=dict)
    claims: dict[Unit, list[Claim]] = field(default_factory=dict)

    def claims_of(self, unit: Unit) -> list[Claim]:
        if unit not in self.claims:
            self.claims[unit] = self.read_claims(unit)
        return self.claims[unit]

    def words(self, unit: Unit) -> frozenset[str]:
        if unit not in self.plain:
            self.plain[unit] = value_free(self.tokens[unit[0]][unit[1]])
        return self.plain[unit]

    def left_out(self, placed: set[Unit], article: int) -> list[tuple[Unit, list[Claim]]]:
        """The article's sentences in no fact (not `placed`) that state a figure (not a
        baseline) and words."""
        found = []
        for sentence, sentence_tokens in enumerate(self.tokens[article]):
            unit = (article, sentence)
            if unit in placed or not any(map(str.startswith, sentence_tokens, repeat("q:"))):
                continue
            own = [claim for claim in self.claims_of(unit) if not claim.baseline]
            if own and self.words(unit):
                found.append((unit, own))
        return found


def attach_restatements(groups: list[list[Unit]], tokens: list[list[list[str]]], story: dict[int, set[int]],
                        claims_of: Callable[[Unit], list[Claim]]) -> None:
    """Release sentences that a fact holds away from the fact they restate
    (`_release_misplaced`), join sentences in no fact to the facts they restate
    (`_join_facts`), then let two outlets' left-out sentences that restate each other form a
    fact (`_pair_left_out`), which a third outlet may then join. `tokens` are each article's
    sentence tokens, `story` each article's articles of the same story."""
    sentences = _Sentences(tokens, claims_of)
    _release_misplaced(groups, sentences, story)
    _join_facts(groups, sentences, story)
    if _pair_left_out(groups, sentences, story):
        _join_facts(groups, sentences, story)


def _join_facts(groups: list[list[Unit]], sentences: _Sentences, story: dict[int, set[int]]) -> None:
    """Join each left-out sentence to the fact of its story one of whose members it matches
    best on words alone (`RESTATEMENT_SIMILARITY`, `RESTATEMENT_MARGIN` ahead of any other
    fact or, nearer, told by outlets it states more of its other facts with), if its article
    has no member there yet and it states a figure of a measure every outlet of the fact
    states too; an article restates a fact once (its best sentence)."""
    outlets = [{article for article, _ in group} for group in groups]
    facts_of_article: dict[int, list[int]] = {}
    for number, articles in enumerate(outlets):
        for article in articles:
            facts_of_article.setdefault(article, []).append(number)
    placed = {unit for group in groups for unit in group}
    best: dict[tuple[int, int], tuple[float, Unit]] = {}
    for article in range(len(sentences.tokens)):
        nearby = {number for other in story.get(article, ()) for number in facts_of_article.get(other, ())}
        nearby -= set(facts_of_article.get(article, ()))
        if not nearby:
            continue
        for unit, own in sentences.left_out(placed, article):
            scores = sorted(((max(_dice(sentences.words(unit), sentences.words(member)) for member in groups[number]),
                              _companionship(article, outlets[number], facts_of_article, outlets), number)
                             for number in nearby if _shares_measure(own, groups[number], sentences.claims_of)),
                            reverse=True)
            if not scores or scores[0][0] < RESTATEMENT_SIMILARITY:
                continue
            if len(scores) > 1 and scores[0][0] - scores[1][0] < RESTATEMENT_MARGIN \
                    and scores[0][1] <= scores[1][1]:
                continue
            score, _, number = scores[0]
            key = (number, article)
            if key not in best or score > best[key][0]:
                best[key] = (score, unit)
    for (number, _), (_, unit) in best.items():
        groups[number].append(unit)
        groups[number].sort()


def _release_misplaced(groups: list[list[Unit]], sentences: _Sentences, story: dict[int, set[int]]) -> None:
    """A sentence sharing few words, figures aside, with every other member of its fact (under
    `RESTATEMENT_SIMILARITY`), and no figure either, was placed there by the figure-weighted
    similarity: the one whose own figure differs from its story's can match a stray sentence
    best. When it restates a member of another fact of its story, sharing a figure's measure
    with it, at least `RESTATEMENT_MARGIN` better, it leaves (a fact left with one outlet is no fact), so that the
    restatement pass places it by what it says."""
    outlets = [{article for article, _ in group} for group in groups]
    facts_of_article: dict[int, set[int]] = {}
    for number, articles in enumerate(outlets):
        for article in articles:
            facts_of_article.setdefault(article, set()).add(number)
    leaving: list[tuple[int, Unit]] = []
    for number, group in enumerate(groups):
        for unit in group:
            own = [claim for claim in sentences.claims_of(unit) if not claim.baseline]
            if not own:
                continue
            together = max((_dice(sentences.words(unit), sentences.words(other)) for other in group
                            if other[0] != unit[0]), default=0.0)
            if together >= RESTATEMENT_SIMILARITY or any(
                    comparable(mine, theirs) and mine.strict.meets(theirs.strict) for mine in own
                    for other in group if other[0] != unit[0] for theirs in sentences.claims_of(other)):
                continue
            nearby = {other for article in story.get(unit[0], ()) for other in facts_of_article.get(article, ())}
            nearby -= facts_of_article.get(unit[0], set())
            best = max((_dice(sentences.words(unit), sentences.words(member)) for other in nearby
                        if _shares_measure(own, groups[other], sentences.claims_of) for member in groups[other]),
                       default=0.0)
            if best >= RESTATEMENT_SIMILARITY and best - together >= RESTATEMENT_MARGIN:
                leaving.append((number, unit))
    for number, unit in leaving:
        groups[number].remove(unit)
    groups[:] = [group for group in groups if len({article for article, _ in group}) > 1]


def _pair_left_out(groups: list[list[Unit]], sentences: _Sentences, story: dict[int, set[int]]) -> bool:
    """Two left-out sentences of two articles of one story that are each other's best
    restatement there (`RESTATEMENT_SIMILARITY`, `RESTATEMENT_MARGIN` ahead of the next) and
    state figures of one measure become a fact; whether any did."""
    placed = {unit for group in groups for unit in group}
    left = {article: sentences.left_out(placed, article) for article in story}
    formed = False
    for article, others in story.items():
        for other in others:
            if other <= article or not left.get(article) or not left.get(other):
                continue
            ranked = sorted(((_dice(sentences.words(mine), sentences.words(theirs)), mine, theirs)
                             for mine, my_claims in left[article] for theirs, their_claims in left[other]
                             if any(comparable(a, b) for a in my_claims for b in their_claims)),
                            reverse=True)
            taken: set[Unit] = set()
            for number, (score, mine, theirs) in enumerate(ranked):
                if score < RESTATEMENT_SIMILARITY:
                    break
                if mine in taken or theirs in taken:
                    continue
                taken.update((mine, theirs))
                rivals = [item[0] for item in ranked[number + 1:] if (item[1] == mine) != (item[2] == theirs)]
                if rivals and score - max(rivals) < RESTATEMENT_MARGIN:
                    continue
                groups.append([mine, theirs])
                placed.update((mine, theirs))
                left[article] = sentences.left_out(placed, article)
                left[other] = sentences.left_out(placed, other)
                formed = True
    return formed


def _companionship(article: int, others: set[int], facts_of_article: dict[int, list[int]],
                   outlets: list[set[int]]) -> float:
    """How many facts the article states with each of the fact's outlets, on average: between
    two facts worded alike (two stories told from one template), the one whose outlets tell
    the rest of the article's story."""
    shared = sum(len(outlets[number] & others) for number in facts_of_article.get(article, ()))
    return shared / len(others)


def _dice(first: frozenset[str], second: frozenset[str]) -> float:
    return 2 * len(first & second) / (len(first) + len(second)) if first or second else 0.0


def _shares_measure(own: list[Claim], group: list[Unit], claims_of: Callable[[Unit], list[Claim]]) -> bool:
    """Whether every outlet of the fact states a figure that could be set beside one of `own`."""
    by_article: dict[int, list[Claim]] = {}
    for unit in group:
        by_article.setdefault(unit[0], []).extend(claims_of(unit))
    return all(any(comparable(mine, theirs) for mine in own for theirs in claims)
               for claims in by_article.values())
