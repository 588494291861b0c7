"""The quotes list as a report: who said what, where, with a pinpoint citation for each."""
from __future__ import annotations

from html import escape

from reader.export.citation import cite, pinpoint
from reader.export import RowPassage, Report
from reader.export.html import page, provenance
from reader.articles.model import Article
from reader.quotes.finder import Quote
from reader.quotes.parties import PartyBook

HEADER = ["outlet", "date", "paragraph", "speaker", "party", "quote", "citation"]


def quotes_report(quotes: list[tuple[Article, Quote]], articles: list[Article], corpus: str,
                  parties: PartyBook) -> Report:
    """Each quote with its speaker and party side by side (the party in its colour) and a pinpoint citation."""
    names = {party.id: party.name for party in parties.parties}
    colours = {party.id: party.color for party in parties.parties}
    info = provenance("Quotes", corpus, articles)
    rows, cells, passages = [], [], []
    for article, quote in quotes:
        passages.append((RowPassage(article.id, quote.start, quote.end),))
        speaker = quote.speaker_name or quote.speaker or ""
        party = names.get(quote.entity, "") if quote.entity else ""
        rows.append([
            article.display_label, article.date.isoformat() if article.date else "",
            article.paragraph_number(quote.start) or "", speaker, party, quote.text,
            cite(article, quote.start, quote.end),
        ])
        colour = colours.get(quote.entity, "#999999")
        cells.append(
            f"<tr><td style='border-left: 6px solid {colour};'>{escape(quote.text)}</td>"
            f"<td>{escape(speaker or 'no speaker')}<br/><span class='meta'>{escape(party or 'no party')}</span></td>"
            f"<td class='meta'>{escape(pinpoint(article, quote.start))}</td></tr>"
        )
    legend = "<p>" + " ".join(
        f"<span style='background-color: {party.color}; color: #ffffff;'>&nbsp;{escape(party.name)}&nbsp;</span>"
        for party in parties.parties
    ) + "</p>"
    body = (f"<h2>{len(quotes)} quotes</h2><table width='100%'><tr><th>Quote</th><th>Speaker</th>"
            f"<th>Citation</th></tr>{''.join(cells)}</table>")
    data = {"quotes": [{"path": article.path, **quote.as_json()} for article, quote in quotes]}
    return Report(info, page(info, body, legend), HEADER, rows, data, passages=passages)
