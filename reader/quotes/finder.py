"""Direct quotes in an article: where they are, who said them and for which party.

`find_quotes(article)` returns every quoted stretch as a `Quote` whose offsets
point into `Article.text`, with the cue, the speaker mention (and its offsets), the
resolved speaker, the party id, a confidence and the rule that decided, so the UI
can colour quotes by party and explain each attribution. The quote's `text` is
the span between the marks (for a multi-paragraph quote, the paragraph break and
the re-opening mark are part of it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.quotes.attribution import Attributor
from reader.articles.model import Article
from reader.quotes.marks import find_quoted_spans
from reader.quotes.speakers import SpeakerRegistry, current_registry

KINDS = ("direct", "partial", "continuation", "scare", "title")


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
    party_name: str | None = None
    """The party's display name as the article gives it (a discovered party is named nowhere else)."""
    party_kind: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "cue": self.cue, "speaker": self.speaker, "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end, "speaker_name": self.speaker_name, "entity": self.entity,
            "confidence": self.confidence, "rule": self.rule, "party_name": self.party_name,
            "party_kind": self.party_kind,
        }

def find_quotes(article: Article, registry: SpeakerRegistry | None = None) -> list[Quote]:
    """Every quoted stretch of the article, attributed where the text allows, in reading order."""
    registry = registry or current_registry()
    regions = sorted(article.paragraphs + article.headings)
    spans = find_quoted_spans(article.text, regions)
    quotes = []
    attributor = Attributor(article, registry, spans)
    for found in attributor.attribute():
        span, who = found.span, found.attribution
        party = attributor.speakers.describe(who.entity, who.speaker_name)
        quotes.append(Quote(
            f"{article.id}:{span.start}-{span.end}", article.id, span.start, span.end,
            article.text[span.start:span.end], found.kind, who.cue, who.speaker, who.speaker_start,
            who.speaker_end, who.speaker_name, who.entity, who.confidence, who.rule,
            party.name if party else None, party.kind if party else None))
    return quotes
