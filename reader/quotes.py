"""Direct quotes in an article: where they are, who said them and for which party.

`find_quotes(article)` returns every quoted stretch as a `Quote` whose offsets
point into `Article.text`, with the cue, the speaker mention (and its offsets), the
resolved speaker, the party id, a confidence and the rule that decided, so the UI
can colour quotes by party and explain each attribution. The quote's `text` is
the span between the marks (for a multi-paragraph quote, the paragraph break and
the re-opening mark are part of it).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from reader.attribution import (RULE_CONFIDENCE, ArticleSpeakers, Attribution, Token, _clause_subject, _is_according,
                                _is_cue, _NounPhrase, _np_starting_at, _subject_of, is_title, title_case,
                                tokens)
from reader.cue_verbs import is_participle
from reader.model import Article, Span
from reader.quote_marks import QuotedSpan, find_quoted_spans
from reader.speakers import SpeakerRegistry, load_registry

KINDS = ("direct", "partial", "continuation", "scare", "title")
_SHORT_QUOTE_WORDS = 4
_LEADING_PUNCT = set(",.;:!?”’\"'—–-)")


@dataclass(frozen=True)
class Quote:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    entity: str | None
    confidence: float
    rule: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "cue": self.cue, "speaker": self.speaker, "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end, "speaker_name": self.speaker_name, "entity": self.entity,
            "confidence": self.confidence, "rule": self.rule,
        }


class _Attributor:
    """Applies the attribution rules to an article's quoted stretches in reading order."""

    def __init__(self, article: Article, registry: SpeakerRegistry, spans: list[QuotedSpan]) -> None:
        self.article = article
        self.text = article.text
        self.spans = spans
        self.speakers = ArticleSpeakers(article, registry, spans)
        self.speakers.learn_people(article)
        self.sentence_starts = [start for start, _ in article.sentences]
        self.regions = sorted(article.paragraphs + article.headings)

    def _enclosing(self, position: int, spans: list[Span]) -> Span:
        for start, end in spans:
            if start <= position < end:
                return start, end
        return position, position

    def _sentence(self, position: int) -> Span:
        sentence = self._enclosing(position, self.article.sentences)
        return sentence if sentence[1] > sentence[0] else self._enclosing(position, self.regions)

    def _headline_style(self, position: int) -> bool:
        """Text set in title case (a headline) capitalises quotes too, so they may still be speech."""
        start = self._sentence(position)[0]
        words = [word for word in self.text[start:position].split() if word.isalpha()]
        return len(words) >= 3 and title_case(words)

    def _paragraph_index(self, position: int) -> int:
        return bisect.bisect_right([start for start, _ in self.regions], position) - 1

    def _found(self, phrase: _NounPhrase | None, cue: Token | None, rule: str) -> Attribution | None:
        if phrase is None or phrase.end <= phrase.start:
            return None
        name, entity, certainty = self.speakers.resolve(phrase)
        return Attribution(
            cue.text if cue else None, cue.start if cue else None, self.text[phrase.start:phrase.end],
            phrase.start, phrase.end, name, entity, round(RULE_CONFIDENCE[rule] * certainty, 2), rule)

    def _according(self, toks: list[Token], index: int, rule: str) -> Attribution | None:
        phrase = _np_starting_at(toks, index + 2, len(toks))
        cue = Token(toks[index].start, toks[index + 1].end, self.text[toks[index].start:toks[index + 1].end])
        return self._found(phrase, cue, rule)

    def _cue_speaker(self, toks: list[Token], index: int, low: int, rule: str) -> Attribution | None:
        """Speaker of the cue at `toks[index]`: subject before, inverted after, or the clause before a participle."""
        if _is_according(toks, index):
            return self._according(toks, index, "according-to")
        cue = toks[index]
        if is_participle(cue.text) and index > low and toks[index - 1].text == ",":
            return self._found(_clause_subject(toks, index - 1, 0), cue, rule)
        phrase = _subject_of(toks, index, low)
        if phrase is None and index + 1 < len(toks):
            phrase = _np_starting_at(toks, index + 1, len(toks))
        return self._found(phrase, cue, rule)

    def _right_after(self, span: QuotedSpan, high: int) -> Attribution | None:
        """`“…,” Amazon said` or `“…,” said Samuel Levine, director of …`."""
        toks = tokens(self.text, span.close + 1, high)
        first = 0
        while first < len(toks) and toks[first].text in _LEADING_PUNCT:
            first += 1
        if first >= len(toks):
            return None
        if _is_according(toks, first):
            return self._according(toks, first, "according-to")
        if _is_cue(toks, first) and not is_participle(toks[first].text):
            return self._found(_np_starting_at(toks, first + 1, len(toks)), toks[first], "quote-cue-speaker")
        for index in range(first + 1, min(len(toks), first + 30)):
            if toks[index].text in ".;!?“\"":
                break
            if _is_cue(toks, index) and not is_participle(toks[index].text):
                phrase = _subject_of(toks, index, first)
                if phrase is not None and phrase.start == toks[first].start:
                    return self._found(phrase, toks[index], "quote-speaker-cue")
                break
        return None

    def _before(self, low: int, span: QuotedSpan) -> Attribution | None:
        """A colon introduction or the nearest cue earlier in the sentence."""
        sentence_start = self._sentence(span.open)[0]
        toks = tokens(self.text, sentence_start, span.open)
        first = next((k for k, tok in enumerate(toks) if tok.start >= low), len(toks))
        for index in range(len(toks) - 1, first - 1, -1):
            if _is_according(toks, index) or _is_cue(toks, index):
                rule = "colon" if toks and toks[-1].text == ":" else "cue-before"
                return self._cue_speaker(toks, index, 0, rule)
        if toks[first:] and toks[-1].text == ":":
            return self._found(_np_starting_at(toks, first, len(toks) - 1), None, "colon")
        return None

    def _colon_intro(self, span: QuotedSpan) -> Attribution | None:
        """A quote opening a paragraph after `…, the company wrote:` at the end of the one before."""
        before = self.text[:span.open].rstrip()
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        sentence_start = self._sentence(colon)[0]
        toks = tokens(self.text, sentence_start, colon + 1)
        for index in range(len(toks) - 1, -1, -1):
            if _is_according(toks, index) or _is_cue(toks, index):
                return self._cue_speaker(toks, index, 0, "colon")
        return self._found(_np_starting_at(toks, 0, len(toks) - 1), None, "colon")

    def _after(self, span: QuotedSpan, high: int) -> Attribution | None:
        """`…, the FTC said.` or `…, according to the FTC.` later in the sentence."""
        toks = tokens(self.text, span.close + 1, high)
        for index, tok in enumerate(toks):
            if _is_according(toks, index):
                return self._according(toks, index, "according-to")
            if not _is_cue(toks, index):
                continue
            if index > 0 and toks[index - 1].text == "," and not is_participle(tok.text):
                found = self._found(_np_starting_at(toks, index + 1, len(toks)), tok, "cue-after")
                if found:
                    return found
            phrase = _subject_of(toks, index, 0)
            if phrase is not None:
                before = [t for t in toks if t.end <= phrase.start]
                if before and before[-1].text == ",":
                    return self._found(phrase, tok, "cue-after")
        return None

    def attribute(self) -> list[Quote]:
        quotes: list[Quote] = []
        attributions: list[Attribution | None] = []
        for number, span in enumerate(self.spans):
            previous = self.spans[number - 1] if number else None
            following = self.spans[number + 1] if number + 1 < len(self.spans) else None
            sentence = self._sentence(span.open)
            end_sentence = self._sentence(max(span.close - 1, span.start))
            low = max(sentence[0], previous.close + 1) if previous and previous.close < span.open else sentence[0]
            high = end_sentence[1]
            if following and span.close < following.open < high:
                high = following.open
            body = self.text[span.start:span.end]
            opens_sentence = not self.text[low:span.open].strip(" \t\n(")
            same_sentence = previous is not None and previous.close >= sentence[0]
            found: Attribution | None = None
            if is_title(body) and not opens_sentence and not self._headline_style(span.open):
                found = None
            else:
                found = (self._right_after(span, high) or self._before(low, span) or self._after(span, high)
                         or (self._colon_intro(span) if opens_sentence else None))
                if found is None and previous is not None and attributions and attributions[-1]:
                    inherited = attributions[-1]
                    if same_sentence:
                        found = _inherit(inherited, "same-sentence")
                    elif opens_sentence and self._paragraph_index(span.open) - self._paragraph_index(previous.close) <= 1:
                        found = _inherit(inherited, "continuation")
            kind = self._kind(span, body, found, low, opens_sentence, attributions, previous)
            if found is not None and found.rule == "continuation":
                kind = "continuation"
            attributions.append(found)
            if found is not None and found.speaker_start is not None:
                self.speakers.note_speaker(found.speaker_start, found.speaker_end, found.entity)
            quotes.append(self._quote(span, body, kind, found))
        return quotes

    def _kind(self, span: QuotedSpan, body: str, found: Attribution | None, low: int, opens_sentence: bool,
              attributions: list[Attribution | None], previous: QuotedSpan | None) -> str:
        if found is None:
            if is_title(body) and not opens_sentence and not self._headline_style(span.open):
                return "title"
            if len(body.split()) <= _SHORT_QUOTE_WORDS and not opens_sentence:
                return "scare"
        if found is not None and attributions and attributions[-1] and found.cue_start is not None \
                and attributions[-1].cue_start == found.cue_start and opens_sentence is False \
                and self.text[low:span.open].strip()[-1:] == ",":
            return "continuation"
        lead = self.text[low:span.open].rstrip()
        if opens_sentence or lead.endswith(":"):
            return "direct"
        if lead.endswith(",") and found is not None and found.cue_start is not None and found.cue_start < span.open:
            return "direct"
        return "partial"

    def _quote(self, span: QuotedSpan, body: str, kind: str, found: Attribution | None) -> Quote:
        if found is None:
            rule = kind if kind in ("scare", "title") else "unattributed"
            return Quote(f"{self.article.id}:{span.start}-{span.end}", self.article.id, span.start, span.end,
                         body, kind, None, None, None, None, None, None, RULE_CONFIDENCE[rule], rule)
        rule = "split-quote" if kind == "continuation" and found.rule != "continuation" else found.rule
        confidence = found.confidence if rule == found.rule else RULE_CONFIDENCE[rule]
        return Quote(f"{self.article.id}:{span.start}-{span.end}", self.article.id, span.start, span.end, body,
                     kind, found.cue, found.speaker, found.speaker_start, found.speaker_end, found.speaker_name,
                     found.entity, confidence, rule)


def _inherit(attribution: Attribution, rule: str) -> Attribution:
    return Attribution(attribution.cue, attribution.cue_start, attribution.speaker, attribution.speaker_start,
                       attribution.speaker_end, attribution.speaker_name, attribution.entity,
                       round(min(attribution.confidence, RULE_CONFIDENCE[rule]), 2), rule)


def find_quotes(article: Article, registry: SpeakerRegistry | None = None) -> list[Quote]:
    """Every quoted stretch of the article, attributed where the text allows, in reading order."""
    registry = registry or load_registry()
    regions = sorted(article.paragraphs + article.headings)
    spans = find_quoted_spans(article.text, regions)
    return _Attributor(article, registry, spans).attribute()
