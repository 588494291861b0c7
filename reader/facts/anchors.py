"""The words of a sentence that survive paraphrase, as comparable tokens.

Outlets reword freely but keep names, organisations and quantities. A sentence becomes a
bag of tokens: content words (lower-cased, lightly stemmed, a few newsroom synonyms folded
together), the initials of multi-word names (so `Federal Trade Commission` can meet `FTC`),
`n:` tokens for names written with a capital inside a sentence, and `q:` tokens for normalised
quantities (so `$25M` meets `$25 million`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reader.facts.quantities import Quantity, format_money, magnitude_bucket
from reader.words import FUNCTION_WORDS, STARTERS, content_token

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z0-9]+)*|\d+[A-Za-z][A-Za-z-]*")
_CAPITALISED = r"[A-Z][\w'’]*(?:\s+(?:of|and|for|the)\s+|\s+)?"
# Two or more capitalised words; written with its first word apart so that the search skips
# to the next capital letter instead of trying the repeat at every character.
_CAPITALISED_RUN = re.compile(_CAPITALISED + "(?:" + _CAPITALISED + ")+")


def quantity_tokens(quantity: Quantity) -> list[str]:
    """Exact and coarse tokens for a quantity; an unreliable amount keeps only its digits."""
    if not quantity.reliable:
        return [f"q:digits:{quantity.value:g}"]
    if quantity.kind == "money":
        value = float(quantity.value)
        mantissa = format_money(value, "").split()[0]
        return [f"q:money:{value:g}", f"q:money~{magnitude_bucket(value)}", f"q:digits:{mantissa}"]
    if quantity.kind == "number":
        value = float(quantity.value)
        if value <= 12:
            return [f"q:count:{value:g}"]
        return [f"q:number:{value:g}", f"q:number~{magnitude_bucket(value)}"]
    if quantity.kind == "percent":
        return [f"q:percent:{quantity.value:g}"]
    if quantity.kind == "date":
        return [f"q:date:{quantity.value}", f"q:year:{str(quantity.value)[:4]}"]
    if quantity.kind == "year":
        return [f"q:year:{quantity.value}"]
    return []  # a tally or a day named relative to the article: what it is depends on the article


def sentence_tokens(text: str, quantities: list[Quantity]) -> list[str]:
    """The comparable tokens of one sentence (with repeats, for term frequency)."""
    masked = text
    for quantity in quantities:
        masked = masked[:quantity.start] + " " * (quantity.end - quantity.start) + masked[quantity.end:]
    runs: list[tuple[int, int]] = []
    tokens: list[str] = []
    for run in _CAPITALISED_RUN.finditer(masked):
        names = [word for word in run.group(0).split()
                 if word[0].isupper() and word.lower() not in FUNCTION_WORDS]
        if len(names) >= 2:
            initials = "".join(word[0] for word in names).lower()
            tokens.extend((initials, "n:" + initials))
            runs.append(run.span())
    words = _WORD.findall(masked)
    starts = [match.start() for match in _WORD.finditer(masked)] if runs else []
    for number, word in enumerate(words):
        reading = _word_reading(word)
        if reading is None:
            continue
        stem, capitalised = reading
        tokens.append(stem)
        if capitalised and (number or stem not in STARTERS) and not (
                runs and any(start <= starts[number] < end for start, end in runs)):
            tokens.append("n:" + stem)
    for quantity in quantities:
        tokens.extend(quantity_tokens(quantity))
    return tokens


_BYLINE = re.compile(r"\s*(?:by|written by|reporting by|published|updated|posted|last updated)\b", re.IGNORECASE)
MIN_STATEMENT_WORDS = 2  # content words a sentence needs, besides its figures, to state anything
BYLINE_WORDS = 10  # a line opening "By" or "Published" no longer than this credits or dates the article


@lru_cache(maxsize=200_000)
def _word_reading(word: str) -> tuple[str, bool] | None:
    """A word's token and whether it opens with a capital; None for a stopword or a single letter."""
    stem = content_token(word)
    if stem is None or len(stem) <= 1:
        return None
    return stem, word[0].isupper()


def states_something(text: str, quantities: list[Quantity]) -> bool:
    """Whether a sentence can state a fact: a publication-date line ("Feb. 7, 2024",
    "December 19, 2022 — 09:57 am EST") or a byline ("By Jane Doe") states none, so its
    date never meets another outlet's as a fact."""
    if text.count(" ") > 2 * BYLINE_WORDS:
        return True  # a date line or byline is short; a long sentence always has words besides its figures
    masked = text
    for quantity in quantities:
        masked = masked[:quantity.start] + " " * (quantity.end - quantity.start) + masked[quantity.end:]
    words = _WORD.findall(masked)
    if _BYLINE.match(masked) and len(words) <= BYLINE_WORDS:
        return False
    return len(words) - list(map(content_token, words)).count(None) >= MIN_STATEMENT_WORDS


_ANCHOR_PREFIXES = ("q:", "n:")


def is_anchor(token: str) -> bool:
    """Names and quantities: the tokens that identify a story, not just its topic."""
    return token.startswith(_ANCHOR_PREFIXES)


def anchors_of(token_lists: Iterable[list[str]]) -> set[str]:
    """The distinct anchors (`is_anchor`) among the tokens of several sentences."""
    return {token for token in set().union(*token_lists) if token.startswith(_ANCHOR_PREFIXES)}
