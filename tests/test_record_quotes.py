"""One quotation across outlets: grouped, word-diffed, misquotes and misattributions flagged."""
from __future__ import annotations

import json
from pathlib import Path

from reader.articles.corpus import load_corpus
from reader.quotes.finder import find_quotes
from reader.record.quote_compare import compare_quotations
from record_texts import write_story


def _groups(folder: Path):
    corpus = load_corpus([folder])
    return compare_quotations([(article, find_quotes(article)) for article in corpus.articles])


def test_a_misquote_between_two_outlets_is_found_with_both_wordings_and_citations(tmp_path: Path) -> None:
    mayor = next(g for g in _groups(write_story(tmp_path / "story")) if "storm" in g.reference.quote.text)
    assert {p.article.id for p in mayor.printings} == {"ledger.txt", "wire.txt", "metro.txt"}
    [misquote] = mayor.misquotes
    assert misquote.other.article.id == "wire.txt"
    assert misquote.reference.article.id in {"ledger.txt", "metro.txt"}
    wordings = misquote.wordings()
    assert ("cannot", "can't") in wordings and ("the next", "another") in wordings
    assert any(a.startswith("know") and b.startswith("knew") for a, b in wordings)
    assert "Bay Wire, 6 March 2024, ¶ 2" in misquote.other.citation
    assert "“We can't keep waiting" in misquote.other.citation


def test_quote_style_and_punctuation_alone_are_not_a_misquote(tmp_path: Path) -> None:
    groups = _groups(write_story(tmp_path / "story"))
    mayor = next(g for g in groups if "storm" in g.reference.quote.text)
    assert "metro.txt" not in {m.other.article.id for m in mayor.misquotes}
    renters = next(g for g in groups if "renters" in g.reference.quote.text)
    assert len(renters.printings) == 2 and renters.misquotes == []


def test_a_partial_quote_or_an_elision_is_not_a_misquote(tmp_path: Path) -> None:
    folder = tmp_path / "partial"
    folder.mkdir()
    (folder / "a.txt").write_text('"The cost will fall on renters who never asked for it, and they will pay '
                                  'for decades," Ortega said.\n', encoding="utf-8")
    (folder / "b.txt").write_text('Ortega said "the cost will fall on renters" and added: "they will pay '
                                  'for decades."\n\n"The cost will fall on renters ... and they will pay for '
                                  'decades," he said.\n', encoding="utf-8")
    groups = _groups(folder)
    assert groups and all(group.misquotes == [] for group in groups)


def test_a_quotation_given_to_different_speakers_is_flagged(tmp_path: Path) -> None:
    mayor = next(g for g in _groups(write_story(tmp_path / "story")) if "storm" in g.reference.quote.text)
    [conflict] = mayor.misattributions
    assert conflict.kind == "speaker"
    assert {p.quote.speaker_name for p in conflict.printings} == {"Dana Whitfield", "Whitfield", "Ray Ortega"}
    renters = next(g for g in _groups(write_story(tmp_path / "again")) if "renters" in g.reference.quote.text)
    assert renters.misattributions == []


def test_a_misattribution_credits_each_outlet_by_speaker_and_party_name(tmp_path: Path) -> None:
    from reader.quotes.parties import discover_parties
    from reader.quotes.speakers import current_registry

    corpus = load_corpus([write_story(tmp_path / "story")])
    found = {article.id: find_quotes(article) for article in corpus.articles}
    parties = discover_parties(found, current_registry())
    groups = compare_quotations([(article, parties.settle(found[article.id])) for article in corpus.articles])
    [conflict] = next(g for g in groups if "storm" in g.reference.quote.text).misattributions
    credits = conflict.credits()
    assert "Metro Daily: Ray Ortega (Ray Ortega)" in credits
    assert not any("person:" in credit for credit in credits)  # the party's name, never its id


def test_the_comparison_json_rebuilds_both_wordings(tmp_path: Path) -> None:
    mayor = next(g for g in _groups(write_story(tmp_path / "story")) if "storm" in g.reference.quote.text)
    data = json.loads(json.dumps(mayor.as_json()))
    [misquote] = data["misquotes"]
    ops = misquote["diff"]
    assert "".join(t for op, t in ops if op != "insert") == misquote["reference"]["text"]
    assert "".join(t for op, t in ops if op != "delete") == misquote["other"]["text"]


def test_a_quote_span_running_into_another_quotation_is_not_a_misquote() -> None:
    from types import SimpleNamespace

    from quote_helpers import article_from

    a = article_from('"The commission takes privacy seriously and will enforce its orders," Simons said.\n', "a.txt")
    b = article_from("Simons said: “The commission takes privacy seriously and will enforce its “Facebook post "
                     "published later,” the company said.\n", "b.txt")

    def quote(article, start: int, end: int) -> SimpleNamespace:  # noqa: ANN001
        return SimpleNamespace(start=start, end=end, text=article.text[start:end], speaker_name="Simons", entity=None)

    whole_a = quote(a, 1, a.text.index(',"'))
    crossing = quote(b, b.text.index("The"), b.text.index(",”"))  # a finder's span across the stray mark
    honest = quote(b, b.text.index("The"), b.text.index(" “Facebook"))
    [group] = compare_quotations([(a, [whole_a]), (b, [crossing])])
    assert group.misquotes == []
    [group] = compare_quotations([(a, [quote(a, 1, a.text.index(" its") + 4)]), (b, [honest])])
    assert group.misquotes == []
    changed = article_from(a.text.replace("enforce its orders", "enforce all orders"), "c.txt")
    [group] = compare_quotations([(a, [whole_a]), (changed, [quote(changed, 1, changed.text.index(',"'))])])
    assert group.misquotes[0].wordings() == [("its", "all")]
