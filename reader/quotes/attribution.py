"""Attribute a quoted stretch to a speaker mention and resolve it to a party.

News attributes speech in a few shapes, tried from the most to the least reliable:
the cue right after the quote (`“…,” Amazon said` / `“…,” said Samuel Levine, director
of the FTC’s Bureau…`), a colon introduction, a cue earlier in the sentence
(`Ring argued that it had “promptly”…`, `…, adding that …`), a cue later in the
sentence (`…, the FTC said.`), a quote sharing a sentence with an attributed one,
and a quote that continues the previous speaker. The speaker mention is then
resolved by `reader.quotes.speaker_resolution`. Every decision records the rule that made
it, so the UI can explain an attribution.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from reader.quotes.cue_verbs import is_participle, lemma
from reader.articles.model import Article, Span
from reader.quotes.noun_phrases import (NounPhrase, Token, bare, clause_subject, is_according, is_cue, is_title,
                                        np_ending_at, np_starting_at, subject_of, title_case, tokens)
from reader.quotes.marks import QuotedSpan
from reader.quotes.speaker_words import (CLAUSE_INTRODUCERS, DETERMINERS, DOCUMENTS, LEADING_WORDS, PRONOUNS,
                                         SKIP_BEFORE_CUE)
from reader.quotes.speaker_resolution import ArticleSpeakers
from reader.quotes.speakers import SpeakerRegistry

SHORT_QUOTE_WORDS = 4
MAX_FINDING_OBJECT_WORDS = 4
"""Words `found` may have as its object before the quote it introduces (`found the port “…”`)."""
_LEADING_PUNCT = set(",.;:!?”’\"'—–-)")

_CITED = re.compile(r"\s+in\s+the\s+(?:[\w-]+\s+){0,2}?(\w+)\b")
"""`wrote in the report`: the document a speaker speaks through, named before."""
RULE_CONFIDENCE = {
    "quote-cue-speaker": 0.95, "quote-speaker-cue": 0.95, "colon": 0.9, "split-quote": 0.9,
    "cue-before": 0.85, "according-to": 0.85, "cue-after": 0.8, "same-sentence": 0.8,
    "continuation": 0.8, "sentence-before": 0.65, "unattributed": 0.5, "title": 0.6, "scare": 0.6,
}


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, through which cue, and why."""

    cue: str | None
    cue_start: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    entity: str | None
    confidence: float
    rule: str


@dataclass(frozen=True)
class AttributedSpan:
    span: QuotedSpan
    kind: str
    attribution: Attribution


