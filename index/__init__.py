"""Full-text search over a corpus: everything that touches Whoosh lives here."""
