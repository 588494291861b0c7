"""The index writer: Whoosh's own, with each field's document lengths read once at commit.

At commit Whoosh asks the length of the posting's document in its field for every posting it
writes, each time a seek and read in the segment's length column; with a few hundred distinct
words per article that was a sixth of a large build's time. The lengths are the same for every
posting of a document, so they are read once per field and looked up in memory.
"""
from __future__ import annotations

from typing import Any

from whoosh.index import FileIndex
from whoosh.writing import SegmentWriter


class _LengthsOnce:
    """A per-document reader's `doc_field_length`, each field's lengths read in one pass."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._fields: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._fields.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = self._fields[fieldname] = [read(number, fieldname, default)
                                                 for number in range(self._reader.doc_count_all())]
        return lengths[docnum]


class LengthsOnceWriter(SegmentWriter):
    """Writes one segment as `FileIndex.writer()` would, faster at commit."""

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, _LengthsOnce(reader) if reader else None, self.pool.iter_postings())
        self.fieldwriter.close()
        if reader:
            reader.close()


def index_writer(ix: FileIndex, limitmb: int) -> LengthsOnceWriter:
    return LengthsOnceWriter(ix, limitmb=limitmb)
