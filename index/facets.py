"""Facet counts (outlet, date, speaker, spun) for a set of matching articles.

Whoosh's grouping collector scores and categorises every match one call at a time, which
costs more than the search itself on a broad query. The values of the three facets are read
once per index reader into plain lists and sets, and counting a result set is then a pass
over its document numbers. The `spun` facet is given only when the corpus's provenance is
already known (see `index/provenance.py`): working it out is too slow to do for every search.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from index.provenance import ProvenanceTable

UNKNOWN = "(unknown)"
"""Facet key for articles whose outlet or date is not known."""


class FacetTable:
    """Each article's outlet and day by document number, and the articles quoting each speaker."""

    def __init__(self, reader):
        self.ids = _column_values(reader, "id")
        self.outlets = _column_values(reader, "outlet_name")
        self.days = _column_values(reader, "day")
        self.speakers = {speaker: frozenset(reader.postings("speaker", speaker).all_ids())
                         for speaker in reader.field_terms("speaker")}
        self._spun: tuple[str, frozenset[int]] | None = None

    def spun_docnums(self, table: ProvenanceTable) -> frozenset[int]:
        if self._spun is None or self._spun[0] != table.key:
            self._spun = (table.key, frozenset(docnum for docnum, article_id in enumerate(self.ids)
                                               if article_id in table.spun))
        return self._spun[1]

    def counts(self, docnums: Iterable[int], provenance: ProvenanceTable | None = None) -> dict[str, dict[str, int]]:
        """Articles per outlet and per day (unknown ones under `UNKNOWN`), per quoted speaker, and
        spun or not (when `provenance` is given)."""
        docnums = set(docnums)
        outlets = _named_unknown(Counter(map(self.outlets.__getitem__, docnums)))
        days = _named_unknown(Counter(map(self.days.__getitem__, docnums)))
        speakers = {speaker: len(docnums & quoting) for speaker, quoting in self.speakers.items()}
        facets = {
            "outlet": dict(sorted(outlets.items())),
            "date": dict(sorted(days.items())),
            "speaker": {speaker: count for speaker, count in sorted(speakers.items()) if count},
        }
        if provenance is not None:
            spun = len(docnums & self.spun_docnums(provenance))
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
