"""The research record: the researcher's notes, flagged misquotes, conflicts between outlets,
revisions and who reported first, in one report where every item carries its citation."""
from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any, Sequence

from reader.articles.model import Article
from reader.export import Report
from reader.export.citation import cite, pinpoint
from reader.export.html import page, provenance
from reader.record.anchors import UNCHANGED
from reader.record.gather import Record
from reader.record.notes import Note
from reader.record.quote_compare import QuotationGroup
from reader.record.revisions import RevisionHistory
from reader.record.timeline import FactTimeline

HEADER = ["section", "item", "detail", "citation"]
FLAG_COLOUR = "#fbe3c0"


class _Sections:
    """Collects each section's HTML and its rows, so the table formats list the same items."""

    def __init__(self) -> None:
        self.html: list[str] = []
        self.rows: list[list[str]] = []

    def heading(self, title: str, count: int, empty: str) -> bool:
        self.html.append(f"<h2>{escape(title)} ({count})</h2>")
        if not count:
            self.html.append(f"<p>{escape(empty)}</p>")
        return bool(count)

    def item(self, section: str, item: str, detail: str, citations: list[str], flagged: bool = False) -> None:
        shading = f" style='background-color: {FLAG_COLOUR};'" if flagged else ""
        cited = "".join(f"<li class='meta'>{escape(text)}</li>" for text in citations)
        self.html.append(f"<p{shading}><b>{escape(item)}</b> — {escape(detail)}</p><ul>{cited}</ul>")
        self.rows.append([section, item, detail, " | ".join(citations)])


def _note_citations(note: Note, articles: Sequence[Article]) -> list[str]:
    cited = []
    for placement in note.placements(articles):
        if placement.article is not None and placement.span is not None:
            text = cite(placement.article, *placement.span)
            cited.append(text if placement.status == UNCHANGED else f"{text} [{placement.message}]")
        else:
            cited.append(f"“{' '.join(placement.anchor.text.split())[:300]}” — {placement.anchor.article_id} "
                         f"[{placement.message}]")
    return cited


def _notes(out: _Sections, notes: Sequence[Note], articles: Sequence[Article]) -> None:
    if out.heading("Notes", len(notes), "No notes on these articles."):
        for note in notes:
            out.item("note", f"{note.target.kind}: {note.target.label}", note.text, _note_citations(note, articles))


def _quotations(out: _Sections, groups: Sequence[QuotationGroup]) -> None:
    misquotes = [(group, misquote) for group in groups for misquote in group.misquotes]
    if out.heading("Misquotes", len(misquotes), "Every quotation printed by more than one outlet reads the same."):
        for group, misquote in misquotes:
            changes = "; ".join(f"“{a}” → “{b}”" for a, b in misquote.wordings())
            out.item("misquote", f"{group.id}, {group.speaker or 'unattributed'}: "
                     f"{misquote.other.article.display_label} differs from {misquote.reference.article.display_label}",
                     changes, [misquote.reference.citation, misquote.other.citation], flagged=True)
    conflicts = [(group, conflict) for group in groups for conflict in group.misattributions]
    if out.heading("Misattributed quotations", len(conflicts), "No quotation is given to different speakers."):
        for group, conflict in conflicts:
            out.item("misattribution", f"{group.id}: different {conflict.kind}", "; ".join(conflict.credits()),
                     [p.citation for p in conflict.printings], flagged=True)


def _conflicts(out: _Sections, facts: Sequence[Any], by_id: dict[str, Article]) -> None:
    disputed = [(fact, item) for fact in facts for item in fact.discrepancies]
    if out.heading("Conflicts between outlets", len(disputed), "The outlets agree on every fact found."):
        for fact, discrepancy in disputed:
            cited = []
            for article_id, value in discrepancy.values.items():
                member = fact.member_for(article_id)
                if article_id in by_id and member is not None:
                    cited.append(f"{value}: {cite(by_id[article_id], member.start, member.end)}")
            out.item("conflict", f"{fact.id} ({discrepancy.kind}): {fact.label}", discrepancy.detail, cited,
                     flagged=True)


def _revisions(out: _Sections, histories: Sequence[RevisionHistory]) -> None:
    steps = [(history, step) for history in histories for step in history.steps]
    if out.heading("Revisions", len(steps), "No article was found in more than one version."):
        for history, step in steps:
            before, after = step.before.article, step.after.article
            when = " → ".join(f"{v.article.display_label} ({v.time.isoformat(sep=' ') if v.time else 'time unknown'},"
                              f" {v.time_source})" for v in (step.before, step.after))
            kind = "stealth edit (no correction notice)" if step.stealth else \
                f"notice: {' '.join(step.notices)}" if step.notices else "no change in the text"
            cited = [f"was “{' '.join(before.text[c.a[0]:c.a[1]].split())}” ({pinpoint(before, c.a[0])}), "
                     f"now “{' '.join(after.text[c.b[0]:c.b[1]].split())}” ({pinpoint(after, c.b[0])})"
                     for c in step.comparison.changes]
            out.item("revision", f"{history.address}: {when}", f"{len(step.comparison.changes)} changes; {kind}",
                     cited, flagged=step.stealth)


