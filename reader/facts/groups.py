"""Grouping linked sentences into facts.

The links (`reader.facts.links`) come only from compared article pairs. Groups grow by
average linkage (a missing link counts `UNLINKED` below zero), so one sentence that
resembles two different statements cannot chain them into one fact, and a group never takes
two statements from one article. Afterwards an outlet's adjacent sentence
joins its group when the outlet split the statement in two, and a mutual best match of a
sentence left out of every group becomes a fact of its own, even when its partner already
belongs to another: one sentence can state two facts. A sentence already in a fact joins a
second one only through its *residual*, the words that fact's other outlets do not use, so the
same words never count for two facts. Last, groups that touch (one sentence in common, or an
outlet's two adjacent sentences, the halves of a split statement each matched by another
outlet) are joined when their sentences link well on average, and a sentence whose residual
matches a group it is not in joins it as its second fact. Outlets copy quotes and sums
exactly: in a fact two outlets quote alike, a sentence that does not use the quote's words
leaves when it carries another quote or fits another fact, and a sentence giving two sums
joins the fact whose outlets all give its second.
"""
from __future__ import annotations

import heapq
from collections import Counter

from reader.facts.anchors import is_anchor
from reader.facts.links import Amounts, ArticleQuotes, Links, Unit, close_amounts, same_quote, states_amount
from reader.facts.similarity import Vector, cosine

GROUP_THRESHOLD = 0.2  # average similarity a group must keep
SPLIT_THRESHOLD = 0.12  # an adjacent half-sentence shares less with the whole statement
SPLIT_GAIN = 1.25  # how much better two adjacent sentences read as one must match than one alone
PAIR_THRESHOLD = 0.15  # a mutual best match this strong is a fact even outside any group
MAX_FACTS_PER_SENTENCE = 2
UNLINKED = 0.1  # how far below zero a missing link counts in a group's average
MAX_RUN = 2  # sentences an outlet may split one statement into
MERGE_THRESHOLD = 0.1  # average link between two touching groups that makes them one fact
SECOND_FACT_THRESHOLD = 0.12  # what a sentence's unexplained part must share with a second fact
COHESION_SHARE = 0.5  # ... and at least this share of how well that fact's own sentences match
QUOTE_COVER = 0.5  # share of a fact's reproduced quote words a member without that quote still uses
TRANSITIVE_SHARE = 0.5  # of the weaker of two links through a shared sentence, for a pair not linked directly
OTHER_FIGURE_LINK = 0.12  # average link to a fact's sentences of a sentence giving its figure differently


def group_sentences(links: Links, mutual: list[tuple[float, Unit, Unit]], vectors: list[list[Vector]],
                    compared: set[tuple[int, int]] | None = None,
                    amounts: list[list[Amounts]] | None = None, quoted: list[ArticleQuotes] | None = None) -> list[list[Unit]]:
    """Facts as lists of sentences; `vectors` (per article, per sentence) tell what part of a
    sentence its first fact already explains, so it joins a second only for the rest.
    `compared` holds the article pairs (lower index first) judged to tell one story; None
    means every pair was compared. `amounts` (per article, per sentence) let a sentence giving
    two sums join the fact of each (`_attach_by_amount`); `quoted` (per article, by sentence)
    holds the words of the quotes sentences carry, which identify a fact two outlets quote alike (`_anchor_on_quotes`)."""
    groups = _average_linkage(links)
    _attach_split_halves(groups, links, vectors)
    together = {frozenset((a, b)) for group in groups for a in group for b in group}
    group_of = {unit: group for group in groups if len(group) > 1 for unit in group}
    facts_of: Counter[Unit] = Counter(group_of.keys())
    for score, first, second in sorted(mutual, reverse=True):
        if score >= PAIR_THRESHOLD and frozenset((first, second)) not in together \
                and facts_of[first] < MAX_FACTS_PER_SENTENCE and facts_of[second] < MAX_FACTS_PER_SENTENCE \
                and _says_more(first, second, group_of, vectors) and _says_more(second, first, group_of, vectors):
            groups.append([first, second])
            together.add(frozenset((first, second)))
            facts_of.update((first, second))
    groups = _merge_touching(groups, links, vectors, compared)
    _attach_second_facts(groups, links, vectors)
    _attach_split_halves(groups, links, vectors, own_link_suffices=False)
    if quoted:
        _anchor_on_quotes(groups, links, vectors, quoted)
    if amounts:
        _attach_by_amount(groups, links, vectors, amounts)
        _attach_other_figures(groups, links, amounts)
    return [sorted(group) for group in groups if _spans_outlets(group)]


