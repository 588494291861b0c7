"""The analyzer: what a word, a figure, an apostrophe and a hyphen become, with true offsets."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.analysis import word_analyzer
from index.highlight import matched_spans, merge

TEXT = "Amazon’s E-commerce giant paid $5.8 million, 55,000 children's café fines on 2023-06-01. Naïve"


def tokens(text: str, mode: str = "index") -> list[tuple[str, int, str]]:
    return [(token.text, token.pos, text[token.startchar:token.endchar])
            for token in word_analyzer()(text, chars=True, positions=True, mode=mode)]


def test_every_token_points_at_its_words_in_the_text():
    assert tokens(TEXT) == [
        ("amazon", 0, "Amazon’s"),
        ("e-commerc", 1, "E-commerce"), ("e", 1, "E"), ("commerc", 2, "commerce"),
        ("giant", 3, "giant"), ("paid", 4, "paid"), ("5.8", 5, "$5.8"), ("million", 6, "million"),
        ("55000", 7, "55,000"), ("children", 8, "children's"), ("cafe", 9, "café"), ("fine", 10, "fines"),
        ("on", 11, "on"), ("2023", 12, "2023"), ("06", 13, "06"), ("01", 14, "01"), ("naiv", 15, "Naïve"),
    ]


def test_queries_split_hyphenated_words_into_a_phrase_of_parts():
    assert [text for text, _, _ in tokens("well-known children’s $5.8", mode="query")] == [
        "well", "known", "children", "5.8"]


def test_curly_and_straight_apostrophes_give_the_same_terms():
    assert [t[0] for t in tokens("don’t children’s")] == [t[0] for t in tokens("don't children's")]


def test_wildcard_patterns_are_not_stemmed():
    assert [token.text for token in word_analyzer()("geoloc?tion", tokenize=False, mode="query")] == ["geoloc?tion"]


ODD_TEXT = ("E‐commerce giant’s café paid $5.8 million (55,000 users) — naïve “well-known” claims; "
            "Amazon’s Ring; don't; SETTLEMENTS settled; privacy, privacies; 2023-06-01; e-commerce-led x")
ASCII_TEXT = ("E-commerce giant's cafe paid $5.8 million (55,000 users) - naive \"well-known\" claims; "
              "Amazon's Ring; don't; SETTLEMENTS settled; Privacy, privacies; 2023-06-01; e-commerce-led x")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_highlighting_equals_analysing_every_word(sample_articles, data):
    text = data.draw(st.sampled_from([article.text for article in sample_articles.values()] + [ODD_TEXT, ASCII_TEXT]))
    vocabulary = sorted({term for term, _, _, _ in word_analyzer().spans(text)})
    terms = data.draw(st.sets(st.sampled_from(vocabulary), min_size=1, max_size=6))
    every_word = merge((start, end) for term, _, start, end in word_analyzer().spans(text) if term in terms)
    assert matched_spans(text, terms) == every_word


def test_fast_highlighting_finds_every_term_of_the_sample(sample_articles):
    analyzer = word_analyzer()
    for text in [article.text for article in sample_articles.values()] + [ODD_TEXT, ASCII_TEXT]:
        for term in {term for term, _, _, _ in analyzer.spans(text)}:
            every_word = merge((start, end) for found, _, start, end in analyzer.spans(text) if found == term)
            assert matched_spans(text, {term}) == every_word, term


def test_suggestions_are_close_words_of_the_corpus():
    from index.vocabulary import Vocabulary

    vocabulary = Vocabulary(["apple", "banana", "privacy", "settlement", "settlements"])
    assert vocabulary.suggest("privcy") == ["privacy"]
    assert vocabulary.suggest("setlement") == ["settlement", "settlements"]
    assert vocabulary.suggest("appl") == ["apple"]
    assert vocabulary.suggest("zzzzz") == [] and Vocabulary([]).suggest("x") == []
    assert vocabulary.matching("sett*") == ["settlement", "settlements"]
    assert vocabulary.matching("b?nana") == ["banana"]


def _phrase_everywhere(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Phrase spans by analysing the whole text: the slow, obviously right way."""
    tokens = list(word_analyzer().spans(text))
    at = {(pos, term): (start, end) for term, pos, start, end in tokens}
    spans = []
    for term, pos, _, _ in tokens:
        if term == words[0] and all((pos + i, word) in at for i, word in enumerate(words)):
            spans.extend(at[pos + i, word] for i, word in enumerate(words))
    return merge(spans)


def test_phrase_highlighting_equals_analysing_every_word(sample_articles):
    for text in [article.text for article in sample_articles.values()] + [ODD_TEXT, ASCII_TEXT]:
        tokens = [term for term, _, _, _ in word_analyzer().spans(text)]
        for length in (2, 3):
            for start in range(0, len(tokens) - length, 7):
                words = tokens[start:start + length]
                assert matched_spans(text, set(), [words]) == _phrase_everywhere(text, words), words
