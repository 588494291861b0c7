"""Resolve a speaker mention to a speaker and a party, with per-article memory.

An alias names its party; "the company" / "the agency" / "it" take the most recent
compatible party that stood as a clause subject or spoke last; a person takes the
party their appositive or title names (`Samuel Levine, director of the FTC’s Bureau`,
`FTC Chair Lina Khan`, `the FTC's Samuel Levine`) and keeps it for `Levine said` and
`he said`; a statement, complaint or blog post speaks for the party that issued it.
"""
from __future__ import annotations

import re

from reader.articles.model import Article
from reader.quotes.noun_phrases import NounPhrase, Token, bare, is_cue, tokens
from reader.quotes.speaker_words import PRONOUNS
from reader.quotes.marks import QuotedSpan
from reader.quotes.coalitions import COALITION, names_the_states, state_attorneys_general
from reader.quotes.speaker_words import (AGENCY_TITLES, CLAUSE_OPENERS, COMPANY_TITLES, COMPLAINT_NOUNS, DETERMINERS, DOCUMENTS, RULING_NOUNS,
                                  KIND_MODIFIERS,
                                  NO_PARTY_HEADS, NOT_NAMES, AGENCY_HEADS, COURT_HEADS, NAME_TITLES, CALENDAR_WORDS, POSSESSIVE_PRONOUNS, ROLE_NOUNS, SPOKES, TITLE_BODIES,
                                  CLAUSE_INTRODUCERS)
from reader.quotes.organisations import (PERSON_NAME as _PERSON_NAME, as_parties, find_organisations,
                                         is_person_party, person_party_id)
from reader.quotes.speakers import ArticleRegistry, Mention, Party, SpeakerRegistry

_TITLE_WORDS = ("Commissioner|Chair|Chairwoman|Chairman|Secretary|Director|Spokesperson|Spokesman|Spokeswoman|"
                "spokesperson|spokesman|spokeswoman|CEO|Chief Executive|President|Founder|founder|executive|"
                "Senator|Sen\\.|Rep\\.|Attorney General|Judge|Prosecutor|Mayor|Councilmember|Councilwoman|Councilman|"
                "Council Member|Alderman|Administrator|Governor|Gov\\.|U\\.S\\. Attorney")
_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){1,2}"
_APPOSITIVE_PERSON = re.compile(
    rf"(?=[A-Z])\b({_NAME}|[A-Z][a-z]+), ((?:the|a|an|its|[A-Z][\w’']*) [^,.;“”\"\n]{{3,120}}?)(?:[,.]|$)", re.M)
_POSSESSED_PERSON = re.compile(rf"['’]s ({_NAME})\b")
_SPOKESPERSON_FOR = re.compile(r"\b(?:spokesperson|spokesman|spokeswoman|representative) (?:for|of|from|at) (?:the )?")
_ABBREVIATED = re.compile(r"(?:^|\W)(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp|Co|Ltd|St|[A-Z])\.$"
                          r"|(?:[A-Za-z]\.){2,}$")
"""A full stop that ends an abbreviation (`U.S.`, `Inc.`, `M.`), not a sentence."""
_RECEIVED_BY = re.compile(r"\s+(?:\w+\s+){0,2}(?:with|to|before)\s+(?:the\s+)?")
"""`a filing Friday with the SEC`: the party after `with` received the document; it did not issue it."""
_OWN_DOCUMENT = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$")
"""`The Marine Safety Board released its report`: the document belongs to the subject just named."""
_JUDGE = re.compile(r"\b(?:Judge|Justice) (?:[A-Z][a-z]+ )?(?:[A-Z]\. )?([A-Z][\w'’-]+)\b(?!['’]s)")
"""A judge named before a ruling that names no court: the ruling is theirs."""
_NAME_BEFORE_TITLE = re.compile(r"(?:[A-Z][\w&.-]*\w )+(?:[A-Z][a-z]+ and )?$")
_TITLED_PERSON = re.compile(rf"(?=[A-Z])((?:[A-Z][\w.&-]* )?(?:{_TITLE_WORDS})) ({_NAME})\b")