def _says_more(unit: Unit, partner: Unit, group_of: dict[Unit, list[Unit]], vectors: list[list[Vector]]) -> bool:
    """Whether `unit` shares with `partner` more than the words its own fact already explains:
    a sentence in one fact that resembles another sentence only through those words restates
    the same fact, it does not state a second one."""
    if unit not in group_of:
        return True
    return cosine(_residual(unit, group_of[unit], vectors), _vector(partner, vectors)) >= SECOND_FACT_THRESHOLD


def _vector(unit: Unit, vectors: list[list[Vector]]) -> Vector:
    return vectors[unit[0]][unit[1]]


def _residual(unit: Unit, group: list[Unit], vectors: list[list[Vector]]) -> Vector:
    """The part of a sentence its group's other outlets do not say: what is left to state
    another fact with. Not renormalised, so a sentence mostly explained keeps little weight."""
    said = {token for other in group if other[0] != unit[0] for token in _vector(other, vectors)}
    return {token: weight for token, weight in _vector(unit, vectors).items() if token not in said}


def _attach_second_facts(groups: list[list[Unit]], links: Links, vectors: list[list[Vector]]) -> None:
    """A sentence stating two facts (a penalty and the failing it punishes) joins a second group
    when the part its first group leaves unexplained matches that group's statements on average,
    at least half as well as they match each other (a sentence that merely names the group's
    subject is not another wording of it), and no other sentence of its article matches that
    group better (a mutual best match)."""
    group_of: dict[Unit, int] = {}
    for number, group in enumerate(groups):
        if len(group) > 1:
            for unit in group:
                group_of[unit] = -1 if unit in group_of else number
    best: dict[tuple[int, int], tuple[float, Unit]] = {}
    cohesion: dict[int, float] = {}
    for unit, number in group_of.items():
        if number < 0:
            continue
        residual = _residual(unit, groups[number], vectors)
        candidates = {group_of[other] for other in links.get(unit, ()) if group_of.get(other, -1) >= 0} - {number}
        scores = []
        for candidate in candidates:
            group = groups[candidate]
            if any(article == unit[0] for article, _ in group):
                continue
            by_article: dict[int, float] = {}
            for other in group:
                by_article[other[0]] = max(by_article.get(other[0], 0.0), cosine(residual, _vector(other, vectors)))
            scores.append((sum(by_article.values()) / len(by_article), candidate))
        if scores:
            score, candidate = max(scores)
            key = (candidate, unit[0])
            if candidate not in cohesion:
                cohesion[candidate] = _cohesion(groups[candidate], links)
            if score >= max(SECOND_FACT_THRESHOLD, COHESION_SHARE * cohesion[candidate]) \
                    and score > best.get(key, (0.0, unit))[0]:
                best[key] = (score, unit)
    for (candidate, _), (_, unit) in best.items():
        groups[candidate].append(unit)


