"""Words reduced to the form paraphrase keeps: lower case, no possessive or plural, and a few
newsroom synonyms folded together, so `kids'` and `children` count as one word. Reporting
verbs (`argued`, `claimed`, `noted`) are stopwords: they say who stated a fact, not what it is,
and outlets swap them freely."""
from __future__ import annotations

import re
from functools import lru_cache

PROSE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
"""A word as prose writes it (letters, apostrophes, hyphens; no figures): what labels and
quotes are compared by."""

FUNCTION_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say according million billion thousand dollars
per cent percent u.s us one two three also however would could may might must new last year years
week wednesday tuesday monday thursday friday saturday sunday today yesterday mr ms
across toward towards among amid within upon onto via whether regardless though although despite
even still already since unless yet another many much several including include includes included
prior whose
""".split())
REPORTING_VERBS = frozenset("""
saying told tell tells stated states argued argues claimed claims contended contends
maintained maintains asserted asserts noted notes added adds reported reports announced announces
emphasized emphasised emphasizes highlighted highlights explained explains
""".split())
"""Stopwords in running text, but not inside a name ("United States", "Consumer Reports")."""
STOPWORDS = FUNCTION_WORDS | REPORTING_VERBS
# Paraphrases common in news copy, folded to one token so lexical similarity sees them as one.
_CANONICAL = {
    "two-factor": "multifactor", "multi-factor": "multifactor", "2fa": "multifactor", "mfa": "multifactor",
    "kid": "child", "kids": "child", "children": "child", "childrens": "child", "minor": "child",
    "minors": "child", "fine": "penalty", "fines": "penalty", "fined": "penalty", "fining": "penalty",
    "penalties": "penalty", "punishment": "penalty", "customer": "user", "customers": "user", "consumer": "user",
    "consumers": "user", "footage": "video",
}
# Newsroom synonyms: each group folds to its first word (every inflection listed, since
# folding happens before stemming).
_SYNONYM_GROUPS = """
settle settles settled settling settlement settlements resolve resolves resolved resolving
refund refunds refunded compensate compensates compensated compensation reimburse reimbursed
spy spies spied spying surveil surveils surveilled surveilling surveillance view views viewed viewing watched
disagree disagrees disagreed disagreeing disagreement dispute disputes disputed
decide decides decided chose choose chooses opted
employee employees worker workers staffer staffers
indefinitely forever
company companies firm firms
data information
keep keeps kept keeping retain retains retained retaining retention store stores stored storing
delete deletes deleted deleting deletion erase erases erased wipe wipes wiped
forbid forbids forbade forbidden prohibit prohibits prohibited ban bans banned
improve improves improved improving enhance enhances enhanced enhancing
collect collects collected collecting collection gather gathers gathered gathering
illegal illegally unlawful unlawfully
investigation investigations inquiry inquiries probe probes
allegation allegations accusation accusations
"""
for _line in _SYNONYM_GROUPS.strip().splitlines():
    _words = _line.split()
    _CANONICAL.update({word: _words[0] for word in _words})
_SUFFIXES = ("ments", "ment", "ions", "ion", "ings", "ing", "edly", "ed", "es", "s", "ly")
# Capitalised only because they open a sentence; any other opening capital is taken as a name.
STARTERS = frozenset("""according additionally finally meanwhile although despite following
instead including like still yet one another each every several many most some such those
""".split())


@lru_cache(maxsize=200_000)
def content_token(word: str) -> str | None:
    """The word's token (`word_token`), or None for a stopword: checked before stemming and
    after, since most reporting verbs stem to a form not listed (`claimed` → `claim`)."""
    if word.lower() in STOPWORDS:
        return None
    token = word_token(word)
    return None if token in STOPWORDS else token


def word_token(word: str) -> str:
    """The token a word becomes: lower case, possessive and inflection stripped, synonyms folded."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    word = word.strip("'")
    if word in _CANONICAL:
        return _CANONICAL[word]
    return _strip_suffix(word)


def _strip_suffix(word: str) -> str:
    """A light stemmer: `violated`, `violating`, `violation` and `violates` all become `violat`,
    `denied`/`denies` become `deny`. Short words are left alone."""
    if len(word) <= 4 or "-" in word:
        return word
    if word.endswith(("ied", "ies")):
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith(("ss", "us", "is")):
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word
