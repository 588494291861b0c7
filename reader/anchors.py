"""The words of a sentence that survive paraphrase, as comparable tokens.

Outlets reword freely but keep names, organisations and quantities. A sentence becomes a
bag of tokens: content words (lower-cased, lightly stemmed, a few newsroom synonyms folded
together), the initials of multi-word names (so `Federal Trade Commission` can meet `FTC`),
`n:` tokens for names written with a capital inside a sentence, and `q:` tokens for normalised
quantities (so `$25M` meets `$25 million`).
"""
from __future__ import annotations

import re

from reader.quantities import Quantity, magnitude_bucket

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z0-9]+)*|\d+[A-Za-z][A-Za-z-]*")
_CAPITALISED_RUN = re.compile(
    r"(?:[A-Z][\w'’]*(?:\s+(?:of|and|for|the)\s+|\s+)?){2,}")
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say according million billion thousand dollars
per cent percent u.s us one two three also however would could may might must new last year years
week wednesday tuesday monday thursday friday saturday sunday today yesterday mr ms
""".split())
# Paraphrases common in news copy, folded to one token so lexical similarity sees them as one.
_CANONICAL = {
    "two-factor": "multifactor", "multi-factor": "multifactor", "2fa": "multifactor", "mfa": "multifactor",
    "kid": "child", "children": "child", "childrens": "child", "minor": "child",
    "fine": "penalty", "penalties": "penalty", "punishment": "penalty",
    "settled": "settle", "settlement": "settle", "settling": "settle",
    "customer": "user", "consumer": "user",
    "deleting": "delete", "deleted": "delete", "deletion": "delete",
    "recording": "recording", "footage": "video",
    "alleged": "allege", "allegedly": "allege", "allegation": "allege", "alleging": "allege",
    "agreed": "agree", "agreeing": "agree",
}
# Capitalised only because they open a sentence; any other opening capital is taken as a name.
_STARTERS = frozenset("""according additionally finally meanwhile although despite following
instead including like still yet one another each every several many most some such those
""".split())


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    word = word.strip("'")
    if word in _CANONICAL:
        return _CANONICAL[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    return _CANONICAL.get(word, word)


def quantity_tokens(quantity: Quantity) -> list[str]:
    """Exact and coarse tokens for a quantity; an unreliable amount keeps only its digits."""
    if not quantity.reliable:
        return [f"q:digits:{quantity.value:g}"]
    if quantity.kind == "money":
        value = float(quantity.value)
        mantissa = quantity.display().split()[-2 if value >= 1e6 else -1].lstrip("$€£")
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
    return [f"q:year:{quantity.value}"]


def sentence_tokens(text: str, quantities: list[Quantity]) -> list[str]:
    """The comparable tokens of one sentence (with repeats, for term frequency)."""
    masked = text
    for quantity in quantities:
        masked = masked[:quantity.start] + " " * (quantity.end - quantity.start) + masked[quantity.end:]
    in_runs: set[int] = set()
    tokens: list[str] = []
    for run in _CAPITALISED_RUN.finditer(masked):
        words = [word for word in run.group(0).split() if word[0].isupper()]
        if len(words) >= 2:
            initials = "".join(word[0] for word in words).lower()
            tokens.extend((initials, "n:" + initials))
            in_runs.update(range(run.start(), run.end()))
    for number, match in enumerate(_WORD.finditer(masked)):
        stem = _stem(match.group(0))
        if len(stem) > 1 and stem not in STOPWORDS:
            tokens.append(stem)
            if match.group(0)[0].isupper() and match.start() not in in_runs and (number or stem not in _STARTERS):
                tokens.append("n:" + stem)
    for quantity in quantities:
        tokens.extend(quantity_tokens(quantity))
    return tokens


def is_anchor(token: str) -> bool:
    """Names and quantities: the tokens that identify a story, not just its topic."""
    return token.startswith(("q:", "n:"))
