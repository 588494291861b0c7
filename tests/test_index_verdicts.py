"""The index child process is sent only the provenance verdicts it writes, and writes the same documents."""
from __future__ import annotations

from index.documents import document_fields, indexed_articles
from reader.analysis.pipeline import analyse_corpus


def test_the_verdicts_give_the_same_documents_without_the_evidence(sample_corpus, corroborate_home):
    analysis = analyse_corpus(sample_corpus.articles, with_facts=False)
    full = analysis.provenance
    verdicts = full.verdicts()
    assert any(item.spin.spun and item.spin.substitutions for item in full.articles)  # the sample's 000
    assert verdicts.pairs == [] and not any(item.spin.substitutions for item in verdicts.articles)
    assert [(item.article_id, item.spin.spun, item.copy_of, item.spun_from) for item in verdicts.articles] == [
        (item.article_id, item.spin.spun, item.copy_of, item.spun_from) for item in full.articles]
    with_verdicts = type(analysis)(analysis.articles, analysis.registry, analysis.quotes, verdicts)
    assert [document_fields(item) for item in indexed_articles(with_verdicts)] == [
        document_fields(item) for item in indexed_articles(analysis)]
