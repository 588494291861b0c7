"""Recognise synonym-spun text by its oddities alone, with no original to compare against.

A thesaurus spinner swaps words one for one, so it keeps what it cannot look up (numbers,
names, word order) and breaks grammar: the original word's part of speech survives around
the swapped one ("said successful a statement", "$25 cardinal", "Amazon volition wage").
Two independent signals decide, so neither an odd word choice nor terse prose is enough:
- substitutions from the shipped lexicon (`resources/spin_lexicon.toml`) that sit in the
  grammatical slot of their original, each a span into `Article.text` with the likely original;
- a deficit of the function words real English cannot do without ("in", "on", "as", "or",
  "will"), which spinners replace wholesale;
- improbable word choices, whatever thesaurus made them: a spinner trades common words for
  rare synonyms and uses each once, so rare words (by wordfreq's general English frequencies)
  that occur only once crowd its text, while a writer's rare words are few or are the topic's
  own terms, repeated.
"""
from __future__ import annotations

import math
import re
import tomllib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.articles.model import Article, Span
from resources import resource_path

SENTENCE_OPENERS = ".!?:\"\u201c\u201d'\u2018\n("
APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
"""Marks outlets type for an apostrophe; words are compared with a straight one."""
_MARKED_START = re.compile(rf"(?<![A-Za-z0-9'{APOSTROPHES}.,])[A-Z0-9]")
TOKEN = re.compile(rf"[A-Za-z]+(?:['{APOSTROPHES}][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_STRAIGHTEN = str.maketrans({mark: "'" for mark in APOSTROPHES})

FUNCTION_WORD_RATES = {
    "in": 0.0200, "on": 0.0070, "as": 0.0060, "at": 0.0050, "or": 0.0035, "will": 0.0030,
    "be": 0.0060, "have": 0.0045,
}
"""Share of all words each function word takes in edited English news (rounded corpus
frequencies); together about one word in eighteen. Spinners replace most of them."""

MIN_WORDS_FOR_RATES = 120
"""Below this many words the function-word count is too noisy to mean anything."""

SPUN_THRESHOLD = 0.5
MIN_DISTINCT_FORMS = 3
"""A spun article shows several different swapped words, never one word repeated."""
MIN_PAIR_COUNT = 6
MIN_SPUN_USES = 3
"""The spun share of function words is only read from this many uses, this many of them spun."""

RARE_ZIPF = 3.0
"""Words rarer than this Zipf frequency (about three uses per million words) are improbable choices."""
RARE_WEIGHT = 0.5
"""Weight of one improbable word as evidence: half a lexicon swap in its slot."""
RARE_MIN_WORDS = 8
"""Fewer improbable words than this are a writer's own choices (a botanist's "staminate"), never evidence."""
RARE_SHARE_FROM, RARE_SHARE_SPAN = 0.03, 0.03
"""Share of words that are once-used rare words from which the frequency signal starts, and over
which it grows to certainty; edited news stays under 3%, thesaurus-spun text runs 5-15%."""

SLOTS = frozenset({"anywhere", "before-object", "after-number", "after-subject", "modal", "after-modal",
                   "before-modifier", "never"})
"""Where a lexicon word must sit to count as evidence (see `_in_slot`); "never" only maps it back."""

_NOUN_PHRASE_STARTS = frozenset(
    "a an the this that these those its their his her our my your some any each every all both "
    "several many most more few other recent "
    "no another which whose what one two three four five six seven eight nine ten".split())
_NOT_BEFORE_ADJECTIVE = frozenset(
    "a an the be is was were are been being very most more less so highly not too how as quite "
    "really become became becomes remain remained remains seem seemed seems least".split())
_SUBJECTS = frozenset("i we you they he she it who which that".split())
_MODAL_SLOTS = frozenset(
    "will would can could may might must should shall to not cannot volition tin whitethorn "
    "mightiness indispensable".split())
_NOT_BEFORE_VOLITION = frozenset(
    "own free of by with his her their its my your our a the against without and".split())
_INTENSIFIED = frozenset("much many few well little".split())


@dataclass(frozen=True)
class LexiconEntry:
    original: str
    when: str
    weight: float


@dataclass(frozen=True)
class Substitution:
    """A word (or phrase) a spinner most likely swapped in, and what it replaced."""

    start: int
    end: int
    text: str
    original: str | None
    rule: str
    weight: float

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "original": self.original, "rule": self.rule, "weight": self.weight}