def _anchor_on_quotes(groups: list[list[Unit]], links: Links, vectors: list[list[Vector]],
                      quoted: list[ArticleQuotes]) -> None:
    """Outlets reproduce a direct quote word for word (a spun copy changes some words), so a
    fact in which two outlets carry the same quote is that quote: its reproduced words identify
    it. A member that uses under `QUOTE_COVER` of those words joined on the story's general
    vocabulary (the speaker's name, the subject): it leaves when it carries a quote of its own
    (a different statement) or when another fact fits it (it is already in one, or links to
    one's sentences on average as a group requires); a paraphrase of the quote stays."""
    live = [group for group in groups if _spans_outlets(group)]
    groups_of: dict[Unit, list[list[Unit]]] = {}
    for group in live:
        for unit in group:
            groups_of.setdefault(unit, []).append(group)
    for group in live:
        holders: set[Unit] = set()
        words: set[str] = set()
        for index, unit in enumerate(group):
            for other in group[index + 1:]:
                if other[0] == unit[0]:
                    continue
                for mine in quoted[unit[0]].get(unit[1], ()):
                    for theirs in quoted[other[0]].get(other[1], ()):
                        if same_quote(mine, theirs):
                            holders.update((unit, other))
                            words |= mine[1] & theirs[1]
        for member in [unit for unit in group if holders and unit not in holders]:
            if len(_plain_words(member, vectors) & words) >= QUOTE_COVER * len(words):
                continue
            elsewhere = [other for other in groups_of[member] if other is not group]
            fitting = None if elsewhere else _fitting_group(member, group, links, groups_of)
            if elsewhere or fitting is not None or quoted[member[0]].get(member[1]):
                group.remove(member)
                groups_of[member].remove(group)
                if fitting is not None:
                    fitting.append(member)
                    groups_of[member].append(fitting)


def _fitting_group(unit: Unit, leaving: list[Unit], links: Links,
                   groups_of: dict[Unit, list[list[Unit]]]) -> list[Unit] | None:
    """The group without `unit`'s article whose sentences it links to best on average (a
    missing link counting `UNLINKED` below zero), if that average reaches `GROUP_THRESHOLD`;
    only groups holding a sentence it links to can."""
    row = links.get(unit, {})
    best, found = GROUP_THRESHOLD, None
    candidates = {id(group): group for other in row for group in groups_of.get(other, ())}
    for group in candidates.values():
        if group is leaving or any(article == unit[0] for article, _ in group):
            continue
        average = sum(row.get(other, -UNLINKED) for other in group) / len(group)
        if average >= best:
            best, found = average, group
    return found


def _attach_by_amount(groups: list[list[Unit]], links: Links, vectors: list[list[Vector]],
                      amounts: list[list[Amounts]]) -> None:
    """A sentence giving two different sums (both penalties of a settlement in one line) states
    two facts, but its residual loses the second sum when other outlets' members of its first
    fact mention it too. Sums are what outlets copy exactly, so: when every outlet of a group
    gives one sum, and a linked sentence of an article missing from the group is that article's
    only statement of the sum, gives another sum besides, and uses every word the group's
    outlets all use (what they all say alongside the sum), it joins the group, unless another
    group equally qualifies (the sum alone cannot tell which), the group already took a
    sentence of its article, or it already states `MAX_FACTS_PER_SENTENCE` facts."""
    live = [group for group in groups if _spans_outlets(group)]
    facts_of = Counter(unit for group in live for unit in group)
    agreed = [(group, _agreed_amounts(group, amounts)) for group in live]
    stated: dict[Unit, list[tuple[str, float]]] = {}
    for group, sums_agreed in agreed:
        for unit in group:
            stated.setdefault(unit, []).extend(sums_agreed)
    claims: dict[tuple[Unit, tuple[str, float]], list[list[Unit]]] = {}
    for group, sums_agreed in agreed:
        if not sums_agreed:
            continue
        articles = {article for article, _ in group}
        core = set.intersection(*(_article_words(group, article, vectors) for article in articles))
        holders = {unit for member in group for unit in links.get(member, ()) if unit[0] not in articles}
        for amount in sums_agreed:
            for unit in holders:
                sums = amounts[unit[0]][unit[1]]
                stating = [sentence for sentence, given in enumerate(amounts[unit[0]]) if states_amount(given, amount)]
                if stating == [unit[1]] and any(not close_amounts(value, amount[1]) for _, value in sums) \
                        and core <= _plain_words(unit, vectors) and not states_amount(stated.get(unit, ()), amount):
                    claims.setdefault((unit, amount), []).append(group)
    for (unit, _), candidates in claims.items():
        group = candidates[0]
        if len(candidates) == 1 and facts_of[unit] < MAX_FACTS_PER_SENTENCE \
                and all(article != unit[0] for article, _ in group):
            group.append(unit)
            facts_of[unit] += 1


