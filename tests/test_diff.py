"""The comparison engine: exact rebuilding, whole words, options, numbers, moves, limits, modes."""
from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

import reader.compare.diff as diff
from reader.compare.diff import Comparison, collate, compare_articles, compare_texts
from reader.articles.model import Article
from reader.tokens import CompareOptions, tokenize


def rebuilt(comparison: Comparison) -> tuple[str, str]:
    ops = comparison.ops()
    return ("".join(text for op, text in ops if op != "insert"),
            "".join(text for op, text in ops if op != "delete"))


def assert_whole_tokens(comparison: Comparison) -> None:
    """Every segment boundary is a token boundary in its text: no word is ever split."""
    for text, side in ((comparison.a_text, "a"), (comparison.b_text, "b")):
        bounds = {start for start, _ in tokenize(text)} | {len(text)}
        for segment in comparison.segments:
            start, end = getattr(segment, side)
            assert start in bounds and end in bounds, (side, segment, text[max(start - 5, 0):end + 5])


def changed(comparison: Comparison) -> list[tuple[str, str, str]]:
    return [(change.kind, comparison.a_text[change.a[0]:change.a[1]], comparison.b_text[change.b[0]:change.b[1]])
            for change in comparison.changes]


def test_every_pair_of_the_sample_corpus_rebuilds_both_texts(sample_corpus):
    pairs = list(itertools.permutations(sample_corpus.articles, 2))
    assert len(pairs) == 20
    for a, b in pairs:
        comparison = compare_articles(a, b)
        assert rebuilt(comparison) == (a.text, b.text)
        assert_whole_tokens(comparison)
        assert not comparison.limits


def test_an_article_against_itself_is_one_equal_segment(sample_articles):
    article = sample_articles["001"]
    comparison = compare_articles(article, article)
    assert [segment.op for segment in comparison.segments] == ["equal"]
    assert comparison.changes == [] and comparison.stats()["similarity"] == 1.0


def test_a_changed_word_is_replaced_whole_never_split():
    comparison = compare_texts("Amazon will pay the fine.", "Amazon would pay the fine.")
    assert changed(comparison) == [("replaced", "will", "would")]
    assert comparison.ops() == [("equal", "Amazon "), ("delete", "will"), ("insert", "would"),
                                ("equal", " pay the fine.")]


def test_changed_numbers_are_marked_apart_from_changed_words():
    comparison = compare_texts("Amazon will pay $25 million over Alexa.", "Amazon must pay $30 million over Alexa.")
    assert changed(comparison) == [("replaced", "will", "must"), ("number", "25", "30")]
    assert comparison.stats()["number_changes"] == 1


def test_decimal_and_grouped_numbers_are_single_tokens():
    comparison = compare_texts("a $5.8 million fine for 1,200,000 users", "a $5.9 million fine for 1,300,000 users")
    assert [(a, b) for _, a, b in changed(comparison)] == [("5.8", "5.9"), ("1,200,000", "1,300,000")]


@pytest.mark.parametrize(("option", "a", "b"), [
    ("ignore_case", "The FTC said Amazon agreed.", "the ftc said AMAZON agreed."),
    ("ignore_punctuation", "Amazon, the retailer, agreed.", "Amazon the retailer agreed"),
    ("ignore_quote_style", "\u201cNo company is above the law,\u201d she said.", '"No company is above the law," she said.'),
    ("ignore_whitespace", "Amazon  agreed\nto   pay.", "Amazon agreed to pay."),
])
def test_each_option_hides_exactly_its_kind_of_difference(option, a, b):
    assert compare_texts(a, b).changes, "without the option the texts differ"
    comparison = compare_texts(a, b, CompareOptions(**{option: True}))
    assert comparison.changes == []
    assert comparison.stats()["ignored_differences"] >= 1
    assert rebuilt(comparison) == (a, b), "ops stay exact even when the options call text equal"


def test_options_still_show_real_changes():
    comparison = compare_texts("The FTC said Amazon agreed, quickly.", "the ftc said Google agreed quickly",
                               CompareOptions(ignore_case=True, ignore_punctuation=True))
    assert [(a.strip(" ,."), b.strip()) for _, a, b in changed(comparison)] == [("Amazon", "Google")]


def test_a_moved_paragraph_is_detected():
    first = "Amazon agreed to pay a fine over Alexa recordings of children."
    second = "Ring employees watched private videos of customers without consent."
    third = "The settlement still needs approval from a federal judge."
    a = f"{first}\n\n{second}\n\n{third}\n"
    b = f"{second}\n\n{first}\n\n{third}\n"
    comparison = compare_texts(a, b)
    assert rebuilt(comparison) == (a, b)
    assert len(comparison.moves) == 1
    move = comparison.moves[0]
    # A move covers the passage's words: its full stop may sit on either side of the diff's boundary.
    assert a[move.a[0]:move.a[1]] == b[move.b[0]:move.b[1]] in (first.rstrip("."), second.rstrip("."))
    assert {change.kind for change in comparison.changes} == {"moved"}


