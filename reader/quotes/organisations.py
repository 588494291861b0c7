"""The organisations and people an article names, found in its own words.

A story's parties are not known in advance: the agencies, courts and companies it quotes
are named in the text as `the Federal Aviation Administration (FAA)`, `Alaska Airlines`,
`the NTSB` or `Meta said`. Each becomes a `Party` whose id is the same in every article
that names it (an acronym, or the initials of an agency's name, or the company's name), so
the corpus step can join them; people with no stated tie get a party of their own.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from reader.quotes.cue_verbs import CUE_FORMS, SPEECH_ONLY_BEFORE
from reader.quotes.speaker_words import (AGENCY_HEADS, CALENDAR_WORDS, CLAUSE_INTRODUCERS, COMPANY_DESCRIPTORS,
                                         COMPANY_HEADS, COMPANY_TITLES, COURT_HEADS, MODIFIERS, NAME_JOINERS,
                                         NAME_TITLES, NOT_NAMES, NOT_ORGANISATIONS, PRONOUNS, ROLE_NOUNS, SPOKES,
                                         US_STATES)
from reader.quotes.speakers import Party, SpeakerRegistry
from reader.words import FUNCTION_WORDS

PERSON_PREFIX = "person:"
_WORD = re.compile(r"(?:U\.S\.|Inc\.|Corp\.|Co\.|Ltd\.)|[A-Z][\w&'’.-]*\w|[A-Z]|\b(?:of|for|and|on|the)\b|&")
_ACRONYM = re.compile(r"(?=[A-Z])(?<![\w.-])([A-Z][A-Z&]{1,5})(?:['’]s)?(?![\w-])")
_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,5})\)")
_BEFORE_WORD = re.compile(
    r"(?=[A-Z])(?<![\w’'.-])([A-Z][\w&.-]*(?:['’][A-Za-z]\w+)?)(?:['’]s)?\s+(?:(?:also|has|have|had|then|later)\s+)?([a-zA-Z]+)")
_SPEAKS_AFTER = {form for form, verb in CUE_FORMS.items()
                 if not form.endswith("ing") and verb not in SPEECH_ONLY_BEFORE} | SPOKES | COMPANY_TITLES | {
    "official", "officials", "statement", "lawyer", "lawyers", "attorney", "attorneys", "CEO", "post", "blog"}
"""Words after a name that make it the one speaking: `Meta said`, `a T-Mobile spokesperson`, `a Facebook post`."""
_NEVER_COMPANIES = frozenset(CLAUSE_INTRODUCERS | NOT_NAMES | PRONOUNS | CALENDAR_WORDS | NAME_TITLES | ROLE_NOUNS)
"""Capitalised words that open a sentence or a title, never a company's name."""
PERSON_NAME = re.compile(r"(?=[A-Z])\b([A-Z][a-z]+)(?:\s+[A-Z]\.)?\s+(?=([A-Z][a-z][\w’'-]*[a-z])\b)")
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)(?:\s+[A-Z]\.)?\s+$")
_ROLE_AT = re.compile(
    r"\b(?:director|head|chief|president|founder|co-founder|spokesperson|spokesman|spokeswoman|professor|lawyer|"
    r"attorney|chair|chairman|chairwoman|counsel|officer|researcher|analyst|fellow|manager|CEO|leader|organizer)"
    r" (?:of|at|for|with) (?:the )?((?:[A-Z][\w&.-]*)(?: (?:[A-Z][\w&.-]*|of|for|and|&))*)(?!['’]s)")
_NAMED_BEFORE_ROLE = re.compile(r"\b(?:[Aa]n?|[Tt]he) ((?:[A-Z][\w&.-]*\w ){2,4})$")
_ROLES_AFTER_NAME = ("spokesperson", "spokesman", "spokeswoman", "representative", "official", "lawyer", "attorney",
                     "executive", "statement", "press release")
"""`a Harbor Line spokesperson`: a name of several words between an article and a role is an organisation
(one word is read by `_BEFORE_WORD`, where a surname is told apart)."""
_NAMED_BEFORE_CHIEF = re.compile(r"((?:[A-Z][\w&.-]*\w ){2,5})(?:President and )?$")
_CHIEF_TITLES = ("CEO", "Chief Executive", "Founder", "founder", "Co-founder", "co-founder")
"""`Fair Markets President and CEO Dana Kell`: the name before a chief's title is their organisation."""
_PARENT = re.compile(r" and its (?:parent|umbrella|holding) company,? "
                     r"([A-Z][\w&-]*(?: (?:Inc\.|Corp\.|Co\.|Ltd\.|[A-Z][\w&-]*))*)")