def _attach_other_figures(groups: list[list[Unit]], links: Links, amounts: list[list[Amounts]]) -> None:
    """A fact whose outlets all give one count is missing an outlet's sentence that says the
    same with a different count ("hire 35 new drivers" beside two outlets' "40 new drivers"):
    the shared figure raised their links, the different one could not. (Not for sums: a lede
    giving another sum than the others' total usually gives a part of it.) Such a
    sentence joins when it links to the fact's sentences `OTHER_FIGURE_LINK` on average, is its
    article's best-linked sentence to them, and states no fact yet, or is only the second half
    of another statement, which it matches less well; the figures are then compared."""
    live = [group for group in groups if _spans_outlets(group)]
    group_of: dict[Unit, list[Unit] | None] = {}
    for group in live:
        for unit in group:
            group_of[unit] = None if unit in group_of else group
    for group in live:
        agreed = _agreed_amounts(group, amounts)
        if not agreed:
            continue
        articles = {article for article, _ in group}
        best: dict[int, tuple[float, Unit]] = {}
        for unit in {other for member in group for other in links.get(member, ())}:
            given = amounts[unit[0]][unit[1]]
            if unit[0] in articles or not any(kind == "number" for kind, _ in given) \
                    or not any(kind == "number" for kind, _ in agreed) \
                    or any(states_amount(given, amount) for amount in agreed):
                continue
            average = _average_link(unit, group, links)
            if average >= OTHER_FIGURE_LINK and average > best.get(unit[0], (0.0, unit))[0] \
                    and _may_move(unit, average, group_of, links):
                best[unit[0]] = (average, unit)
        for _, unit in best.values():
            held = group_of.get(unit)
            if held is not None:
                held.remove(unit)
            group.append(unit)
            group_of[unit] = group


def _average_link(unit: Unit, group: list[Unit], links: Links) -> float:
    others = [member for member in group if member[0] != unit[0]]
    return sum(links[unit].get(member, 0.0) for member in others) / len(others) if others else 0.0


def _may_move(unit: Unit, average: float, group_of: dict[Unit, list[Unit] | None], links: Links) -> bool:
    """Whether `unit` is free to state another fact: it states none yet, or it is only the
    second half of its outlet's statement of one it matches less well."""
    if unit not in group_of:
        return True
    held = group_of[unit]
    return held is not None and sum(article == unit[0] for article, _ in held) > 1 \
        and _average_link(unit, held, links) < average


def _agreed_amounts(group: list[Unit], amounts: list[list[Amounts]]) -> list[tuple[str, float]]:
    """The sums every article of `group` gives (in any of its sentences there)."""
    by_article: dict[int, list[tuple[str, float]]] = {}
    for article, sentence in group:
        by_article.setdefault(article, []).extend(amounts[article][sentence])
    given = list(by_article.values())
    return [amount for amount in dict.fromkeys(given[0])
            if all(states_amount(other, amount) for other in given[1:])]


def _article_words(group: list[Unit], article: int, vectors: list[list[Vector]]) -> set[str]:
    """The words an outlet uses for the group's fact, over both halves if it split the statement."""
    return set().union(*(_plain_words(unit, vectors) for unit in group if unit[0] == article))


def _spans_outlets(group: list[Unit]) -> bool:
    """Whether the group holds more than one outlet's statement, which is what makes it a fact."""
    return len({article for article, _ in group}) > 1


def _plain_words(unit: Unit, vectors: list[list[Vector]]) -> set[str]:
    return {token for token in _vector(unit, vectors) if not is_anchor(token)}


