"""How sentences are grouped into facts, on made-up articles (not the sample): a sentence that
states two facts sits in both, a statement one outlet split in two is matched half by half by
two other outlets, and a sentence joins a second fact only through words its first fact does
not explain."""
from __future__ import annotations

from pathlib import Path

from reader.articles.corpus import load_corpus
from reader.facts.groups import MERGE_THRESHOLD, _attach_by_amount, group_sentences
from reader.facts.links import same_quote, weigh_quotes
from reader.facts.anchors import sentence_tokens
from reader.facts.finder import Fact, align_articles
from reader.words import STOPWORDS, content_token, word_token


def _facts(folder: Path, texts: dict[str, str]) -> list[Fact]:
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return align_articles(load_corpus([folder]).articles, use_cache=False).facts


def _members(fact: Fact) -> dict[str, str]:
    return {member.article_id.removesuffix(".txt"): member.text for member in fact.members}


def test_a_sentence_stating_two_facts_sits_in_both(tmp_path: Path) -> None:
    both = ("Acme Chemicals will pay a $2 million fine for dumping solvent into the Tarn river, "
            "and its chief executive, Dana Reyes, resigned on Friday.")
    fine = ("State regulators fined Acme Chemicals $2 million after solvent from its Millbrook plant "
            "was dumped into the Tarn river.")
    resigned = "Dana Reyes stepped down as chief executive of Acme Chemicals on Friday."
    facts = _facts(tmp_path / "corpus", {
        "courier": f"{both} The plant in Millbrook employs about 300 people. Local anglers first reported "
                   "dead fish near the outflow in May. Acme Chemicals makes coatings for ships. "
                   "Shares in Acme Chemicals fell 4% on Friday.",
        "gazette": f"{fine} Anglers noticed dead fish close to the outflow pipe in May. Acme Chemicals sells most of "
                   "its coatings to shipyards. Investors sold Acme Chemicals shares, which fell 4%.",
        "herald": f"{resigned} Reyes had led the firm for nine years. The Millbrook site has roughly 300 workers. "
                  "Acme Chemicals did not name a successor. The board of Acme Chemicals will meet next week.",
    })
    groups = [_members(fact) for fact in facts]
    assert {"courier": both, "gazette": fine} in groups
    assert {"courier": both, "herald": resigned} in groups
    assert not any(fine in group.values() and resigned in group.values() for group in groups)
    plant = next(group for group in groups if "courier" in group and "Millbrook employs" in group["courier"])
    assert fine not in plant.values(), "naming the plant is not stating how many it employs"


def test_halves_of_a_split_statement_matched_by_two_outlets_make_one_fact(tmp_path: Path) -> None:
    facts = _facts(tmp_path / "corpus", {
        "post": "The Marlow bridge will close for eleven weeks from 3 March. Engineers will replace its cracked "
                "steel cables. Buses will run a detour through Eastfield. Shops near the bridge fear losing trade.",
        "times": "The Marlow bridge shuts on 3 March for eleven weeks, the council said. A detour for buses will go "
                 "through Eastfield. Traders close to the bridge worry about lost business.",
        "echo": "Engineers are replacing the cracked steel cables of the Marlow bridge, a job lasting eleven weeks. "
                "Buses are being diverted through Eastfield. Nearby shopkeepers expect to lose trade.",
    })
    closure = next(_members(fact) for fact in facts if any("3 March" in member.text for member in fact.members))
    assert closure["post"] == ("The Marlow bridge will close for eleven weeks from 3 March. "
                               "Engineers will replace its cracked steel cables.")
    assert set(closure) == {"post", "times", "echo"}


def test_touching_groups_join_only_through_adjacent_sentences() -> None:
    def links_with(second_half: int) -> dict:
        pairs = {((0, 0), (1, 0)): 0.6, ((0, second_half), (2, 0)): 0.6,
                 ((1, 0), (2, 0)): 0.3, ((0, 0), (2, 0)): 0.2, ((0, second_half), (1, 0)): 0.2}
        links: dict = {}
        for (first, second), score in pairs.items():
            links.setdefault(first, {})[second] = score
            links.setdefault(second, {})[first] = score
        return links

    vectors = [[{}, {}, {}], [{}], [{}]]
    split = group_sentences(links_with(1), [], vectors)
    assert split == [[(0, 0), (0, 1), (1, 0), (2, 0)]]
    apart = group_sentences(links_with(2), [], vectors)
    assert sorted(apart) == [[(0, 0), (1, 0)], [(0, 2), (2, 0)]], "sentences 0 and 2 are two statements"
    assert MERGE_THRESHOLD < (0.3 + 0.2 + 0.2) / 3