_OWNED = re.compile(r"(?<![\w-])([A-Z][\w&-]*(?: [A-Z][\w&-]*)*)$")
_HEADS = AGENCY_HEADS | COURT_HEADS | COMPANY_HEADS
_HEAD_WORD = re.compile(r"(?=[A-Z])\b(?:" + "|".join(re.escape(head) for head in sorted(_HEADS, key=len, reverse=True)) + r")(?!\w)")
_COMPANY_SUFFIXES = {"Inc", "Inc.", "Corp", "Corp.", "Co.", "LLC", "Ltd", "Ltd.", "Corporation"}
_PLACES = {"U.S.", "US", "United States", "America", "American"}
_PLACE_ABBREVIATIONS = {"US", "UK", "EU"}


@dataclass(frozen=True)
class Organisation:
    """An organisation named in an article: its display name, its kind and the ways the article writes it."""

    party_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def person_party_id(name: str) -> str:
    """A person nobody ties to an organisation is a party of one, known by their surname across articles."""
    return PERSON_PREFIX + slug(name.split()[-1])


def is_person_party(party_id: str | None) -> bool:
    return bool(party_id) and party_id.startswith(PERSON_PREFIX)


def _initials(words: list[str], with_of: bool) -> str:
    skipped = {"the", "and", "&", "for", "on"} | (set() if with_of else {"of"})
    return "".join(word[0].upper() for word in words if word not in skipped)


def _canonical(words: list[str]) -> list[str]:
    """`U.S. Justice Department` → `Department of Justice`: one name for the two ways of writing it."""
    while words and words[0] in _PLACES | {"the", "The"}:
        words = words[1:]
    while words and words[-1] in _COMPANY_SUFFIXES and len(words) > 1:
        words = words[:-1]
    if len(words) == 2 and words[1] in AGENCY_HEADS:
        words = [words[1], "of", words[0]]
    return words


def _kind(words: list[str]) -> str:
    heads = [word for word in words if word in _HEADS]
    head = heads[0] if words[0] in _HEADS else (heads[-1] if heads else "")
    if head in COURT_HEADS:
        return "court"
    return "agency" if head in AGENCY_HEADS else "company"


def _named_organisations(text: str) -> list[tuple[int, int, list[str]]]:
    """Capitalised names ending in (or opening with) an organisation word, with their offsets; only
    the words around each organisation word are read (most of an article names none)."""
    found: list[tuple[int, int, list[str]]] = []
    reach = 0
    for head in _HEAD_WORD.finditer(text):
        if head.start() < reach:
            continue
        window = (max(reach, head.start() - 120), min(len(text), head.end() + 100))
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, *window)]
        names = _names_in(text, words)
        found += names
        reach = max([reach] + [end for _, end, _ in names])
    return found


