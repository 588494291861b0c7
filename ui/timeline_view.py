"""The timeline of one fact: which outlet stated it when, who was first, and which later
accounts are copies of which (`reader.record.timeline`, from the provenance analysis)."""
from __future__ import annotations

from html import escape
from typing import Sequence

from PySide6.QtWidgets import QWidget

from reader.export.citation import pinpoint
from reader.record.timeline import FactTimeline
from ui.record_page import RecordPage


def timeline_html(timeline: FactTimeline, labels: dict[str, str]) -> str:
    rows = []
    for account in timeline.accounts:
        when = account.time.date().isoformat() if account.time else "undated"
        role = "first" if account.first else ""
        copied = ", ".join(labels.get(source, source) for source in account.copy_of)
        sentence = " ".join(account.article.text[account.start:account.end].split())
        rows.append(f"<tr><td>{escape(when)}</td><td>{escape(account.article.display_label)}</td>"
                    f"<td><b>{role}</b></td><td>{escape('copy of ' + copied) if copied else 'own account'}</td>"
                    f"<td>{escape(sentence)}<br/><i>{escape(pinpoint(account.article, account.start))}</i></td></tr>")
    head = "".join(f"<th align='left'>{name}</th>" for name in ("When", "Outlet", "", "Copied?", "What it says"))
    return (f"<h2>{escape(timeline.fact_id)}: {escape(timeline.label)}</h2>"
            f"<table cellpadding='4' width='100%'><tr>{head}</tr>{''.join(rows)}</table>")


class TimelineView(RecordPage[FactTimeline]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("timelineView", "&Fact:", lambda timeline: timeline_html(timeline, self.labels), parent)
        self.labels: dict[str, str] = {}

    def show_timelines(self, timelines: Sequence[FactTimeline], labels: dict[str, str], chosen: int = 0) -> None:
        self.labels = labels
        status = (f"Facts: {len(timelines):,}; copies as the provenance analysis found them" if timelines
                  else "No facts yet: they fill in once the corpus is analysed.")
        self.set_items(timelines, [f"{t.fact_id}: {t.label}" for t in timelines], status, chosen)