@dataclass(frozen=True)
class SpinReport:
    """Whether an article reads as machine-spun, how strongly, and the spans that say so."""

    article_id: str
    spun: bool
    score: float
    substitutions: tuple[Substitution, ...]
    words: int
    function_word_ratio: float | None
    spun_share: float | None
    rare_word_share: float | None = None

    def substitution_in(self, span: Span) -> Substitution | None:
        """The substitution overlapping `span`, so facts can set aside a spun "$25 cardinal"."""
        for item in self.substitutions:
            if item.start < span[1] and span[0] < item.end:
                return item
        return None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.article_id, "spun": self.spun, "spun_score": self.score,
                "words": self.words, "function_word_ratio": self.function_word_ratio,
                "spun_share": self.spun_share, "rare_word_share": self.rare_word_share,
                "evidence": [item.as_json() for item in self.substitutions]}


class Words:
    """The words of an article's prose as parallel offset lists (cheap enough for 10,000 articles)."""

    __slots__ = ("text", "starts", "ends", "lowers")

    def __init__(self, text: str, regions: list[Span]) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.lowers: list[str] = []
        curly = any(mark in text for mark in APOSTROPHES)
        for region_start, region_end in regions:
            matches = list(TOKEN.finditer(text, region_start, region_end))
            self.starts.extend(map(re.Match.start, matches))
            self.ends.extend(map(re.Match.end, matches))
            chunk = text[region_start:region_end].lower()
            if len(chunk) == region_end - region_start:
                found = TOKEN.findall(chunk)
            else:
                found = [match.group().lower() for match in matches]
            if curly:
                found = [word.translate(_STRAIGHTEN) for word in found]
            self.lowers.extend(found)

    def marked(self) -> list[int]:
        """Indices of the words that start with a capital letter or a digit (names and numbers)."""
        starts = self.starts
        found: list[int] = []
        for match in _MARKED_START.finditer(self.text):
            index = bisect_left(starts, match.start())
            if index < len(starts) and starts[index] == match.start():
                found.append(index)
        return found

    def __len__(self) -> int:
        return len(self.starts)

    def word(self, index: int) -> str:
        return self.text[self.starts[index]:self.ends[index]]

    def capitalised(self, index: int) -> bool:
        return self.text[self.starts[index]].isupper()

    def number(self, index: int) -> bool:
        return self.lowers[index][0].isdigit()

    def sentence_initial(self, index: int) -> bool:
        """First word of a sentence, paragraph or quotation, where a capital letter means nothing."""
        position = self.starts[index] - 1
        while position >= 0 and self.text[position] in " \t\xa0":
            position -= 1
        return position < 0 or self.text[position] in SENTENCE_OPENERS

    def name_like(self, index: int) -> bool:
        """Capitalised inside a sentence: a name, which spinners leave alone."""
        return self.capitalised(index) and not self.sentence_initial(index)

    def neighbour(self, index: int, step: int) -> int | None:
        """The word just before (-1) or after (+1) `index` when only spaces separate them."""
        other = index + step
        if not 0 <= other < len(self.starts):
            return None
        left, right = (other, index) if step < 0 else (index, other)
        gap = self.text[self.ends[left]:self.starts[right]]
        return other if gap.strip() in ("", "$") else None


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, LexiconEntry], dict[str, str]]:
    """The shipped spinner lexicon: single-word substitutions and spun phrases."""
    with open(resource_path("spin_lexicon.toml"), "rb") as handle:
        data = tomllib.load(handle)
    words = {spun: LexiconEntry(entry["original"], entry["when"], float(entry.get("weight", 1.0)))
             for spun, entry in data["substitutions"].items()}
    unknown = sorted({entry.when for entry in words.values()} - SLOTS)
    if unknown:
        raise ValueError(f"spin_lexicon.toml names unknown slots {unknown}; known: {sorted(SLOTS)}")
    return words, dict(data["phrases"])


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, original in sorted(lexicon()[1].items(), key=lambda item: -len(item[0].split())):
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append((words, original))
    return table


@lru_cache(maxsize=1)
def _function_spins() -> dict[str, str]:
    """Spun form -> original for the function words whose rates are watched."""
    return {spun: entry.original for spun, entry in lexicon()[0].items() if entry.original in FUNCTION_WORD_RATES}


