"""Grouping matched sentences into facts.

Links come only from compared article pairs: every sentence similarity above a floor.
Groups grow by average linkage (a missing link counts as zero), so one sentence that
resembles two different statements cannot chain them into one fact, and a group never takes
two statements from one article. Afterwards an outlet's adjacent sentence
joins its group when the outlet split the statement in two, and a mutual best match of a
sentence left out of every group becomes a fact of its own, even when its partner already
belongs to another: one sentence can state two facts.
"""
from __future__ import annotations

import heapq
from collections import Counter

from reader.similarity import Postings, Vector, similarity_rows

Unit = tuple[int, int]  # (article index, sentence index)
Amounts = tuple[tuple[str, float], ...]  # a sentence's sums of money, percentages and large counts
Links = dict[Unit, dict[Unit, float]]

MIN_LINK = 0.1  # weaker similarities are shared vocabulary, not shared content
GROUP_THRESHOLD = 0.12  # average similarity a group must keep
SPLIT_THRESHOLD = 0.08  # an adjacent half-sentence shares less with the whole statement
PAIR_THRESHOLD = 0.1  # a mutual best match this strong is a fact even outside any group
MAX_FACTS_PER_SENTENCE = 2
SHARED_AMOUNT_BONUS = 0.1
CONFLICTING_AMOUNT_FACTOR = 0.5


def link_articles(first: int, second: int, first_vectors: list[Vector], second_postings: Postings,
                  links: Links, mutual: list[tuple[float, Unit, Unit]],
                  amounts: tuple[list[Amounts], list[Amounts]] = ([], [])) -> None:
    """Add every similarity worth keeping between two articles to `links`; note mutual best matches.
    `amounts` holds each sentence's amounts in the two articles (see `weigh_amounts`)."""
    rows = similarity_rows(first_vectors, second_postings)
    if amounts[0] and amounts[1]:
        weigh_amounts(rows, *amounts)
    column_best: dict[int, tuple[int, float]] = {}
    for i, row in enumerate(rows):
        best_j, best = -1, 0.0
        for j, score in row.items():
            if score > best:
                best_j, best = j, score
            if score > column_best.get(j, (-1, 0.0))[1]:
                column_best[j] = (i, score)
        for j, score in row.items():
            if score >= MIN_LINK:
                _link(links, (first, i), (second, j), score)
    for j, (i, score) in column_best.items():
        if score >= MIN_LINK:
            _link(links, (first, i), (second, j), score)
            best_j = max(rows[i].items(), key=lambda item: item[1])[0]
            if best_j == j:
                mutual.append((score, (first, i), (second, j)))


def weigh_amounts(rows: list[dict[int, float]], first: list[Amounts], second: list[Amounts]) -> None:
    """Amounts are the strongest anchors a paraphrase keeps: two sentences giving the same sum
    (within 10%, so `$30 million` meets `nearly $31 million`) are raised, and two that each
    give sums of money, none of them alike, are lowered: they report different payments."""
    for i, row in enumerate(rows):
        mine = first[i]
        if not mine:
            continue
        for j, score in row.items():
            theirs = second[j]
            if not theirs:
                continue
            if any(kind == other_kind and _close(value, other) for kind, value in mine for other_kind, other in theirs):
                row[j] = score + SHARED_AMOUNT_BONUS
            elif any(kind == "money" for kind, _ in mine) and any(kind == "money" for kind, _ in theirs):
                row[j] = score * CONFLICTING_AMOUNT_FACTOR


def _close(first: float, second: float) -> bool:
    return max(first, second) <= 1.1 * min(first, second)


def _link(links: Links, first: Unit, second: Unit, score: float) -> None:
    links.setdefault(first, {})[second] = score
    links.setdefault(second, {})[first] = score


def group_sentences(links: Links, mutual: list[tuple[float, Unit, Unit]]) -> list[list[Unit]]:
    groups = _average_linkage(links)
    _attach_split_halves(groups, links)
    together = {frozenset((a, b)) for group in groups for a in group for b in group}
    facts_of: Counter[Unit] = Counter(unit for group in groups if len(group) > 1 for unit in group)
    for score, first, second in sorted(mutual, reverse=True):
        if score >= PAIR_THRESHOLD and frozenset((first, second)) not in together \
                and facts_of[first] < MAX_FACTS_PER_SENTENCE and facts_of[second] < MAX_FACTS_PER_SENTENCE:
            groups.append([first, second])
            facts_of.update((first, second))
    return [sorted(group) for group in groups if len({unit[0] for unit in group}) > 1]


def _average_linkage(links: Links) -> list[list[Unit]]:
    """Agglomerative clustering, best average link first, one statement per article."""
    members: dict[int, list[Unit]] = {}
    articles: dict[int, set[int]] = {}
    cluster_of: dict[Unit, int] = {}
    for number, unit in enumerate(links):
        members[number] = [unit]
        articles[number] = {unit[0]}
        cluster_of[unit] = number
    sums: dict[int, dict[int, float]] = {
        cluster_of[unit]: {cluster_of[other]: score for other, score in neighbours.items()}
        for unit, neighbours in links.items()}
    heap = [(-score, a, b) for a, row in sums.items() for b, score in row.items()
            if a < b and score >= GROUP_THRESHOLD]
    heapq.heapify(heap)
    next_id = len(members)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or articles[a] & articles[b]:
            continue
        merged = members.pop(a) + members.pop(b)
        members[next_id] = merged
        articles[next_id] = articles.pop(a) | articles.pop(b)
        row_a, row_b = sums.pop(a), sums.pop(b)
        row: dict[int, float] = {}
        for other in (row_a.keys() | row_b.keys()) - {a, b}:
            total = row_a.get(other, 0.0) + row_b.get(other, 0.0)
            row[other] = total
            other_row = sums[other]
            other_row.pop(a, None)
            other_row.pop(b, None)
            other_row[next_id] = total
            average = total / (len(merged) * len(members[other]))
            if average >= GROUP_THRESHOLD and not articles[other] & articles[next_id]:
                heapq.heappush(heap, (-average, other, next_id))
        sums[next_id] = row
        next_id += 1
    return list(members.values())


def _attach_split_halves(groups: list[list[Unit]], links: Links) -> None:
    """Add a sentence next to a group member of its own article when, on average, it matches
    the other outlets' members as well as a split statement's half does."""
    grouped = {unit for group in groups if len(group) > 1 for unit in group}
    for group in groups:
        if len(group) < 2:
            continue
        for article, sentence in list(group):
            others = [unit for unit in group if unit[0] != article]
            for neighbour in ((article, sentence - 1), (article, sentence + 1)):
                if neighbour in grouped or neighbour not in links:
                    continue
                scores = links[neighbour]
                average = sum(scores.get(unit, 0.0) for unit in others) / len(others)
                if average >= SPLIT_THRESHOLD:
                    group.append(neighbour)
                    grouped.add(neighbour)
