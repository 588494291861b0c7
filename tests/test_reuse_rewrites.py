"""Rewritten copies: a wire story retold sentence by sentence in other words is a copy; an
independent report of the same event, sharing its facts, is not."""
from __future__ import annotations

from reader.provenance.copies import INDEPENDENT, REWRITTEN_COPY, provenance
from reader.provenance.rewrites import (MIN_REWRITTEN_SENTENCES, REWRITTEN_SHARE, Rewrite, RewrittenSentence,
                                        Sentence, rewrite, sentences)
from reader.provenance.spin import article_words
from reuse_texts import load_articles

WIRE = ("Harbor Freight Lines will pay $42 million to settle claims that it overcharged shippers for fuel, "
        "the Maritime Commission said on Tuesday. The commission found that the company kept adding a fuel "
        "surcharge to its invoices for three years after its own costs had fallen. Under the settlement, "
        "Harbor Freight Lines will set up a $30 million fund to repay affected shippers and pay a $12 million "
        "penalty to the Treasury. The company did not admit wrongdoing but agreed to let an outside auditor "
        "review its billing for five years. Shippers who paid the surcharge between 2019 and 2022 can file "
        "claims until the end of next year. The case is the largest fuel billing action the commission has "
        "brought against a cargo carrier.")
REWRITE = ("The Maritime Commission stated Tuesday that Harbor Freight Lines is to pay $42 million to resolve "
           "allegations that it overbilled shippers for fuel. For three years after its own expenses had dropped, "
           "the commission determined, the firm kept putting a fuel levy on its bills. Under the deal, a $30 "
           "million fund to repay harmed shippers will be set up by Harbor Freight Lines, which will also hand a "
           "$12 million fine to the Treasury. Agreeing to let an outside inspector check its billing for five "
           "years, the company did not admit any wrongdoing. Until the close of next year, shippers that paid "
           "the levy between 2019 and 2022 may submit claims. Against a freight carrier, the case is the biggest "
           "fuel billing action the commission has taken.")
INDEPENDENT_REPORT = ("A cargo carrier accused of padding its fuel charges has agreed to a $42 million "
                      "settlement with federal regulators. For three years Harbor Freight Lines kept a "
                      "surcharge in place after fuel prices fell, the Maritime Commission said Tuesday. Most "
                      "of the money, $30 million, goes into a fund for shippers; the remaining $12 million "
                      "is a penalty. \"We expect every carrier to bill honestly,\" commission chair Dana "
                      "Ortiz said. The company, which admitted no wrongdoing, said it was glad to put the "
                      "matter behind it. An outside auditor will watch its invoices for five years.")


def _kinds(report) -> dict[frozenset[str], str]:
    return {frozenset((pair.a, pair.b)): pair.kind for pair in report.pairs}


def test_a_story_retold_in_other_words_is_a_rewritten_copy_and_a_report_of_the_same_event_is_not(tmp_path):
    articles = load_articles(tmp_path / "rewrite", {"wire": WIRE, "farm": REWRITE, "ledger": INDEPENDENT_REPORT})
    report = provenance(articles)
    kinds = _kinds(report)
    assert kinds[frozenset(("farm.txt", "wire.txt"))] == REWRITTEN_COPY
    assert kinds.get(frozenset(("ledger.txt", "wire.txt")), INDEPENDENT) == INDEPENDENT
    assert kinds.get(frozenset(("farm.txt", "ledger.txt")), INDEPENDENT) == INDEPENDENT
    pair = next(pair for pair in report.pairs if pair.kind == REWRITTEN_COPY)
    wire_side = "a" if pair.a == "wire.txt" else "b"
    cited = [WIRE[slice(*passage.as_json()[wire_side])] for passage in pair.passages]
    assert len(cited) >= MIN_REWRITTEN_SENTENCES + 1 and cited[0].startswith("Harbor Freight Lines will pay $42 million")


def test_an_independent_report_sharing_the_facts_in_the_same_order_is_far_from_a_rewrite(tmp_path):
    wire, ledger = load_articles(tmp_path / "same-event", {"wire": WIRE, "ledger": INDEPENDENT_REPORT})
    found = rewrite(*(sentences(article, article_words(article)[1], bytearray(len(article.text)))
                      for article in (wire, ledger)))
    assert found.share < REWRITTEN_SHARE and not found.rewritten


def test_a_rewrite_needs_both_articles_mostly_rewritten_not_one_excerpt():
    sentence = Sentence(tuple("the carrier will pay 12 million to the treasury by 2025".split()), 0, 1)
    pairs = tuple(RewrittenSentence(sentence, sentence, len(sentence.tokens)) for _ in range(MIN_REWRITTEN_SENTENCES))
    assert not Rewrite(pairs, share_a=1.0, share_b=0.4).rewritten
    assert Rewrite(pairs, share_a=0.7, share_b=0.7).rewritten


def test_fewer_than_the_minimum_rewritten_sentences_are_a_shared_fact_not_a_copy():
    sentence = Sentence(tuple("the carrier will pay 12 million to the treasury by 2025".split()), 0, 1)
    short = rewrite([sentence] * (MIN_REWRITTEN_SENTENCES - 1), [sentence] * (MIN_REWRITTEN_SENTENCES - 1))
    assert short.share == 1.0 and not short.rewritten
    assert rewrite([sentence] * MIN_REWRITTEN_SENTENCES, [sentence] * MIN_REWRITTEN_SENTENCES).rewritten


def test_articles_sharing_too_few_figures_are_not_aligned_however_alike_their_sentences():
    template = ("the regulator said the company will pay {} million to settle the claims".split(),
                "the company did not admit wrongdoing in the case filed in {}".split())
    one = [Sentence(tuple(words.format(figure) if words == "{}" else words for words in sentence), 0, 1)
           for sentence, figure in zip(template * 2, ("12", "2019", "12", "2019"))]
    other = [Sentence(tuple(words.format(figure) if words == "{}" else words for words in sentence), 0, 1)
             for sentence, figure in zip(template * 2, ("40", "2019", "40", "2019"))]
    assert rewrite(one, one).rewritten
    assert not rewrite(one, other).rewritten and not rewrite(one, other).sentences
