"""Facet counts (outlet, date, speaker, spun) for a set of matching articles.

Whoosh's grouping collector scores and categorises every match one call at a time, which
costs more than the search itself on a broad query. The values of the facets are read once per
index reader into plain lists and sets, and counting a result set is then a pass over its
document numbers.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

UNKNOWN = "(unknown)"
"""Facet key for articles whose outlet or date is not known."""


class FacetTable:
    """Each article's outlet and day by document number, and the articles quoting each speaker."""

    def __init__(self, reader):
        self.outlets = _column_values(reader, "outlet_name")
        self.days = _column_values(reader, "day")
        self.speakers = {speaker: frozenset(reader.postings("speaker", speaker).all_ids())
                         for speaker in reader.field_terms("speaker")}
        self.spun = frozenset(docnum for docnum, value in enumerate(_column_values(reader, "spun")) if value == "yes")

    def counts(self, docnums: Iterable[int]) -> dict[str, dict[str, int]]:
        """Articles per outlet and per day (unknown ones under `UNKNOWN`), per quoted speaker, and
        spun or not."""
        docnums = set(docnums)
        outlets = _named_unknown(Counter(map(self.outlets.__getitem__, docnums)))
        days = _named_unknown(Counter(map(self.days.__getitem__, docnums)))
        speakers = {speaker: len(docnums & quoting) for speaker, quoting in self.speakers.items()}
        facets = {
            "outlet": dict(sorted(outlets.items())),
            "date": dict(sorted(days.items())),
            "speaker": {speaker: count for speaker, count in sorted(speakers.items()) if count},
        }
        spun = len(docnums & self.spun)
        facets["spun"] = {"yes": spun, "no": len(docnums) - spun}
        return facets


def _named_unknown(counts: Counter[str]) -> Counter[str]:
    """Counts with articles that have no value ("") under `UNKNOWN`."""
    if "" in counts:
        counts[UNKNOWN] += counts.pop("")
    return counts


def _column_values(reader, fieldname: str) -> list[str]:
    """A column's value for every document number, "" where it has none.

    Whoosh stores a segment's column only up to its last document with a value, so reading
    past that end is how a missing value at the end of a segment shows itself.
    """
    if not reader.doc_count_all():
        return []
    column = reader.column_reader(fieldname)
    values = []
    for docnum in range(reader.doc_count_all()):
        try:
            values.append(column[docnum])
        except IndexError:
            values.append("")
    return values
