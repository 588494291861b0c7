"""Noun phrases around cue verbs: who is the subject of `said`, who follows `according to`.

There is no parser here (no language model is available offline); a small
tokenizer plus word lists find the phrase a reporter uses to name a speaker:
proper names, `the company`, `a Ring spokesperson`, `Samuel Levine, director of …`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.quotes.cue_verbs import CUE_FORMS, NOT_SPEECH_AFTER, SPEECH_ONLY_BEFORE
from reader.articles.model import Span
from reader.quotes.speaker_words import (DETERMINERS, LEADING_WORDS, MODIFIERS, PART_OF, PRONOUNS, QUOTE_MARKS,
                                  RELATIVE_PRONOUNS, ROLE_NOUNS, SKIP_BEFORE_CUE, TITLE_SMALL)

_TOKEN = re.compile(
    r"(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp|Co|Ltd|St)\.(?=[\s,;])"
    r"|(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s+[A-Z][a-z])|\w[\w&'’.\-]*\w|\w|[^\w\s]")


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
class NounPhrase:
    start: int
    end: int
    appositive: Span | None = None


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


def bare(word: str) -> str:
    """A word without its possessive ending: `FTC’s` → `FTC`."""
    return re.sub(r"['’]s?$", "", word)


def is_cue(toks: list[Token], index: int) -> bool:
    """A cue verb used as a verb: not a noun after a determiner (`the FTC’s claims`) or a number
    (`18 reports of …`), not an infinitive."""
    word = toks[index].lower
    if word not in CUE_FORMS:
        return False
    if index > 0:
        before = toks[index - 1]
        if (before.lower in DETERMINERS and before.lower not in RELATIVE_PRONOUNS) or before.lower == "to" or before.text.endswith(("’s", "'s")):
            return False
        if before.text in "-–" or before.lower in {"so", "well"} or before.text[:1].isdigit():
            return False
    following = toks[index + 1].lower if index + 1 < len(toks) else ""
    verb = CUE_FORMS[word]
    if verb in SPEECH_ONLY_BEFORE:
        return following in SPEECH_ONLY_BEFORE[verb]
    return following not in NOT_SPEECH_AFTER.get(verb, ())


def is_according(toks: list[Token], index: int) -> bool:
    return toks[index].lower == "according" and index + 1 < len(toks) and toks[index + 1].lower == "to"


def _np_word(token: Token) -> bool:
    word = bare(token.lower)
    return (token.capitalised and token.text[:1].isalpha()) or word in ROLE_NOUNS or word in MODIFIERS \
        or ("-" in token.text and token.text[:1].isalpha())


def _trim_leading(toks: list[Token], first: int, last: int) -> int:
    while first < last and toks[first].lower in LEADING_WORDS:
        first += 1
    return first


def np_ending_at(toks: list[Token], index: int, low: int) -> NounPhrase | None:
    """The noun phrase whose last word is `toks[index]`, read backwards."""
    if index < low or toks[index].lower in LEADING_WORDS:
        return None
    if not _np_word(toks[index]):
        return _determined_np(toks, index, low)
    first = index
    cursor = index - 1
    while cursor >= low and index - cursor < 9:
        word = toks[cursor]
        if word.lower in DETERMINERS:
            first = cursor
            if cursor - 2 >= low and toks[cursor - 1].lower == "of" and toks[cursor - 2].lower in PART_OF:
                first = cursor - 2
            break
        if _np_word(word) and not is_cue(toks, cursor):
            first = cursor
        elif word.lower == "of" and cursor - 1 >= low and toks[cursor - 1].lower in PART_OF:
            first = cursor - 1
            cursor -= 1
        elif word.lower in {"for", "of", "at"} and cursor - 1 >= low and _np_word(toks[cursor - 1]):
            first = cursor
        else:
            first = _opener_before(toks, cursor, low, first)
            break
        cursor -= 1
    first = _trim_leading(toks, first, index)
    if toks[first].lower in {"for", "of", "at"}:
        first += 1
    return NounPhrase(toks[first].start, toks[index].end)


def _opener_before(toks: list[Token], cursor: int, low: int, first: int) -> int:
    """`Harbor Foods’s chief safety officer`: plain words before a title belong to it when an owner’s name
    opens them a few words back; else the phrase starts at `first`."""
    for back in range(cursor, max(low, cursor - 3) - 1, -1):
        word = toks[back]
        if word.capitalised and word.text.endswith(("’s", "'s")):
            return back
        if not word.text.isalpha() or not word.text.islower() or word.lower in LEADING_WORDS | DETERMINERS \
                or word.lower in RELATIVE_PRONOUNS or is_cue(toks, back):
            return first
    return first


def _determined_np(toks: list[Token], index: int, low: int) -> NounPhrase | None:
    """`a former Ring engineer`, `an Amazon job posting`: an unlisted common noun, accepted when a
    determiner opens its phrase a few plain words before it."""
    if not toks[index].text.isalpha() or not toks[index].text.islower() or toks[index].lower in DETERMINERS:
        return None
    for cursor in range(index - 1, max(low, index - 5) - 1, -1):
        word = toks[cursor]
        if word.lower in DETERMINERS:
            return NounPhrase(word.start, toks[index].end)
        if not word.text.isalpha() or word.lower in LEADING_WORDS or word.lower in RELATIVE_PRONOUNS \
                or is_cue(toks, cursor):
            return None
    return None


def _title_continues(toks: list[Token], index: int, high: int) -> bool:
    """`FTC consumer protection chief Maria Lopez`: plain words of a title, then its role noun and a name."""
    for cursor in range(index, min(high - 1, index + 3)):
        word = toks[cursor]
        if not word.text.isalpha() or word.capitalised or word.lower in DETERMINERS or is_cue(toks, cursor):
            return False
        if bare(word.lower) in ROLE_NOUNS:
            return toks[cursor + 1].capitalised and toks[cursor + 1].text.isalpha()
    return False


def _unlisted_head(toks: list[Token], index: int, high: int) -> bool:
    """`one former Ring engineer, who…`: a common noun not in the lexicon that ends a determined phrase."""
    if index >= high or not toks[index].text.isalpha() or not toks[index].text.islower():
        return False
    if toks[index].lower in DETERMINERS or is_cue(toks, index):
        return False
    return index + 1 >= high or toks[index + 1].text in ",.;:" or is_cue(toks, index + 1)


def np_starting_at(toks: list[Token], index: int, high: int) -> NounPhrase | None:
    """The noun phrase that begins at `toks[index]`, with an appositive after a comma if any."""
    index = _trim_leading(toks, index, high)
    if index >= high:
        return None
    cursor = index
    if toks[cursor].lower in DETERMINERS:
        cursor += 1
    last = None
    while cursor < high and cursor - index < 9:
        word = toks[cursor]
        if word.lower in PRONOUNS and last is None and cursor == index:
            return NounPhrase(word.start, word.end)
        if (_np_word(word) or _title_continues(toks, cursor, high)) and not is_cue(toks, cursor):
            last = cursor
        elif word.lower in {"for", "of", "at", "from"} and cursor + 1 < high and (
                toks[cursor + 1].capitalised or toks[cursor + 1].lower in DETERMINERS):
            if toks[cursor + 1].lower in DETERMINERS:
                cursor += 1
        else:
            break
        cursor += 1
    if toks[index].lower in DETERMINERS and _unlisted_head(toks, (last if last is not None else index) + 1, high):
        last = (last if last is not None else index) + 1
    if last is None:
        return None
    appositive = None
    if last + 1 < high and toks[last + 1].text == ",":
        stop = next((k for k in range(last + 2, min(high, last + 20)) if toks[k].text in ",.;"), None)
        if stop is not None and stop > last + 2:
            appositive = (toks[last + 2].start, toks[stop - 1].end)
    return NounPhrase(toks[index].start, toks[last].end, appositive)


def subject_of(toks: list[Token], cue: int, low: int) -> NounPhrase | None:
    """The speaker of a cue verb: the subject just before it, past adverbs and an appositive."""
    cursor = cue - 1
    skipped = 0
    while cursor >= low and (toks[cursor].lower in SKIP_BEFORE_CUE or toks[cursor].text in QUOTE_MARKS) \
            and skipped < 4:
        cursor -= 1
        skipped += 1
    if cursor < low:
        return None
    word = toks[cursor]
    if word.lower in PRONOUNS:
        return NounPhrase(word.start, word.end)
    if word.lower in RELATIVE_PRONOUNS:
        antecedent = cursor - 2 if cursor - 1 >= low and toks[cursor - 1].text == "," else cursor - 1
        return np_ending_at(toks, antecedent, low)
    if word.text == ",":
        opening = next((k for k in range(cursor - 1, max(low, cursor - 20) - 1, -1) if toks[k].text == ","), None)
        if opening is not None and opening > low:
            phrase = np_ending_at(toks, _before_parenthesis(toks, opening - 1, low), low)
            if phrase is not None:
                return replace(phrase, appositive=(toks[opening + 1].start, toks[cursor - 1].end))
        return None
    return np_ending_at(toks, _before_parenthesis(toks, cursor, low), low)


def _before_parenthesis(toks: list[Token], index: int, low: int) -> int:
    """`the Danish Food Inspection Board (DFB) said`: the name ends before its bracketed abbreviation."""
    if toks[index].text != ")" or index - 2 < low or toks[index - 2].text != "(":
        return index
    return index - 3


def clause_subject(toks: list[Token], comma: int, low: int) -> NounPhrase | None:
    """First noun phrase of the clause before `toks[comma]`: the subject of a participle cue."""
    end = comma
    while end > low:
        begin = next((k + 1 for k in range(end - 1, low - 1, -1) if toks[k].text in ",;("), low)
        for start in range(begin, min(end, begin + 4)):
            if toks[start].text in "“”\"'‘’":
                continue
            phrase = np_starting_at(toks, start, end)
            if phrase is not None:
                return NounPhrase(phrase.start, phrase.end)
            if toks[start].lower not in LEADING_WORDS:
                break
        end = begin - 1
    return None


def is_title(text: str) -> bool:
    """A name of a work or product in quotes (`“Ring Nation”`): every main word capitalised, no sentence end."""
    words = text.rstrip(",").split()
    if not words or len(words) > 8 or text.rstrip(",")[-1:] in ".!?;:":
        return False
    return title_case(words)


def title_case(words: list[str]) -> bool:
    """Every word but the small ones capitalised, as in headlines and names of works."""
    main = [w for w in words if w.lower() not in TITLE_SMALL]
    return bool(main) and all(w[:1].isupper() or w[:1].isdigit() for w in main)
