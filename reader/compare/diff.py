"""Word-level comparison of articles, as spans into each article's text.

Long or dissimilar articles are compared in two levels, as Meld and git do with lines:
paragraphs are aligned first (then sentences inside unequal paragraphs), and only aligned
pairs are word-diffed. Word diffs run diff-match-patch over whole tokens, so no word is
ever split. Every limit that made part of a result coarse is recorded in `limits`, never
passed off as a real diff.
"""
from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

from reader.compare.alignment import DELETE, EQUAL, INSERT, diff_keys, pair_units
from reader.articles.model import Article, Span
from reader.compare.moves import Move, find_moves
from reader.articles.sentences import split_sentences
from reader.tokens import NUMBER_TOKEN, CompareOptions, compared_tokens, normalize, words

WORD_DIFF_CHARS = 300
"""Passages at most this long (both sides together) are word-diffed directly; longer ones
are aligned by paragraph or sentence first, which keeps dissimilar texts fast."""

PAIR_CELLS = 100_000
"""Largest passages x passages table paired exhaustively; larger runs of unequal
passages are split in proportional chunks first (recorded as a limit)."""

TIME_LIMIT = 10.0
"""Seconds one comparison may take before the remaining word diffs turn coarse."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Segment:
    """A run of text that is equal in both, only in the first (delete) or only in the second."""

    op: str
    a: Span
    b: Span


@dataclass(frozen=True)
class Change:
    """One place the texts differ: what `a` had and what `b` has instead (either may be empty)."""

    a: Span
    b: Span
    a_numbers: tuple[Span, ...] = ()
    b_numbers: tuple[Span, ...] = ()
    moved: bool = False

    @property
    def number(self) -> bool:
        """Whether a number is among the changed words: amounts, dates and counts matter most."""
        return bool(self.a_numbers or self.b_numbers)

    @property
    def edit(self) -> str:
        if self.a[0] == self.a[1]:
            return "inserted"
        if self.b[0] == self.b[1]:
            return "deleted"
        return "replaced"

    @property
    def kind(self) -> str:
        if self.moved:
            return "moved"
        return "number" if self.number else self.edit

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "a": list(self.a), "b": list(self.b),
                "a_numbers": [list(span) for span in self.a_numbers],
                "b_numbers": [list(span) for span in self.b_numbers]}


@dataclass(frozen=True)
class Limit:
    """A part of the comparison that is coarser than a word diff, and why."""

    a: Span
    b: Span
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"a": list(self.a), "b": list(self.b), "reason": self.reason}


@dataclass
class Comparison:
    """How passage `b_range` of `b_text` differs from passage `a_range` of `a_text`."""

    a_id: str
    b_id: str
    a_text: str
    b_text: str
    a_range: Span
    b_range: Span
    options: CompareOptions
    segments: list[Segment]
    changes: list[Change]
    moves: list[Move]
    limits: list[Limit] = field(default_factory=list)
    seconds: float = 0.0

    def ops(self) -> list[tuple[str, str]]:
        """(op, text) pairs: equal+delete texts rebuild passage a, equal+insert passage b.

        Text the options call equal but that differs character for character is given as a
        deletion plus an insertion, so the ops always rebuild both texts exactly.
        """
        ops: list[tuple[str, str]] = []
        for segment in self.segments:
            a_part = self.a_text[segment.a[0]:segment.a[1]]
            b_part = self.b_text[segment.b[0]:segment.b[1]]
            if segment.op == EQUAL and a_part == b_part:
                ops.append((EQUAL, a_part))
                continue
            if a_part:
                ops.append((DELETE, a_part))
            if b_part:
                ops.append((INSERT, b_part))
        return ops

    def moves_in(self, change: Change) -> list[Move]:
        """The moved passages that make up part of `change`, with where each one went."""
        return [move for move in self.moves if _within(move.a, change.a) or _within(move.b, change.b)]

    def stats(self) -> dict[str, Any]:
        equal = sum(s.a[1] - s.a[0] for s in self.segments if s.op == EQUAL)
        deleted = sum(s.a[1] - s.a[0] for s in self.segments if s.op == DELETE)
        inserted = sum(s.b[1] - s.b[0] for s in self.segments if s.op == INSERT)
        ignored = sum(1 for s in self.segments if s.op == EQUAL
                      and self.a_text[s.a[0]:s.a[1]] != self.b_text[s.b[0]:s.b[1]])
        total = (self.a_range[1] - self.a_range[0]) + (self.b_range[1] - self.b_range[0])
        return {
            "equal_chars": equal,
            "deleted_chars": deleted,
            "inserted_chars": inserted,
            "similarity": round(2 * equal / total, 4) if total else 1.0,
            "changes": len(self.changes),
            "number_changes": sum(1 for change in self.changes if change.number),
            "moves": len(self.moves),
            "ignored_differences": ignored,
            "limits": len(self.limits),
            "seconds": round(self.seconds, 4),
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "a": self.a_id,
            "b": self.b_id,
            "ops": [list(op) for op in self.ops()],
            "stats": self.stats(),
            "options": self.options.as_json(),
            "changes": [change.as_json() for change in self.changes],
            "moves": [move.as_json() for move in self.moves],
            "limits": [limit.as_json() for limit in self.limits],
        }


@dataclass
class _Side:
    """One text being compared, with the cuts (paragraph starts, sentence starts) per level."""

    text: str
    levels: list[list[int]]
    sentences: list[Span]


def _paragraph_starts(text: str, start: int, end: int) -> list[int]:
    return [match.end() for match in _PARAGRAPH_BREAK.finditer(text, start, end) if match.end() < end]


def _side(text: str, span: Span, paragraphs: Sequence[Span] | None, sentences: Sequence[Span] | None) -> _Side:
    """Cuts from the article's own paragraphs and sentences, or found in plain text."""
    start, end = span
    if paragraphs:
        paragraph_cuts = [p[0] for p in paragraphs if start < p[0] < end]
    else:
        paragraph_cuts = _paragraph_starts(text, start, end)
    if not sentences:
        bounds = [start, *paragraph_cuts, end]
        sentences = [s for first, last in zip(bounds, bounds[1:]) for s in split_sentences(text, (first, last))]
    inside = [s for s in sentences if start <= s[0] and s[1] <= end]
    return _Side(text, [paragraph_cuts, [s[0] for s in inside if s[0] > start]], inside)