def originals() -> dict[str, str]:
    """Spun form -> likely original, for undoing known substitutions before comparing texts."""
    return {spun: entry.original for spun, entry in lexicon()[0].items()}


def content_regions(article: Article) -> list[Span]:
    """The article's text minus its boilerplate, so bylines and ads never count as prose."""
    regions: list[Span] = []
    position = 0
    for item in sorted(article.boilerplate, key=lambda b: b.start):
        if item.start > position:
            regions.append((position, item.start))
        position = max(position, item.end)
    if position < len(article.text):
        regions.append((position, len(article.text)))
    return regions


def _spun_determiner(word: str) -> bool:
    """A spun quantifier ("respective" for "several") starts a noun phrase as well as the real one."""
    entry = lexicon()[0].get(word)
    return entry is not None and entry.original in _NOUN_PHRASE_STARTS


def _in_slot(when: str, words: Words, index: int) -> bool:
    """Whether the word at `index` sits where only its original would make grammatical sense."""
    prev = words.neighbour(index, -1)
    nxt = words.neighbour(index, 1)
    lowers = words.lowers
    if when == "anywhere":
        return not words.name_like(index)
    if when == "before-object":
        if nxt is None or (prev is not None and (lowers[prev] in _NOT_BEFORE_ADJECTIVE
                                                 or lowers[prev].endswith("'s"))):
            return False
        return (lowers[nxt] in _NOUN_PHRASE_STARTS or words.number(nxt) or words.name_like(nxt)
                or _spun_determiner(lowers[nxt]))
    if when == "after-number":
        return prev is not None and words.number(prev)
    if when == "after-subject":
        return prev is not None and lowers[prev] in _SUBJECTS
    if when == "modal":
        return (nxt is not None and not words.capitalised(nxt) and not words.number(nxt)
                and (prev is None or lowers[prev] not in _NOT_BEFORE_VOLITION))
    if when == "after-modal":
        return prev is not None and lowers[prev] in _MODAL_SLOTS
    if when == "before-modifier":
        return nxt is not None and (lowers[nxt].endswith("ly") or lowers[nxt] in _INTENSIFIED)
    return False


def _match_case(original: str, spun: str) -> str:
    return original[0].upper() + original[1:] if spun[:1].isupper() else original


def _phrase_hits(words: Words) -> list[Substitution]:
    """Spun phrases, matched word by word so only phrases whose first word occurs cost anything."""
    by_first = _phrases_by_first_word()
    lowers = words.lowers
    hits: list[Substitution] = []
    for index in [index for index, word in enumerate(lowers) if word in by_first]:
        for phrase, original in by_first[lowers[index]]:
            last = index + len(phrase) - 1
            if tuple(lowers[index:last + 1]) == phrase and all(
                    words.neighbour(position, 1) is not None for position in range(index, last)):
                text = words.text[words.starts[index]:words.ends[last]]
                hits.append(Substitution(words.starts[index], words.ends[last], text,
                                         _match_case(original, text), "spun phrase", 1.0))
                break
    return hits


def function_word_ratio(counts: Counter[str], word_count: int) -> float | None:
    """Observed over expected count of common function words; about 1 in real English."""
    if word_count < MIN_WORDS_FOR_RATES:
        return None
    observed = sum(counts[word] for word in FUNCTION_WORD_RATES)
    return round(observed / (word_count * sum(FUNCTION_WORD_RATES.values())), 3)


