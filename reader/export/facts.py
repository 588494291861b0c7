"""The fact matrix as a report: each fact, how every outlet worded it, and where they disagree."""
from __future__ import annotations

from html import escape

from reader.export.citation import pinpoint
from reader.export import RowPassage, Report
from reader.export.html import page, provenance
from reader.articles.model import Article
from reader.facts.summary import summarise

DISCREPANCY_COLOUR = "#fbe3c0"


def _shading(disputed: bool) -> str:
    return f" style='background-color: {DISCREPANCY_COLOUR};'" if disputed else ""


def facts_report(facts: list[dict], articles: list[Article], corpus: str) -> Report:
    """`facts` are `Fact.as_json()` dicts: rows are facts, columns the articles (the matrix)."""
    info = provenance("Fact matrix", corpus, articles)
    by_id = {article.id: article for article in articles}
    header = ["fact", "label", *(article.display_label for article in articles), "missing from", "discrepancies"]
    rows, blocks, passages = [], [], []
    for fact in facts:
        passages.append(tuple(RowPassage(member["id"], member["start"], member["end"]) for member in fact["members"]))
        cells = {member["id"]: member for member in fact["members"]}
        disputed = {article_id for d in fact["discrepancies"] for article_id in d.get("values", {})}
        details = "; ".join(f"{d['kind']}: {d['detail']}" for d in fact["discrepancies"])
        rows.append([fact["id"], fact["label"],
                     *(" ".join(cells[a.id]["text"].split()) if a.id in cells else "" for a in articles),
                     "; ".join(by_id[i].display_label for i in fact["missing_from"] if i in by_id), details])
        member_rows = "".join(
            f"<tr><td{_shading(m['id'] in disputed)}>{escape(' '.join(m['text'].split()))}</td>"
            f"<td class='meta'>{escape(pinpoint(by_id[m['id']], m['start']))}</td></tr>"
            for m in fact["members"] if m["id"] in by_id
        )
        disputes = "".join(
            f"<p style='background-color: {DISCREPANCY_COLOUR};'><b>Discrepancy ({escape(d['kind'])}):</b> "
            f"{escape(d['detail'])}</p>" for d in fact["discrepancies"]
        )
        missing = ", ".join(by_id[i].display_label for i in fact["missing_from"] if i in by_id) or "none"
        blocks.append(
            f"<h2>{escape(fact['id'])}: {escape(fact['label'])}</h2>{disputes}"
            f"<table width='100%'><tr><th>Sentence</th><th>Citation</th></tr>{member_rows}</table>"
            f"<p class='meta'>Not reported by (no sentence found stating it): {escape(missing)}</p>"
        )
    summary = summarise(facts, articles)
    info["summary"] = summary.text()
    legend = (f"<p><b>Summary.</b> {escape(summary.text())} Where outlets disagree is "
              f"<span style='background-color: {DISCREPANCY_COLOUR};'>shaded</span>.</p>")
    listing = _discrepancy_summary(facts, by_id)
    return Report(info, page(info, listing + "".join(blocks), legend), header, rows,
                  {"summary": summary.as_json(), "facts": facts}, passages=passages)


def _discrepancy_summary(facts: list[dict], by_id: dict[str, Article]) -> str:
    """Every disagreement first, with each outlet's value, so the reader sees them on page one."""
    items = []
    for fact in facts:
        for discrepancy in fact["discrepancies"]:
            values = "; ".join(
                f"{escape(by_id[article_id].display_label if article_id in by_id else article_id)}: "
                f"<b>{escape(value)}</b>"
                for article_id, value in discrepancy.get("values", {}).items()
            )
            grade = discrepancy.get("grade", "conflict") if discrepancy["kind"] != "attribution" else "attribution"
            items.append(f"<li>{escape(fact['id'])} — {escape(fact['label'])} ({escape(grade)}, "
                         f"{escape(discrepancy['kind'])}): {values}</li>")
    if not items:
        return ("<h2>Discrepancies</h2><p>No discrepancy was found among the facts stated by two or more "
                "outlets; what one outlet alone states was not compared.</p>")
    return f"<h2>Discrepancies ({len(items)})</h2><ul>{''.join(items)}</ul>"
