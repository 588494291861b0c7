"""Spun text found by its quotations: a statement others print word for word, reworded in one article."""
from __future__ import annotations

from reader.provenance.copies import provenance
from reuse_texts import load_articles

STATEMENT = ("The company used misleading menus and hidden fees that tricked customers, including "
             "pensioners and students, into paying for plans they never chose")
REWORDED = ("The company employed deceptive menus and concealed fees that duped clients, including "
            "pensioners and students, into paying for plans they never chose")

FRAMES = {
    "gazette": ("A telecoms provider agreed on Wednesday to repay $12 million to subscribers after a "
                "two-year inquiry by the state consumer office.\n\n\"{quote},\" the office's director "
                "said in a statement.\n\nThe provider did not admit wrongdoing."),
    "courier": ("Regulators have ordered a phone carrier to hand back $12 million. Officials said the "
                "refunds would reach about 80,000 accounts by the end of the year.\n\n\"{quote},\" the "
                "director said.\n\nA spokesperson for the carrier declined to comment."),
    "herald": ("Subscribers of a mobile carrier will share $12 million in refunds, the state consumer "
               "office announced, closing an investigation that began with complaints from retirees.\n\n"
               "\"{quote},\" according to the office's director, who called the case a warning to the "
               "industry."),
    "farm": ("A cellular firm must return $12 million to users following a probe by regulators in the "
             "state.\n\n\"{quote},\" the director said.\n\nThe firm is weighing its options."),
}


def _spun(report) -> dict[str, bool]:
    return {item.article_id: item.spin.spun for item in report.articles}


def test_an_article_rewording_a_statement_others_print_word_for_word_is_spun(tmp_path):
    texts = {name: frame.format(quote=REWORDED if name == "farm" else STATEMENT) for name, frame in FRAMES.items()}
    report = provenance(load_articles(tmp_path / "statement", texts))
    assert _spun(report) == {"courier.txt": False, "farm.txt": True, "gazette.txt": False, "herald.txt": False}
    farm = next(item for item in report.articles if item.article_id == "farm.txt")
    reworded = {(item.text, item.original) for item in farm.spin.substitutions if item.rule == "quotation reworded"}
    assert {("employed", "used"), ("deceptive", "misleading"), ("concealed", "hidden"), ("duped", "tricked"),
            ("clients", "customers")} <= reworded


def test_with_one_other_print_of_the_statement_neither_article_is_blamed(tmp_path):
    texts = {name: FRAMES[name].format(quote=REWORDED if name == "farm" else STATEMENT) for name in ("gazette", "farm")}
    assert not any(_spun(provenance(load_articles(tmp_path / "two", texts))).values())


def test_house_style_in_a_quotation_is_not_rewording(tmp_path):
    """Two differences ("organisations", "bn") are an outlet's spelling, not a spinner's swaps."""
    statement = ("Large organizations collected $2 billion from customers who were never told how "
                 "their information would be shared")
    house = statement.replace("organizations", "organisations").replace("billion", "bn")
    texts = {name: frame.format(quote=house if name == "farm" else statement) for name, frame in FRAMES.items()}
    assert not any(_spun(provenance(load_articles(tmp_path / "house", texts))).values())


def test_the_majority_print_of_a_statement_is_the_original(tmp_path):
    """Two spun copies agreeing on their swaps do not make the three faithful prints look reworded."""
    texts = {name: frame.format(quote=REWORDED if name in ("farm", "herald") else STATEMENT)
             for name, frame in FRAMES.items()}
    texts["wire"] = ("The state consumer office has fined a carrier $12 million.\n\n\"" + STATEMENT
                     + ",\" its director said.")
    spun = _spun(provenance(load_articles(tmp_path / "majority", texts)))
    assert spun == {"courier.txt": False, "farm.txt": True, "gazette.txt": False, "herald.txt": True,
                    "wire.txt": False}
