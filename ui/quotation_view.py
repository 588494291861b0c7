"""Quotations across outlets: one quotation as each outlet printed it, the words that differ
inside the marks flagged as a misquote (both wordings, both citations, word-diffed), and a
quotation given to different speakers or parties flagged as misattributed
(`reader.record.quote_compare`, worked out on the task runner)."""
from __future__ import annotations

from html import escape
from typing import Sequence

from PySide6.QtWidgets import QWidget

from reader.record.quote_compare import QuotationGroup
from ui.record_page import RecordPage, diff_html, flagged


def quotation_html(group: QuotationGroup) -> str:
    parts = [f"<h2>{escape(group.id)}: {escape(group.speaker or 'unattributed')}</h2><ul>"]
    for printed in group.printings:
        speaker = printed.quote.speaker_name or "no speaker"
        parts.append(f"<li><b>{escape(printed.article.display_label)}</b> ({escape(speaker)}): "
                     f"{escape(printed.citation)}</li>")
    parts.append("</ul>")
    for misquote in group.misquotes:
        parts.append(flagged(f"Misquote: {misquote.other.article.display_label} differs from "
                             f"{misquote.reference.article.display_label}"))
        parts.append("<ul>" + "".join(f"<li>“{escape(a)}” → “{escape(b)}”</li>" for a, b in misquote.wordings())
                     + "</ul>")
        parts.append(diff_html(misquote.comparison))
    for conflict in group.misattributions:
        parts.append(flagged(f"Attributed to different {conflict.kind}: {escape('; '.join(conflict.credits()))}"))
    return "".join(parts)


class QuotationView(RecordPage[QuotationGroup]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("quotationView", "&Quotation:", quotation_html, parent)

    def show_groups(self, groups: Sequence[QuotationGroup]) -> None:
        """Flagged quotations first (misquoted or misattributed), then the faithful ones."""
        ordered = sorted(groups, key=lambda group: not group.flagged)
        flagged_count = sum(group.flagged for group in groups)
        status = (f"Quotations printed by more than one outlet: {len(groups):,}; flagged: {flagged_count:,}"
                  if groups else "No quotation is printed by more than one outlet.")
        labels = [("⚑ " if group.flagged else "") + f"{group.id}: {group.speaker or 'unattributed'} — "
                  f"{len(group.printings)} outlets" for group in ordered]
        self.set_items(ordered, labels, status)