def _cohesion(group: list[Unit], links: Links) -> float:
    """Average link between a group's sentences of different articles."""
    pairs = [(first, second) for index, first in enumerate(group) for second in group[index + 1:]
             if first[0] != second[0]]
    return sum(links.get(first, {}).get(second, 0.0) for first, second in pairs) / len(pairs) if pairs else 0.0


def _merge_touching(groups: list[list[Unit]], links: Links, vectors: list[list[Vector]],
                    compared: set[tuple[int, int]] | None) -> list[list[Unit]]:
    """Join groups that hold one sentence in common, or an outlet's two adjacent sentences, when
    together they still give each article one statement (or a split run) and the links across
    them average at least `MERGE_THRESHOLD`: pieces of one fact that no single link joined, such
    as the halves of a statement an outlet split, each matched by a different outlet's sentence."""
    alive: dict[int, frozenset[Unit]] = {number: frozenset(group) for number, group in enumerate(groups)
                                         if len(group) > 1}
    groups_of: dict[Unit, set[int]] = {}
    for number, group in alive.items():
        for unit in group:
            groups_of.setdefault(unit, set()).add(number)
    heap: list[tuple[float, int, int]] = []

    def consider(number: int) -> None:
        group = alive[number]
        touching = {other for article, sentence in group
                    for unit in ((article, sentence - 1), (article, sentence), (article, sentence + 1))
                    for other in groups_of.get(unit, ()) if other != number}
        for other in touching:
            union = group | alive[other]
            if union != group and union != alive[other]:
                score = _union_average(group, alive[other], links, vectors, compared)
                if score is not None and score >= MERGE_THRESHOLD:
                    heapq.heappush(heap, (-score, min(number, other), max(number, other)))

    for number in list(alive):
        consider(number)
    next_id = len(groups)
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in alive or b not in alive:
            continue
        union = alive.pop(a) | alive.pop(b)
        for unit in union:
            groups_of[unit].discard(a)
            groups_of[unit].discard(b)
            groups_of[unit].add(next_id)
        alive[next_id] = union
        consider(next_id)
        next_id += 1
    return [list(group) for group in alive.values()]


def _union_average(first: frozenset[Unit], second: frozenset[Unit], links: Links, vectors: list[list[Vector]],
                   compared: set[tuple[int, int]] | None) -> float | None:
    """Average link between the two groups' sentences of different articles, or None if the
    union would give an article two statements (anything but one adjacent run of `MAX_RUN`).
    Groups that share a sentence join by transitivity: a pair whose articles were compared
    and whose similarity is positive but too weak to link, each linked to a shared sentence,
    counts a share of the weaker of those links. That needs at least one direct link between
    the two sides; without one, the shared sentence states two facts, each matched by other
    outlets, and the groups stay apart. Articles never compared (two stories) infer nothing."""
    by_article: dict[int, set[int]] = {}
    for article, sentence in first | second:
        by_article.setdefault(article, set()).add(sentence)
    for sentences in by_article.values():
        if len(sentences) > MAX_RUN or max(sentences) - min(sentences) != len(sentences) - 1:
            return None
    bridges = first & second
    total, pairs, direct = 0.0, 0, 0
    for unit in first - second:
        row = links.get(unit, {})
        for other in second - first:
            if other[0] != unit[0]:
                if other in row:
                    total += row[other]
                    direct += 1
                else:
                    inferred = 0.0
                    if bridges and (compared is None or (min(unit[0], other[0]), max(unit[0], other[0])) in compared) \
                            and cosine(_vector(unit, vectors), _vector(other, vectors)) > 0:
                        inferred = max(min(row.get(bridge, 0.0), links.get(other, {}).get(bridge, 0.0))
                                       for bridge in bridges) * TRANSITIVE_SHARE
                    total += inferred if inferred > 0 else -UNLINKED
                pairs += 1
    if bridges and not direct:
        return None
    return total / pairs if pairs else None


