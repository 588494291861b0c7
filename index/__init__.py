"""Full-text search over a corpus: everything that touches Whoosh lives here.

The rest of the program uses only `CorpusIndex`, `SearchFilters`, the result classes and the
exceptions below; no Whoosh type crosses this package's boundary.
"""
from index.corpus_index import CorpusIndex, IndexCancelled, SearchFilters, UpdateReport, update_index
from index.query import QueryProblem
from index.results import Hit, Passage, SearchResults
from index.store import IndexBusy

__all__ = ["CorpusIndex", "Hit", "IndexBusy", "IndexCancelled", "Passage", "QueryProblem", "SearchFilters",
           "SearchResults", "UpdateReport", "update_index"]
