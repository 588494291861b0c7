"""The index writer must write what Whoosh's own writer writes: the same lengths, posting blocks
(whose length bounds the writer works out at commit) and scores."""
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser

from index.writer import index_writer

ARTICLES = {
    "ledger": "The council voted 7-2 on Tuesday to approve a $12.4 million budget for road repairs.",
    "courier": "Council members approved the road budget, a $14.2 million plan, in a 6-3 vote.",
    "gazette": "Road repairs will begin in June after the council vote, the mayor said on Wednesday.",
}


def _scores(folder, write):
    schema = Schema(id=ID(stored=True, unique=True), content=TEXT(stored=True), title=TEXT)
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), schema)
    writer = write(ix)
    for outlet, text in ARTICLES.items():
        writer.add_document(id=outlet, content=text, title=f"{outlet} on the council budget")
    writer.commit()
    with ix.searcher() as searcher:
        lengths = [(searcher.doc_field_length(number, "content"), searcher.doc_field_length(number, "title"))
                   for number in range(searcher.doc_count_all())]
        reader = searcher.reader()
        blocks = {}
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            blocks[fieldname, term] = (matcher.block_min_length(), matcher.block_max_length())
        parser = QueryParser("content", schema)
        hits = {query: [(hit["id"], round(hit.score, 9)) for hit in searcher.search(parser.parse(query))]
                for query in ("council budget", "road repairs", '"road budget"', "vote OR voted")}
    return lengths, blocks, hits


def test_index_writer_writes_what_whoosh_writes(tmp_path):
    ours = _scores(tmp_path / "ours", lambda ix: index_writer(ix, 64))
    whoosh = _scores(tmp_path / "whoosh", lambda ix: ix.writer(limitmb=64))
    assert ours == whoosh
    lengths, blocks, hits = ours
    assert blocks["content", b"council"] == (min(length for length, _ in lengths), max(length for length, _ in lengths))
    assert all(content >= 8 and title >= 3 for content, title in lengths)
    assert hits["council budget"] and hits['"road budget"'] == [("courier", hits['"road budget"'][0][1])]