def _timelines(out: _Sections, timelines: Sequence[FactTimeline]) -> None:
    shared = [timeline for timeline in timelines if len(timeline.accounts) > 1]
    if out.heading("Who reported first", len(shared), "No fact was reported by more than one outlet."):
        for timeline in shared:
            order = "; ".join(
                f"{a.article.display_label} {a.time.date().isoformat() if a.time else '(undated)'}"
                + (" — first" if a.first else "") + (f" — copy of {', '.join(a.copy_of)}" if a.copy_of else "")
                for a in timeline.accounts)
            out.item("timeline", f"{timeline.fact_id}: {timeline.label}", order,
                     [pinpoint(a.article, a.start) for a in timeline.accounts])


def record_report(record: Record, articles: Sequence[Article], corpus: str) -> Report:
    info = provenance("Research record", corpus, articles)
    by_id = {article.id: article for article in articles}
    out = _Sections()
    _notes(out, record.notes, articles)
    _quotations(out, record.quotations)
    _conflicts(out, record.facts, by_id)
    _revisions(out, record.revisions)
    _timelines(out, record.timelines)
    legend = (f"<p>Items that need the researcher's attention are "
              f"<span style='background-color: {FLAG_COLOUR};'>shaded</span>; each is followed by its citations.</p>")
    data = {"notes": [note_json(note, articles) for note in record.notes],
            "quotations": [group.as_json() for group in record.quotations if group.flagged],
            "conflicts": [{"fact": fact.id, **item.as_json()} for fact in record.facts for item in fact.discrepancies],
            "revisions": [history.as_json() for history in record.revisions],
            "timelines": [timeline.as_json() for timeline in record.timelines]}
    return Report(info, page(info, "".join(out.html), legend), HEADER, out.rows, data)


def notes_html(notes: Sequence[Note], articles: Sequence[Article]) -> str:
    """The notes section on its own, for the reports that are not the research record."""
    out = _Sections()
    _notes(out, notes, articles)
    return "".join(out.html)


def note_json(note: Note, articles: Sequence[Article]) -> dict[str, Any]:
    """A note as the JSON exports give it: as saved, with the citation of each of its passages."""
    return {**note.as_json(), "citations": _note_citations(note, articles)}


def _notes_beside_rows(report: Report, notes: Sequence[Note], articles: Sequence[Article]) -> Report:
    """The CSV a spreadsheet user filters: `note` and `note citation` columns on each row whose
    passage a note's passage overlaps; a note on no row (or on whole articles, a copy pair) is
    stated above the table, after the provenance."""
    spans: dict[str, list[tuple[Note, int, int]]] = {}
    for note in notes:
        if note.target.kind == "copy":
            continue
        for placement in note.placements(articles):
            if placement.article is not None and placement.span is not None:
                spans.setdefault(placement.article.id, []).append((note, *placement.span))
    beside: list[list[Note]] = []
    for passages in report.passages or [()] * len(report.rows):
        found = (note for passage in passages for note, start, end in spans.get(passage.article_id, ())
                 if passage.overlaps(start, end))
        beside.append(list(dict.fromkeys(found)))
    placed = {note.id for row in beside for note in row}
    citations = {note.id: " | ".join(_note_citations(note, articles)) for note in notes}
    rows = [[*row, "\n".join(note.text for note in noted), "\n".join(citations[note.id] for note in noted)]
            for row, noted in zip(report.rows, beside, strict=True)]
    comments = [f"note on the {note.target.label}: {note.text} — {citations[note.id]}"
                for note in notes if note.id not in placed]
    return replace(report, header=[*report.header, "note", "note citation"], rows=rows,
                   comments=[*report.comments, *comments])


def with_notes(report: Report, notes: Sequence[Note], articles: Sequence[Article]) -> Report:
    """`report` with the researcher's notes on its articles, each cited: a section at the end (HTML,
    PDF, Word), a `notes` list (JSON), and in the CSV beside the rows they are about."""
    if not notes:
        return report
    section = notes_html(notes, articles)
    word = report.word

    def word_with_notes() -> bytes:
        from reader.export.docx import append_html

        return append_html(word(), section) if word else append_html(None, report.html + section,
                                                                     report.info["title"])

    noted = _notes_beside_rows(report, notes, articles)
    return replace(noted, html=report.html.replace("</body>", section + "</body>"),
                   data={**report.data, "notes": [note_json(note, articles) for note in notes]}, word=word_with_notes)