def _names_in(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, list[str]]]:
    found: list[tuple[int, int, list[str]]] = []
    index = 0
    while index < len(words):
        start, end, word = words[index]
        if word.rstrip(".") not in _HEADS and word not in _HEADS:
            index += 1
            continue
        first = index
        while first > 0 and _joined(text, words[first - 1], words[first]) and (
                words[first - 1][2][:1].isupper() and not words[first - 1][2].endswith(("'s", "’s"))
                or (words[first - 1][2] in NAME_JOINERS and first > 1 and words[first - 2][2][:1].isupper()
                    and words[first - 1][2] not in {"the", "on"})):
            first -= 1
        last = index
        while last + 2 < len(words) and words[last + 1][2] in {"of", "for"} and _joined(text, words[last], words[last + 1]):
            step = last + 2
            if words[step][2] == "the" and step + 1 < len(words):
                step += 1
            if not words[step][2][:1].isupper() or not _joined(text, words[step - 1], words[step]):
                break
            while step + 1 < len(words) and words[step + 1][2][:1].isupper() and _joined(text, words[step], words[step + 1]):
                step += 1
            last = step
        while first < index and words[first][2] in NAME_JOINERS | {"The"} | _PLACES:
            first += 1
        name = [w for _, _, w in words[first:last + 1]]
        if len(name) >= 2 and name[0].lower() not in CLAUSE_INTRODUCERS:
            found.append((words[first][0], words[last][1], name))
        index = last + 1
    return found


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Two words of one name: only spaces between them."""
    return text[left[1]:right[0]] in (" ", "\u00a0")


def _is_surname(text: str, word: str) -> bool:
    """`Ortiz said` where the article also writes `Elena Ortiz`: a person, not a company."""
    if word in _HEADS:
        return False
    at = text.find(word)
    while at >= 0:
        first = _FIRST_NAME_BEFORE.search(text, max(0, at - 30), at)
        if first and first.group(1).lower() not in CLAUSE_INTRODUCERS | NOT_NAMES and first.group(1) not in _HEADS:
            return True
        at = text.find(word, at + len(word))
    return False


def find_organisations(text: str, registry: SpeakerRegistry) -> list[Organisation]:
    """The organisations the article names that the registry does not already know."""
    known_aliases = registry.aliases
    acronyms = {m.group(1) for m in _ACRONYM.finditer(text)
                if m.group(1).lower() not in FUNCTION_WORDS} - NOT_ORGANISATIONS - known_aliases
    defined = {m.group(1): m.start() for m in _DEFINED.finditer(text)}
    by_id: dict[str, Organisation] = {}
    for start, end, words in _named_organisations(text):
        surface = " ".join(words)
        if surface in known_aliases or _possessed_by(text, start, acronyms | known_aliases):
            continue
        canonical = _canonical(words)
        if not canonical:
            continue
        kind = _kind(canonical)
        acronym = _defined_after(text, end, acronyms) or next(
            (a for a in acronyms if a in (_initials(canonical, True), _initials(canonical, False),
                                          _initials(words, False), _initials(words, True))), None)
        if acronym is None and kind == "agency" and len(_initials(canonical, True)) >= 3:
            party_id = _initials(canonical, True).lower()
        else:
            party_id = (acronym or "").lower() or slug(" ".join(canonical))
        aliases = {surface, " ".join(canonical)} | ({acronym} if acronym else set())
        if kind == "company" and len(canonical) > 1 and canonical[0].lower() not in CLAUSE_INTRODUCERS:
            aliases.add(canonical[0])
        _add(by_id, Organisation(party_id, " ".join(canonical), kind, tuple(sorted(aliases))))
    named = {alias for organisation in by_id.values() for alias in organisation.aliases}
    for acronym in sorted(acronyms - named):
        meant = _misspelt(acronym, _acronyms_named(text, registry, by_id))
        if meant is not None:
            _add(by_id, Organisation(meant.party_id, meant.name, meant.kind, (acronym,)))
            acronyms.discard(acronym)
    named = {alias for organisation in by_id.values() for alias in organisation.aliases}
    roles = [(match.group(1), "other") for match in _ROLE_AT.finditer(text)]
    roles += [(named.strip(), "company") for named in _read_back(text, _ROLES_AFTER_NAME, _NAMED_BEFORE_ROLE)]
    roles += [(_without_leading_modifiers(named), "company")
              for named in _read_back(text, _CHIEF_TITLES, _NAMED_BEFORE_CHIEF)]
    for surface, kind in roles:
        words = surface.split()
        if words and words[-1].endswith(".") and words[-1] not in _COMPANY_SUFFIXES | _PLACES:
            words[-1] = words[-1].rstrip(".")
        while words and words[-1] in NAME_JOINERS:
            words.pop()
        surface = " ".join(words)
        if len(words) < (2 if kind == "company" else 1) or surface in named or surface in known_aliases or \
                surface in acronyms or words[0] in _PLACES or any(word in _HEADS for word in words):
            continue
        _add(by_id, Organisation(slug(surface), surface, kind, (surface,)))
    named |= {alias for organisation in by_id.values() for alias in organisation.aliases}
    for acronym in sorted(acronyms - named):
        if acronym in defined or _speaks(text, acronym) or f"the {acronym} " in text:
            _add(by_id, Organisation(acronym.lower(), acronym, "agency", (acronym,)))
    named |= {alias for organisation in by_id.values() for alias in organisation.aliases}
    capitalised = list(_BEFORE_WORD.finditer(text))
    candidates = {match.group(1) for match in capitalised if match.group(2) in _SPEAKS_AFTER
                  and not (match.group(1) in US_STATES and match.group(2).startswith("attorney"))}
    candidates |= {match.group(1) for match in capitalised if _described(text, match.start())}
    candidates = {word for word in candidates if not (
        word in named or word in known_aliases or word.upper() == word
        or word.lower() in _NEVER_COMPANIES or word in _HEADS)}
    if candidates:
        for word in sorted(candidates):
            if not _is_surname(text, word):
                _add(by_id, Organisation(slug(word), word, "company", (word,)))
    _join_parents(text, by_id)
    return list(by_id.values())


def _described(text: str, start: int) -> bool:
    """`search giant Vantoo`: the word before a capitalised name is a company descriptor."""
    if start < 2 or text[start - 1] != " ":
        return False
    window = max(0, start - 30)
    word_start = max(text.rfind(" ", window, start - 1), text.rfind("\n", window, start - 1)) + 1
    return text[word_start:start - 1] in COMPANY_DESCRIPTORS


def _read_back(text: str, words: Iterable[str], before: re.Pattern[str]) -> list[str]:
    """Group 1 of `before` where it ends right where one of `words` starts (`a Harbor Line ` + `spokesperson`)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            match = before.search(text, max(0, at - 80), at) if at == 0 or not text[at - 1].isalnum() else None
            if match is not None:
                found.append(match.group(1))
            at = text.find(word, at + len(word))
    return found


