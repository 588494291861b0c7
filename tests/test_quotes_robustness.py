"""Any text at all gives well-formed quotes: spans inside the text, speakers inside the text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quote_helpers import article_from
from reader.quotes.finder import KINDS, find_quotes
from reader.quotes.organisations import is_person_party
from reader.quotes.speakers import load_registry

REGISTRY = load_registry()
PIECES = st.sampled_from(['"', "“", "”", "‘", "’", "'", " ", "\n\n", ", ", ".", ":", " said ", " Amazon ",
                          " the FTC ", " he ", " according to ", "Ring", " the company ", "word", "’90s", "s'"])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_quotes_are_always_spans_of_the_text(pieces: list[str]) -> None:
    article = article_from("".join(pieces))
    for quote in find_quotes(article, REGISTRY):
        assert article.text[quote.start:quote.end] == quote.text and quote.text.strip()
        assert quote.kind in KINDS
        if quote.speaker is not None:
            assert article.text[quote.speaker_start:quote.speaker_end] == quote.speaker
        assert quote.entity in (None, "amazon", "ring", "ftc") or is_person_party(quote.entity)
