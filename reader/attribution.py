"""Attribute a quoted stretch to a speaker mention and resolve it to a party.

News attributes speech in a few shapes, tried from the most to the least reliable:
the cue right after the quote (`“…,” Amazon said` / `“…,” said Samuel Levine, director
of the FTC’s Bureau…`), a colon introduction, a cue earlier in the sentence
(`Ring argued that it had “promptly”…`, `…, adding that …`), a cue later in the
sentence (`…, the FTC said.`), a quote sharing a sentence with an attributed one,
and a quote that continues the previous speaker. The speaker mention is then
resolved: an alias names its party; "the company" / "the agency" / "it" take the
most recent compatible party that stood as a clause subject; a person takes the
party named in their appositive or title; a party's statement or complaint is the
party. Every decision records the rule that made it so the UI can explain it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.cue_verbs import CUE_FORMS, NOT_SPEECH_AFTER
from reader.model import Article, Span
from reader.quote_marks import QuotedSpan
from reader.speakers import Mention, SpeakerRegistry

_TOKEN = re.compile(
    r"(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp|Co|Ltd|St)\.(?=\s)"
    r"|(?:[A-Za-z]\.){2,}|\w[\w&'’.\-]*\w|\w|[^\w\s]")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                "my", "your", "no", "any", "another", "one"}
_POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
_SKIP_BEFORE_CUE = {
    "also", "has", "have", "had", "previously", "later", "earlier", "then", "again", "further",
    "repeatedly", "once", "publicly", "separately", "recently", "initially", "originally", "simply",
    "just", "did", "does", "do", "would", "will", "had", "however", "meanwhile", "today", "yesterday",
    "on", "last", "this", "week", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "likewise", "similarly", "too", "flatly", "firmly", "strongly", "sharply",
    "quickly", "immediately", "subsequently", "ultimately", "finally", "now", "still", "already",
}
_LEADING_WORDS = {"but", "and", "yet", "so", "however", "meanwhile", "still", "also", "now", "then",
                  "instead", "finally", "later", "earlier", "in", "on", "at", "for", "as", "after", "while",
                  "when", "though", "although", "separately", "because", "since", "if", "whereas", "that",
                  "according", "to"}
_ROLE_NOUNS = {
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "representatives",
    "official", "officials", "lawyer", "lawyers", "attorney", "attorneys", "director", "chair", "chairman",
    "chairwoman", "commissioner", "commissioners", "executive", "executives", "ceo", "founder", "president",
    "chief", "head", "supervisor", "manager", "employee", "employees", "analyst", "analysts", "expert",
    "experts", "researcher", "researchers", "critic", "critics", "advocate", "advocates", "prosecutor",
    "prosecutors", "judge", "regulator", "regulators", "company", "agency", "commission", "firm",
    "retailer", "giant", "statement", "complaint", "complaints", "lawsuit", "suit", "filing", "filings",
    "report", "post", "blog", "release", "letter", "order", "document", "documents", "response", "memo",
    "email", "tweet", "court", "government", "department", "bureau", "group", "coalition", "source",
    "sources", "person", "people", "staff", "team", "user", "users", "customer", "customers", "parent",
    "parents", "coworker", "worker", "workers", "owner", "owners", "witness", "plaintiffs", "plaintiff",
    "defendant", "defendants", "board", "office", "ministry", "watchdog", "union", "website", "manufacturer",
    "neighbor", "neighbour", "neighbors", "neighbours", "mother", "father", "resident", "residents", "member",
    "members", "friend", "student", "teacher", "professor", "lawmaker", "lawmakers", "senator", "spokesperson",
    "author", "authors", "organizer", "organiser", "activist", "activists", "mayor", "governor", "minister",
}
_MODIFIERS = {"former", "senior", "top", "general", "federal", "deputy", "acting", "new", "longtime",
              "company", "agency", "press", "legal", "chief", "vice", "lead", "outside", "independent",
              "corporate", "public", "proposed", "separate", "second", "first", "original", "official"}
_DOCUMENTS = {"statement", "complaint", "complaints", "lawsuit", "suit", "filing", "filings", "report", "post",
              "blog", "release", "letter", "order", "document", "documents", "response", "memo", "email", "tweet"}
_AGENCY_TITLES = {"commissioner", "commissioners", "chair", "chairwoman", "chairman", "secretary", "regulator",
                  "regulators", "prosecutor", "prosecutors", "inspector"}
_TITLE_WORDS = ("Commissioner|Chair|Chairwoman|Chairman|Secretary|Director|Spokesperson|Spokesman|Spokeswoman|"
                "spokesperson|spokesman|spokeswoman|CEO|Chief Executive|President|Founder|founder|executive|"
                "Senator|Sen\\.|Rep\\.|Attorney General|Judge|Prosecutor")
_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){1,2}"
_APPOSITIVE_PERSON = re.compile(
    rf"\b({_NAME}|[A-Z][a-z]+), ((?:the|a|an|its|[A-Z][\w’']*) [^,.;“”\"]{{3,120}}?)[,.]")
_POSSESSED_PERSON = re.compile(rf"['’]s ({_NAME})\b")
_NOT_NAMES = {"however", "meanwhile", "still", "instead", "separately", "additionally", "further", "furthermore",
              "moreover", "today", "yesterday", "now", "then", "also", "finally", "first", "second", "last"}
_COMPLAINT_NOUNS = {"complaint", "complaints", "lawsuit", "suit", "filing", "filings", "order"}
_TITLED_PERSON = re.compile(rf"((?:[A-Z][\w.&-]* )?(?:{_TITLE_WORDS})) ({_NAME})\b")
_SPOKES = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "representatives"}
_NO_PARTY_HEADS = {"employee", "employees", "worker", "workers", "contractor", "contractors", "coworker",
                   "critic", "critics", "rival", "rivals", "competitor", "competitors", "customer", "customers",
                   "user", "users", "parent", "parents", "analyst", "analysts", "expert", "experts"}
_CLAUSE_OPENERS = {",", ";", ":", "(", "—", "–", "while", "but", "that", "as", "because", "when", "although",
                   "though", "after", "since", "if", "whereas", "so"}
_QUOTE_MARKS = set("“”\"'‘’")
_TITLE_SMALL = {"a", "an", "the", "of", "and", "or", "nor", "but", "so", "as", "vs", "in", "on", "at", "to", "for",
                "with", "by", "from", "into", "over", "up"}

RULE_CONFIDENCE = {
    "quote-cue-speaker": 0.95, "quote-speaker-cue": 0.95, "colon": 0.9, "split-quote": 0.9,
    "cue-before": 0.85, "according-to": 0.85, "cue-after": 0.8, "same-sentence": 0.8,
    "continuation": 0.8, "unattributed": 0.5, "title": 0.6, "scare": 0.6,
}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, through which cue, and why."""

    cue: str | None
    cue_start: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    entity: str | None
    confidence: float
    rule: str


