"""How quotes look wherever the window shows them: the party's colour plus an underline of its own.

Colour alone is not enough (colour-blind readers, grey-scale printouts), so each party also
gets its own underline style (`reader.quotes.parties` picks both, per corpus); quotes without a
party are italic only. Every hover names the speaker and the party side by side.
"""
from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from reader.quotes.finder import Quote
from reader.quotes.parties import UNDERLINES as UNDERLINE_NAMES_IN_ORDER, PartyBook
from ui.reader_view import Highlight, tinted

Underline = QTextCharFormat.UnderlineStyle
UNDERLINES = (Underline.SingleUnderline, Underline.DashUnderline, Underline.DotLine,
              Underline.WaveUnderline, Underline.DashDotLine, Underline.DashDotDotLine)
UNDERLINE_NAMES = dict(zip(UNDERLINES, UNDERLINE_NAMES_IN_ORDER))
_BY_NAME = {name: style for style, name in UNDERLINE_NAMES.items()}


def party_underline(parties: PartyBook, party_id: str) -> QTextCharFormat.UnderlineStyle:
    return _BY_NAME[parties.style(party_id).underline]


def party_name(parties: PartyBook, party_id: str | None) -> str:
    if party_id is None:
        return ""
    try:
        return parties.party(party_id).name
    except KeyError:
        return party_id


def speaker_and_party(quote: Quote, parties: PartyBook) -> str:
    """`Elena Ortiz — Millbrook City Council`; the party alone is not repeated as its own speaker."""
    speaker = quote.speaker_name or quote.speaker or "speaker unknown"
    party = party_name(parties, quote.entity)
    return f"{speaker} — {party}" if party and party != speaker else speaker


def quote_tooltip(quote: Quote, parties: PartyBook) -> str:
    """Who said it, for which party, and why the attribution was made (rule and confidence)."""
    return f"Quote by {speaker_and_party(quote, parties)}\nrule: {quote.rule}, confidence {quote.confidence:.2f}"


def quote_highlights(quotes: list[Quote], parties: PartyBook) -> list[Highlight]:
    highlights = []
    for quote in quotes:
        try:
            party = parties.party(quote.entity) if quote.entity else None
        except KeyError:
            party = None
        style: str | QTextCharFormat = tinted(party.color, party_underline(parties, party.id)) if party else "quote"
        highlights.append(Highlight(quote.start, quote.end, style, quote_tooltip(quote, parties)))
    return highlights
