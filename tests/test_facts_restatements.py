"""Restatements: an outlet's sentence left out of every fact because its figure differs joins
the fact it restates (or forms one with another left-out restatement), so the figures are
compared; a sentence worded like two facts goes to the one of its own story."""
from __future__ import annotations

from reader.facts.claims import read_claims
from reader.facts.finder import read_sentences
from reader.facts.links import Unit
from reader.facts.restatements import attach_restatements
from reader.facts.similarity import article_pairs

# Per article, its sentences: each article is a short run of one-sentence paragraphs.
STORY = [
    ["The Millbrook council approved a $12.4 million bus contract with Harbor Transit.",
     "Harbor Transit will hire 40 new drivers by next spring."],
    ["The Millbrook council approved a $12.4 million bus contract with Harbor Transit.",
     "The mayor praised the vote on Wednesday."],
    ["The Millbrook council approved a $14.2 million bus contract with Harbor Transit.",
     "Harbor Transit will hire 35 new drivers by next spring."],
]


def _reading(articles: list[list[str]]):
    features = [[read_sentences(text, [(0, len(text))])[0] for text in sentences] for sentences in articles]
    tokens = [[sentence.tokens for sentence in sentences] for sentences in features]

    def claims_of(unit: Unit):
        text = articles[unit[0]][unit[1]]
        return read_claims(text, features[unit[0]][unit[1]].quantities)

    return tokens, claims_of


def _story(count: int) -> dict[int, set[int]]:
    return {article: set(range(count)) - {article} for article in range(count)}


def test_a_left_out_sentence_with_another_sum_joins_the_fact_it_restates() -> None:
    tokens, claims_of = _reading(STORY)
    groups = [[(0, 0), (1, 0)]]
    attach_restatements(groups, tokens, _story(3), claims_of)
    assert groups[0] == [(0, 0), (1, 0), (2, 0)]


def test_a_sentence_stating_no_figure_of_the_facts_measure_does_not_join() -> None:
    articles = [STORY[0], STORY[1], ["The Millbrook council approved a bus contract with Harbor Transit in 2026.",
                                     "Harbor Transit will hire 35 new drivers by next spring."]]
    tokens, claims_of = _reading(articles)
    groups = [[(0, 0), (1, 0)]]
    attach_restatements(groups, tokens, _story(3), claims_of)
    assert groups[0] == [(0, 0), (1, 0)]


def test_an_article_outside_the_story_restates_nothing() -> None:
    tokens, claims_of = _reading(STORY)
    groups = [[(0, 0), (1, 0)]]
    attach_restatements(groups, tokens, {0: {1}, 1: {0}}, claims_of)
    assert groups == [[(0, 0), (1, 0)]]


def test_two_left_out_restatements_form_a_fact() -> None:
    tokens, claims_of = _reading(STORY)
    groups = [[(0, 0), (1, 0), (2, 0)]]
    attach_restatements(groups, tokens, _story(3), claims_of)
    assert [(0, 1), (2, 1)] in groups


def test_between_two_facts_worded_alike_the_one_of_the_articles_own_story() -> None:
    """Two towns' stories from one template, and the third Millbrook outlet paired with both:
    its drivers sentence matches both drivers facts word for word, and joins the one whose
    outlets also state its other fact (the Millbrook contract)."""
    millbrook = ["The Millbrook council approved a $12.4 million bus contract with Harbor Transit.",
                 "Harbor Transit will hire 40 new drivers by next spring."]
    oakdale = ["The Oakdale council approved a $3 million bus contract with Harbor Transit.",
               "Harbor Transit will hire 12 new drivers by next spring."]
    odd = [millbrook[0], "Harbor Transit will hire 35 new drivers by next spring."]
    tokens, claims_of = _reading([millbrook, millbrook, odd, oakdale, oakdale])
    groups = [[(0, 0), (1, 0), (2, 0)], [(0, 1), (1, 1)], [(3, 0), (4, 0)], [(3, 1), (4, 1)]]
    story = {0: {1, 2}, 1: {0, 2}, 2: {0, 1, 3, 4}, 3: {2, 4}, 4: {2, 3}}
    attach_restatements(groups, tokens, story, claims_of)
    assert groups[1] == [(0, 1), (1, 1), (2, 1)]
    assert groups[3] == [(3, 1), (4, 1)]