@dataclass(frozen=True)
class _NounPhrase:
    start: int
    end: int
    appositive: Span | None = None


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


def _bare(word: str) -> str:
    """A word without its possessive ending: `FTC’s` → `FTC`."""
    return re.sub(r"['’]s?$", "", word)


def _is_cue(toks: list[Token], index: int) -> bool:
    """A cue verb used as a verb: not a noun after a determiner (`the FTC’s claims`), not an infinitive."""
    word = toks[index].lower
    if word not in CUE_FORMS:
        return False
    if index > 0:
        before = toks[index - 1]
        if before.lower in _DETERMINERS or before.lower == "to" or before.text.endswith(("’s", "'s")):
            return False
        if before.text in "-–" or before.lower in {"so", "well"}:
            return False
    following = toks[index + 1].lower if index + 1 < len(toks) else ""
    return following not in NOT_SPEECH_AFTER.get(CUE_FORMS[word], ())


def _is_according(toks: list[Token], index: int) -> bool:
    return toks[index].lower == "according" and index + 1 < len(toks) and toks[index + 1].lower == "to"


def _np_word(token: Token) -> bool:
    word = _bare(token.lower)
    return (token.capitalised and token.text[:1].isalpha()) or word in _ROLE_NOUNS or word in _MODIFIERS \
        or ("-" in token.text and token.text[:1].isalpha())


def _trim_leading(toks: list[Token], first: int, last: int) -> int:
    while first < last and toks[first].lower in _LEADING_WORDS:
        first += 1
    return first