class ArticleSpeakers:
    """Per-article memory for resolving mentions: parties by salience, people by their appositives."""

    def __init__(self, article: Article, registry: SpeakerRegistry, quoted: list[QuotedSpan]) -> None:
        self.text = article.text
        self.officers = state_attorneys_general(article)
        found = as_parties(find_organisations(article.text, registry))
        states = {officer.party.id: officer.party for officer in self.officers if officer.party}
        if names_the_states(article.text):
            states[COALITION.id] = COALITION
        found += list(states.values())
        self.registry = ArticleRegistry(registry, found)
        inside = [(span.start, span.end) for span in quoted]
        mentions = [m for m in self.registry.mentions(article.text)
                    if not any(start <= m.start < end for start, end in inside)]
        self.mentions = mentions
        self.salient = [m for m in mentions if self._opens_clause(m.start)]
        self.people: dict[str, tuple[str, str | None, int]] = {}
        self.learn_people(article)

    def _opens_clause(self, position: int) -> bool:
        """A mention that starts a sentence, paragraph or clause is a subject, not an object."""
        before = self.text[max(0, position - 40):position]
        word, end = "", len(before)
        while True:
            kept = before[:end].rstrip()
            cut = max(kept.rfind(" "), kept.rfind("\n"), kept.rfind("\t"), kept.rfind("—"), kept.rfind("–"),
                      kept.rfind("(")) + 1
            word = kept[cut:] or kept[cut - 1:cut]
            if word.lower() not in {"the", "a", "an"} or not word:
                break
            end = cut
        if not word or "\n" in before[len(kept):]:
            return True
        if word[-1].isalnum():
            return word.lower().lstrip("“‘\"'") in CLAUSE_OPENERS
        if word[-1] == ".":
            return _ABBREVIATED.search(word) is None
        return word[-1] in CLAUSE_OPENERS or word[-1] in "!?"

    def describe(self, party_id: str | None, speaker_name: str | None) -> Party | None:
        """The party as this article names it; a party of one is named by its person."""
        if party_id is None:
            return None
        if is_person_party(party_id):
            return Party(party_id, speaker_name or party_id, (), "", "person")
        return self.registry.party(party_id)

    def note_speaker(self, start: int, end: int, party_id: str | None) -> None:
        """A resolved speaker is the most salient party for the generic references that follow."""
        if party_id is not None and not is_person_party(party_id):
            kind = self.registry.party(party_id).kind
            self.salient.append(Mention(start, end, party_id, kind, False))
            self.salient.sort(key=lambda mention: mention.start)

    def _recent(self, position: int, kind: str | None) -> Mention | None:
        for pool in (self.salient, self.mentions):
            for mention in reversed(pool):
                if mention.end <= position and mention.party_id and not mention.generic and (
                        kind is None or mention.kind == kind):
                    return mention
        return None

    def _party_in(self, start: int, end: int) -> Mention | None:
        named = [m for m in self.registry.mentions(self.text, start, end) if not m.generic]
        return named[-1] if named else None

    def _party_described(self, start: int, end: int) -> str | None:
        """The party an appositive or title names, directly or as `the agency’s chair`."""
        if "former" in self.text[start:end].lower():
            return None
        named = self._party_in(start, end)
        if named is not None:
            return named.party_id
        generic = [m for m in self.registry.mentions(self.text, start, end) if m.generic]
        if generic:
            recent = self._recent(start, generic[-1].kind)
            return recent.party_id if recent else generic[-1].party_id
        return None

    def resolve(self, phrase: NounPhrase, cited: str | None = None) -> tuple[str, str | None, float]:
        """Resolved speaker name, party id and how sure the resolution is; a named person nobody
        ties to an organisation is a party of one. `cited` is the document the speaker speaks
        through (`the agency wrote in the report`)."""
        name, party_id, certainty = self._resolve(phrase, cited)
        if party_id is None and _personal_name(name):
            party_id = person_party_id(name)
        return name, party_id, certainty

    def _resolve(self, phrase: NounPhrase, cited: str | None = None) -> tuple[str, str | None, float]:
        text = self.text[phrase.start:phrase.end]
        words = tokens(text, 0, len(text))
        lower = text.lower()
        head = bare(words[-1].lower) if words else ""
        if lower in {"he", "she"}:
            return self._recent_person(phrase.start, text)
        titled = self._named_by_appositive(phrase, head)
        if titled is not None:
            return titled
        if lower in {"it", "they", "we"}:
            mention = self._recent(phrase.start, None)
            return self._name(mention, text), (mention.party_id if mention else None), 0.85
        if head in NO_PARTY_HEADS or "former" in lower.split():
            return text, None, 1.0
        named = self._party_in(phrase.start, phrase.end)
        if named is not None:
            person = self._titled_person(words, named, phrase.start)
            surface = self.text[named.start:named.end]
            if person is None and _personal_name(surface) and surface != self._name(named, text):
                person = surface
            return (person or self._name(named, text)), named.party_id, 1.0
        generic = [m for m in self.registry.mentions(self.text, phrase.start, phrase.end) if m.generic]
        if generic:
            issuer = self._issuer_of(cited, phrase.start, generic[-1].kind) if cited else None
            kind = generic[-1].kind
            mention = issuer or self._recent(phrase.start, kind) or self._next(phrase.start, kind)
            party_id = mention.party_id if mention else generic[-1].party_id
            return self._name(mention, text, party_id), party_id, 0.9
        body = self._body_named_by_head(words, phrase.start)
        if body is not None:
            return self._name(body, text), body.party_id, 0.9
        kinds = [KIND_MODIFIERS[bare(w.lower)] for w in words[:-1] if bare(w.lower) in KIND_MODIFIERS]
        if kinds and head in DOCUMENTS | ROLE_NOUNS:
            mention = self._recent(phrase.start, kinds[-1])
            if mention is not None:
                return self._name(mention, text), mention.party_id, 0.85
        if head in DOCUMENTS:
            return self._document_owner(phrase, words, text)
        person = self._person(phrase, words, text)
        if person is not None:
            return person
        return text, None, 0.9

    def _named_by_appositive(self, phrase: NounPhrase, head: str) -> tuple[str, str | None, float] | None:
        """`the agency’s director, Paula Mendes, said`: the title names the party, its
        appositive the person who spoke."""
        if phrase.appositive is None or head not in ROLE_NOUNS | AGENCY_TITLES | COMPANY_TITLES:
            return None
        name = self.text[phrase.appositive[0]:phrase.appositive[1]]
        if len(name.split()) < 2 or not _personal_name(name):
            return None
        _, party_id, certainty = self._resolve(NounPhrase(phrase.start, phrase.end))
        self.people[name.split()[-1]] = (name, party_id, phrase.start)
        return name, party_id, certainty

    def _titled_person(self, words: list[Token], named: Mention, position: int) -> str | None:
        """`FTC Chair Lina Khan` / `Amazon spokesperson Lindsay Ganzer`: remember the person's party."""
        tail = []
        for word in reversed(words):
            if not word.capitalised or word.start < named.end - position or bare(word.lower) in ROLE_NOUNS | NAME_TITLES:
                break
            tail.insert(0, bare(word.text))
        if len(tail) < 2:
            return None
        self.people[tail[-1]] = (" ".join(tail), named.party_id, position)
        return " ".join(tail)

    def _body_named_by_head(self, words: list[Token], position: int) -> Mention | None:
        """`the authority`, `the council`, `the court`: the last organisation named with that word."""
        if len(words) != 2 or words[0].lower != "the":
            return None
        head = words[1].text.capitalize()
        if head not in AGENCY_HEADS | COURT_HEADS:
            return None
        for mention in reversed(self.mentions):
            if mention.end <= position and mention.party_id and not mention.generic and \
                    head in self.registry.party(mention.party_id).name.split():
                return mention
        return None

    def _spokesperson_for(self, position: int) -> Mention | None:
        """`A spokesperson for the Riverside Transit Authority said …`: whom the spokespeople speak for."""
        introduced = None
        for match in _SPOKESPERSON_FOR.finditer(self.text, 0, position):
            named = [m for m in self.mentions if m.start <= match.end() < m.end and m.party_id and not m.generic]
            introduced = named[0] if named else introduced
        return introduced

    def _by_role(self, words: list[Token], position: int) -> str | None:
        """A spokesperson speaks for the party they were introduced for, else the party just discussed
        (of the kind named, for a `company spokesperson`); a commissioner for the agency, a chief
        executive for the company."""
        roles = {bare(word.lower) for word in words}
        if roles & SPOKES:
            kinds = [KIND_MODIFIERS[bare(word.lower)] for word in words if bare(word.lower) in KIND_MODIFIERS]
            mention = self._spokesperson_for(position) or self._recent(position, kinds[-1] if kinds else None)
            return mention.party_id if mention else None
        body = next((self._body_of_title(role) for role in roles if role in TITLE_BODIES), None)
        if body is not None:
            return body
        for titles, kind in ((AGENCY_TITLES, "agency"), (COMPANY_TITLES, "company")):
            if roles & titles:
                mention = self._recent(position, kind)
                return mention.party_id if mention else None
        return None

    def _next(self, position: int, kind: str) -> Mention | None:
        """`…, regulators said.` (or `the company said`) in a lede that names the party only further
        down: the first party of that kind named after."""
        return next((m for m in self.mentions if m.start > position and m.party_id and not m.generic
                     and m.kind == kind), None)

    def _name(self, mention: Mention | None, fallback: str, party_id: str | None = None) -> str:
        party_id = party_id or (mention.party_id if mention else None)
        return self.registry.party(party_id).name if party_id else fallback

    def _recent_person(self, position: int, pronoun: str) -> tuple[str, str | None, float]:
        known = [entry for entry in self.people.values() if entry[2] < position]
        named = self._last_named_person(position)
        if named is not None and (not known or named[1] > max(entry[2] for entry in known)):
            surname = named[0].split()[-1]
            return self.people.get(surname, (named[0],))[0], self.people.get(surname, (None, None))[1], 0.7
        if not known:
            return pronoun, None, 0.5
        name, party_id, _ = max(known, key=lambda entry: entry[2])
        return name, party_id, 0.85

    def _last_named_person(self, position: int) -> tuple[str, int] | None:
        """The last person named in full before `position` (`President Trump has …. “…,” he said`)."""
        window = max(0, position - 600)
        found = None
        for match in _PERSON_NAME.finditer(self.text, window, position):
            first, surname = match.group(1), match.group(2)
            before = self.text[max(0, match.start() - 5):match.start()].split()[-1:]
            if first.lower() in CLAUSE_INTRODUCERS | NOT_NAMES | CALENDAR_WORDS or \
                    (before and before[0].lower() in {"of", "for", "the", "at", "on"}) or \
                    self._party_in(match.start(1), match.end(1) + 1 + len(surname) + 2) is not None:
                continue
            found = (f"{first} {surname}" if first.lower() not in NAME_TITLES else surname, match.start())
        return found

    def _person(self, phrase: NounPhrase, words: list[Token], text: str) -> tuple[str, str | None, float] | None:
        joiner = next((k for k, w in enumerate(words) if w.lower in {"for", "of", "at"}), len(words))
        if joiner < len(words) and any(w.capitalised for w in words[:joiner]):
            words = words[:joiner]
        names = [w for w in words if w.capitalised and w.lower not in DETERMINERS
                 and bare(w.lower) not in ROLE_NOUNS | AGENCY_TITLES | NAME_TITLES]
        if not names or not words[-1].capitalised or bare(words[-1].lower) in ROLE_NOUNS:
            party_id = self._by_role(words, phrase.start)
            return (text, party_id, 0.7) if party_id else None
        surname = bare(words[-1].text)
        if surname in self.people:
            name, party_id, _ = self.people[surname]
            self.people[surname] = (name, party_id, phrase.start)
            return name, party_id, 0.95
        party_id = self._party_described(*phrase.appositive) if phrase.appositive else None
        if party_id is None:
            party_id = self._by_role(words, phrase.start)
        full = " ".join(bare(w.text) for w in names[-3:])
        self.people[surname] = (full, party_id, phrase.start)
        return full, party_id, 0.95 if party_id else 0.9

    def learn_people(self, article: Article) -> None:
        """People introduced anywhere by an appositive (`Samuel Levine, director of the FTC’s …,`)
        or a title (`Commissioner Alvaro Bedoya`, `FTC Chair Lina Khan`), for later `Levine said` / `he said`;
        state attorneys general first, with the party `reader.quotes.coalitions` gives them."""
        for officer in self.officers:
            party_id = officer.party.id if officer.party else person_party_id(officer.name)
            self._meet(officer.name, party_id, officer.start)
        for match in _APPOSITIVE_PERSON.finditer(article.text):
            described = {bare(word) for word in match.group(2).lower().split()}
            name = match.group(1)
            if not described & (ROLE_NOUNS | AGENCY_TITLES) or name.lower() in NOT_NAMES \
                    or self._party_in(match.start(1), match.end(1)) is not None:
                continue
            self._meet(name, self._party_described(match.start(2), match.end(2)), match.start())
        for mention in self.mentions:
            possessed = _POSSESSED_PERSON.match(self.text, mention.end)
            if possessed and mention.party_id and not mention.generic:
                self._meet(possessed.group(1), mention.party_id, possessed.start(1))
        for match in _TITLED_PERSON.finditer(article.text):
            title = match.group(1).lower()
            own = self._party_in(match.start(2), match.end(2))
            party_id = own.party_id if own else self._party_described(self._title_start(match.start(1)), match.end(1))
            if party_id is None:
                party_id = self._body_of_title(title)
            kind = "agency" if title.split()[-1] in AGENCY_TITLES else "company" \
                if title.split()[-1] in COMPANY_TITLES else None
            former = "former" in self.text[max(0, match.start() - 8):match.start()]
            if party_id is None and kind is not None and not former:
                recent = self._recent(match.start(), kind)
                party_id = recent.party_id if recent else None
            self._meet(match.group(2), party_id, match.start(2))

    def _title_start(self, position: int) -> int:
        """`Fair Markets President and CEO Dana Kell`: a title read back over the name of the
        organisation it belongs to (and a first title joined by `and`)."""
        before = _NAME_BEFORE_TITLE.search(self.text, max(0, position - 80), position)
        return before.start() if before else position

    def _body_of_title(self, title: str) -> str | None:
        """`Mayor Elena Ortiz` speaks for the city council the article names, a judge for its court."""
        heads = next((heads for words, heads in TITLE_BODIES.items() if title.endswith(words)), None)
        if heads is None:
            return None
        named = {mention.party_id for mention in self.mentions if mention.party_id and not mention.generic}
        bodies = [party_id for party_id in named if heads & set(self.registry.party(party_id).name.split())]
        return bodies[0] if len(bodies) == 1 else None

    def _meet(self, name: str, party_id: str | None, position: int) -> None:
        """Remember a person by surname; a title's last word read as part of the name (`Chief Executive
        Officer Ann Lee`) is dropped."""
        words = name.split()
        while len(words) > 2 and words[0].lower() in ROLE_NOUNS | NAME_TITLES:
            words = words[1:]
        name, surname = " ".join(words), words[-1]
        known = self.people.get(surname)
        if known is None or (known[1] is None and party_id is not None):
            self.people[surname] = (name, party_id, position)

    def _issuer(self, start: int, end: int) -> Mention | None:
        """Who issued the document named at `start:end`: `the FTC’s complaint`, `a statement from Ring`,
        `In a statement, Amazon said`; else the party named nearest to it (not one its cue speaks of)."""
        named = [m for m in self.mentions if m.party_id and not m.generic and abs(m.start - start) < 80
                 and not (m.start <= start < m.end) and not _RECEIVED_BY.fullmatch(self.text[end:m.start])
                 and not (m.start > end and self._cue_between(end, m.start))]
        if not named:
            return None
        for mention in named:
            between = self.text[mention.end:start]
            if between.strip() in ("’s", "'s") or re.fullmatch(r"['’]s(?:\s+\w+)?\s+", between):
                return mention
            if re.fullmatch(r"\s+(?:from|by|of|issued by|filed by|released by)\s+(?:the\s+)?", self.text[end:mention.start]):
                return mention
        before = [m for m in named if m.end <= start]
        if before and _OWN_DOCUMENT.search(self.text, max(0, start - 30), start):
            return before[-1]
        after = [m for m in named if m.start > end and m in self.salient]
        if after:
            return after[0]
        return min(named, key=lambda m: abs(m.start - start))

    def _cue_between(self, start: int, end: int) -> bool:
        """`The alert also says Acme …`: a party named after the document's cue is what it speaks of."""
        words = tokens(self.text, start, end)
        return any(is_cue(words, index) for index in range(len(words)))

    def _document_owner(self, phrase: NounPhrase, words: list[Token], text: str) -> tuple[str, str | None, float]:
        """A statement, complaint or filing speaks for the party that issued it."""
        if words and words[0].lower in POSSESSIVE_PRONOUNS:
            mention = self._recent(phrase.start, None)
            return self._name(mention, text), (mention.party_id if mention else None), 0.85
        if len(words) > 1 and words[0].capitalised and words[0].text != bare(words[0].text):
            return self._person_called(bare(words[0].text), phrase.start), None, 0.8
        noun = bare(words[-1].lower)
        owner = self._issuer_of(noun, phrase.start)
        if owner is not None:
            return self._name(owner, text), owner.party_id, 0.8
        kind = "agency" if noun in COMPLAINT_NOUNS else "court" if noun in RULING_NOUNS else None
        owner = self._recent(phrase.start, kind)
        if owner is None and kind == "court":
            judges = list(_JUDGE.finditer(self.text, 0, phrase.start))
            if judges:
                return self._person_called(judges[-1].group(1), phrase.start), None, 0.6
            owner = self._recent(phrase.start, None)
        return self._name(owner, text), (owner.party_id if owner else None), 0.6

    def _issuer_of(self, noun: str, position: int, kind: str | None = None) -> Mention | None:
        """Who issued the last document called `noun` before `position` (`the NTSB’s report`), of
        `kind` where given."""
        for match in reversed(list(re.finditer(rf"\b{re.escape(noun)}", self.text[:position], re.I))):
            owner = self._issuer(match.start(), match.end())
            if owner is not None and kind in (None, owner.kind):
                return owner
        return None

    def _person_called(self, surname: str, position: int) -> str:
        """The person the article calls by `surname`, in full where it names them so before `position`."""
        if surname in self.people:
            return self.people[surname][0]
        named = [m for m in _PERSON_NAME.finditer(self.text, 0, position) if m.group(2) == surname
                 and m.group(1).lower() not in CLAUSE_INTRODUCERS | NOT_NAMES | CALENDAR_WORDS | NAME_TITLES]
        return f"{named[-1].group(1)} {surname}" if named else surname


def _personal_name(text: str) -> bool:
    """`Elena Ortiz`, `Kathleen L. Kraninger`, `Becerra`: capitalised words only, not a clause opener."""
    words = text.split()
    return 0 < len(words) <= 4 and all(word[:1].isupper() for word in words) and (
        len(words) > 1 or words[0].lower() not in CLAUSE_INTRODUCERS | NOT_NAMES | PRONOUNS) and \
        words[-1][:1].isalpha() and words[-1].lower() not in ROLE_NOUNS and words[0].lower() not in DETERMINERS