def _average_linkage(links: Links) -> list[list[Unit]]:
    """Agglomerative clustering, best average link first, one statement per article. A pair of
    sentences with no link counts as `UNLINKED` below zero, so a sentence stating two facts
    cannot pull in a sentence that shares nothing with the rest of the group: two strong links
    and one missing would otherwise still average well."""
    members: dict[int, list[Unit]] = {}
    articles: dict[int, set[int]] = {}
    cluster_of: dict[Unit, int] = {}
    for number, unit in enumerate(links):
        members[number] = [unit]
        articles[number] = {unit[0]}
        cluster_of[unit] = number
    sums: dict[int, dict[int, float]] = {
        cluster_of[unit]: {cluster_of[other]: score + UNLINKED for other, score in neighbours.items()}
        for unit, neighbours in links.items()}
    heap = [(-score + UNLINKED, a, b) for a, row in sums.items() for b, score in row.items()
            if a < b and score - UNLINKED >= GROUP_THRESHOLD]
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
            average = total / (len(merged) * len(members[other])) - UNLINKED
            if average >= GROUP_THRESHOLD and not articles[other] & articles[next_id]:
                heapq.heappush(heap, (-average, other, next_id))
        sums[next_id] = row
        next_id += 1
    return list(members.values())


def _attach_split_halves(groups: list[list[Unit]], links: Links, vectors: list[list[Vector]],
                         own_link_suffices: bool = True) -> None:
    """Add a sentence next to a group member of its own article when, on average, it matches
    the other outlets' members as well as a split statement's half does, or when the two
    sentences read as one match those members clearly better than the member alone (a 2-1
    alignment: one outlet gives the lede's subject and its total in two sentences). A sentence
    next to members of two groups joins the one whose other outlets it matches best; a group
    takes one such sentence per outlet, and none for an outlet already giving it `MAX_RUN`.
    Run again once pairs and second facts have formed (a statement's second half can belong to
    one of those), it takes only the 2-1 reading (`own_link_suffices` False): many groups are
    then two sentences, and a neighbour's own link to the one other sentence says little."""
    grouped = {unit for group in groups if len(group) > 1 for unit in group}
    chosen: dict[Unit, tuple[float, int]] = {}
    for number, group in enumerate(groups):
        if len(group) < 2:
            continue
        for member in group:
            if sum(unit[0] == member[0] for unit in group) >= MAX_RUN:
                continue
            others = [unit for unit in group if unit[0] != member[0]]
            for neighbour in ((member[0], member[1] - 1), (member[0], member[1] + 1)):
                if neighbour in grouped or neighbour not in links:
                    continue
                scores = links[neighbour]
                average = sum(scores.get(unit, 0.0) for unit in others) / len(others)
                linked = own_link_suffices and average >= SPLIT_THRESHOLD
                if (linked or _completes(neighbour, member, others, vectors)) \
                        and average > chosen.get(neighbour, (-1.0, -1))[0]:
                    chosen[neighbour] = (average, number)
    best_run: dict[tuple[int, int], tuple[float, Unit]] = {}
    for neighbour, (average, number) in chosen.items():
        if average > best_run.get((number, neighbour[0]), (-1.0, neighbour))[0]:
            best_run[(number, neighbour[0])] = (average, neighbour)
    for (number, _), (_, neighbour) in best_run.items():
        groups[number].append(neighbour)


def _completes(neighbour: Unit, member: Unit, others: list[Unit], vectors: list[list[Vector]]) -> bool:
    """Whether `member` and `neighbour` together match the `others` (on average, by cosine)
    at least as a split half must and by `SPLIT_GAIN` more than `member` alone."""
    whole = _vector(member, vectors).copy()
    for token, weight in _vector(neighbour, vectors).items():
        whole[token] = whole.get(token, 0.0) + weight
    norm = sum(weight * weight for weight in whole.values()) ** 0.5 or 1.0
    alone = sum(cosine(_vector(member, vectors), _vector(other, vectors)) for other in others) / len(others)
    union = sum(cosine(whole, _vector(other, vectors)) for other in others) / len(others) / norm
    return union >= SPLIT_THRESHOLD and union >= SPLIT_GAIN * alone
