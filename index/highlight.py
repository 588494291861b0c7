"""Finding matched words as character spans of the stored article text.

The stored content is exactly `Article.text`, and the analyzer keeps each token's start and
end in it, so a span found here is a true offset the UI can paint without searching again.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile
from typing import Collection, Iterable, Iterator, Sequence

from index.analysis import TOKEN_PATTERN, fold, word_analyzer
from index.results import Passage
from reader.articles.model import Span

SNIPPET_CHARS = 200
PHRASE_WORD_CHARS = 64
"""Text looked at per phrase word after a phrase's first word: longer than any word and its gap."""

_ANALYZER = word_analyzer()


def matched_spans(text: str, terms: Collection[str], phrases: Sequence[Sequence[str]] = ()) -> list[Span]:
    """Spans of the words of `text` whose index term is in `terms`, or that form one of `phrases`.

    Phrase words are marked only where the whole phrase occurs, not wherever a word of it does.
    """
    if not text or not (terms or phrases):
        return []
    spans = list(_term_spans(text, frozenset(terms))) if terms else []
    for words in phrases:
        spans.extend(_phrase_spans(text, words))
    return merge(spans)


def _phrase_spans(text: str, words: Sequence[str]) -> Iterator[Span]:
    """Spans of the words of each occurrence of a phrase: found where its first word is, then
    checked by analysing the words that follow it (only as many as the phrase has: an occurrence
    starting further on is found from its own first word)."""
    reach = PHRASE_WORD_CHARS * len(words)
    following = len(words)
    for start, _ in _term_spans(text, frozenset(words[:1])):
        tokens = takewhile(lambda token: token[1] < following, _ANALYZER.spans(text[start:start + reach]))
        at = {(pos, term): (start + begin, start + end) for term, pos, begin, end in tokens}
        if all((i, word) in at for i, word in enumerate(words)):
            yield from (at[i, word] for i, word in enumerate(words))


class _FoldTable(dict):
    """str.translate table folding each character to one lowercase, accent-free character (or itself)."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded if len(folded) == 1 else chr(code)
        return self[code]


_FOLD = _FoldTable()


@lru_cache(maxsize=256)
def _candidates(terms: frozenset[str]) -> re.Pattern[str]:
    """Where a word with one of `terms` may start: the start of its term (of its first digit for figures).

    Stems keep all but the last letters of the word they come from ("privaci" from "privacy"),
    so a term less its last two letters is a safe prefix; each candidate is then analysed.
    """
    prefixes = {term[:1] if term[0].isdigit() else term[:max(1, len(term) - 2)] for term in terms if term}
    alternatives = "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?<!\w')[$€£]?(?:{alternatives})", re.IGNORECASE)


def _term_spans(text: str, terms: frozenset[str]) -> Iterator[Span]:
    """Spans of the tokens of `text` whose term is in `terms`, analysing only likely words.

    Equivalent to analysing every word (a test holds it to that), several times faster: the
    regular expression skips words that cannot match in C rather than one by one in Python.
    """
    folded = text.lower() if text.isascii() else text.translate(_FOLD)
    for candidate in _candidates(terms).finditer(folded):
        word = TOKEN_PATTERN.match(text, candidate.start())
        if word is None:
            continue
        base = candidate.start()
        for term, start, end, _ in _ANALYZER.terms(word.group(), False):
            if term in terms:
                yield base + start, base + end


def merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def passages(paragraphs: Sequence[Sequence[int]], spans: Sequence[Span]) -> list[Passage]:
    """The paragraphs holding highlights, in text order, with how many each holds."""
    found: list[Passage] = []
    index = 0
    for number, (start, end) in enumerate(paragraphs, start=1):
        count = 0
        while index < len(spans) and spans[index][0] < end:
            if spans[index][0] >= start:
                count += 1
            index += 1
        if count:
            found.append(Passage(number, start, end, count))
    return found


def snippet_span(text: str, spans: Sequence[Span], found: Sequence[Passage]) -> Span:
    """A short stretch of text around the first match of the busiest paragraph, cut at spaces."""
    floor, anchor = 0, None
    if found:
        best = max(found, key=lambda passage: passage.matches)
        floor = best.start
        anchor = next(span for span in spans if best.start <= span[0] < best.end)
    elif spans:
        anchor = spans[0]
    start = max(floor, anchor[0] - SNIPPET_CHARS // 3) if anchor else floor
    if anchor and start > floor:
        space = text.find(" ", start, anchor[0])
        start = space + 1 if space != -1 else start
    while start < len(text) and text[start].isspace():
        start += 1
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end