def test_a_second_fact_needs_words_the_first_does_not_explain() -> None:
    # Article 0's sentence and article 1's state one fact (tokens a, b); article 2's sentence
    # resembles article 0's a little, through b alone, or through c, which only article 0 says.
    first, same = {"a": 0.6, "b": 0.6, "c": 0.53}, {"a": 0.6, "b": 0.8}

    def grouped(third: dict[str, float]) -> list[list[tuple[int, int]]]:
        vectors = [[first], [same], [third]]
        score = lambda x, y: sum(weight * y.get(token, 0.0) for token, weight in x.items())  # noqa: E731
        links = {(0, 0): {(1, 0): score(first, same), (2, 0): score(first, third)},
                 (1, 0): {(0, 0): score(first, same)},
                 (2, 0): {(0, 0): score(first, third)}}
        return group_sentences(links, [(score(first, third), (0, 0), (2, 0))], vectors)

    assert grouped({"b": 0.3, "z": 0.95}) == [[(0, 0), (1, 0)]]
    assert grouped({"c": 0.3, "z": 0.95}) == [[(0, 0), (1, 0)], [(0, 0), (2, 0)]]


def test_a_sentence_joins_a_second_group_by_what_its_first_leaves_over() -> None:
    # Articles 2 and 3 state a fact (token c) that article 0's sentence also states beside the
    # one it shares with article 1 (token a); only a weak direct link points there.
    sentence, other_fact = {"a": 0.6, "c": 0.8}, [{"c": 0.8, "d": 0.6}, {"c": 0.8, "e": 0.6}]

    def grouped(partner: dict[str, float]) -> list[list[tuple[int, int]]]:
        links = {(0, 0): {(1, 0): 0.6, (2, 0): 0.11}, (1, 0): {(0, 0): 0.6},
                 (2, 0): {(3, 0): 0.64, (0, 0): 0.11}, (3, 0): {(2, 0): 0.64}}
        return sorted(group_sentences(links, [], [[sentence], [partner], other_fact[:1], other_fact[1:]]))

    assert grouped({"a": 1.0}) == [[(0, 0), (1, 0)], [(0, 0), (2, 0), (3, 0)]]
    assert grouped({"a": 0.6, "c": 0.8}) == [[(0, 0), (1, 0)], [(2, 0), (3, 0)]], \
        "article 1 says c too, so nothing of article 0's sentence is left for a second fact"


def test_reporting_verbs_carry_no_fact_and_paraphrases_fold() -> None:
    assert {"argued", "claimed", "noted", "announced", "told"} <= STOPWORDS
    assert [content_token(word) for word in ("claimed", "Claims", "told", "argues", "the")] == [None] * 5
    assert content_token("Fined") == word_token("penalties")
    assert word_token("retained") == word_token("kept") == word_token("storing")
    assert word_token("wiped") == word_token("deletion")
    assert word_token("inquiry") == word_token("investigation")
    assert word_token("fined") == word_token("penalties")
    assert word_token("agree") == word_token("agreed") == word_token("agreeing")


def test_a_reporting_verb_inside_a_name_still_makes_the_name_an_anchor() -> None:
    assert {"us", "n:us"} <= set(sentence_tokens("The United States fined Amazon.", []))
    assert {"cr", "n:cr"} <= set(sentence_tokens("Consumer Reports tested the doorbell.", []))
    assert "state" not in sentence_tokens("The complaint states that Ring failed.", [])


