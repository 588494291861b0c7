"""How article text becomes search terms, identically when indexing and when querying.

Legal researchers search for exact figures and names, so the analyzer keeps numbers such as
`55,000` and `$5.8` whole, treats curly and straight apostrophes alike (`children’s` finds
`children's`), folds case and accents, stems English words, and indexes a hyphenated word
both whole and by its parts. Every token keeps the character offsets of the words it came
from in the original text, so a highlight is a true span of `Article.text`.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from whoosh.analysis import Filter, RegexTokenizer, StemFilter, Token

TOKEN_PATTERN = re.compile(
    r"[$€£]?\d+(?:[.,]\d+)*(?!\w)"  # amounts and figures: 55,000  $5.8  2023
    r"|\w+(?:['’ʼ‘\-‐‑]\w+)*"  # words, with inner apostrophes and hyphens
)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "‐": "-", "‑": "-"})
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
                              "’": "'", "‘": "'", "‚": "'", "‛": "'", "ʼ": "'"})
_PART = re.compile(r"[^\-]+")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def fold(text: str) -> str:
    """Lowercase, accent-free, straight-apostrophe form of a word."""
    if not text.isascii():
        text = text.translate(_APOSTROPHES)
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text.lower()


def straighten_quotes(query: str) -> str:
    """Curly quotation marks typed or pasted into a query behave as straight ones."""
    return query.translate(_QUOTE_MARKS)


def normalise_word(text: str) -> str:
    """The term a single word or figure stands for, before stemming."""
    text = fold(text)
    if text[0] in "$€£":
        text = text[1:]
    elif text.endswith("'s"):
        text = text[:-2]
    if "," in text and _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    return text


class WordFilter(Filter):
    """Normalises each word, and splits hyphenated words into their parts.

    When indexing, `well-known` yields the whole word and then `well`, `known` at consecutive
    positions, so phrases and single parts both match. In a query the parts alone are used
    (joined as a phrase by the field), which finds the hyphenated word and the spaced form.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        shift = 0
        for token in tokens:
            original = token.text
            text = normalise_word(original)
            if not text:
                continue
            if token.positions:
                token.pos += shift
            if "-" not in text:
                token.text = text
                yield token
                continue
            parts = [(m.group(), m.start()) for m in _PART.finditer(original.translate(_APOSTROPHES))]
            start = token.startchar if token.chars else 0
            position = token.pos if token.positions else 0
            if token.mode != "query":
                token.text = text
                yield token
            for number, (part, offset) in enumerate(parts):
                token.text = normalise_word(part)
                if token.positions:
                    token.pos = position + number
                if token.chars:
                    token.startchar = start + offset
                    token.endchar = start + offset + len(part)
                yield token
            shift += len(parts) - 1


class WordStemFilter(StemFilter):
    """English stemming that leaves wildcard patterns alone (`geoloc?tion` must not become `geoloc?t`)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stem = self._stem
        for token in tokens:
            if "*" not in token.text and "?" not in token.text:
                token.text = stem(token.text)
            yield token


def word_analyzer(stem: bool = True):
    """The analyzer for article text, titles and quotes (`stem=False` for outlet names).

    The stem cache is unbounded: a corpus's vocabulary is small, and a plain dict is fastest.
    """
    chain = RegexTokenizer(TOKEN_PATTERN) | WordFilter()
    if stem:
        chain = chain | WordStemFilter(cachesize=-1)
    return chain
