"""Finding quoted stretches: which marks are quotes and which are apostrophes."""
from __future__ import annotations

from reader.quotes.marks import find_quoted_spans


def spans(text: str, regions: list[tuple[int, int]] | None = None) -> list[str]:
    found = find_quoted_spans(text, regions or [(0, len(text))])
    return [text[span.start:span.end] for span in found]


def test_curly_and_straight_double_quotes() -> None:
    assert spans("He said “curly one” and then \"straight one\" too.") == ["curly one", "straight one"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Jones' dog and the ’90s and don’t and the '80s, rock 'n' roll, the users' videos."
    assert spans(text) == []


def test_single_quotes_inside_double_quotes_belong_to_the_outer_quote() -> None:
    text = "“The app was ‘safe by design,’ they told us,” she said."
    assert spans(text) == ["The app was ‘safe by design,’ they told us,"]


def test_single_quoted_headline_quote() -> None:
    assert spans("Amazon says Alexa settlement 'puts the matter behind us'") == ["puts the matter behind us"]
    assert spans("Walkout planned as morale hits an ‘All-Time Low’") == ["All-Time Low"]


def test_possessive_inside_single_quote_does_not_open_one() -> None:
    assert spans("The users’ videos were ‘private’ and Jones’ account too.") == ["private"]


def test_multi_paragraph_quote_is_one_span() -> None:
    first = "“We disagree with the claims.\n\n"
    second = "“We will keep working hard,” the company said."
    text = first + second
    found = find_quoted_spans(text, [(0, len(first) - 2), (len(first), len(text))])
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == "We disagree with the claims.\n\n“We will keep working hard,"


def test_multi_paragraph_straight_quote() -> None:
    first = '"We disagree.\n\n'
    text = first + '"We will appeal," it said.'
    found = find_quoted_spans(text, [(0, len(first) - 2), (len(first), len(text))])
    assert [text[s.start:s.end] for s in found] == ['We disagree.\n\n"We will appeal,']


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    first = "He said “this never closes\n\n"
    text = first + "Next paragraph."
    found = find_quoted_spans(text, [(0, len(first) - 2), (len(first), len(text))])
    assert [(text[s.start:s.end], s.closed) for s in found] == [("this never closes", False)]


def test_bracketed_edits_stay_inside_the_quote() -> None:
    assert spans("saying that it “work[s] hard to protect children’s privacy”") == [
        "work[s] hard to protect children’s privacy"]


def test_empty_quotes_are_ignored() -> None:
    assert spans('An empty "" pair.') == []