def test_groups_sharing_a_sentence_join_only_with_a_direct_link_between_them() -> None:
    """Sentence b is matched by x and y, and on its own by z. If z also links directly (if
    weakly) to y, z restates b's fact in other words and the two groups join through b, the
    too-weak z-x pair counting part of their links to b; if nothing links z to the others, b
    states two facts and the groups stay apart. Nor is anything inferred between articles
    that were never compared (two stories)."""
    b, x, y, z = (0, 0), (1, 0), (3, 0), (2, 0)
    vectors = [[{"penalty": 0.6, "breach": 0.8}], [{"penalty": 1.0}], [{"breach": 0.99, "penalty": 0.14}],
               [{"penalty": 1.0}]]

    def grouped(links: dict[tuple[tuple[int, int], tuple[int, int]], float],
                compared: set[tuple[int, int]] | None = None) -> list[list[tuple[int, int]]]:
        table: dict = {}
        for (first, second), score in links.items():
            table.setdefault(first, {})[second] = score
            table.setdefault(second, {})[first] = score
        return sorted(group_sentences(table, [(0.3, b, z)], vectors, compared))

    strong = {(b, x): 0.5, (b, y): 0.5, (x, y): 0.5, (b, z): 0.3}
    assert grouped(strong) == [[b, x, y], [b, z]]
    assert grouped({**strong, (z, y): 0.12}) == [[b, x, z, y]]
    every_pair_but_x_z = {(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)}
    assert grouped({**strong, (z, y): 0.12}, every_pair_but_x_z) == [[b, x, y], [b, z]]


def test_a_lede_split_in_two_joins_when_both_halves_together_match_better() -> None:
    """Outlet 0 gives the lede's subject (sentence 0) and its total (sentence 1) apart; outlets
    1 and 2 say both in one sentence. Each half alone matches them weakly, the two read as one
    clearly better, so both halves join the fact. A neighbour that adds nothing stays out."""
    total, subject, other = (0, 1), (0, 0), (3, 0)
    lede = {"total": 0.11, "settle": 0.09, "lede": (1 - 0.11 ** 2 - 0.09 ** 2) ** 0.5}

    def grouped(neighbour_vector: dict[str, float]) -> list[list[tuple[int, int]]]:
        vectors = [[neighbour_vector, {"total": 1.0}], [lede], [lede], [{"weather": 1.0}]]
        links: dict = {}
        for first, second, score in ((total, (1, 0), 0.21), (total, (2, 0), 0.21), ((1, 0), (2, 0), 1.0),
                                     (subject, other, 0.15)):
            links.setdefault(first, {})[second] = score
            links.setdefault(second, {})[first] = score
        return group_sentences(links, [], vectors)

    assert [subject, total, (1, 0), (2, 0)] in grouped({"settle": 1.0})
    assert [total, (1, 0), (2, 0)] in grouped({"weather": 1.0})


def test_a_sentence_giving_two_sums_joins_the_fact_of_its_second_sum() -> None:
    """Outlet 0 gives the $2 million fine and the $400,000 clean-up in one sentence (0, 0);
    outlets 1-3 state the clean-up apart. Outlet 1's lede names both sums too, so the fine fact
    explains all of (0, 0)'s words and its residual cannot reach the clean-up fact: the sum,
    said by every outlet of that fact and nowhere else in article 0, takes it there. Not when
    the sentence lacks what the clean-up's outlets all say beside the sum (here 'river'), nor
    when article 0 gives that sum in another sentence too, nor when the sentence gives one sum."""
    fine, cleanup = ("money", 2e6), ("money", 4e5)
    lede = {"fine": 0.7, "river": 0.3, "q:money:2e+06": 0.5, "q:money:400000": 0.4}

    def grouped(sentence: dict[str, float], sums: tuple, elsewhere: tuple = ()) -> list[list[tuple[int, int]]]:
        vectors = [[sentence, {"weather": 1.0}], [lede, {"river": 0.8, "q:money:400000": 0.6}],
                   [{"fine": 0.8, "q:money:2e+06": 0.6}, {"river": 0.8, "clean": 0.6}],
                   [{"river": 0.6, "clean": 0.6, "q:money:400000": 0.5}]]
        amounts = [[sums, elsewhere], [(fine, cleanup), (cleanup,)], [(fine,), (cleanup,)], [(cleanup,)]]
        links: dict = {}
        for first, second, score in (((0, 0), (1, 0), 0.6), ((0, 0), (2, 0), 0.5), ((1, 0), (2, 0), 0.6),
                                     ((1, 1), (2, 1), 0.6), ((1, 1), (3, 0), 0.6), ((2, 1), (3, 0), 0.6),
                                     ((0, 0), (1, 1), 0.15)):
            links.setdefault(first, {})[second] = score
            links.setdefault(second, {})[first] = score
        return sorted(group_sentences(links, [], vectors, None, amounts))

    two_facts = [[(0, 0), (1, 0), (2, 0)], [(0, 0), (1, 1), (2, 1), (3, 0)]]
    one_fact = [[(0, 0), (1, 0), (2, 0)], [(1, 1), (2, 1), (3, 0)]]
    assert grouped(lede, (fine, cleanup)) == two_facts
    assert grouped({token: weight for token, weight in lede.items() if token != "river"}, (fine, cleanup)) == one_fact
    assert grouped(lede, (fine, cleanup), (cleanup,)) == one_fact
    assert grouped(lede, (cleanup,)) == one_fact


