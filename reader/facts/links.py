"""Linking the sentences of two articles that may state the same fact.

Every sentence similarity above a floor becomes a link. Outlets copy some things exactly, so
links are adjusted for them: two sentences giving the same sum are raised and two giving only
different sums of money lowered; two carrying one quote of one speaker are linked at least by
the share of its words they give. Weak matches that two articles place between the same
confident matches are linked too (anchor and gap). `reader.facts.groups` turns the links into
facts.
"""
from __future__ import annotations

from reader.facts.similarity import Postings, Vector, similarity_rows
from reader.facts.statement_kinds import different_kinds

Unit = tuple[int, int]  # (article index, sentence index)
Amounts = tuple[tuple[str, float], ...]  # a sentence's sums of money, percentages and large counts
QuoteWords = tuple[str, frozenset[str]]  # a quote's speaker ("" if unknown) and content words
ArticleQuotes = dict[int, list[QuoteWords]]  # by sentence: the quotes it carries
Links = dict[Unit, dict[Unit, float]]

MIN_LINK = 0.1  # weaker similarities are shared vocabulary, not shared content
SHARED_AMOUNT_BONUS = 0.1
GAP_ANCHOR = 0.2  # a mutual best match this strong fixes where two articles tell the same part
GAP_FLOOR = 0.08  # the least similarity a pair between two such anchors needs
GAP_BONUS = 0.05  # what its place between the anchors adds to its claim to be a fact
QUOTE_WORDS = 3  # content words a quote needs to identify a statement ('for years' does not)
SAME_QUOTE = 0.5  # share of the longer quote's words another outlet's quote reproduces when both are one quote
MAX_GAP = 5  # sentences between two anchors, in either article, that still make a narrow gap


def link_articles(first: int, second: int, first_vectors: list[Vector], second_postings: Postings,
                  links: Links, mutual: list[tuple[float, Unit, Unit]],
                  amounts: tuple[list[Amounts], list[Amounts]] = ([], []),
                  quotes: tuple[ArticleQuotes, ArticleQuotes] = ({}, {}),
                  kinds: tuple[list[str | None], list[str | None]] = ([], [])) -> None:
    """Add every similarity worth keeping between two articles to `links`; note mutual best matches,
    and weak matches that lie between two confident ones in both articles (`gap_pairs`).
    `amounts` holds each sentence's amounts in the two articles (see `weigh_amounts`), `quotes`
    the words of the quotes they carry (see `weigh_quotes`), `kinds` whether each is an
    allegation or an order term (see `separate_kinds`)."""
    rows = similarity_rows(first_vectors, second_postings)
    if kinds[0] and kinds[1]:
        separate_kinds(rows, *kinds)
    if amounts[0] and amounts[1]:
        weigh_amounts(rows, *amounts)
    if quotes[0] and quotes[1]:
        weigh_quotes(rows, *quotes)
    for i, row in enumerate(rows):
        for j, score in row.items():
            if score >= MIN_LINK:
                _link(links, (first, i), (second, j), score)
    best = mutual_best_matches(rows)
    mutual.extend((score, (first, i), (second, j)) for i, j, score in best if score >= MIN_LINK)
    for i, j, score in gap_pairs(rows, best):
        _link(links, (first, i), (second, j), score)
        mutual.append((score + GAP_BONUS, (first, i), (second, j)))


def mutual_best_matches(rows: list[dict[int, float]]) -> list[tuple[int, int, float]]:
    """(row, column, similarity) for each pair of sentences that are each other's best match
    (the first of equals); the strongest evidence two articles state one thing there."""
    column_best: dict[int, tuple[int, float]] = {}
    for i, row in enumerate(rows):
        for j, score in row.items():
            if score > column_best.get(j, (-1, 0.0))[1]:
                column_best[j] = (i, score)
    return [(i, j, score) for j, (i, score) in column_best.items()
            if max(rows[i].items(), key=lambda item: item[1])[0] == j]