def _without_leading_modifiers(surface: str) -> str:
    """`Former Lumio Labs` → `Lumio Labs`: sentence adverbs and title modifiers are not part of the name."""
    words = surface.split()
    while words and words[0].lower() in CLAUSE_INTRODUCERS | NOT_NAMES | MODIFIERS | {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def _join_parents(text: str, by_id: dict[str, Organisation]) -> None:
    """`Lumio Labs and its parent company, Northgate Holdings`: the parent argues the company's side, so its
    name becomes one more way of writing the company's party."""
    for match in _PARENT.finditer(text):
        owned = _OWNED.search(text, max(0, match.start() - 60), match.start())
        owner = next((o for o in by_id.values() if owned and owned.group(1) in o.aliases), None)
        parent = next((o for o in by_id.values() if match.group(1) in o.aliases), None)
        if owner is None or parent is None or owner is parent:
            continue
        del by_id[parent.party_id]
        by_id[owner.party_id] = replace(owner, aliases=tuple(sorted(set(owner.aliases) | set(parent.aliases))))


def _defined_after(text: str, end: int, acronyms: set[str]) -> str | None:
    """`the Danish Food Inspection Board (DFB)`: the article defines the abbreviation it uses,
    whether or not its letters are the name's initials."""
    defined = _DEFINED.match(text, end + 1) if text[end:end + 2] == " (" else None
    return defined.group(1) if defined and defined.group(1) in acronyms else None


def _acronyms_named(text: str, registry: SpeakerRegistry, found: dict[str, Organisation]) -> dict[str, Organisation]:
    """The abbreviations of the parties this article names correctly."""
    named = {}
    for party in registry.parties:
        for alias in party.aliases:
            if _ACRONYM.fullmatch(alias) and alias in text:
                named[alias] = Organisation(party.id, party.name, party.kind, ())
    for organisation in found.values():
        named.update({alias: organisation for alias in organisation.aliases if _ACRONYM.fullmatch(alias)})
    return named


def _misspelt(acronym: str, named: dict[str, Organisation]) -> Organisation | None:
    """`FCT` in an article that names the FTC: the same letters in another order (or, from four
    letters on, one letter wrong, or its country's letters glued before it: `USNTSB`) mean the party
    the article already names."""
    for alias, organisation in named.items():
        if acronym[:2] in _PLACE_ABBREVIATIONS and acronym[2:] == alias:
            return organisation
        if len(alias) != len(acronym) or alias == acronym:
            continue
        wrong = sum(a != b for a, b in zip(alias, acronym))
        if sorted(alias) == sorted(acronym) or (len(alias) >= 4 and wrong == 1):
            return organisation
    return None


def _speaks(text: str, acronym: str) -> bool:
    """`FAA Administrator …`, `the NTSB said`, `EDPB chair …`: the abbreviation names who speaks."""
    return any(m.group(1) in _SPEAKS_AFTER or m.group(1)[:1].isupper()
               for m in re.finditer(rf"\b{acronym}(?:['’]s)?\s+([A-Za-z]+)", text))


def _possessed_by(text: str, start: int, owners: set[str]) -> bool:
    """`the FTC's Bureau of Consumer Protection` is part of the FTC, not a party of its own."""
    before = re.search(r"([\w.&-]+)['’]s\s+$", text[max(0, start - 40):start])
    return before is not None and before.group(1) in owners


def _add(by_id: dict[str, Organisation], found: Organisation) -> None:
    known = by_id.get(found.party_id)
    if known is None:
        by_id[found.party_id] = found
        return
    name = max((known.name, found.name), key=len)
    by_id[found.party_id] = Organisation(found.party_id, name, known.kind,
                                         tuple(sorted(set(known.aliases) | set(found.aliases))))


def as_parties(organisations: list[Organisation]) -> list[Party]:
    """The organisations as parties (colours are the corpus's business: `reader.quotes.parties`)."""
    return [Party(o.party_id, o.name, tuple(o.aliases) + tuple(f"the {a}" for a in o.aliases), "", o.kind)
            for o in organisations]
