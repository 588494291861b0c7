"""How quotes look wherever the window shows them: the party's colour plus an underline of its own.

Colour alone is not enough (colour-blind readers, grey-scale printouts), so each party also
gets its own underline style, in registry order; quotes without a party are italic only.
"""
from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from reader.quotes.finder import Quote
from reader.quotes.speakers import SpeakerRegistry
from ui.reader_view import Highlight, tinted

Underline = QTextCharFormat.UnderlineStyle
UNDERLINES = (Underline.SingleUnderline, Underline.DashUnderline, Underline.DotLine,
              Underline.WaveUnderline, Underline.DashDotLine, Underline.DashDotDotLine)
UNDERLINE_NAMES = {Underline.SingleUnderline: "solid", Underline.DashUnderline: "dashed",
                   Underline.DotLine: "dotted", Underline.WaveUnderline: "wavy",
                   Underline.DashDotLine: "dash-dot", Underline.DashDotDotLine: "dash-dot-dot"}


def party_underline(registry: SpeakerRegistry, party_id: str) -> QTextCharFormat.UnderlineStyle:
    ids = [party.id for party in registry.parties]
    return UNDERLINES[ids.index(party_id) % len(UNDERLINES)]


def party_name(registry: SpeakerRegistry, party_id: str | None) -> str:
    if party_id is None:
        return ""
    try:
        return registry.party(party_id).name
    except KeyError:
        return party_id


def quote_tooltip(quote: Quote, registry: SpeakerRegistry) -> str:
    """Who said it, for which party, and why the attribution was made (rule and confidence)."""
    speaker = quote.speaker_name or quote.speaker or "speaker unknown"
    party = party_name(registry, quote.entity)
    who = f"{speaker} ({party})" if party else speaker
    return f"Quote by {who}\nrule: {quote.rule}, confidence {quote.confidence:.2f}"


def quote_highlights(quotes: list[Quote], registry: SpeakerRegistry) -> list[Highlight]:
    highlights = []
    known = {party.id for party in registry.parties}
    for quote in quotes:
        if quote.entity in known:
            party = registry.party(quote.entity)
            style: str | QTextCharFormat = tinted(party.color, party_underline(registry, party.id))
        else:
            style = "quote"
        highlights.append(Highlight(quote.start, quote.end, style, quote_tooltip(quote, registry)))
    return highlights
