"""The lexicon of verbs that introduce reported speech in news ("according to" is a phrase
and lives with the noun-phrase rules).

Verbs are listed once by their base form; every inflection a reporter uses
("says", "said", "saying", "has told") is generated, with irregular forms listed
explicitly, so attribution rules match on the word as written.
"""
from __future__ import annotations

_REGULAR = """
    acknowledge add admit advise ask affirm agree allege announce answer argue assert assure
    boast brag caution charge cite claim clarify comment complain concede conclude confirm
    contend counter decry declare deny describe detail dismiss dispute echo emphasise emphasize
    estimate exclaim explain grumble highlight insist joke lament maintain mention muse note
    object observe opine point post pledge predict proclaim promise protest question quip recall
    recount regret reiterate rejoin remark remind repeat reply report respond retort reveal scoff
    rebut scream shout slam state stress suggest testify threaten tout tweet underline urge vow
    warn whisper wonder inquire enquire accuse blast criticise criticize lambaste rebuke
    call characterise characterize label term email e-mail
    """
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "read": ("reads", "read"),
    "put": ("puts", "put"),
    "find": ("finds", "found", "finding"),
    "spin": ("spins", "spun", "spinning"),
}

_DOUBLED = {"slam", "quip", "admit", "regret", "rebut"}


def _inflect(verb: str) -> tuple[str, ...]:
    """Present, past and -ing forms of a regular verb, with the usual spelling changes."""
    if verb.endswith("e"):
        return verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es", verb + "ed", verb + "ing"
    if verb in _DOUBLED:
        return verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    return verb + "s", verb + "ed", verb + "ing"


def _build() -> dict[str, str]:
    forms: dict[str, str] = {}
    for verb in _REGULAR.split():
        forms[verb] = verb
        for form in _inflect(verb):
            forms[form] = verb
    for verb, inflections in _IRREGULAR.items():
        forms[verb] = verb
        for form in inflections:
            forms[form] = verb
    return forms


_NOUN_LOOKALIKES = {"post", "posts", "report", "question", "questions", "comment", "comments", "charge", "charges",
                    "call", "point", "points", "note", "cite", "echo", "object", "objects", "answer",
                    "answers", "reply", "replies", "response", "protest", "protests", "claim", "label", "term",
                    "terms", "tout", "state", "states", "counter", "dispute", "disputes"}
"""Forms read far more often as nouns than as speech verbs ("a blog post", "settle charges")."""

CUE_FORMS: dict[str, str] = {form: verb for form, verb in _build().items() if form not in _NOUN_LOOKALIKES}
"""Every inflected cue word, lower case, mapped to its base verb."""


SPEECH_ONLY_BEFORE = {"put": {"it"}, "find": {"that"}}
"""Cues that quote only in a fixed phrase: "as Khan put it", never "put in place"; a regulator
"found that" a company failed to "…" (its finding's words), never "found a flaw"."""

NOT_SPEECH_AFTER = {"call": {"for", "on", "off", "in", "up", "out"}, "agree": {"to", "with"},
                    "promise": {"to"}, "threaten": {"to"}, "vow": {"to"}, "pledge": {"to"}, "report": {"of"}}
"""Particles that turn a cue into another verb: "calls for" asks for something, it quotes no one;
"reports of injuries" is a noun."""


def lemma(word: str) -> str | None:
    """The base cue verb of `word`, or None when it does not introduce speech."""
    return CUE_FORMS.get(word.lower())


def is_participle(word: str) -> bool:
    """An -ing cue ("…, adding that …") whose speaker is the subject of the clause before."""
    return word.lower().endswith("ing") and lemma(word) is not None
