"""Reading a researcher's query: Whoosh syntax, repaired where it is malformed.

Whoosh silently drops or misreads broken input (an unclosed bracket empties the query, a bad
date becomes a whole year, an unknown field becomes two words). Before parsing, each such
mistake is found, described with its position, and repaired as well as can be guessed, so the
researcher sees what was wrong and still gets best-effort results.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.qparser import AndGroup, QueryParser, plugins
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from index.analysis import fold, straighten_quotes, word_analyzer
from index.phrases import adjacent_phrases
from index.schema import QUERY_FIELDS
from index.vocabulary import Vocabulary

_FIELD = re.compile(r"(?<![\w:])([A-Za-z_]\w*):")
_DATE_CLAUSE = re.compile(r"date:(\[[^\]]*\]?|\{[^}]*\}?|\S+)", re.IGNORECASE)
_DATE_VALUE = re.compile(r"\d{4}(?:-?\d{2}(?:-?\d{2})?)?$")
_RANGE_WORDS = re.compile(r"[\[\]{}]|\bto\b", re.IGNORECASE)
_STEM = word_analyzer()
WILDCARD_LIMIT = 1000
"""Most distinct words one wildcard may stand for; more would make a query slow and unfocused."""


@dataclass(frozen=True)
class QueryProblem:
    """What is wrong with the typed query, and where (0-based character offset)."""

    message: str
    position: int

    def __str__(self) -> str:
        return f"{self.message} (at character {self.position + 1})"

    def as_json(self) -> dict[str, object]:
        return {"message": self.message, "position": self.position}


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _check_dates(text: str, problems: list[QueryProblem]) -> str:
    for match in _DATE_CLAUSE.finditer(text):
        values = [value for value in _RANGE_WORDS.split(match.group(1)) if value.strip()]
        bad = [value.strip() for value in values if not _valid_date(value.strip())]
        if bad or not values:
            shown = bad[0] if bad else match.group(1)
            problems.append(QueryProblem(f"'{shown}' is not a date; write dates as 20230601 or 2023-06-01 "
                                         "(this date condition was left out)", match.start()))
            text = _blank(text, match.start(), match.end())
        elif len(values) == 2 and _day_key(values[0]) > _day_key(values[1], last=True):
            problems.append(QueryProblem(f"the date range {match.group(1)} ends before it starts; "
                                         "it was read the other way round", match.start()))
            first, second = values[0].strip(), values[1].strip()
            clause = f"date:[{second} to {first}]".ljust(match.end() - match.start())
            text = text[: match.start()] + clause + text[match.end():]
    return text


def _day_key(value: str, last: bool = False) -> str:
    """A comparable YYYYMMDD for a date typed at year, month or day precision."""
    digits = value.strip().replace("-", "")
    return digits + ("1231"[len(digits) - 4:] if last else "0101"[len(digits) - 4:])


def _valid_date(value: str) -> bool:
    if not _DATE_VALUE.match(value):
        return False
    digits = value.replace("-", "")
    month = int(digits[4:6]) if len(digits) >= 6 else 1
    day = int(digits[6:8]) if len(digits) >= 8 else 1
    return 1 <= month <= 12 and 1 <= day <= 31


def _check_fields(text: str, problems: list[QueryProblem]) -> str:
    for match in _FIELD.finditer(text):
        name = match.group(1)
        if text.count('"', 0, match.start()) % 2:
            continue
        if name.lower() in QUERY_FIELDS and (match.end() == len(text) or text[match.end()].isspace()):
            problems.append(QueryProblem(f"'{name}:' is followed by nothing to search for; it was left out",
                                         match.start()))
            text = _blank(text, match.start(), match.end())
        elif name.lower() in QUERY_FIELDS and name not in QUERY_FIELDS:
            text = text[: match.start()] + name.lower() + text[match.end(1):]
        elif name not in QUERY_FIELDS:
            problems.append(QueryProblem(f"unknown field '{name}:' (fields are {', '.join(QUERY_FIELDS)}); "
                                         "searched the article text instead", match.start()))
            text = _blank(text, match.start(), match.end())
    return text


def _balance(text: str, problems: list[QueryProblem]) -> str:
    """Close what was opened and drop what was never opened: quotes, parentheses, brackets."""
    closers = {"(": ")", "[": "]", "{": "}"}
    stack: list[tuple[str, int]] = []
    quote_at: int | None = None
    for position, char in enumerate(text):
        if char == '"':
            quote_at = None if quote_at is not None else position
        elif quote_at is not None:
            continue
        elif char in closers:
            stack.append((char, position))
        elif char in closers.values():
            if stack and closers[stack[-1][0]] == char:
                stack.pop()
            else:
                problems.append(QueryProblem(f"'{char}' closes nothing that was opened; it was ignored", position))
                text = _blank(text, position, position + 1)
    if quote_at is not None:
        problems.append(QueryProblem("a quotation mark opened here is never closed; the phrase was closed "
                                     "at the end of the query", quote_at))
        text += '"'
    for opener, position in reversed(stack):
        problems.append(QueryProblem(f"'{opener}' opened here is never closed; it was closed at the end "
                                     "of the query", position))
        text += closers[opener]
    return text


def repair(text: str) -> tuple[str, list[QueryProblem]]:
    """The query with its mistakes repaired, and the problems found (positions as typed)."""
    problems: list[QueryProblem] = []
    text = straighten_quotes(text)
    text = _check_dates(text, problems)
    text = _check_fields(text, problems)
    text = _balance(text, problems)
    problems.sort(key=lambda problem: problem.position)
    return text, problems


def make_parser(schema) -> QueryParser:
    parser = QueryParser("content", schema, group=AndGroup)
    parser.remove_plugin_class(plugins.SingleQuotePlugin)
    parser.remove_plugin_class(plugins.FieldsPlugin)
    parser.add_plugin(plugins.FieldsPlugin(remove_unknown=False))  # `note:` has no field; unknown ones are gone by now
    parser.add_plugin(plugins.PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    parser.add_plugin(plugins.FuzzyTermPlugin())
    return parser


def expand_wildcards(query: wq.Query, reader: IndexReader, vocabulary: Vocabulary,
                     problems: list[QueryProblem], typed: str) -> wq.Query:
    """Match wildcards and fuzzy words against the words as written, then search their stems.

    The text fields hold stems ("privaci"), so `privacy*` would find nothing there, and a slip
    in a word is a slip in what was typed, not in its stem (`penalites~`, two letters swapped,
    is one slip from "penalties" but two from its stem); the vocabulary keeps the written words,
    whose stems are what the fields hold. `typed` is the query as parsed, for the fuzzy words.
    """
    if isinstance(query, (wq.Wildcard, wq.Prefix, wq.FuzzyTerm)) and query.fieldname in ("content", "title", "quote"):
        if isinstance(query, wq.FuzzyTerm):
            pattern = fold(typed[query.startchar:query.endchar])
            words = vocabulary.within(pattern, query.maxdist)
        else:
            pattern = fold(query.text) + ("*" if isinstance(query, wq.Prefix) else "")
            words = vocabulary.matching(pattern)
        stems = sorted({token.text for word in words for token in _STEM(word)
                        if reader.doc_frequency(query.fieldname, token.text)})
        if len(stems) > WILDCARD_LIMIT:
            problems.append(QueryProblem(f"'{pattern}' matches {len(stems)} words; only the first "
                                         f"{WILDCARD_LIMIT} were searched", getattr(query, "startchar", 0) or 0))
            stems = stems[:WILDCARD_LIMIT]
        terms = [wq.Term(query.fieldname, stem) for stem in stems]
        return wq.Or(terms, boost=query.boost) if terms else wq.NullQuery
    return query.apply(lambda child: expand_wildcards(child, reader, vocabulary, problems, typed))


def parse(text: str, searcher: Searcher, vocabulary: Vocabulary) -> tuple[wq.Query, list[QueryProblem]]:
    """Parse a query typed by a researcher into a Whoosh query plus the problems found in it."""
    repaired, problems = repair(text)
    parser = make_parser(searcher.schema)
    try:
        parsed = parser.parse(repaired)
    except Exception as error:  # the parser's own errors become a problem and a plain-words search
        problems.append(QueryProblem(f"the query could not be read ({error}); searched for its words", 0))
        parsed = parser.parse(" ".join(re.findall(r"\w+", repaired)).lower())
    return adjacent_phrases(expand_wildcards(parsed, searcher.reader(), vocabulary, problems, repaired)), problems
