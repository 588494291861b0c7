"""Self-contained HTML reports (no external resources) that Qt can also render to PDF.

Styling is inline and limited to what Qt's rich-text engine understands, so the HTML file
and the PDF made from it look the same.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import Iterable

from reader import __version__
from reader.export.citation import source_of
from reader.articles.model import Article

PAGE_STYLE = (
    "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1a1a1a; }"
    "h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; }"
    "table { border-collapse: collapse; } td, th { border: 1px solid #999999; padding: 3px; vertical-align: top; }"
    "th { background-color: #e8e8e8; } .meta { color: #555555; font-size: 9pt; }"
)


def provenance(title: str, corpus: str, articles: Iterable[Article], exported_at: dt.datetime | None = None) -> dict:
    """What every export states about where its content came from."""
    exported_at = exported_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return {
        "title": title,
        "corpus": corpus,
        "exported_at": exported_at.isoformat(),
        "tool": f"Corroborate {__version__}",
        "articles": [
            {"id": a.id, "label": a.display_label, "outlet": a.outlet,
             "date": a.date.isoformat() if a.date else None, "source": source_of(a)}
            for a in articles
        ],
    }


def provenance_html(info: dict) -> str:
    rows = "".join(
        f"<tr><td>{escape(item['label'])}</td><td>{escape(item['outlet'] or 'outlet unknown')}</td>"
        f"<td>{escape(item['date'] or 'date unknown')}</td><td>{escape(item['source'])}</td></tr>"
        for item in info["articles"]
    )
    return (
        f"<p class='meta'>Corpus: {escape(info['corpus'])}<br/>Exported {escape(info['exported_at'])} "
        f"with {escape(info['tool'])}</p>"
        "<table width='100%'><tr><th>Article</th><th>Outlet</th><th>Date</th><th>Source</th></tr>"
        f"{rows}</table>"
    )


def page(info: dict, body: str, legend: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'/>"
        f"<title>{escape(info['title'])}</title><style>{PAGE_STYLE}</style></head><body>"
        f"<h1>{escape(info['title'])}</h1>{provenance_html(info)}{legend}{body}</body></html>"
    )


def table_html(header: list[str], rows: list[list[object]]) -> str:
    """A plain table of a report's rows (what its CSV holds), for the formats that show them."""
    head = "".join(f"<th>{escape(str(cell))}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table width='100%'><tr>{head}</tr>{body}</table>"