def test_sums_bring_a_fact_at_most_one_sentence_of_an_article() -> None:
    """Outlets 1 and 2 agree on two sums, each given by one sentence of article 0 beside a
    third sum; only one of those sentences may join, or article 0 would state the fact twice."""
    fine, refund, other, more = ("money", 1e6), ("money", 5e6), ("money", 9e6), ("money", 2e7)
    vectors = [[{"fine": 1.0}] * 6, [{"fine": 1.0}], [{"fine": 1.0}]]
    amounts = [[(fine, other), (), (), (), (), (refund, more)], [(fine, refund)], [(fine, refund)]]
    links: dict = {}
    for first, second in (((1, 0), (2, 0)), ((0, 0), (1, 0)), ((0, 5), (1, 0))):
        links.setdefault(first, {})[second] = 0.5
        links.setdefault(second, {})[first] = 0.5
    groups = [[(1, 0), (2, 0)]]
    _attach_by_amount(groups, links, vectors, amounts)
    assert [article for article, _ in groups[0]].count(0) == 1


def test_one_quote_is_one_statement_only_from_one_speaker_and_not_as_a_fragment() -> None:
    said = frozenset({"river", "pay", "profit", "none", "while", "run", "agency"})
    spun = frozenset({"river", "pay", "profit", "nothing", "while", "run", "agency"})
    assert same_quote(("Dana Reyes", said), ("Dana Reyes", spun)) == 6 / 7
    assert same_quote(("Dana Reyes", said), ("", spun)) == 6 / 7, "an unknown speaker may be anyone"
    assert same_quote(("Dana Reyes", said), ("Omar Said", spun)) == 0.0
    assert same_quote(("Dana Reyes", said), ("Dana Reyes", frozenset({"river", "pay", "profit"}))) == 0.0
    rows = [{0: 0.05, 1: 0.3}]
    weigh_quotes(rows, {0: [("Dana Reyes", said)]}, {0: [("Dana Reyes", spun)], 1: [("Omar Said", spun)]})
    assert rows == [{0: 6 / 7, 1: 0.3}]