def test_an_article_whose_own_figures_differ_is_still_paired_with_its_story() -> None:
    """Twenty stories of three articles, each sharing six rare names and figures; one article
    of the last story gives three of its figures differently and shares only three anchors
    with its story: it is paired with that story, not left without one."""
    stories = [[{f"n:story{story}-{anchor}" for anchor in range(6)} for _ in range(3)] for story in range(20)]
    stories[-1][2] = {f"n:story19-{anchor}" for anchor in range(3)} | {f"q:money:{value}" for value in (7, 8, 9)}
    anchor_sets = [anchors for story in stories for anchors in story]
    for number, anchors in enumerate(anchor_sets):  # two of the changed figures occur in another story too
        if number in (0, 1):
            anchors.update(f"q:money:{value}" for value in (7, 8))
    pairs = set(article_pairs(anchor_sets))
    assert (57, 58) in pairs and (0, 1) in pairs
    assert (57, 59) in pairs and (58, 59) in pairs
    assert not any(59 in pair and (pair[0] < 57) for pair in pairs)


def test_stories_told_in_common_names_and_figures_are_paired_by_their_combination() -> None:
    """Twenty stories of three articles, each named by a company, a regulator and figures that
    every one of several stories uses: no anchor is rare, yet each story's combination is its
    own, so its articles are paired with each other and with no other story's."""
    stories = [{f"n:company{story % 4}", f"n:regulator{story % 3}", f"q:money:{story % 5}",
                f"q:number:{story // 4}"} for story in range(20)]
    anchor_sets = [set(stories[number // 3]) for number in range(60)]
    pairs = set(article_pairs(anchor_sets))
    assert all((3 * story, 3 * story + 1) in pairs and (3 * story + 1, 3 * story + 2) in pairs for story in range(20))
    assert all(first // 3 == second // 3 for first, second in pairs)


def test_a_weak_pair_holding_a_restatement_away_from_its_fact_is_dissolved() -> None:
    """The outlet giving $14.2 million was paired by figure-weighted similarity with another
    outlet's stray sentence; figures aside it restates the contract fact, so it joins that."""
    lede = "The Millbrook council approved a $12.4 million bus contract with Harbor Transit."
    articles = [[lede, "Harbor Transit said it would hire drivers soon."],
                [lede, "Harbor Transit said it would hire drivers soon."],
                [lede.replace("$12.4", "$14.2"), "Harbor Transit will hire 35 new drivers by next spring."],
                [lede, "Millbrook paid $3 million for the council's new buses last year."]]
    tokens, claims_of = _reading(articles)
    groups = [[(0, 0), (1, 0), (3, 0)], [(0, 1), (1, 1)], [(2, 0), (3, 1)]]
    attach_restatements(groups, tokens, _story(4), claims_of)
    assert [(0, 0), (1, 0), (2, 0), (3, 0)] in groups
    assert [(2, 0), (3, 1)] not in groups


def test_a_sentence_its_fact_holds_by_its_figure_stays() -> None:
    """Worded like another fact's sentences but giving the year its own fact's outlet gives:
    the figure is what holds it there (two stories told from one template), so it stays."""
    articles = [["Investigators traced the conduct to 2012."], ["Investigators traced the conduct to 2012."],
                ["Investigators traced the conduct to 2015."], ["The practices began in 2015, the agency said."]]
    tokens, claims_of = _reading(articles)
    groups = [[(0, 0), (1, 0)], [(2, 0), (3, 0)]]
    attach_restatements(groups, tokens, _story(4), claims_of)
    assert groups == [[(0, 0), (1, 0)], [(2, 0), (3, 0)]]


def test_a_sentence_sharing_neither_words_nor_figure_with_its_fact_leaves_it() -> None:
    """Three outlets' statement sentences took in the fourth outlet's penalty sentence, which
    gives another sum than its story's: it leaves them for the penalty fact it restates."""
    penalty = "The council said on Monday that Harbor Transit will pay $12 million over late buses."
    statement = "The operator disagreed with the findings but chose to settle."
    articles = [[penalty, statement], [penalty, statement], [penalty.replace("$12", "$18"), "The buses ran late."]]
    tokens, claims_of = _reading(articles)
    groups = [[(0, 0), (1, 0)], [(0, 1), (1, 1), (2, 0)]]
    attach_restatements(groups, tokens, _story(3), claims_of)
    assert groups == [[(0, 0), (1, 0), (2, 0)], [(0, 1), (1, 1)]]