def _np_ending_at(toks: list[Token], index: int, low: int) -> _NounPhrase | None:
    """The noun phrase whose last word is `toks[index]`, read backwards."""
    if index < low or toks[index].lower in _LEADING_WORDS:
        return None
    if not _np_word(toks[index]):
        return _determined_np(toks, index, low)
    first = index
    cursor = index - 1
    while cursor >= low and index - cursor < 9:
        word = toks[cursor]
        if word.lower in _DETERMINERS:
            first = cursor
            break
        if _np_word(word) and not _is_cue(toks, cursor):
            first = cursor
        elif word.lower in {"for", "of", "at"} and cursor - 1 >= low and _np_word(toks[cursor - 1]):
            first = cursor
        else:
            break
        cursor -= 1
    first = _trim_leading(toks, first, index)
    if toks[first].lower in {"for", "of", "at"}:
        first += 1
    return _NounPhrase(toks[first].start, toks[index].end)


def _determined_np(toks: list[Token], index: int, low: int) -> _NounPhrase | None:
    """`a former Ring engineer`: an unlisted common noun, accepted when a determiner opens its phrase."""
    if not toks[index].text.isalpha() or not toks[index].text.islower() or toks[index].lower in _DETERMINERS:
        return None
    for cursor in range(index - 1, max(low, index - 5) - 1, -1):
        word = toks[cursor]
        if word.lower in _DETERMINERS:
            return _NounPhrase(word.start, toks[index].end)
        if not _np_word(word):
            return None
    return None


def _np_starting_at(toks: list[Token], index: int, high: int) -> _NounPhrase | None:
    """The noun phrase that begins at `toks[index]`, with an appositive after a comma if any."""
    index = _trim_leading(toks, index, high)
    if index >= high:
        return None
    cursor = index
    if toks[cursor].lower in _DETERMINERS:
        cursor += 1
    last = None
    while cursor < high and cursor - index < 9:
        word = toks[cursor]
        if word.lower in _PRONOUNS and last is None and cursor == index:
            return _NounPhrase(word.start, word.end)
        if _np_word(word) and not _is_cue(toks, cursor):
            last = cursor
        elif word.lower in {"for", "of", "at", "from"} and cursor + 1 < high and (
                toks[cursor + 1].capitalised or toks[cursor + 1].lower in _DETERMINERS):
            if toks[cursor + 1].lower in _DETERMINERS:
                cursor += 1
        else:
            break
        cursor += 1
    if last is None:
        return None
    appositive = None
    if last + 1 < high and toks[last + 1].text == ",":
        stop = next((k for k in range(last + 2, min(high, last + 20)) if toks[k].text in ",.;"), None)
        if stop is not None and stop > last + 2:
            appositive = (toks[last + 2].start, toks[stop - 1].end)
    return _NounPhrase(toks[index].start, toks[last].end, appositive)


def _subject_of(toks: list[Token], cue: int, low: int) -> _NounPhrase | None:
    """The speaker of a cue verb: the subject just before it, past adverbs and an appositive."""
    cursor = cue - 1
    skipped = 0
    while cursor >= low and (toks[cursor].lower in _SKIP_BEFORE_CUE or toks[cursor].text in _QUOTE_MARKS) \
            and skipped < 4:
        cursor -= 1
        skipped += 1
    if cursor < low:
        return None
    word = toks[cursor]
    if word.lower in _PRONOUNS:
        return _NounPhrase(word.start, word.end)
    if word.lower == "who" and cursor - 2 >= low and toks[cursor - 1].text == ",":
        return _np_ending_at(toks, cursor - 2, low)
    if word.text == ",":
        opening = next((k for k in range(cursor - 1, max(low, cursor - 20) - 1, -1) if toks[k].text == ","), None)
        if opening is not None and opening > low:
            phrase = _np_ending_at(toks, opening - 1, low)
            if phrase is not None:
                return replace(phrase, appositive=(toks[opening + 1].start, toks[cursor - 1].end))
        return None
    return _np_ending_at(toks, cursor, low)