def test_a_fact_two_outlets_quote_alike_keeps_only_sentences_using_the_quote() -> None:
    """Outlets 0 and 1 carry one quote; 2 quotes the same speaker saying something else; 3
    names the speaker but none of the quote, and also states another fact (with 4 and 5); 6
    paraphrases the quote. All link alike, as sentences naming one speaker do: without the
    quotes they make one fact."""
    quote = frozenset({"river", "pay", "profit", "while", "run", "agency"})
    other_quote = frozenset({"inspector", "visit", "every", "plant", "month"})
    vectors = [[{"reyes": 0.5, **{word: 0.35 for word in quote}}], [{"reyes": 0.5, **{word: 0.35 for word in quote}}],
               [{"reyes": 0.5, **{word: 0.38 for word in other_quote}}], [{"reyes": 0.6, "spill": 0.8}],
               [{"spill": 1.0}], [{"spill": 1.0}],
               [{"reyes": 0.5, "river": 0.4, "pay": 0.4, "profit": 0.4, "agency": 0.5}]]
    quoted = [{0: [("Dana Reyes", quote)]}, {0: [("Dana Reyes", quote)]}, {0: [("Dana Reyes", other_quote)]},
              {}, {}, {}, {}]
    links: dict = {}
    speaker = [(0, 0), (1, 0), (2, 0), (3, 0), (6, 0)]
    pairs = [(first, second, 0.5) for index, first in enumerate(speaker) for second in speaker[index + 1:]]
    for first, second, score in pairs + [((4, 0), (5, 0), 0.6), ((3, 0), (4, 0), 0.3), ((3, 0), (5, 0), 0.3)]:
        links.setdefault(first, {})[second] = score
        links.setdefault(second, {})[first] = score

    assert sorted(group_sentences(links, [], vectors)) == [[(0, 0), (1, 0), (2, 0), (3, 0), (6, 0)],
                                                           [(3, 0), (4, 0), (5, 0)]]
    assert sorted(group_sentences(links, [], vectors, None, None, quoted)) == [
        [(0, 0), (1, 0), (6, 0)], [(3, 0), (4, 0), (5, 0)]]


def test_a_sentence_between_two_facts_joins_as_the_half_it_matches_best() -> None:
    """Sentence (0, 1) lies between article 0's members of two facts; it matches the first
    fact's other outlet weakly, the second's better, so it is the second statement's half."""
    links: dict = {}
    for first, second, score in (((0, 0), (1, 0), 0.6), ((0, 2), (2, 0), 0.6),
                                 ((0, 1), (1, 0), 0.13), ((0, 1), (2, 0), 0.3)):
        links.setdefault(first, {})[second] = score
        links.setdefault(second, {})[first] = score
    vectors = [[{"a": 1.0}, {"c": 1.0}, {"b": 1.0}], [{"a": 1.0}], [{"b": 1.0}]]
    assert sorted(group_sentences(links, [], vectors)) == [[(0, 0), (1, 0)], [(0, 1), (0, 2), (2, 0)]]


def test_a_pair_formed_late_takes_a_split_half_only_when_read_together_it_matches_better() -> None:
    """(0, 1) and (1, 0) are linked too weakly to group, so they become a fact only as a mutual
    best match, after the first pass for split halves. (0, 1) gives the order's deletion, (0, 2)
    its training ban, which (1, 0) gives in one sentence: the two read as one match it clearly
    better, so (0, 2) joins. A neighbour merely linked to (1, 0) adds nothing read together
    with (0, 1), and one link to a lone sentence is too little to join on."""
    def grouped(neighbour: dict[str, float], link: float) -> list[list[tuple[int, int]]]:
        vectors = [[{"weather": 1.0}, {"delete": 1.0}, neighbour], [{"delete": 0.6, "train": 0.8}]]
        links: dict = {}
        for first, second, score in (((0, 1), (1, 0), 0.18), ((0, 2), (1, 0), link)):
            links.setdefault(first, {})[second] = score
            links.setdefault(second, {})[first] = score
        return group_sentences(links, [(0.18, (0, 1), (1, 0))], vectors)

    assert grouped({"train": 1.0}, 0.05) == [[(0, 1), (0, 2), (1, 0)]]
    assert grouped({"weather": 1.0}, 0.13) == [[(0, 1), (1, 0)]]


def test_a_split_statement_takes_at_most_two_sentences_of_one_outlet() -> None:
    """Both neighbours of a member link to the other outlet's sentence as well as a split half
    must: only one of them joins, so the outlet still gives the fact one statement in two parts."""
    vectors = [[{"fine": 1.0}, {"fine": 1.0}, {"fine": 1.0}], [{"fine": 1.0}]]
    links: dict = {}
    for sentence, score in ((1, 0.5), (0, 0.15), (2, 0.15)):
        links.setdefault((0, sentence), {})[(1, 0)] = score
        links.setdefault((1, 0), {})[(0, sentence)] = score
    [fact] = group_sentences(links, [], vectors)
    assert sum(article == 0 for article, _ in fact) == 2
    assert (0, 1) in fact and (1, 0) in fact
