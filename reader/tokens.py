"""Word tokens for comparison: the smallest units a diff may mark as changed.

A diff that splits a word ("Ama[-zon-]{+ra+}") is unreadable for a legal comparison, so the
diff engine only ever works on whole tokens: words, numbers, whitespace runs and single
punctuation marks. Tokens tile the text exactly, so spans built from them rebuild it.
Numbers keep their separators ("1,200,000", "2.5", "25th") so a changed amount is one token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from reader.articles.model import Span

_NUMBER = r"\d+(?:[.,]\d+)*[^\W_]*"
WORD_PATTERN = re.compile(r"\w+(?:['’]\w+)*")
"""A word with its apostrophes ("company's", "don’t"): what diffs and quotations are compared by."""
_TOKEN = re.compile(_NUMBER + "|" + WORD_PATTERN.pattern + r"|\s+|.", re.DOTALL)
NUMBER_TOKEN = re.compile(r"(?<!\w)" + _NUMBER)
"""A number token on its own (not the digits inside a word such as "B2B")."""

WORD, NUMBER, SPACE, PUNCTUATION = "word", "number", "space", "punctuation"

_QUOTE_STYLE = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
                              "‘": "'", "’": "'", "‚": "'", "‹": "'", "›": "'", "′": "'"})


@dataclass(frozen=True)
class CompareOptions:
    """Differences a researcher may choose to disregard, as legal comparison tools offer."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_quote_style: bool = False
    ignore_whitespace: bool = False

    def as_json(self) -> dict[str, bool]:
        return {"ignore_case": self.ignore_case, "ignore_punctuation": self.ignore_punctuation,
                "ignore_quote_style": self.ignore_quote_style,
                "ignore_whitespace": self.ignore_whitespace}


_EXACT = CompareOptions()


def token_kind(token: str) -> str:
    first = token[0]
    if first.isdigit():
        return NUMBER
    if first.isspace():
        return SPACE
    if first.isalnum() or first == "_":
        return WORD
    return PUNCTUATION


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Token spans tiling `text[start:end]` exactly."""
    stop = len(text) if end is None else end
    return [match.span() for match in _TOKEN.finditer(text, start, stop)]


def token_key(token: str, options: CompareOptions) -> str | None:
    """What a token is compared as under `options`; None when the options disregard it."""
    kind = token_kind(token)
    if kind == SPACE:
        return " " if options.ignore_whitespace else token
    if kind == PUNCTUATION:
        if options.ignore_punctuation:
            return None
        if options.ignore_quote_style:
            token = token.translate(_QUOTE_STYLE)
    elif options.ignore_quote_style:
        token = token.translate(_QUOTE_STYLE)
    return token.casefold() if options.ignore_case else token


def compared_tokens(text: str, start: int, end: int, options: CompareOptions) -> tuple[list[str], list[int]]:
    """Keys of the tokens of `text[start:end]` the options compare, and where each one's extent ends.

    Tokens the options disregard ride along in the extent of the compared token before them
    (leading ones in the first extent), so extents still tile the span exactly.
    """
    if options == _EXACT:
        keys = _TOKEN.findall(text, start, end)
        return keys, list(accumulate(map(len, keys), initial=start))[1:]
    keys = []
    ends = []
    for match in _TOKEN.finditer(text, start, end):
        key = token_key(match.group(), options)
        if key is None or (key.isspace() and keys and keys[-1].isspace()):
            if ends:
                ends[-1] = match.end()
            continue
        keys.append(key)
        ends.append(match.end())
    if ends:
        ends[-1] = end
    return keys, ends


_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def normalize(text: str, options: CompareOptions) -> str:
    """A passage's text as the options see it, for matching whole paragraphs and sentences."""
    if options.ignore_punctuation:
        text = _PUNCTUATION.sub("", text)
    elif options.ignore_quote_style:
        text = text.translate(_QUOTE_STYLE)
    if options.ignore_whitespace or options.ignore_punctuation:
        text = _SPACES.sub(" ", text)
    return text.casefold() if options.ignore_case else text


_FUNCTION_WORDS = frozenset("a an and are as at be by for from has have he her his in is it its of on or "
                            "she that the their they this to was were will with".split())


def words(text: str) -> frozenset[str]:
    """The distinct content words of a passage, case folded: what pairing similar passages
    looks at (function words would make any two English sentences look alike)."""
    return frozenset(_WORDS.findall(text.casefold())) - _FUNCTION_WORDS
