"""Rewritten copies: a story retold sentence by sentence in other words, clauses reordered
and words swapped, as content farms rewrite a wire story.

No passage survives such a rewrite word for word, but each sentence keeps most of its source
sentence's words in their order (function words, names, figures, the words no one bothers to
swap), and the sentences keep the story's order. So sentences are compared by the longest run
of words both have in order (after stemming and folding newsroom synonyms, quotations left
out: independent reports print the same statements), and the pairs of alike sentences are
chained in order through both articles; a rewrite is most of both articles, an independent
report of the same event shares a few facts in a few sentences.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from reader.articles.model import Article
from reader.provenance.spin import Words
from reader.words import word_token

SAME_SENTENCE = 0.4
"""Share of two sentences' words (Dice: twice the ordered common words over both lengths) for
them to be one sentence rewritten."""
REWRITTEN_SHARE = 0.6
"""Share of each article's words in the chain of rewritten sentences (harmonic mean of the two)
for the pair to be a rewritten copy."""
MIN_REWRITTEN_SENTENCES = 3
"""Fewer rewritten sentences than this is a shared fact or two, however short the articles."""
MIN_SHARED_FIGURES = 2
"""A retelling keeps the story's figures: two articles sharing fewer different numbers tell
different stories, however alike their sentences (templated copy), and are not aligned."""
MIN_SENTENCE_WORDS = 4
"""Sentences with fewer words left (after quotations) are datelines and captions, not prose."""


@dataclass(frozen=True)
class Sentence:
    """One sentence's unquoted words as tokens, and its character span in the article."""

    tokens: tuple[str, ...]
    start: int
    end: int

    @cached_property
    def distinct(self) -> frozenset[str]:
        return frozenset(self.tokens)

    @cached_property
    def repeats(self) -> int:
        return len(self.tokens) - len(self.distinct)

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each token's positions as the bits of one integer, for the bit-parallel subsequence count."""
        found: dict[str, int] = {}
        for index, token in enumerate(self.tokens):
            found[token] = found.get(token, 0) | (1 << index)
        return found


@dataclass(frozen=True)
class RewrittenSentence:
    """A sentence of each article found to be one sentence rewritten, and the words they keep in order."""

    a: Sentence
    b: Sentence
    kept: int


@dataclass(frozen=True)
class Rewrite:
    """The chain of rewritten sentences and the share of each article's words it covers."""

    sentences: tuple[RewrittenSentence, ...]
    share_a: float
    share_b: float

    @property
    def share(self) -> float:
        """The harmonic mean of both shares: a rewrite covers both articles, an excerpt only one."""
        total = self.share_a + self.share_b
        return 2 * self.share_a * self.share_b / total if total else 0.0

    @property
    def rewritten(self) -> bool:
        return len(self.sentences) >= MIN_REWRITTEN_SENTENCES and self.share >= REWRITTEN_SHARE


def sentences(article: Article, words: Words, quoted: bytearray) -> list[Sentence]:
    """The article's sentences as stemmed, synonym-folded tokens, quoted words left out."""
    found = []
    for start, end in article.sentences:
        first, last = bisect_left(words.starts, start), bisect_left(words.starts, end)
        tokens = tuple(word_token(words.lowers[index]) for index in range(first, last) if not quoted[index])
        if len(tokens) >= MIN_SENTENCE_WORDS:
            found.append(Sentence(tokens, start, end))
    return found


def _kept_in_order(left: Sentence, right: Sentence) -> int:
    """Length of the longest common subsequence of the two sentences' tokens, by the bit-parallel
    method of Crochemore et al. (2001): one integer operation per token of `right`."""
    positions = left.positions
    full = (1 << len(left.tokens)) - 1
    row = full
    for token in right.tokens:
        matched = row & positions.get(token, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(left.tokens) - row.bit_count()


def _rewritten_words(left: Sentence, right: Sentence) -> int:
    """Words the two sentences keep in order when they are one sentence rewritten, else 0."""
    kept = _kept_in_order(left, right)
    return kept if kept >= SAME_SENTENCE * (len(left.tokens) + len(right.tokens)) / 2 else 0


def _share(covered_a: int, covered_b: int, a: list[Sentence], b: list[Sentence]) -> tuple[float, float]:
    words_a, words_b = sum(len(item.tokens) for item in a), sum(len(item.tokens) for item in b)
    return covered_a / words_a if words_a else 0.0, covered_b / words_b if words_b else 0.0


def rewrite(a: list[Sentence], b: list[Sentence]) -> Rewrite:
    """The in-order chain of rewritten sentences covering the most words of both articles; an
    empty one when, even if every sentence pair that might be alike were, the chain could not
    reach REWRITTEN_SHARE (templated articles share many sentences' words but not most), or
    when they share too few figures to tell one story. The shared words (distinct ones plus the
    fewer repeats) bound the ordered count at the cost of one AND of the sentences' word bits."""
    figures_a, figures_b = ({token for item in side for token in item.tokens if token[0].isdigit()} for side in (a, b))
    if len(figures_a & figures_b) < MIN_SHARED_FIGURES:
        return Rewrite((), 0.0, 0.0)
    bits: dict[str, int] = {}
    masks_a, masks_b = ([sum(1 << bits.setdefault(token, len(bits)) for token in item.distinct) for item in side]
                        for side in (a, b))
    half = SAME_SENTENCE / 2
    possible = [[(mask_a & mask_b).bit_count() + min(left.repeats, right.repeats)
                 >= half * (len(left.tokens) + len(right.tokens)) for right, mask_b in zip(b, masks_b)]
                for left, mask_a in zip(a, masks_a)]
    bound = Rewrite((), *_share(sum(len(left.tokens) for left, row in zip(a, possible) if any(row)),
                                sum(len(right.tokens) for column, right in enumerate(b)
                                    if any(row[column] for row in possible)), a, b))
    if bound.share < REWRITTEN_SHARE:
        return Rewrite((), 0.0, 0.0)
    best = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    kept = [[0] * len(b) for _ in range(len(a))]
    for row, left in enumerate(a, 1):
        for column, right in enumerate(b, 1):
            best[row][column] = max(best[row - 1][column], best[row][column - 1])
            found = possible[row - 1][column - 1] and _rewritten_words(left, right)
            if found:
                kept[row - 1][column - 1] = found
                best[row][column] = max(best[row][column],
                                        best[row - 1][column - 1] + len(left.tokens) + len(right.tokens))
    chain: list[RewrittenSentence] = []
    row, column = len(a), len(b)
    while row and column:
        found = kept[row - 1][column - 1]
        if found and best[row][column] == best[row - 1][column - 1] + len(a[row - 1].tokens) + len(b[column - 1].tokens):
            chain.append(RewrittenSentence(a[row - 1], b[column - 1], found))
            row, column = row - 1, column - 1
        elif best[row][column] == best[row - 1][column]:
            row -= 1
        else:
            column -= 1
    chain.reverse()
    return Rewrite(tuple(chain), *_share(sum(len(item.a.tokens) for item in chain),
                                         sum(len(item.b.tokens) for item in chain), a, b))
