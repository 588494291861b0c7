"""State attorneys general acting together: one side of a multistate action.

When several states sue or settle together their attorneys general are co-plaintiffs, so
`Ohio Attorney General Dana Reyes` and `Tomas Wilder, Vermont’s attorney general` speak for one
party, the states, not for a party of one each. An article joins them only where it describes a
joint action (`40 states`, `a coalition of`, `multistate`, `attorneys general`, or two states'
attorneys general named) and does not set the person apart from it (`…, who did not join the
settlement`); without a joint action a state's attorney general speaks for their office alone
(which joins the states' party where the corpus holds a joint action). US state names come from a
small table in `speaker_words`: no dependency of the project lists them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.articles.model import Article
from reader.quotes.organisations import slug
from reader.quotes.speaker_words import CALENDAR_WORDS, CLAUSE_INTRODUCERS, NOT_NAMES, US_STATES
from reader.quotes.speakers import Party

COALITION = Party("state-attorneys-general", "State attorneys general",
                  ("state attorneys general", "State attorneys general", "the attorneys general",
                   "The attorneys general"), "", "other")
"""The one party of the states' attorneys general in a joint action (its aliases name them together)."""

_STATE = "(?P<state>" + "|".join(re.escape(state) for state in sorted(US_STATES, key=len, reverse=True)) + ")"
_NAME = r"(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){1,2})"
_ATTORNEY_GENERAL = r"[Aa]ttorney [Gg]eneral"
_OFFICES = (
    re.compile(rf"\b(?:{_STATE}(?:['’]s)?|[Ss]tate) {_ATTORNEY_GENERAL},? {_NAME}"),
    re.compile(rf"{_NAME}, (?:the |a )?(?:{_STATE}(?:['’]s)? |[Ss]tate(?:['’]s)? ){_ATTORNEY_GENERAL}\b"),
    re.compile(rf"{_NAME}, (?:the )?{_ATTORNEY_GENERAL} (?:of|for) (?:the [Ss]tate of )?{_STATE}\b"),
)
"""How an article ties a person to a state's attorney general office: the title before the name
(`Ohio Attorney General Dana Reyes`, `state Attorney General …`), an appositive after it (`…, Ohio’s
attorney general`, `…, the state's attorney general`) or `…, attorney general of Ohio`."""
_TOGETHER = re.compile(r"\b(?:[Ss]tate|[Tt]he) attorneys general\b")
_OFFICE_SUFFIX = "-attorney-general"
_STATE_SLUGS = {slug(state) for state in US_STATES}

JOINT_ACTION = re.compile(
    r"\b(?:[Mm]ulti-?state|[Cc]oalition of|attorneys general|Attorneys General|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several) (?:other )?states)\b")
"""Words that describe several states acting together: `multistate`, `a coalition of`, `attorneys
general`, `40 states`."""
STANDS_APART = re.compile(
    r"\b(?:(?:did not|didn't|does not|doesn't|declined to|refused to|chose not to|will not|won't|not) join"
    r"|not (?:a )?part of|sided with|siding with|broke with|holdout"
    r"|(?:against|opposing) the (?:coalition|other states|states))\b")
"""Words in a sentence naming an attorney general that set them apart from the joint action."""


@dataclass(frozen=True)
class StateOfficer:
    """A person the article ties to a state's attorney general office, and the party they speak for:
    the states' in a joint action, their office's alone, their own when the article sets them apart."""

    name: str
    state: str | None
    start: int
    party: Party | None


def office_party(state: str) -> Party:
    """One state's attorney general office, the side it takes when it acts alone."""
    return Party(f"{slug(state)}{_OFFICE_SUFFIX}", f"{state} Attorney General", (), "", "agency")


def is_office(party_id: str | None) -> bool:
    return bool(party_id) and party_id.endswith(_OFFICE_SUFFIX) and party_id[:-len(_OFFICE_SUFFIX)] in _STATE_SLUGS


def state_attorneys_general(article: Article) -> list[StateOfficer]:
    """Every state attorney general the article names, with the party each speaks for (None, a party
    of one, where the article sets them apart or names no state)."""
    if "ttorney general" not in article.text and "ttorney General" not in article.text:
        return []
    found: dict[str, tuple[str, str | None, int]] = {}
    for pattern in _OFFICES:
        for match in pattern.finditer(article.text):
            name = match.group("name")
            if not _personal(name):
                continue
            found.setdefault(name.split()[-1], (name, match.group("state"), match.start()))
    if not found:
        return []
    states = {state for _, state, _ in found.values() if state}
    joint = len(states) > 1 or JOINT_ACTION.search(article.text) is not None
    officers = []
    for surname, (name, state, start) in found.items():
        party = None if _set_apart(article, surname, state) else COALITION if joint else \
            office_party(state) if state else None
        officers.append(StateOfficer(name, state, start, party))
    return officers


def _personal(name: str) -> bool:
    """`On Monday, Ohio’s attorney general …` names no one before the comma."""
    words = name.lower().split()
    return words[0] not in CLAUSE_INTRODUCERS | NOT_NAMES and words[-1] not in CALENDAR_WORDS


def names_the_states(text: str) -> bool:
    """`“…,” the attorneys general said`: the article names the states' attorneys general together."""
    return "ttorneys general" in text and _TOGETHER.search(text) is not None


def _set_apart(article: Article, surname: str, state: str | None) -> bool:
    """`Texas Attorney General …, who did not join the coalition`: a sentence naming the person (or
    their state) sets them apart from the other states."""
    named = re.compile(rf"\b(?:{re.escape(surname)}{'|' + re.escape(state) if state else ''})\b")
    for start, end in article.sentences or [(0, len(article.text))]:
        sentence = article.text[start:end]
        if named.search(sentence) and STANDS_APART.search(sentence):
            return True
    return False


def offices_joining(party_ids: set[str]) -> dict[str, str]:
    """Where the corpus holds a joint action (the states' party, or two states' offices quoted), each
    state's office quoted alone in an article joins the states' party."""
    offices = {party_id for party_id in party_ids if is_office(party_id)}
    if COALITION.id in party_ids or len(offices) > 1:
        return {office: COALITION.id for office in offices}
    return {}