def _units(span: Span, cuts: list[int]) -> list[Span]:
    """`span` cut at every cut inside it: units that tile it exactly."""
    first = bisect.bisect_right(cuts, span[0])
    last = bisect.bisect_left(cuts, span[1])
    bounds = [span[0], *cuts[first:last], span[1]]
    return list(zip(bounds, bounds[1:]))


class _Comparer:
    """The state of one comparison: both texts, options, the clock and the limits hit."""

    def __init__(self, a: _Side, b: _Side, options: CompareOptions, time_limit: float) -> None:
        self.a, self.b = a, b
        self.options = options
        self.deadline = time.monotonic() + time_limit
        self.limits: list[Limit] = []

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def compare(self, a_span: Span, b_span: Span, level: int = 0) -> list[Segment]:
        if level == len(self.a.levels) or _length(a_span) + _length(b_span) <= WORD_DIFF_CHARS:
            return self.word_diff(a_span, b_span)
        a_units = _units(a_span, self.a.levels[level])
        b_units = _units(b_span, self.b.levels[level])
        if len(a_units) == 1 and len(b_units) == 1:
            return self.compare(a_span, b_span, level + 1)
        a_keys = [normalize(self.a.text[s:e], self.options) for s, e in a_units]
        b_keys = [normalize(self.b.text[s:e], self.options) for s, e in b_units]
        runs, timed_out = diff_keys(a_keys, b_keys, max(self.remaining(), 0.0), cleanup=False)
        if timed_out:
            self.limits.append(Limit(a_span, b_span, "time limit reached while aligning passages"))
        segments: list[Segment] = []
        i = j = 0
        a_at, b_at = a_span[0], b_span[0]
        for op, count in runs:
            if op == EQUAL:
                segments += self.gap(a_units[_first(a_at, a_units):i], b_units[_first(b_at, b_units):j],
                                     (a_at, b_at), level)
                a_at, b_at = a_units[i + count - 1][1], b_units[j + count - 1][1]
                segments.append(Segment(EQUAL, (a_units[i][0], a_at), (b_units[j][0], b_at)))
            i += count if op != INSERT else 0
            j += count if op != DELETE else 0
        segments += self.gap(a_units[_first(a_at, a_units):], b_units[_first(b_at, b_units):], (a_at, b_at), level)
        return segments

    def gap(self, a_units: list[Span], b_units: list[Span], at: tuple[int, int], level: int) -> list[Segment]:
        """Unequal passages starting at offsets `at`: paired by shared words, then compared finer."""
        a_span = (a_units[0][0], a_units[-1][1]) if a_units else (at[0], at[0])
        b_span = (b_units[0][0], b_units[-1][1]) if b_units else (at[1], at[1])
        if not a_units or not b_units:
            return _one_sided(a_span, b_span)
        if _length(a_span) + _length(b_span) <= WORD_DIFF_CHARS:
            return self.word_diff(a_span, b_span)
        if len(a_units) * len(b_units) > PAIR_CELLS:
            return self.chunked(a_units, b_units, level)
        a_words = [words(self.a.text[s:e]) for s, e in a_units]
        b_words = [words(self.b.text[s:e]) for s, e in b_units]
        segments: list[Segment] = []
        i = j = 0
        for pair_i, pair_j in [*pair_units(a_words, b_words), (len(a_units), len(b_units))]:
            a_at = a_units[pair_i][0] if pair_i < len(a_units) else a_span[1]
            b_at = b_units[j][0] if j < len(b_units) else b_span[1]
            if i < pair_i:
                segments.append(Segment(DELETE, (a_units[i][0], a_at), (b_at, b_at)))
            b_at = b_units[pair_j][0] if pair_j < len(b_units) else b_span[1]
            if j < pair_j:
                segments.append(Segment(INSERT, (a_at, a_at), (b_units[j][0], b_at)))
            if pair_i < len(a_units) and pair_j < len(b_units):
                segments += self.compare(a_units[pair_i], b_units[pair_j], level + 1)
            i, j = pair_i + 1, pair_j + 1
        return segments

    def chunked(self, a_units: list[Span], b_units: list[Span], level: int) -> list[Segment]:
        """Too many unequal passages to pair exhaustively: pair within proportional chunks."""
        chunks = -(-len(a_units) * len(b_units) // PAIR_CELLS)
        self.limits.append(Limit((a_units[0][0], a_units[-1][1]), (b_units[0][0], b_units[-1][1]),
                                 f"{len(a_units)} x {len(b_units)} unequal passages paired "
                                 f"within {chunks} chunks in reading order"))
        segments: list[Segment] = []
        at = (a_units[0][0], b_units[0][0])
        for chunk in range(chunks):
            a_part = a_units[len(a_units) * chunk // chunks:len(a_units) * (chunk + 1) // chunks]
            b_part = b_units[len(b_units) * chunk // chunks:len(b_units) * (chunk + 1) // chunks]
            segments += self.gap(a_part, b_part, at, level)
            at = (a_part[-1][1] if a_part else at[0], b_part[-1][1] if b_part else at[1])
        return segments

    def word_diff(self, a_span: Span, b_span: Span) -> list[Segment]:
        a_keys, a_ends = compared_tokens(self.a.text, *a_span, self.options)
        b_keys, b_ends = compared_tokens(self.b.text, *b_span, self.options)
        if not a_keys and not b_keys:
            return [Segment(EQUAL, a_span, b_span)]
        if not a_keys or not b_keys:
            return _one_sided(a_span, b_span)
        budget = self.remaining()
        runs, timed_out = diff_keys(a_keys, b_keys, max(budget, 0.0))
        if timed_out:
            self.limits.append(Limit(a_span, b_span, "time limit reached: words compared coarsely"))
        segments: list[Segment] = []
        a_pos, b_pos, i, j = a_span[0], b_span[0], 0, 0
        for op, count in runs:
            a_end, b_end = a_pos, b_pos
            if op in (EQUAL, DELETE):
                i += count
                a_end = a_ends[i - 1]
            if op in (EQUAL, INSERT):
                j += count
                b_end = b_ends[j - 1]
            segments.append(Segment(op, (a_pos, a_end), (b_pos, b_end)))
            a_pos, b_pos = a_end, b_end
        return segments


def _length(span: Span) -> int:
    return span[1] - span[0]


def _first(offset: int, units: list[Span]) -> int:
    """Index of the first unit starting at or after `offset`."""
    return bisect.bisect_left(units, (offset, offset))


def _one_sided(a_span: Span, b_span: Span) -> list[Segment]:
    """Text only one side has (either may be empty too): a deletion then an insertion."""
    segments = []
    if _length(a_span):
        segments.append(Segment(DELETE, a_span, (b_span[0], b_span[0])))
    if _length(b_span):
        segments.append(Segment(INSERT, (a_span[1], a_span[1]), b_span))
    return segments


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbouring segments of the same op joined; deletions put before insertions."""
    merged: list[Segment] = []
    for segment in segments:
        if not _length(segment.a) and not _length(segment.b):
            continue
        if merged and merged[-1].op == segment.op:
            last = merged.pop()
            segment = Segment(segment.op, (last.a[0], segment.a[1]), (last.b[0], segment.b[1]))
        elif merged and merged[-1].op == INSERT and segment.op == DELETE and len(merged) > 1 \
                and merged[-2].op == DELETE:
            insert, delete = merged.pop(), merged.pop()
            merged.append(Segment(DELETE, (delete.a[0], segment.a[1]), delete.b))
            segment = Segment(INSERT, (segment.a[1], segment.a[1]), insert.b)
        merged.append(segment)
    return merged


def _numbers(text: str, span: Span) -> tuple[Span, ...]:
    """Number tokens in `span`; most changed passages have no digit, and looking for one
    is twice as fast as trying the number pattern (with its look-behind) at every offset."""
    if not _DIGIT.search(text, *span):
        return ()
    return tuple(match.span() for match in NUMBER_TOKEN.finditer(text, *span))


def _changes(segments: list[Segment], a_text: str, b_text: str, moves: list[Move]) -> list[Change]:
    """Each run of deletions and insertions between equal text, as one change."""
    changes: list[Change] = []
    run: list[Segment] = []
    moved_a = sorted(move.a for move in moves)
    moved_b = sorted(move.b for move in moves)
    for segment in [*segments, None]:
        if segment is not None and segment.op != EQUAL:
            run.append(segment)
            continue
        if run:
            a = (run[0].a[0], run[-1].a[1])
            b = (run[0].b[0], run[-1].b[1])
            moved = _covers(moved_a, a) or _covers(moved_b, b)
            changes.append(Change(a, b, _numbers(a_text, a), _numbers(b_text, b), moved))
            run = []
    return changes


def _within(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner[0] < inner[1]


def _covers(moved: list[Span], span: Span) -> bool:
    """Whether a moved passage lies inside `span` (moved spans sorted, not overlapping)."""
    index = bisect.bisect_left(moved, (span[0], span[0]))
    return index < len(moved) and moved[index][1] <= span[1] and moved[index][0] < moved[index][1]


def compare_texts(a_text: str, b_text: str, options: CompareOptions = CompareOptions(), *,
                  a_range: Span | None = None, b_range: Span | None = None,
                  a_structure: tuple[Sequence[Span], Sequence[Span]] | None = None,
                  b_structure: tuple[Sequence[Span], Sequence[Span]] | None = None,
                  a_id: str = "a", b_id: str = "b", time_limit: float = TIME_LIMIT) -> Comparison:
    """Compare two passages (whole texts by default); structures are (paragraphs, sentences)."""
    started = time.monotonic()
    a_range = a_range or (0, len(a_text))
    b_range = b_range or (0, len(b_text))
    a_side = _side(a_text, a_range, *(a_structure or (None, None)))
    b_side = _side(b_text, b_range, *(b_structure or (None, None)))
    comparer = _Comparer(a_side, b_side, options, time_limit)
    segments = _merged(comparer.compare(a_range, b_range))
    moves = find_moves(a_text, [s.a for s in segments if s.op == DELETE], a_side.sentences,
                       b_text, [s.b for s in segments if s.op == INSERT], b_side.sentences, options)
    return Comparison(a_id, b_id, a_text, b_text, a_range, b_range, options, segments,
                      _changes(segments, a_text, b_text, moves), moves, comparer.limits,
                      time.monotonic() - started)


def compare_articles(a: Article, b: Article, options: CompareOptions = CompareOptions(), *,
                     a_span: Span | None = None, b_span: Span | None = None,
                     time_limit: float = TIME_LIMIT) -> Comparison:
    """Compare two articles (or one passage of each), using their own paragraphs and sentences."""
    return compare_texts(a.text, b.text, options, a_range=a_span, b_range=b_span,
                         a_structure=(a.paragraphs, a.sentences), b_structure=(b.paragraphs, b.sentences),
                         a_id=a.id, b_id=b.id, time_limit=time_limit)


@dataclass
class Collation:
    """Several articles (or one passage of each, e.g. one fact across outlets) against a base."""

    members: list[tuple[Article, Span | None]]
    base: int
    options: CompareOptions
    comparisons: dict[int, Comparison]

    def rebased(self, base: int) -> "Collation":
        """The same members compared against another base (the researcher switched outlet)."""
        return collate(self.members, base, self.options)

    def as_json(self) -> dict[str, Any]:
        return {"base": self.members[self.base][0].id,
                "comparisons": [comparison.as_json() for comparison in self.comparisons.values()]}


def collate(members: Sequence[tuple[Article, Span | None]] | Sequence[Article], base: int = 0,
            options: CompareOptions = CompareOptions(), time_limit: float = TIME_LIMIT) -> Collation:
    """Compare the base member with every other one.

    Members are articles, or (article, span) pairs such as the sentences one fact was found
    in across outlets; a span of None means the whole article.
    """
    pairs = [member if isinstance(member, tuple) else (member, None) for member in members]
    if not 0 <= base < len(pairs):
        raise IndexError(f"base {base} is not one of the {len(pairs)} members")
    base_article, base_span = pairs[base]
    comparisons = {
        index: compare_articles(base_article, article, options, a_span=base_span, b_span=span,
                                time_limit=time_limit)
        for index, (article, span) in enumerate(pairs) if index != base
    }
    return Collation(pairs, base, options, comparisons)