def spun_share(words: Words, counts: Counter[str]) -> float | None:
    """Share of the uses of spinner-swapped function words that appear in their spun form.

    Real prose writes "in" dozens of times for each "successful"; a spun copy the other way
    round. Pooled over the function words whose spun form occurs at all, and only when there
    are enough uses (MIN_PAIR_COUNT, MIN_SPUN_USES of them spun) to mean something.
    """
    spun_counts: dict[str, int] = {}
    for spun_form, original in _function_spins().items():
        if counts[spun_form]:
            uses = sum(1 for index, word in enumerate(words.lowers)
                       if word == spun_form and not words.name_like(index))
            spun_counts[original] = spun_counts.get(original, 0) + uses
    spun = sum(spun_counts.values())
    total = spun + sum(counts[original] for original in spun_counts)
    if spun < MIN_SPUN_USES or total < MIN_PAIR_COUNT:
        return None
    return round(spun / total, 3)


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """General English word frequencies (wordfreq's, shipped in its package). Imported here, not
    with the module: wordfreq and what it imports take about half a second, which the window's
    start-up must not pay for."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="large")


def frequency(word: str) -> float:
    """How often `word` (lowercase) occurs in general English, as a share of all words (0 if unknown)."""
    return _frequencies().get(word, 0.0)


def improbable_words(words: Words, counts: Counter[str]) -> list[Substitution]:
    """Once-used lowercase words rarer than RARE_ZIPF in general English (names, numbers and
    words wordfreq does not know are left out: a spinner picks dictionary words)."""
    frequencies = _frequencies()
    limit = 10 ** (RARE_ZIPF - 9)
    found: list[Substitution] = []
    for index, word in enumerate(words.lowers):
        if counts[word] != 1 or word[0].isdigit():
            continue
        frequency = frequencies.get(word, 0.0)
        if 0.0 < frequency < limit and not words.capitalised(index):
            found.append(Substitution(words.starts[index], words.ends[index], words.word(index), None,
                                      "improbable word", RARE_WEIGHT))
    return found


def _score(weighted: float, count: int, ratio: float | None, share: float | None, rare: float | None) -> float:
    """Evidence density (weighted substitutions per 100 words) blended with the frequency signals."""
    density = 100.0 * weighted / max(count, 150)
    hits_part = 1.0 - math.exp(-density / 1.5)
    deficit = 0.0 if ratio is None else (0.75 - ratio) / 0.5
    takeover = 0.0 if share is None else (share - 0.3) / 0.4
    rarity = 0.0 if rare is None else (rare - RARE_SHARE_FROM) / RARE_SHARE_SPAN
    frequency_part = min(1.0, max(0.0, deficit, takeover, rarity))
    return round(0.6 * hits_part + 0.4 * frequency_part, 3)


def find_substitutions(words: Words) -> list[Substitution]:
    """Lexicon substitutions in context (weighted) and, with weight 0, the bare lexicon words."""
    entries = lexicon()[0]
    found = _phrase_hits(words)
    covered = [(item.start, item.end) for item in found]
    for index in [index for index, word in enumerate(words.lowers) if word in entries]:
        entry = entries[words.lowers[index]]
        if words.name_like(index):
            continue
        start = words.starts[index]
        if any(left <= start < right for left, right in covered):
            continue
        word = words.word(index)
        in_slot = _in_slot(entry.when, words, index)
        found.append(Substitution(start, words.ends[index], word, _match_case(entry.original, word),
                                  f"{entry.when} slot" if in_slot else "spinner lexicon",
                                  entry.weight if in_slot else 0.0))
    return sorted(found, key=lambda item: item.start)


def article_words(article: Article) -> tuple[list[Span], Words]:
    regions = content_regions(article)
    return regions, Words(article.text, regions)


def spin_report(article: Article, prepared: tuple[list[Span], Words] | None = None) -> SpinReport:
    """Judge one article on its own: is it spun, how sure, and which words were swapped.

    `prepared` is `article_words(article)` when the caller already has it (reuse shares it).
    """
    words = (prepared or article_words(article))[1]
    counts = Counter(words.lowers)
    candidates = find_substitutions(words)
    taken = {item.start for item in candidates}
    improbable = [item for item in improbable_words(words, counts) if item.start not in taken]
    if len(improbable) < RARE_MIN_WORDS:
        improbable = []
    candidates = sorted(candidates + improbable, key=lambda item: item.start)
    evidence = [item for item in candidates if item.weight > 0]
    count = len(words) - sum(number for word, number in counts.items() if word[0].isdigit())
    ratio = function_word_ratio(counts, count)
    share = spun_share(words, counts)
    rare = round(len(improbable) / count, 3) if count >= MIN_WORDS_FOR_RATES else None
    score = _score(sum(item.weight for item in evidence), count, ratio, share, rare)
    distinct = {item.text.lower() for item in evidence}
    spun = score >= SPUN_THRESHOLD and len(distinct) >= MIN_DISTINCT_FORMS
    return SpinReport(article.id, spun, score, tuple(candidates if spun else evidence), count, ratio, share, rare)
