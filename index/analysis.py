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

from whoosh.analysis import Analyzer, Token
from whoosh.lang.porter import stem as porter_stem

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


class WordAnalyzer(Analyzer):
    """Tokenizes, normalises, splits hyphenated words and stems in one pass.

    Each distinct word's terms are worked out once and cached, so analysing an article costs
    a regular-expression scan and a dictionary lookup per word: indexing and highlighting are
    both dominated by this loop. When indexing, `well-known` yields the whole word and then
    `well`, `known` at consecutive positions, so phrases and single parts both match; in a
    query the parts alone are used (joined as a phrase by the field), which finds the
    hyphenated word and the spaced form.
    """

    CACHE_LIMIT = 500_000

    def __init__(self, stem: bool = True):
        self.stem = stem
        self._cache: dict[tuple[str, bool], tuple[tuple[str, int, int, int], ...]] = {}

    def __getstate__(self) -> dict[str, bool]:
        return {"stem": self.stem}

    def __setstate__(self, state: dict[str, bool]) -> None:
        self.__init__(**state)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordAnalyzer) and other.stem == self.stem

    def has_morph(self) -> bool:
        return self.stem

    def _term(self, text: str) -> str:
        return porter_stem(text) if self.stem and "*" not in text and "?" not in text else text

    def terms(self, word: str, query: bool) -> tuple[tuple[str, int, int, int], ...]:
        """(term, start, end, position offset) of each term one matched word stands for."""
        key = (word, query)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > self.CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = tuple(self._word_terms(word, query))
        return found

    def _word_terms(self, word: str, query: bool) -> Iterator[tuple[str, int, int, int]]:
        text = normalise_word(word)
        if not text:
            return
        if "-" not in text or not query:
            yield self._term(text), 0, len(word), 0
        if "-" in text:
            for number, part in enumerate(_PART.finditer(word.translate(_APOSTROPHES))):
                yield self._term(normalise_word(part.group())), part.start(), part.end(), number

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.text = self._term(normalise_word(value)) if value else value
            token.original = value
            token.boost, token.stopped = 1.0, False
            token.pos, token.startchar, token.endchar = start_pos, start_char, start_char + len(value)
            yield token
            return
        for text, position, startchar, endchar in self.spans(value, mode == "query", start_pos, start_char):
            token.text, token.boost, token.stopped = text, 1.0, False
            if keeporiginal:
                token.original = value[startchar - start_char:endchar - start_char]
            if positions:
                token.pos = position
            if chars:
                token.startchar, token.endchar = startchar, endchar
            yield token

    def positions(self, value: str, written: set[str] | None = None) -> dict[str, list[int]]:
        """Each indexed term of `value` and its word positions, as `spans` gives them: what a
        field's postings hold, found without character offsets (the indexing hot loop).
        `written`, when given, also gets the words as written, from the same scan."""
        found: dict[str, list[int]] = {}
        position = 0
        cache, terms_of = self._cache, self.terms
        words = TOKEN_PATTERN.findall(value)
        if written is not None:
            written.update(words)
        for word in words:
            terms = cache.get((word, False)) or terms_of(word, False)
            if not terms:
                position += 1
                continue
            for text, _, _, offset in terms:
                found.setdefault(text, []).append(position + offset)
            position += terms[-1][3] + 1
        return found

    def spans(self, value: str, query: bool = False, start_pos: int = 0,
              start_char: int = 0) -> Iterator[tuple[str, int, int, int]]:
        """(term, position, start, end) of every term of `value`: the analysis without Token objects."""
        position = start_pos
        for match in TOKEN_PATTERN.finditer(value):
            terms = self.terms(match.group(), query)
            if not terms:
                position += 1
                continue
            base = start_char + match.start()
            for text, start, end, offset in terms:
                yield text, position + offset, base + start, base + end
            position += terms[-1][3] + 1


def word_analyzer(stem: bool = True) -> WordAnalyzer:
    """The analyzer for article text, titles and quotes (`stem=False` for outlet names)."""
    return WordAnalyzer(stem)