def test_long_dissimilar_texts_align_by_paragraph_and_say_when_limits_hit(monkeypatch):
    a = "\n\n".join(f"Paragraph {n} says the agency fined company number {n} for reason {n}." for n in range(60))
    b = "\n\n".join(f"Paragraph {n} says a regulator warned firm {n * 7} about issue {n}." for n in range(60))
    comparison = compare_texts(a, b)
    assert rebuilt(comparison) == (a, b)
    assert comparison.limits == []
    monkeypatch.setattr(diff, "PAIR_CELLS", 100)
    limited = compare_texts(a, b)
    assert rebuilt(limited) == (a, b)
    assert limited.limits and "chunks" in limited.limits[0].reason
    assert limited.as_json()["limits"][0]["reason"] == limited.limits[0].reason


def test_running_out_of_time_is_reported_not_passed_off_as_a_diff():
    a = " ".join(f"w{n}" for n in range(0, 4000, 2))
    b = " ".join(f"w{n}" for n in range(0, 4000, 3))
    comparison = compare_texts(a, b, time_limit=0.0)
    assert rebuilt(comparison) == (a, b)
    assert any("time limit" in limit.reason for limit in comparison.limits)
    assert comparison.stats()["limits"] == len(comparison.limits)


def test_a_passage_comparison_gives_spans_into_the_whole_articles(sample_articles):
    a, b = sample_articles["001"], sample_articles["002"]
    a_span, b_span = a.sentences[1], b.sentences[1]
    comparison = compare_articles(a, b, a_span=a_span, b_span=b_span)
    assert rebuilt(comparison) == (a.span_text(a_span), b.span_text(b_span))
    assert comparison.segments[0].a[0] == a_span[0] and comparison.segments[-1].b[1] == b_span[1]


def test_one_fact_across_outlets_against_a_switchable_base():
    def article(ident: str, text: str) -> Article:
        return Article(id=ident, path=ident, text=text)

    members = [
        (article("x", "Intro. Amazon will pay $25 million to the FTC. Outro."), (7, 46)),
        (article("y", "Amazon agreed to pay $25 million to the FTC."), (0, 44)),
        (article("z", "Lead. Amazon will pay $30 million to the agency."), (6, 48)),
    ]
    collation = collate(members, base=0)
    assert sorted(collation.comparisons) == [1, 2]
    assert changed(collation.comparisons[2]) == [("number", "25", "30"), ("replaced", "FTC", "agency")]
    rebased = collation.rebased(2)
    assert rebased.base == 2 and sorted(rebased.comparisons) == [0, 1]
    assert rebased.comparisons[0].a_id == "z" and rebased.comparisons[0].b_id == "x"
    assert rebased.as_json()["base"] == "z"
    with pytest.raises(IndexError):
        collate(members, base=3)


def test_n_articles_against_one_base(sample_corpus):
    collation = collate(sample_corpus.articles, base=1)
    assert len(collation.comparisons) == len(sample_corpus.articles) - 1
    for index, comparison in collation.comparisons.items():
        assert rebuilt(comparison) == (sample_corpus.articles[1].text, sample_corpus.articles[index].text)


def test_the_engine_never_imports_qt():
    code = "import sys, reader.compare.diff, app.cli.diff; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_number_spans_inside_a_change_are_exactly_the_numbers():
    comparison = compare_texts("It will pay 25 dollars in May.", "It paid 30,000 dollars in May.")
    [change] = comparison.changes
    assert change.kind == "number"
    assert [comparison.a_text[s:e] for s, e in change.a_numbers] == ["25"]
    assert [comparison.b_text[s:e] for s, e in change.b_numbers] == ["30,000"]
    assert comparison.as_json()["changes"][0]["b_numbers"] == [list(change.b_numbers[0])]
    assert not compare_texts("the B2B arm", "the B2C arm").changes[0].number, "digits inside a word are no number"


def test_a_collation_feeds_the_redline_export(sample_articles):
    from reader.export.compare import compare_report

    a, b = sample_articles["001"], sample_articles["003"]
    collation = collate([(a, a.sentences[0]), (b, b.sentences[0])], base=0)
    report = compare_report(list(collation.comparisons.values()), {a.id: a, b.id: b},
                            corpus="sample", title="first sentences")
    assert report.rows[0][4].endswith("¶ 1") and report.rows[0][5].endswith("¶ 1")
    assert "line-through" in report.html and report.rows
