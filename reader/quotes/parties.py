"""The parties of a corpus: every organisation or person quoted, joined across articles.

`find_quotes` names each quote's party as its article does (an agency, a company, a
court, or a person nobody ties to one). `discover_parties` runs after it over the whole
corpus: a person tied to an organisation in one article speaks for it in the others too,
a state's attorney general quoted alone joins the states' party where the corpus holds a joint
action (`reader.quotes.coalitions`), names written two ways (`Alaska Airline` / `Alaska Airlines`,
`Epic` / `Epic Games`) become one party, and every party gets a colour and an underline of its
own, stable for a given id. The researcher's registry (`speakers.toml`) still names, merges and
recolours them.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from reader.quotes.coalitions import COALITION, offices_joining
from reader.quotes.finder import Quote
from reader.quotes.organisations import PERSON_PREFIX, is_person_party, slug
from reader.quotes.speakers import OKABE_ITO, Party, SpeakerRegistry

UNDERLINES = ("solid", "dashed", "dotted", "wavy", "dash-dot", "dash-dot-dot")
"""Underline styles, so parties that share a colour (or a grey-scale printout) stay apart."""


@dataclass(frozen=True)
class PartyStyle:
    colour: str
    underline: str


@dataclass
class PartyBook:
    """The corpus's parties (the registry's first, in its order, then as first quoted), their look and
    the joins made."""

    parties: list[Party]
    styles: dict[str, PartyStyle]
    joined: dict[str, str]
    """Party ids as articles gave them → the corpus's party id."""
    people: dict[str, str]
    """A person's surname → the party their quotes count for, where some article ties them."""
    full_names: dict[str, str] = field(default_factory=dict)
    """A surname → the person's name in full, where some article gives it (`Ortiz` → `Elena Ortiz`)."""
    registry: SpeakerRegistry | None = None
    shared: dict[str, Quote] = field(default_factory=dict)
    """A quote's opening words → the attribution other articles agree on, for copies that name no one."""
    _index: dict[str, Party] = field(default_factory=dict, repr=False)

    def party(self, party_id: str) -> Party:
        if len(self._index) != len(self.parties):
            self._index = {party.id: party for party in self.parties}
        return self._index[party_id]

    def party_of(self, quote: Quote) -> str | None:
        if quote.entity is None:
            return None
        if is_person_party(quote.entity) and quote.entity[len(PERSON_PREFIX):] in self.people:
            return self.people[quote.entity[len(PERSON_PREFIX):]]
        return self.joined.get(quote.entity, quote.entity)

    def style(self, party_id: str) -> PartyStyle:
        return self.styles[party_id]

    def settle(self, quotes: list[Quote]) -> list[Quote]:
        """The quotes with the corpus's party ids (the speaker stays the person who spoke)."""
        settled = []
        for quote in self._attributed_elsewhere(quotes):
            party_id = self.party_of(quote)
            name = quote.speaker_name or ""
            full = self.full_names.get(name.casefold(), name) if " " not in name else name
            if party_id == quote.entity and full == name:
                settled.append(quote)
                continue
            party = self.party(party_id) if party_id else None
            settled.append(replace(quote, entity=party_id, speaker_name=full or None,
                                   party_name=party.name if party else None, party_kind=party.kind if party else None))
        return settled


    def _attributed_elsewhere(self, quotes: list[Quote]) -> list[Quote]:
        """A quote this article leaves without a party (`…,” the president said.` in a spun copy) takes
        the attribution other articles agree on for the same words, and so do the quotes that
        continue it."""
        found: list[Quote] = []
        taken: Quote | None = None
        for quote in quotes:
            source = self.shared.get(_opening(quote.text)) if quote.entity is None else None
            if source is None and taken is not None and quote.entity is None and quote.speaker_start is not None \
                    and quote.speaker_start == found[-1].speaker_start and quote.rule in _INHERITING:
                source = taken
            taken = source
            found.append(quote if source is None else replace(
                quote, speaker_name=source.speaker_name, entity=source.entity, party_name=source.party_name,
                party_kind=source.party_kind, rule="shared-quote"))
        return found