class Attributor:
    """Applies the attribution rules to an article's quoted stretches in reading order."""

    def __init__(self, article: Article, registry: SpeakerRegistry, spans: list[QuotedSpan]) -> None:
        self.article = article
        self.text = article.text
        self.spans = spans
        self.speakers = ArticleSpeakers(article, registry, spans)
        self.regions = sorted(article.paragraphs + article.headings)
        self._region_starts = [start for start, _ in self.regions]
        self._sentence_starts = [start for start, _ in article.sentences]

    @staticmethod
    def _enclosing(position: int, spans: list[Span], starts: list[int]) -> Span:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and spans[index][0] <= position < spans[index][1]:
            return spans[index]
        return position, position

    def _sentence(self, position: int) -> Span:
        sentence = self._enclosing(position, self.article.sentences, self._sentence_starts)
        return sentence if sentence[1] > sentence[0] else self._enclosing(position, self.regions, self._region_starts)

    def _headline_style(self, position: int) -> bool:
        """Text set in title case (a headline) capitalises quotes too, so they may still be speech."""
        start = self._sentence(position)[0]
        words = [word for word in self.text[start:position].split() if word.isalpha()]
        return len(words) >= 3 and title_case(words)

    def _paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self._region_starts, position) - 1

    def _found(self, phrase: NounPhrase | None, cue: Token | None, rule: str) -> Attribution | None:
        if phrase is None or phrase.end <= phrase.start:
            return None
        cited = _CITED.match(self.text, cue.end) if cue else None
        name, entity, certainty = self.speakers.resolve(
            phrase, cited.group(1).lower() if cited and cited.group(1).lower() in DOCUMENTS else None)
        return Attribution(
            cue.text if cue else None, cue.start if cue else None, self.text[phrase.start:phrase.end],
            phrase.start, phrase.end, name, entity, round(RULE_CONFIDENCE[rule] * certainty, 2), rule)

    def _according(self, toks: list[Token], index: int, rule: str) -> Attribution | None:
        phrase = np_starting_at(toks, index + 2, len(toks))
        cue = Token(toks[index].start, toks[index + 1].end, self.text[toks[index].start:toks[index + 1].end])
        return self._found(phrase, cue, rule)

    def _cue_speaker(self, toks: list[Token], index: int, low: int, rule: str) -> Attribution | None:
        """Speaker of the cue at `toks[index]`: subject before, inverted after, or the clause before a participle."""
        if is_according(toks, index):
            return self._according(toks, index, "according-to")
        cue = toks[index]
        if is_participle(cue.text) and index > low and toks[index - 1].text == ",":
            return self._found(clause_subject(toks, index - 1, 0), cue, rule)
        phrase = subject_of(toks, index, low)
        if phrase is None and _shares_subject(toks, index, low):
            earlier = next((k for k in range(index - 2, low - 1, -1) if is_cue(toks, k)), None)
            if earlier is not None:
                return self._cue_speaker(toks, earlier, low, rule)
            phrase = _relative_antecedent(toks, index, low)
        if phrase is None and index + 1 < len(toks):
            phrase = np_starting_at(toks, index + 1, len(toks))
        return self._found(phrase, cue, rule)

    def _right_after(self, span: QuotedSpan, high: int) -> Attribution | None:
        """`“…,” Amazon said` or `“…,” said Samuel Levine, director of …`."""
        toks = tokens(self.text, span.close + 1, high)
        first = 0
        while first < len(toks) and toks[first].text in _LEADING_PUNCT:
            first += 1
        if first >= len(toks):
            return None
        if is_according(toks, first):
            return self._according(toks, first, "according-to")
        if is_cue(toks, first) and not is_participle(toks[first].text):
            return self._found(np_starting_at(toks, first + 1, len(toks)), toks[first], "quote-cue-speaker")
        for index in range(first + 1, min(len(toks), first + 30)):
            if toks[index].text in ".;!?“\"":
                break
            if is_cue(toks, index) and not is_participle(toks[index].text):
                phrase = subject_of(toks, index, first)
                if phrase is not None and (phrase.start == toks[first].start or (
                        _plain_words(toks, first, phrase.start)
                        and self.text[phrase.start:phrase.end].lower() not in PRONOUNS)):
                    phrase = replace(phrase, start=toks[first].start)
                    return self._found(phrase, toks[index], "quote-speaker-cue")
                leading = _leading_subject(self.text, toks, first, index, phrase)
                return self._found(leading, toks[index], "quote-speaker-cue") if leading else None
        return None

    def _before(self, low: int, span: QuotedSpan) -> Attribution | None:
        """A colon introduction or the nearest cue earlier in the sentence."""
        sentence_start = self._sentence(span.open)[0]
        toks = tokens(self.text, sentence_start, span.open)
        first = next((k for k, tok in enumerate(toks) if tok.start >= low), len(toks))
        for index in range(len(toks) - 1, first - 1, -1):
            if is_according(toks, index) or is_cue(toks, index):
                rule = "colon" if toks and toks[-1].text == ":" else "cue-before"
                return self._cue_speaker(toks, index, 0, rule)
            if _finding_quoted(toks, index):
                subject = np_starting_at(toks, _main_clause(toks, first), index)
                return self._found(subject, toks[index], "cue-before")
        if toks[first:] and toks[-1].text == ":":
            return self._found(np_starting_at(toks, _main_clause(toks, first), len(toks) - 1), None, "colon")
        return self._headline_colon(toks[first:])

    def _headline_colon(self, toks: list[Token]) -> Attribution | None:
        """`FTC: Ring spying could occur “entirely undetected”`: a headline's `Party:` names who says it."""
        colon = next((k for k, tok in enumerate(toks[:5]) if tok.text == ":"), None)
        if not colon:
            return None
        found = self._found(np_starting_at(toks, 0, colon), None, "colon")
        return found if found is not None and found.entity is not None else None

    def _colon_intro(self, span: QuotedSpan) -> Attribution | None:
        """A quote opening a paragraph after `…, the company wrote:` at the end of the one before."""
        before = self.text[:span.open].rstrip()
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        sentence_start = self._sentence(colon)[0]
        toks = tokens(self.text, sentence_start, colon + 1)
        for index in range(len(toks) - 1, -1, -1):
            if is_according(toks, index) or is_cue(toks, index):
                return self._cue_speaker(toks, index, 0, "colon")
        return self._found(np_starting_at(toks, _main_clause(toks, 0), len(toks) - 1), None, "colon")

    def _sentence_before(self, span: QuotedSpan, previous: QuotedSpan | None) -> Attribution | None:
        """`Amazon denies violating the law. “While we disagree…”`: the quote speaks for the subject
        of the sentence just before it in the same paragraph."""
        paragraph = self._paragraph_index(span.open)
        sentence_start = self._sentence(span.open)[0]
        index = bisect.bisect_right(self._sentence_starts, sentence_start - 1) - 1
        if index < 0:
            return None
        before = self.article.sentences[index]
        if before[1] > sentence_start or previous is not None and previous.close >= before[0]:
            return None
        toks = tokens(self.text, before[0], before[1])
        if self._paragraph_index(before[0]) != paragraph:
            return self._document_before(toks, span, paragraph)
        for index in range(len(toks)):
            if is_cue(toks, index) and not is_according(toks, index):
                found = self._cue_speaker(toks, index, 0, "sentence-before")
                if found is not None:
                    return found
        found = self._found(np_starting_at(toks, 0, len(toks)), None, "sentence-before")
        return found if found is not None and found.entity is not None else None

    def _document_before(self, toks: list[Token], span: QuotedSpan, paragraph: int) -> Attribution | None:
        """`Okafor’s opinion was blunt.` then a paragraph that is only a quote: the quote is the
        document's words, and speaks for who issued it."""
        region = self.regions[paragraph]
        if self.text[region[0]:span.open].strip() or self.text[span.close + 1:region[1]].strip(" .\n") \
                or paragraph - self._paragraph_index(toks[0].start) != 1:
            return None
        phrase = np_starting_at(toks, 0, len(toks))
        if phrase is None or bare(self.text[phrase.start:phrase.end].split()[-1].lower()) not in DOCUMENTS:
            return None
        found = self._found(phrase, None, "sentence-before")
        return found if found is not None and found.entity is not None else None

    def _after(self, span: QuotedSpan, high: int) -> Attribution | None:
        """`…, the FTC said.` or `…, according to the FTC.` later in the sentence."""
        toks = tokens(self.text, span.close + 1, high)
        for index, tok in enumerate(toks):
            if is_according(toks, index):
                return self._according(toks, index, "according-to")
            if not is_cue(toks, index):
                continue
            if index > 0 and toks[index - 1].text == "," and not is_participle(tok.text):
                found = self._found(np_starting_at(toks, index + 1, len(toks)), tok, "cue-after")
                if found:
                    return found
            phrase = subject_of(toks, index, 0)
            if phrase is not None:
                before = [t for t in toks if t.end <= phrase.start]
                if before and before[-1].text == ",":
                    return self._found(phrase, tok, "cue-after")
        return None

    def attribute(self) -> list[AttributedSpan]:
        """Each quoted stretch with its kind and final attribution, in reading order."""
        results: list[AttributedSpan] = []
        attributions: list[Attribution | None] = []
        for number, span in enumerate(self.spans):
            previous = self.spans[number - 1] if number else None
            following = self.spans[number + 1] if number + 1 < len(self.spans) else None
            sentence = self._sentence(span.open)
            low = max(sentence[0], previous.close + 1) if previous and previous.close < span.open \
                and not self._narration_ends(previous) else sentence[0]
            high = self._sentence(max(span.close - 1, span.start))[1]
            if following and span.close < following.open < high:
                high = following.open
            body = self.text[span.start:span.end]
            opens_sentence = not self.text[low:span.open].strip(" \t\n(")
            found: Attribution | None = None
            if not (is_title(body) and not opens_sentence and not self._headline_style(span.open)):
                found = (self._right_after(span, high) or self._before(low, span) or self._after(span, high)
                         or (self._colon_intro(span) if opens_sentence else None))
                if found is None and previous is not None and attributions and attributions[-1]:
                    if previous.close >= sentence[0]:
                        found = _inherit(attributions[-1], "same-sentence")
                    elif opens_sentence and self._paragraph_index(span.open) - self._paragraph_index(previous.close) <= 1:
                        found = _inherit(attributions[-1], "continuation")
                if found is None and opens_sentence:
                    found = self._sentence_before(span, previous)
            kind = self._kind(span, body, found, low, opens_sentence, attributions[-1] if attributions else None)
            attributions.append(found)
            if found is not None and found.speaker_start is not None:
                self.speakers.note_speaker(found.speaker_start, found.speaker_end, found.entity)
            results.append(AttributedSpan(span, kind, _settle(kind, found)))
        return results

    def _narration_ends(self, previous: QuotedSpan) -> bool:
        """`“…for years.  “Harbor note posted Friday, port chief Omar Reyes said, “We accept…`: a quote left
        open that ends on `said,` right before the next opening mark was narration (a mark lost in
        the page), so the cue is read for the next quote."""
        if previous.closed:
            return False
        toks = tokens(self.text, max(previous.start, previous.end - 40), previous.end)
        return len(toks) >= 2 and toks[-1].text in ",:" and is_cue(toks, len(toks) - 2)

    def _kind(self, span: QuotedSpan, body: str, found: Attribution | None, low: int, opens_sentence: bool,
              before: Attribution | None) -> str:
        lead = self.text[low:span.open].rstrip()
        if found is None:
            if is_title(body) and not opens_sentence and not self._headline_style(span.open):
                return "title"
            if len(body.split()) <= SHORT_QUOTE_WORDS and not opens_sentence:
                return "scare"
        elif found.rule == "continuation" or (
                before is not None and found.cue_start is not None and before.cue_start == found.cue_start
                and not opens_sentence and lead.endswith(",")):
            return "continuation"
        if opens_sentence or lead.endswith(":"):
            return "direct"
        if lead.endswith(",") and found is not None and found.cue_start is not None and found.cue_start < span.open:
            return "direct"
        return "partial"