def gap_pairs(rows: list[dict[int, float]], best: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Anchor-and-gap alignment (as in Gale–Church style sentence alignment): confident mutual
    best matches (`GAP_ANCHOR`) cut the two articles into stretches; between two consecutive
    anchors that keep the articles' order, the sentences of one stretch that are each other's
    best match within the other stretch state the same thing even on a weak lexical match,
    since both outlets tell that part of the story in the same place. `best` is the rows'
    `mutual_best_matches`. Returns (row, column, similarity) for each such pair at or above
    `GAP_FLOOR`."""
    anchors = sorted((i, j) for i, j, score in best if score >= GAP_ANCHOR)
    anchored_columns = {j for _, j in anchors}
    found: list[tuple[int, int, float]] = []
    for (i0, j0), (i1, j1) in zip(anchors, anchors[1:]):
        if not (j0 < j1 and 1 < i1 - i0 <= MAX_GAP + 1 and j1 - j0 <= MAX_GAP + 1):
            continue
        best_in_row: dict[int, tuple[int, float]] = {}
        best_in_column: dict[int, tuple[int, float]] = {}
        for i in range(i0 + 1, i1):
            for j, score in rows[i].items():
                if j0 < j < j1 and j not in anchored_columns:
                    if score > best_in_row.get(i, (-1, 0.0))[1]:
                        best_in_row[i] = (j, score)
                    if score > best_in_column.get(j, (-1, 0.0))[1]:
                        best_in_column[j] = (i, score)
        found.extend((i, j, score) for i, (j, score) in best_in_row.items()
                     if best_in_column[j][0] == i and score >= GAP_FLOOR)
    return found


def separate_kinds(rows: list[dict[int, float]], first: list[str | None], second: list[str | None]) -> None:
    """An allegation and an order term share their words ("used the recordings to train its
    algorithms") but never state one fact: their similarity is dropped."""
    for i, row in enumerate(rows):
        if first[i] is None:  # a sentence of neither kind may match either
            continue
        for j in [j for j in row if different_kinds(first[i], second[j])]:
            del row[j]


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
            if any(states_amount(theirs, amount) for amount in mine):
                row[j] = score + SHARED_AMOUNT_BONUS


def weigh_quotes(rows: list[dict[int, float]], first: ArticleQuotes, second: ArticleQuotes) -> None:
    """Outlets reproduce a direct quote word for word, and the rest of their two sentences may
    share little: two sentences carrying one quote of one speaker (`same_quote`) are matched at
    least as well as the share of its words they both give."""
    for i, mine in first.items():
        row = rows[i]
        for j in row:
            for theirs in second.get(j, ()):
                for quote in mine:
                    row[j] = max(row[j], same_quote(quote, theirs))


def same_quote(first: QuoteWords, second: QuoteWords) -> float:
    """The share of the longer quote's words the other gives, when that makes them one quote
    (`SAME_QUOTE`), else 0. Measured on the longer, so a fragment that one outlet quotes from a
    long statement (a few words any statement on the subject may use) is not that statement.
    Two known speakers must be one: a stock line ("no company is above the law") said by two
    officials in two stories is two statements. Stricter than the test for an attribution
    discrepancy, which looks for one statement credited to different speakers and must not
    miss it; this one raises links, so it must not invent them."""
    (speaker, words), (other_speaker, other_words) = first, second
    if speaker and other_speaker and speaker != other_speaker:
        return 0.0
    share = len(words & other_words) / (max(len(words), len(other_words)) or 1)
    return share if share >= SAME_QUOTE else 0.0


def close_amounts(first: float, second: float) -> bool:
    """Two sums within 10%: `$30 million` and `nearly $31 million` give one amount."""
    return max(first, second) <= 1.1 * min(first, second)


def states_amount(given: Amounts | list[tuple[str, float]], amount: tuple[str, float]) -> bool:
    """Whether one of the `given` (kind, value) amounts is `amount` (`close_amounts`)."""
    return any(kind == amount[0] and close_amounts(value, amount[1]) for kind, value in given)


def _link(links: Links, first: Unit, second: Unit, score: float) -> None:
    links.setdefault(first, {})[second] = score
    links.setdefault(second, {})[first] = score