_SHARED_WORDS = 6
"""Opening words two quotes must share to be one statement quoted by two articles."""
_INHERITING = ("continuation", "same-sentence", "split-quote")


def _opening(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", text.casefold()))
    return " ".join(words[:_SHARED_WORDS]) if len(words) >= _SHARED_WORDS else ""


def _shared(quotes: list[Quote], book: PartyBook) -> dict[str, Quote]:
    """Opening words → an attribution of them, where every article that attributes them agrees on the party."""
    sources: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        if quote.entity is not None and _opening(quote.text):
            sources[_opening(quote.text)].append(quote)
    return {words: found[0] for words, found in sources.items()
            if len({book.party_of(quote) for quote in found}) == 1}


def _surname(quote: Quote) -> str | None:
    """The surname of a person named in full (`Elena Ortiz`); a lone word may be a company."""
    words = (quote.speaker_name or "").split()
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return None
    return words[-1].casefold()


def _surnames_taken_for_companies(quotes: list[Quote], people: dict[str, str], known: set[str]) -> dict[str, str]:
    """`Ortiz told reporters` in an article that never gives her first name reads as a company named
    Ortiz; where another article names Elena Ortiz, the quote is hers (and her party's)."""
    named = {_surname(quote) for quote in quotes} - {None}
    joins = {}
    for quote in quotes:
        word = quote.speaker_name or ""
        if quote.entity and quote.entity not in known and " " not in word and quote.entity == slug(word) \
                and word.casefold() in named:
            joins[quote.entity] = people.get(word.casefold(), PERSON_PREFIX + slug(word))
    return joins


def _joins(ids: set[str]) -> dict[str, str]:
    """`alaska-airline` → `alaska-airlines`, `epic` → `epic-games`: one company written two ways."""
    joins = {}
    extended: dict[str, list[str]] = defaultdict(list)
    for party_id in ids:
        if not is_person_party(party_id):
            parts = party_id.split("-")
            for cut in range(1, len(parts)):
                extended["-".join(parts[:cut])].append(party_id)
    for party_id in ids:
        if is_person_party(party_id):
            continue
        plural = party_id + "s"
        longer = extended.get(party_id, [])
        if plural in ids:
            joins[party_id] = plural
        elif len(longer) == 1:
            joins[party_id] = longer[0]
    return joins


_MISSPELT_MIN_LETTERS = 6
"""Shortest one-word name that a single wrong letter still leaves recognisable (`Traedwell` for `Treadwell`)."""


def _misspelt(counts: Counter[str]) -> dict[str, str]:
    """`traedwell` → `treadwell-labs`: a one-word company name one letter off (or two letters swapped)
    from another party's first word is that party misspelt by one outlet; the name quoted less often
    joins the other. Names are looked up through their one-letter variants, not compared pairwise."""
    by_variant: dict[str, set[str]] = defaultdict(set)
    for party_id in counts:
        if not is_person_party(party_id):
            first = party_id.split("-")[0]
            for variant in [first] + _blanked(first):
                by_variant[variant].add(party_id)
    joins = {}
    for rare in counts:
        if is_person_party(rare) or "-" in rare or len(rare) < _MISSPELT_MIN_LETTERS:
            continue
        near = {other for variant in _blanked(rare) + _swapped(rare) for other in by_variant[variant]
                if other != rare and other.split("-")[0] != rare and counts[other] >= counts[rare]}
        if len(near) == 1:
            joins[rare] = near.pop()
    return joins


def _blanked(word: str) -> list[str]:
    """The word with each letter in turn blanked: two words one letter apart share one of these."""
    return [word[:k] + "?" + word[k + 1:] for k in range(len(word))]


def _swapped(word: str) -> list[str]:
    """The word with each pair of neighbouring letters swapped."""
    return [word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(len(word) - 1) if word[k] != word[k + 1]]


def _styles(ids: list[str], registry: SpeakerRegistry) -> dict[str, PartyStyle]:
    """Each id prefers the look its hash picks, so a party keeps it from corpus to corpus; a
    registry colour is kept; a clash moves the later party to the next free look."""
    looks = [PartyStyle(colour, underline) for underline in UNDERLINES for colour in OKABE_ITO]
    registered = {party.id: party for party in registry.parties}
    styles: dict[str, PartyStyle] = {}
    for party_id in ids:
        if party_id in registered:
            styles[party_id] = PartyStyle(registered[party_id].color, UNDERLINES[
                list(registered).index(party_id) % len(UNDERLINES)])
    taken = set(styles.values())
    for party_id in sorted(set(ids) - set(styles)):
        first = int(hashlib.sha1(party_id.encode()).hexdigest(), 16) % len(looks)
        for step in range(len(looks)):
            look = looks[(first + step) % len(looks)]
            if look not in taken or step == len(looks) - 1:
                break
        styles[party_id] = look
        taken.add(look)
    return styles


def discover_parties(quotes_by_article: dict[str, list[Quote]], registry: SpeakerRegistry) -> PartyBook:
    """The corpus's parties from every article's quotes (after `find_quotes`)."""
    quotes = [quote for found in quotes_by_article.values() for quote in found]
    ties: dict[str, Counter[str]] = defaultdict(Counter)
    for quote in quotes:
        surname = _surname(quote)
        if surname and quote.entity and not is_person_party(quote.entity):
            ties[surname][quote.entity] += 1
    joined = _joins({quote.entity for quote in quotes if quote.entity})
    joined.update(_misspelt(Counter(joined.get(quote.entity, quote.entity) for quote in quotes if quote.entity)))
    joined.update(offices_joining({joined.get(quote.entity, quote.entity) for quote in quotes if quote.entity}))
    people = {surname: joined.get(top, top) for surname, counts in ties.items()
              for top, _ in counts.most_common(1)}
    joined.update(_surnames_taken_for_companies(quotes, people, _ids(registry)))
    full_names: dict[str, str] = {}
    for quote in quotes:
        surname = _surname(quote)
        if surname and len(quote.speaker_name or "") > len(full_names.get(surname, "")):
            full_names[surname] = quote.speaker_name or ""
    book = PartyBook([], {}, joined, people, full_names, registry)
    book.shared = _shared(quotes, book)
    named: dict[str, Party] = {}
    for quote in quotes:
        party_id = book.party_of(quote)
        if party_id is None or party_id in named:
            continue
        named[party_id] = _party(party_id, quote, registry)
    registered = _ids(registry)
    for quote in quotes:
        party_id = book.party_of(quote)
        if party_id in named and quote.entity == party_id and quote.party_name and \
                len(quote.party_name) > len(named[party_id].name) and party_id not in registered:
            named[party_id] = replace(named[party_id], name=quote.party_name)
    book.styles = _styles(list(named), registry)
    order = {party.id: number for number, party in enumerate(registry.parties)}
    ordered = sorted(named.values(), key=lambda party: order.get(party.id, len(order)))
    book.parties = [replace(party, color=book.styles[party.id].colour) for party in ordered]
    return book


def _ids(registry: SpeakerRegistry) -> set[str]:
    return {party.id for party in registry.parties}


def _party(party_id: str, quote: Quote, registry: SpeakerRegistry) -> Party:
    try:
        return registry.party(party_id)
    except KeyError:
        pass
    if party_id == COALITION.id:
        return COALITION
    if quote.entity == party_id and quote.party_name:
        return Party(party_id, quote.party_name, (quote.party_name,), "", quote.party_kind or "company")
    return Party(party_id, party_id, (party_id,), "", "person" if is_person_party(party_id) else "company")


def speaker_terms(quote: Quote) -> list[str]:
    """What `speaker:` finds a quote by: its party's id and, for a named person, their surname
    (a party of one is found by the surname alone)."""
    terms = []
    if not hasattr(quote, "speaker_name"):
        return [quote.entity] if quote.entity else []
    if quote.entity and not is_person_party(quote.entity):
        terms.append(quote.entity)
    surname = _surname(quote) or (quote.entity[len(PERSON_PREFIX):] if is_person_party(quote.entity) else None)
    if surname:
        terms.append(slug(surname))
    return terms
