"""What a sentence says about a case: an allegation, or a term of the order that settles it.

Legal news tells both in the same words. "The FTC alleged that Amazon used the recordings to
train its algorithms" is what Amazon is said to have done; "Amazon must not use the recordings
to train its algorithms" is what the settlement makes it do. They share every noun, yet a
researcher lining up outlets needs them apart: one outlet's allegation is not another
outlet's order term. The kind is read from the cues that mark it: a verb of alleging
("alleged that", "allegedly", "accused"; not "allegations" as a noun, since outlets "settle
allegations" in the sentence that gives the settlement) or a verb of obligation ("must", "is
required to", "is barred from", "calls for"). A sentence with cues of both kinds, or of
neither, has no kind and may match either.
"""
from __future__ import annotations

import re

ALLEGATION = "allegation"
ORDER_TERM = "order term"

# Searched in the lower-cased sentence: twice as fast as case-blind patterns, and every
# sentence of a corpus is read once.
_CUES = {
    ALLEGATION: re.compile(r"\b(?:allegedly|alleges|alleging|alleged that|was alleged|accuse[sd]?|accusing)\b"),
    ORDER_TERM: re.compile(r"\b(?:must|(?:is|are|be|been) (?:required|prohibited|forbidden|barred|banned|restricted)"
                           r"|requires|requiring|would require|prohibits|forbids|calls? for|will have to)\b"),
}


# A word every cue of the kind contains: most sentences hold none, and a substring test is
# cheaper than the pattern.
_CUE_STEMS = {
    ALLEGATION: ("alleg", "accus"),
    ORDER_TERM: ("must", "requir", "prohibit", "forbid", "barred", "banned", "restricted", "call", "have to"),
}


def statement_kind(sentence: str) -> str | None:
    """The sentence's kind if its cues name exactly one."""
    lowered = sentence.lower()
    kinds = [kind for kind, cue in _CUES.items()
             if any(map(lowered.__contains__, _CUE_STEMS[kind])) and cue.search(lowered)]
    return kinds[0] if len(kinds) == 1 else None


def different_kinds(first: str | None, second: str | None) -> bool:
    """Whether two sentences are an allegation and an order term, which never state one fact."""
    return first is not None and second is not None and first != second
