"""The quotes list as a report: who said what, where, with a pinpoint citation for each."""
from __future__ import annotations

from html import escape

from reader.citation import cite, pinpoint
from reader.export import Report
from reader.export.html import page, provenance
from reader.model import Article

HEADER = ["outlet", "date", "paragraph", "speaker", "party", "quote", "citation"]


def quotes_report(quotes: list[dict], articles: list[Article], corpus: str,
                  party_names: dict[str, str], party_colors: dict[str, str]) -> Report:
    """`quotes` are `Quote.as_json()` dicts; parties colour the HTML the way the app does."""
    by_path = {article.path: article for article in articles}
    info = provenance("Quotes", corpus, articles)
    rows, cells = [], []
    for quote in quotes:
        article = by_path[quote["path"]]
        party = quote.get("entity")
        paragraph = article.paragraph_number(quote["start"])
        rows.append([
            article.display_label, article.date.isoformat() if article.date else "",
            paragraph or "", quote.get("speaker_name") or quote.get("speaker") or "",
            party_names.get(party, party or ""), quote["text"], cite(article, quote["start"], quote["end"]),
        ])
        colour = party_colors.get(party, "#999999")
        cells.append(
            f"<tr><td style='border-left: 6px solid {colour};'>{escape(quote['text'])}</td>"
            f"<td>{escape(rows[-1][3] or 'no speaker')}<br/><span class='meta'>{escape(rows[-1][4] or 'no party')}</span></td>"
            f"<td class='meta'>{escape(pinpoint(article, quote['start']))}</td></tr>"
        )
    legend = "<p>" + " ".join(
        f"<span style='background-color: {colour}; color: #ffffff;'>&nbsp;{escape(party_names.get(pid, pid))}&nbsp;</span>"
        for pid, colour in party_colors.items()
    ) + "</p>"
    body = (f"<h2>{len(quotes)} quotes</h2><table width='100%'><tr><th>Quote</th><th>Speaker</th><th>Citation</th></tr>"
            f"{''.join(cells)}</table>")
    return Report(info, page(info, body, legend), HEADER, rows, {"quotes": quotes})
