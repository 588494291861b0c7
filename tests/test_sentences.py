"""The news sentence segmenter, on hand-made cases and as properties over any text."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.articles.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, (0, len(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. agency acted. It fined Amazon.", ["The U.S. agency acted.", "It fined Amazon."]),
        ("It was filed in Washington, D.C. The judge agreed.", ["It was filed in Washington, D.C. The judge agreed."]),
        ("Amazon Inc. said no. Ring agreed.", ["Amazon Inc. said no.", "Ring agreed."]),
        ("He sued Acme Inc. The case continues.", ["He sued Acme Inc.", "The case continues."]),
        ("It starts Jan. 5 next year. Then it ends.", ["It starts Jan. 5 next year.", "Then it ends."]),
        ("The fine is $5.8 million. Ring will pay.", ["The fine is $5.8 million.", "Ring will pay."]),
        ("See No. 3 in the list. Done.", ["See No. 3 in the list.", "Done."]),
        ("Samuel J. Levine spoke. He left.", ["Samuel J. Levine spoke.", "He left."]),
        ("Dr. Smith and Mr. Jones agreed. Fine.", ["Dr. Smith and Mr. Jones agreed.", "Fine."]),
        ("“We work hard,” Amazon said. “We disagree.”", ["“We work hard,” Amazon said.", "“We disagree.”"]),
        ("“We take it seriously.” The FTC disagreed.", ["“We take it seriously.”", "The FTC disagreed."]),
        ("“Why?” she asked. Nobody knew.", ["“Why?” she asked.", "Nobody knew."]),
        ("It went on… and on. Then… Nothing.", ["It went on… and on.", "Then…", "Nothing."]),
        ("Wait... What happened? Nobody knows!", ["Wait...", "What happened?", "Nobody knows!"]),
        ("access — and unnecessary — data. Ring–Amazon ties.", ["access — and unnecessary — data.", "Ring–Amazon ties."]),
        ("violations:\u00a0 $25 million fine.\u00a0 Next sentence.", ["violations:\u00a0 $25 million fine.", "Next sentence."]),
        ("The order (filed today.) Was sealed.", ["The order (filed today.)", "Was sealed."]),
        ("about 55,000 U.S. customers’ accounts were breached.", ["about 55,000 U.S. customers’ accounts were breached."]),
        ("No closing punctuation here", ["No closing punctuation here"]),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@given(st.text(alphabet=st.sampled_from(list("ab .?!”\"’'\u00a0\nUS$5,")), max_size=80))
def test_sentences_are_ordered_trimmed_spans_inside_the_paragraph(text: str) -> None:
    spans = split_sentences(text, (0, len(text)))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join("".join(text[start:end].split()) for start, end in spans)
    assert covered == "".join(text.split())