def _clause_subject(toks: list[Token], comma: int, low: int) -> _NounPhrase | None:
    """First noun phrase of the clause before `toks[comma]`: the subject of a participle cue."""
    end = comma
    while end > low:
        begin = next((k + 1 for k in range(end - 1, low - 1, -1) if toks[k].text in ",;("), low)
        for start in range(begin, min(end, begin + 4)):
            if toks[start].text in "“”\"'‘’":
                continue
            phrase = _np_starting_at(toks, start, end)
            if phrase is not None:
                return _NounPhrase(phrase.start, phrase.end)
            if toks[start].lower not in _LEADING_WORDS:
                break
        end = begin - 1
    return None


class ArticleSpeakers:
    """Per-article memory for resolving mentions: parties by salience, people by their appositives."""

    def __init__(self, article: Article, registry: SpeakerRegistry, quoted: list[QuotedSpan]) -> None:
        self.text = article.text
        self.registry = registry
        inside = [(span.start, span.end) for span in quoted]
        mentions = [m for m in registry.mentions(article.text)
                    if not any(start <= m.start < end for start, end in inside)]
        self.mentions = mentions
        self.salient = [m for m in mentions if self._opens_clause(m.start)]
        self.people: dict[str, tuple[str, str | None, int]] = {}

    def _opens_clause(self, position: int) -> bool:
        before = self.text[max(0, position - 40):position]
        words = tokens(before, 0, len(before))
        while words and words[-1].lower in {"the", "a", "an"}:
            words.pop()
        if not words:
            return True
        last = words[-1]
        return last.lower in _CLAUSE_OPENERS or last.text in ".!?\n"

    def note_speaker(self, start: int, end: int, party_id: str | None) -> None:
        """A resolved speaker is the most salient party for the generic references that follow."""
        if party_id is not None:
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

    def resolve(self, phrase: _NounPhrase) -> tuple[str, str | None, float]:
        """Resolved speaker name, party id and how sure the resolution is."""
        text = self.text[phrase.start:phrase.end]
        words = tokens(text, 0, len(text))
        lower = text.lower()
        head = _bare(words[-1].lower) if words else ""
        if lower in {"he", "she"}:
            return self._recent_person(phrase.start, text)
        if lower in {"it", "they", "we"}:
            mention = self._recent(phrase.start, None)
            return self._name(mention, text), (mention.party_id if mention else None), 0.85
        if head in _NO_PARTY_HEADS or "former" in lower.split():
            return text, None, 1.0
        named = self._party_in(phrase.start, phrase.end)
        if named is not None:
            person = self._titled_person(words, named, phrase.start)
            return (person or self._name(named, text)), named.party_id, 1.0
        generic = [m for m in self.registry.mentions(self.text, phrase.start, phrase.end) if m.generic]
        if generic:
            mention = self._recent(phrase.start, generic[-1].kind)
            party_id = mention.party_id if mention else generic[-1].party_id
            return self._name(mention, text, party_id), party_id, 0.9
        if head in _DOCUMENTS:
            return self._document_owner(phrase, words, text)
        person = self._person(phrase, words, text)
        if person is not None:
            return person
        return text, None, 0.9

    def _titled_person(self, words: list[Token], named: Mention, position: int) -> str | None:
        """`FTC Chair Lina Khan` / `Amazon spokesperson Lindsay Ganzer`: remember the person's party."""
        tail = []
        for word in reversed(words):
            if not word.capitalised or word.start < named.end - position or _bare(word.lower) in _ROLE_NOUNS:
                break
            tail.insert(0, _bare(word.text))
        if len(tail) < 2:
            return None
        self.people[tail[-1]] = (" ".join(tail), named.party_id, position)
        return " ".join(tail)

    def _by_role(self, words: list[Token], position: int) -> str | None:
        """A spokesperson speaks for the party just discussed; a commissioner for the agency."""
        roles = {_bare(word.lower) for word in words}
        if roles & _SPOKES:
            mention = self._recent(position, None)
            return mention.party_id if mention else None
        if roles & _AGENCY_TITLES:
            mention = self._recent(position, "agency")
            return mention.party_id if mention else None
        return None

    def _name(self, mention: Mention | None, fallback: str, party_id: str | None = None) -> str:
        party_id = party_id or (mention.party_id if mention else None)
        return self.registry.party(party_id).name if party_id else fallback

    def _recent_person(self, position: int, pronoun: str) -> tuple[str, str | None, float]:
        known = [entry for entry in self.people.values() if entry[2] < position]
        if not known:
            return pronoun, None, 0.5
        name, party_id, _ = max(known, key=lambda entry: entry[2])
        return name, party_id, 0.85

    def _person(self, phrase: _NounPhrase, words: list[Token], text: str) -> tuple[str, str | None, float] | None:
        names = [w for w in words if w.capitalised and w.lower not in _DETERMINERS
                 and _bare(w.lower) not in _ROLE_NOUNS | _AGENCY_TITLES]
        if not names or not words[-1].capitalised or _bare(words[-1].lower) in _ROLE_NOUNS:
            party_id = self._by_role(words, phrase.start)
            return (text, party_id, 0.7) if party_id else None
        surname = _bare(words[-1].text)
        if surname in self.people:
            name, party_id, _ = self.people[surname]
            self.people[surname] = (name, party_id, phrase.start)
            return name, party_id, 0.95
        party_id = self._party_described(*phrase.appositive) if phrase.appositive else None
        if party_id is None:
            party_id = self._by_role(words, phrase.start)
        full = " ".join(_bare(w.text) for w in names[-3:])
        self.people[surname] = (full, party_id, phrase.start)
        return full, party_id, 0.95 if party_id else 0.9

    def learn_people(self, article: Article) -> None:
        """People introduced anywhere by an appositive (`Samuel Levine, director of the FTC’s …,`)
        or a title (`Commissioner Alvaro Bedoya`, `FTC Chair Lina Khan`), for later `Levine said` / `he said`."""
        for match in _APPOSITIVE_PERSON.finditer(article.text):
            described = {_bare(word) for word in match.group(2).lower().split()}
            name = match.group(1)
            if not described & (_ROLE_NOUNS | _AGENCY_TITLES) or name.lower() in _NOT_NAMES \
                    or self._party_in(match.start(1), match.end(1)) is not None:
                continue
            self._meet(name, self._party_described(match.start(2), match.end(2)), match.start())
        for mention in self.mentions:
            possessed = _POSSESSED_PERSON.match(self.text, mention.end)
            if possessed and mention.party_id and not mention.generic:
                self._meet(possessed.group(1), mention.party_id, possessed.start(1))
        for match in _TITLED_PERSON.finditer(article.text):
            title = match.group(1).lower()
            party_id = self._party_described(match.start(1), match.end(1))
            if party_id is None and title.split()[-1] in _AGENCY_TITLES:
                recent = self._recent(match.start(), "agency")
                party_id = recent.party_id if recent else None
            if party_id is not None:
                self._meet(match.group(2), party_id, match.start(2))

    def _meet(self, name: str, party_id: str | None, position: int) -> None:
        surname = name.split()[-1]
        known = self.people.get(surname)
        if known is None or (known[1] is None and party_id is not None):
            self.people[surname] = (name, party_id, position)

    def _document_owner(self, phrase: _NounPhrase, words: list[Token], text: str) -> tuple[str, str | None, float]:
        """A statement, complaint or filing speaks for the party that issued it."""
        if words and words[0].lower in _POSSESSIVE_PRONOUNS:
            mention = self._recent(phrase.start, None)
            return self._name(mention, text), (mention.party_id if mention else None), 0.85
        noun = _bare(words[-1].lower)
        for match in reversed(list(re.finditer(rf"\b{re.escape(noun)}", self.text[:phrase.start], re.I))):
            nearby = [m for m in self.mentions if m.party_id and not m.generic
                      and abs(m.start - match.start()) < 60 and not (m.start <= match.start() < m.end)]
            if nearby:
                owner = min(nearby, key=lambda m: abs(m.start - match.start()))
                return self._name(owner, text), owner.party_id, 0.8
        owner = self._recent(phrase.start, "agency" if noun in _COMPLAINT_NOUNS else None)
        return self._name(owner, text), (owner.party_id if owner else None), 0.6


def is_title(text: str) -> bool:
    """A name of a work or product in quotes (`“Ring Nation”`): every main word capitalised, no sentence end."""
    words = text.rstrip(",").split()
    if not words or len(words) > 8 or text.rstrip(",")[-1:] in ".!?;:":
        return False
    return title_case(words)


def title_case(words: list[str]) -> bool:
    """Every word but the small ones capitalised, as in headlines and names of works."""
    main = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(main) and all(w[:1].isupper() or w[:1].isdigit() for w in main)