def _main_clause(toks: list[Token], first: int) -> int:
    """Where the sentence's subject starts: past an opening adverbial clause (`Following a settlement
    with the FTC in 2023, Ring …`), whose first word is never the speaker."""
    if first < len(toks) and toks[first].lower in CLAUSE_INTRODUCERS:
        comma = next((k for k in range(first, len(toks)) if toks[k].text == ","), None)
        if comma is not None:
            return comma + 1
    return first


def _finding_quoted(toks: list[Token], index: int) -> bool:
    """`The inquiry found the port “ignored its own checks”`: `found` with only its object between it and
    the quote quotes the finding (`found a crack in the “…”` reads on past its object and is not speech)."""
    if lemma(toks[index].text) != "find" or toks[index].lower.endswith("ing"):
        return False
    rest = toks[index + 1:]
    return 1 <= len(rest) <= MAX_FINDING_OBJECT_WORDS and (rest[0].lower in DETERMINERS or rest[0].capitalised) \
        and rest[-1].lower not in DETERMINERS and all(
            tok.text[:1].isalpha() and tok.lower not in CLAUSE_INTRODUCERS | {"of"} for tok in rest)


def _relative_antecedent(toks: list[Token], cue: int, low: int) -> NounPhrase | None:
    """`Lumio released a statement which addresses the fine and repeats its “…”`: a cue joined by `and`
    to a relative clause's first verb speaks for what the clause is about."""
    opener = next((k for k in range(cue - 1, low, -1) if toks[k].lower in {"which", "who"}), None)
    if opener is None:
        return None
    return np_ending_at(toks, opener - 2 if toks[opener - 1].text == "," else opener - 1, low)


