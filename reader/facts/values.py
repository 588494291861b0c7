"""What an outlet says of a fact in a few characters: the figures its sentence states, as written.

The fact matrix shows these instead of whole sentences, so five outlets' values fit side by side
and a conflict reads at a glance ("$12.4 million" beside "$14.2 million").
"""
from __future__ import annotations

from reader.articles.model import Article
from reader.facts.claims import read_claims, read_presence
from reader.facts.finder import Member
from reader.facts.quantities import find_quantities


def stated_values(member: Member, article: Article) -> list[str]:
    """The member sentence's figures (sums, counts, shares, tallies, dates) and counts in words
    ("no injuries"), in reading order."""
    text = member.text
    claims = sorted(read_claims(text, find_quantities(text), member.start, article.date)
                    + read_presence(text, member.start), key=lambda claim: claim.start)
    return list(dict.fromkeys(" ".join(claim.quantity.text.split()) for claim in claims))
