"""The revision history: every version of one article, oldest first, each step word-diffed with
the times it was current, and whether a correction notice came with the change or it was silent
(a stealth edit). Histories come from `reader.record.revisions`, worked out on the task runner."""
from __future__ import annotations

from html import escape
from typing import Sequence

from PySide6.QtWidgets import QWidget

from reader.articles.model import Article
from reader.export.citation import pinpoint
from reader.record.revisions import RevisionHistory, Version
from ui.record_page import RecordPage, diff_html, flagged


def _when(version: Version) -> str:
    time = version.time.isoformat(sep=" ", timespec="minutes") if version.time else "time unknown"
    return f"{version.article.display_label}, {time} ({version.time_source})"


def history_html(history: RevisionHistory) -> str:
    parts = [f"<h2>{escape(history.address)}</h2><ol>"]
    parts += [f"<li>{escape(_when(version))} — {escape(version.article.id)}</li>" for version in history.versions]
    parts.append("</ol>")
    for number, step in enumerate(history.steps, 1):
        parts.append(f"<h3>Step {number}: {escape(_when(step.before))} → {escape(_when(step.after))}</h3>")
        changes = len(step.comparison.changes)
        if step.stealth:
            parts.append(flagged(f"Stealth edit: {changes} changes and no correction or editor's note"))
        elif step.notices:
            parts += [f"<p><b>Correction notice added:</b> {escape(notice)}</p>" for notice in step.notices]
        if not changes:
            parts.append("<p>No change in the words.</p>")
            continue
        first = step.comparison.changes[0]
        parts.append(f"<p>{changes} changes; the first at {escape(pinpoint(step.before.article, first.a[0]))} "
                     f"→ {escape(pinpoint(step.after.article, first.b[0]))}</p>")
        parts.append(diff_html(step.comparison))
    return "".join(parts)


class RevisionView(RecordPage[RevisionHistory]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("revisionView", "&Article:", history_html, parent)

    def show_histories(self, histories: Sequence[RevisionHistory], current: Article | None) -> None:
        """Every history, choosing the one the article being read belongs to (if any)."""
        chosen = next((number for number, history in enumerate(histories)
                       if current is not None and any(v.article.id == current.id for v in history.versions)), 0)
        stealthy = sum(step.stealth for history in histories for step in history.steps)
        status = (f"Articles in more than one version: {len(histories):,}; stealth edits: {stealthy:,}"
                  if histories else "No article of this corpus is here in more than one version (captures of one "
                                    "address, “Updated” stamps, or files marked as versions).")
        labels = [f"{history.address} ({len(history.versions)} versions)" for history in histories]
        self.set_items(histories, labels, status, chosen)
