"""Facts on the sample corpus: the outlets' sentences line up, the two real discrepancies are
flagged and nothing else is, the cache is reused, and the CLI/matrix shapes hold."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from reader.articles.corpus import load_corpus
from reader.analysis.steps import corpus_facts
from reader.facts.finder import Fact, align_articles, fact_matrix, fact_matrix_csv, find_facts
from reader.facts.summary import summarise
from quote_helpers import FakeQuote

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def articles(sample_corpus):
    return sample_corpus.articles


@pytest.fixture(scope="module")
def facts(articles, tmp_path_factory) -> list[Fact]:
    return align_articles(articles, use_cache=False).facts


def _short(values: dict[str, str]) -> dict[str, str]:
    return {article_id[:3]: value for article_id, value in values.items()}


def test_members_are_spans_of_their_articles_one_per_article(facts, articles) -> None:
    by_id = {article.id: article for article in articles}
    assert len(facts) >= 15
    for fact in facts:
        ids = [member.article_id for member in fact.members]
        assert len(ids) == len(set(ids)) >= 2
        for member in fact.members:
            assert by_id[member.article_id].text[member.start:member.end] == member.text
        assert set(fact.missing_from) == set(by_id) - set(ids)
        assert fact.label and len(fact.label) <= 80


def test_the_two_known_discrepancies_and_no_others(facts) -> None:
    """2019 against 2020 cannot both be right; "$30 million" against "nearly $31 million" fits
    only if 001 rounded down, while "more than $30 million" fits both and is no discrepancy."""
    found = [(item.kind, item.grade, _short(item.values)) for fact in facts for item in fact.discrepancies]
    assert ("date", "conflict", {"000": "2019", "004": "2020"}) in found
    assert ("number", "imprecision", {"001": "$30 million", "003": "nearly $31 million"}) in found
    assert len(found) == 2, found


def test_spun_amounts_never_disagree(facts) -> None:
    spun = [fact for fact in facts if any("cardinal" in member.text for member in fact.members)]
    assert spun, "the spun copy's amounts should still line up with the originals"
    for fact in spun:
        assert not any(item.kind == "number" for item in fact.discrepancies)


def test_known_facts_line_up(facts) -> None:
    def fact_with(prefix: str, words: str) -> Fact:
        return next(fact for fact in facts for member in fact.members
                    if member.article_id.startswith(prefix) and words in member.text)

    refunds = fact_with("000", "utilized to refund customers")
    assert {member.article_id[:3] for member in refunds.members} >= {"000", "001", "003"}
    multifactor = fact_with("004", "two-factor authentication")
    assert any(member.article_id.startswith("000") and "multifactor" in member.text
               for member in multifactor.members)


def test_pair_precision_and_recall_regression_floor(facts, articles) -> None:
    spec = importlib.util.spec_from_file_location("facts_accuracy", ROOT / "bench" / "facts_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    precision, recall, _extra, _missed = module.pair_scores(facts, articles)
    # Targets are 0.9 / 0.95 (see README); this floor only guards against regressions.
    assert precision >= 0.85 and recall >= 0.82


def test_equal_amounts_written_differently_are_not_discrepancies(tmp_path: Path) -> None:
    wordings = ["The regulator fined Acme Corp $25 million over the leaked Zephyr records in 2021.",
                "Acme Corp was fined $25M by the regulator over the leaked Zephyr records in 2021.",
                "Over the leaked Zephyr records, Acme Corp must pay 25 million dollars, the regulator said, "
                "citing 2021."]
    for number, sentence in enumerate(wordings):
        (tmp_path / f"{number}.txt").write_text(f"{sentence}\n\nUnrelated closing line number {number}.\n",
                                                encoding="utf-8")
    articles = load_corpus([tmp_path]).articles
    facts = align_articles(articles, use_cache=False).facts
    fine = [fact for fact in facts if len(fact.members) == 3]
    assert fine and not fine[0].discrepancies


def test_attribution_discrepancy_from_quotes(articles, facts) -> None:
    fact = next(fact for fact in facts if {"000", "004"} <= {m.article_id[:3] for m in fact.members}
                and any("robust" in member.text for member in fact.members))
    members = {member.article_id[:3]: member for member in fact.members}

    def quote(prefix: str, entity: str) -> FakeQuote:
        member = members[prefix]
        return FakeQuote(member.start + 1, member.end - 1, member.text[1:-1], entity)

    ids = {prefix: member.article_id for prefix, member in members.items()}
    disputed = find_facts(articles, {ids["000"]: [quote("000", "amazon")], ids["004"]: [quote("004", "ring")]})
    attribution = [item for fact in disputed for item in fact.discrepancies if item.kind == "attribution"]
    assert len(attribution) == 1
    assert _short(attribution[0].values) == {"000": "amazon", "004": "ring"}
    agreed = find_facts(articles, {ids["000"]: [quote("000", "amazon")], ids["004"]: [quote("004", "amazon")]})
    assert not [item for fact in agreed for item in fact.discrepancies if item.kind == "attribution"]


def test_cache_reused_and_only_changed_article_recomputed(articles) -> None:
    first = align_articles(articles)
    assert (first.articles_read, first.result_from_cache) == (len(articles), False)
    second = align_articles(articles)
    assert second.result_from_cache
    assert [fact.as_json() for fact in second.facts] == [fact.as_json() for fact in first.facts]
    edited = list(articles)
    edited[2] = replace(edited[2], text=edited[2].text + " ")
    third = align_articles(edited)
    assert (third.articles_read, third.articles_from_cache, third.result_from_cache) == (1, 4, False)


def test_summary_counts_the_figures_the_facts_reading_found(articles) -> None:
    """The count of figures stated by one outlet comes from the facts' own reading of each
    sentence, computed or from the store, and equals a fresh reading of the sentences."""
    facts, summary = corpus_facts(articles, {})
    assert summary.single_outlet > 0
    assert summary == summarise(facts, articles)
    assert align_articles(articles).result_from_cache
    assert corpus_facts(articles, {}) == (facts, summary)


def test_cached_facts_are_recomputed_when_a_quote_changes_speaker(articles) -> None:
    """Quotes of one speaker link sentences, so a registry edit that renames a speaker must not
    be answered from the cache."""
    article = articles[1]
    start, end = article.sentences[0]

    def run(speaker: str):
        return align_articles(articles, {article.id: [FakeQuote(start, end, article.text[start:end], "ftc", speaker)]})

    assert not run("Lina Khan").result_from_cache
    assert run("Lina Khan").result_from_cache
    assert not run("Samuel Levine").result_from_cache


def test_matrix_as_plain_data_and_csv(facts, articles) -> None:
    matrix = fact_matrix(facts, articles)
    json.dumps(matrix)
    assert [column["id"] for column in matrix["articles"]] == [article.id for article in articles]
    for fact, row in zip(facts, matrix["rows"]):
        for article, cell in zip(articles, row["cells"]):
            member = fact.member_for(article.id)
            assert cell == (member.text if member else "")
    rows = list(csv.reader(io.StringIO(fact_matrix_csv(matrix))))
    assert rows[0][:3] == ["fact", "label", "discrepancies"] and len(rows) == len(facts) + 1
    assert all(len(row) == 3 + len(articles) for row in rows)


def test_cli_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    fact = data["facts"][0]
    assert set(fact) == {"id", "label", "members", "missing_from", "discrepancies"}
    assert set(fact["members"][0]) == {"id", "path", "start", "end", "text"}
    kinds = {item["kind"] for fact in data["facts"] for item in fact["discrepancies"]}
    assert kinds == {"number", "date"}
    assert all({"kind", "detail", "values"} <= set(item) for fact in data["facts"] for item in fact["discrepancies"])


def test_cli_csv_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--csv"]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert header[0] == "fact" and len(header) == 3 + 5
    assert main(["facts"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("25 facts were stated by two or more outlets and compared; among them: 1 conflict, 1 imprecision")
    assert "conflict: outlets give incompatible dates or years: 2019 (000" in out


def test_facts_core_does_not_import_qt() -> None:
    code = ("import sys, reader.facts.finder, app.cli.facts; "
            "sys.exit(1 if any(name.startswith('PySide6') for name in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_paraphrase_keeps_tokens() -> None:
    from reader.facts.anchors import sentence_tokens
    from reader.facts.quantities import find_quantities
    from reader.words import word_token

    assert {word_token(word) for word in ("violated", "violating", "violation", "violates")} == {"violat"}
    assert word_token("kids’") == word_token("children") == "child"
    assert word_token("two-factor") == word_token("multifactor")
    text = "The Federal Trade Commission fined Amazon $25M."
    tokens = sentence_tokens(text, find_quantities(text))
    assert "ftc" in tokens and "n:amazon" in tokens and "q:money:2.5e+07" in tokens
    spun = "Amazon volition wage $25 cardinal."
    assert "q:digits:25" in sentence_tokens(spun, find_quantities(spun))


def test_unreadable_cache_entry_is_recomputed(articles, corroborate_home: Path) -> None:
    align_articles(articles)
    with sqlite3.connect(corroborate_home / "cache" / "analysis.sqlite") as store:
        store.execute("UPDATE results SET value = x'00ff'")
    rerun = align_articles(articles)
    assert (rerun.articles_read, rerun.result_from_cache) == (len(articles), False)
    assert len(rerun.facts) >= 15


def test_articles_without_shared_sentences_give_no_facts(articles) -> None:
    assert find_facts([]) == []
    assert find_facts(articles[:1]) == []


def test_labels_are_readable_excerpts_never_of_the_spun_copy(sample_corpus) -> None:
    from reader.facts.finder import LABEL_LENGTH, find_facts

    for fact in find_facts(sample_corpus.articles):
        assert len(fact.label) <= LABEL_LENGTH + 1
        source = [m for m in fact.members if " ".join(m.text.split()).startswith(fact.label.rstrip("…"))]
        assert source, fact.label
        if len(fact.members) > 1:
            assert not source[0].article_id.startswith("000"), fact.label


def test_two_facts_sharing_a_sentence_are_labelled_apart(sample_corpus) -> None:
    """A sentence stating two facts labels neither while a member stating only one exists, so
    the fact list never shows two facts under one label."""
    facts = find_facts(sample_corpus.articles)
    members = Counter((member.article_id, member.start) for fact in facts for member in fact.members)
    assert any(count > 1 for count in members.values())
    assert len({fact.label for fact in facts}) == len(facts)