def _shares_subject(toks: list[Token], cue: int, low: int) -> bool:
    """`Meridian Bank said … but warned that …`: a cue joined to an earlier verb by `and`/`but` has its subject."""
    cursor = cue - 1
    while cursor > low and toks[cursor].lower in SKIP_BEFORE_CUE:
        cursor -= 1
    return cursor > low and toks[cursor].lower in {"and", "but"}


def _leading_subject(text: str, toks: list[Token], first: int, cue: int,
                     nearest: NounPhrase | None) -> NounPhrase | None:
    """The subject that opens the words between a quote and its cue when the phrase nearest the cue
    is not it: `a statement attached to the court filing said` (a document and what qualifies it),
    `Dana Whitfield, the bank’s head of policy, and general counsel Marcus Bell said` (the first of two)."""
    lead = np_starting_at(toks, first, cue)
    if lead is None:
        return None
    qualifier = [tok for tok in toks[first:cue] if tok.start >= lead.end]
    if bare(text[lead.start:lead.end].split()[-1].lower()) in DOCUMENTS and \
            not any(tok.text in ",;:“”\"" for tok in qualifier):
        return NounPhrase(lead.start, lead.end)
    if lead.appositive is None or nearest is None:
        return None
    joined = [tok.text for tok in toks[first:cue] if lead.appositive[1] <= tok.start < nearest.start]
    return lead if joined[:2] == [",", "and"] and all(word.isalpha() for word in joined[2:]) else None


def _plain_words(toks: list[Token], first: int, start: int) -> bool:
    """`hardware and services chief Dave Limp`: only words precede the phrase, so they are its title."""
    words = [tok for tok in toks[first:] if tok.start < start]
    return bool(words) and words[0].lower != "and" and all(
        tok.text.isalpha() and (tok.lower == "and" or tok.lower not in LEADING_WORDS) and tok.lower not in PRONOUNS
        for tok in words)


def _settle(kind: str, found: Attribution | None) -> Attribution:
    """The attribution as reported: no speaker for scare quotes and titles, `split-quote` for a split."""
    if found is None:
        rule = kind if kind in ("scare", "title") else "unattributed"
        return Attribution(None, None, None, None, None, None, None, RULE_CONFIDENCE[rule], rule)
    if kind == "continuation" and found.rule != "continuation":
        return replace(found, rule="split-quote", confidence=RULE_CONFIDENCE["split-quote"])
    return found


def _inherit(attribution: Attribution, rule: str) -> Attribution:
    return Attribution(attribution.cue, attribution.cue_start, attribution.speaker, attribution.speaker_start,
                       attribution.speaker_end, attribution.speaker_name, attribution.entity,
                       round(min(attribution.confidence, RULE_CONFIDENCE[rule]), 2), rule)
