"""Quantities as outlets write them, reduced to values a comparison can trust.

Outlets paraphrase words but keep the facts' numbers: `$25 million`, `$25M`, `25 million
dollars` and `$25,000,000` are one amount; `two` and `2` are one count. A qualifier (`more
than`, `nearly`) is part of what an outlet claims, so it is kept beside the value. A number
followed by a word that is neither a magnitude nor ordinary prose (`$25 cardinal` in a
synonym-spun copy) cannot be read with confidence: it is marked unreliable so that it never
produces a discrepancy, only a weak anchor on its digits. Tallies ("voted 7-2") and days
written relative to the article ("Wednesday", "last week", "early June", "Jan. 5" without a
year) are read too; `reader.facts.claims` resolves the latter against the article's date.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from typing import Iterable

from reader.facts.currencies import CODES, CURRENCY_WORDS, symbol, written_currency
from reader.words import word_token

_MAGNITUDES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "crore": 1e7,
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "dozen": 12, "hundred": 100,
}
_MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
# Words that may follow a bare dollar figure in ordinary prose ("$25 for each", "$5 a month").
_PROSE_AFTER_AMOUNT = {
    "a", "an", "and", "or", "for", "in", "to", "of", "per", "each", "from", "on", "at", "by",
    "with", "as", "is", "was", "were", "will", "would", "the", "that", "this", "but", "than",
    "apiece", "plus", "off", "more", "less", "worth", "cash", "total", "fee", "fees",
}
QUALIFIERS = {
    "more than": "more than", "over": "more than", "at least": "at least", "upwards of": "more than",
    "just over": "more than", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "under": "less than", "less than": "less than", "up to": "up to",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about",
    "no more than": "up to", "not more than": "up to", "at most": "up to", "a maximum of": "up to",
    "capped at": "up to", "cannot exceed": "up to", "can't exceed": "up to", "can’t exceed": "up to",
    "may not exceed": "up to", "must not exceed": "up to", "will not exceed": "up to", "won't exceed": "up to",
    "won’t exceed": "up to", "not to exceed": "up to", "not exceeding": "up to",
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MAG = r"thousand|million|billion|trillion|mln|mn|bn|tn|lakh|crore|[kKmMbB]\b"
_QUALIFIER_BEFORE = re.compile(
    r"\b(no more than|not more than|at most|a maximum of|capped at|cannot exceed|can['’]t exceed|may not exceed|"
    r"must not exceed|will not exceed|won['’]t exceed|not to exceed|not exceeding|"
    r"more than|just over|just under|at least|upwards of|close to|less than|up to|an estimated|"
    r"over|nearly|almost|under|about|around|approximately|roughly|some)\s+$", re.IGNORECASE)
# "$", "US$", "A$", "€", "¥", an ISO code before the figure ("USD 520 million", "EUR 345 Mln"), and
# "R" for rand only right before a figure ("R91 billion"; see `_RAND_FIGURE`).
_CURRENCY_BEFORE = (r"(?-i:(?=[$€£¥₹ACEGHIJNRSUZ])(?:[$€£¥₹]|(?<![A-Za-z])(?:US|AU|A|CA|C|NZ|HK|SG|S)\$"
                    r"|\b(?:" + "|".join(CODES) + r")\s?|(?<![\w$.,])R(?=\d)))")
_MONEY = re.compile(
    r"(?P<cur>" + _CURRENCY_BEFORE + r")(?P<num>" + _NUM + r")(?:\s?(?P<mag>" + _MAG + r"))?"
    r"(?:\s+(?P<after>[A-Za-z]+))?", re.IGNORECASE)
_MONEY_CUE = re.compile(r"[$€£¥₹]|R\d|" + "|".join(CODES))
"""A sum's currency written before its figure, looked for first: most sentences have none."""
_RAND_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|.*\D")
"""An "R" figure is a sum in rand when it has a magnitude word or thousands separators ("R9.1bn",
"R1,500"), not a code or a road ("R2", "R101")."""
_MONEY_WORDS = re.compile(
    r"(?<![\w$.,-])(?P<num>" + _NUM + r")\s+(?:(?P<mag>thousand|million|billion|trillion|mln|bn)\s+)?"
    r"(?P<unit>" + "|".join(word.replace(".", r"\.").replace(" ", r"\s+") for word in CURRENCY_WORDS)
    + r"|(?-i:" + "|".join(CODES) + r"))\b", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w$.,-])(?P<num>" + _NUM + r")\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_FULL_DATE = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\b")
_MONTH_YEAR = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?<![\w$.,-])(?P<year>(?:19|20)\d\d)(?![\w%]|,\d|\.\d)")
_COUNT = re.compile(
    r"(?<![\w$.,/-])(?P<num>" + _NUM + r"|" + "|".join(_NUMBER_WORDS) + r")"
    r"(?![\w-]|[.,]\d)(?:\s+(?P<mag>thousand|million|billion))?(?:\s+(?P<unit>[A-Za-z][a-z'’]+))?",
    re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_TALLY = re.compile(
    r"(?:\b(?:voted|votes|vote of|by a|by an|in a|on a|a|an)\s+)(?P<a>\d{1,2})\s?(?:-|–|—|to)\s?(?P<b>\d{1,2})\b"
    r"|\b(?P<c>\d{1,2})\s?(?:-|–|—)\s?(?P<d>\d{1,2})\s+(?:vote|votes|decision|ruling|majority|margin|split)\b",
    re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAME = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MONTH_DAY = re.compile(r"\b(?P<month>" + _MONTH_NAME + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d)")
_PART_OF_MONTH = re.compile(r"\b(?P<part>(?i:early|mid|late|end of|beginning of))[- ]?(?P<month>" + _MONTH_NAME
                            + r")\b(?!\.?\s+\d)")
_PART_CUES = ("early", "mid", "late", "end of", "beginning of")  # searched before the month pattern
# Case-blind patterns also match these letters ("ſ" as "s", "ı" and "İ" as "i"), which `str.lower`
# keeps apart: a sentence holding one is never skipped on a lower-case word test.
_FOLDED_APART = re.compile("[ſıİ]")
_RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|last week|last month|(?:last |on |late |early )?"
                           r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")
_PAIR = re.compile(r"\ba (?P<num>pair)(?P<mag>) of\s+(?P<unit>[A-Za-z][a-z'’]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """One quantity in a sentence: offsets are relative to the sentence's text."""

    kind: str  # money, number, percent, year, date
    value: float | str  # float for amounts and counts, ISO text for years and dates
    qualifier: str  # "" (exact), "more than", "nearly", "about", ...
    unit: str  # currency for money, counted noun for numbers, precision for dates
    start: int
    end: int
    text: str
    reliable: bool = True
    currency: str = ""
    """For money, the ISO code of the currency the writing names ("US$": USD); "" for a bare "$"."""
    converts: bool = False
    """A sum restating the sum right before it in another currency ("$520 million (nearly R91
    billion)", "345 million euros or nearly $367 million"): the same amount, not another one."""

    def display(self) -> str:
        """A canonical rendering, so one amount always reads the same in labels and details."""
        prefix = f"{self.qualifier} " if self.qualifier else ""
        if self.kind == "money" and isinstance(self.value, float):
            return prefix + format_money(self.value, symbol(self.unit, self.currency))
        if self.kind == "percent":
            return f"{prefix}{self.value:g}%"
        if self.kind == "number" and isinstance(self.value, float):
            return prefix + (f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:g}")
        return prefix + str(self.value)

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "value": self.value, "qualifier": self.qualifier, "unit": self.unit,
                "start": self.start, "end": self.end, "text": self.text, "reliable": self.reliable,
                "currency": self.currency, "converts": self.converts}

    @classmethod
    def from_json(cls, data: dict) -> "Quantity":
        return cls(**data)


def format_money(value: float, currency: str = "$") -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{currency}{value / size:g} {word}"
    return f"{currency}{value:,.0f}" if value == int(value) else f"{currency}{value:,.2f}"


def _number(text: str) -> float:
    word = text.lower()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    if word == "pair":
        return 2.0
    if not text[:1].isdigit():  # a number word the case-blind patterns matched through a Unicode
        # case equivalent that lower() keeps apart ("ſix", "fıve"): the same rule names the word
        return float(next(value for name, value in _NUMBER_WORDS.items()
                          if re.fullmatch(re.escape(name), text, re.IGNORECASE)))
    return float(text.replace(",", ""))


# Verbs after which "over" means "hand over", not "more than" ("fork over $5.8 million").
_PHRASAL_OVER = re.compile(r"\b(?:fork|hand|turn|sign|pass|give|pay)(?:s|ed|ing)?\s+$", re.IGNORECASE)


def _qualifier(text: str, start: int) -> tuple[str, int]:
    """The qualifier written just before `start`, and where the qualified quantity begins."""
    match = _QUALIFIER_BEFORE.search(text, max(0, start - 24), start)
    if not match:
        return "", start
    word = match.group(1).lower()
    if word == "over" and _PHRASAL_OVER.search(text, 0, match.start()):
        return "", start
    return QUALIFIERS[word], match.start()


def _magnitude(match: re.Match) -> float:
    word = match.group("mag")
    return _MAGNITUDES[word.lower()] if word else 1.0


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)


def find_quantities(text: str) -> list[Quantity]:
    """Every money amount, percentage, date, year and count in `text`, leftmost first."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    has_digits = _DIGIT.search(text) is not None
    lowered = text.lower()
    folds_alike = text.isascii() or _FOLDED_APART.search(text) is None

    def mentions(words: Iterable[str]) -> bool:
        """Whether a case-blind pattern for one of `words` can match at all."""
        return not folds_alike or any(map(lowered.__contains__, words))

    def add(quantity: Quantity) -> None:
        found.append(quantity)
        taken.append((quantity.start, quantity.end))

    for match in _MONEY.finditer(text) if has_digits and _MONEY_CUE.search(text) else ():
        after = (match.group("after") or "")
        value = _number(match.group("num")) * _magnitude(match)
        if match.group("cur") == "R" and not match.group("mag") and not _RAND_FIGURE.fullmatch(match.group("num")):
            continue
        currency = written_currency(match.group("cur"))
        qualifier, start = _qualifier(text, match.start())
        end = match.end("mag") if match.group("mag") else match.end("num")
        if not match.group("mag") and after and after.lower() not in _PROSE_AFTER_AMOUNT and after.islower():
            add(Quantity("money", value, qualifier, currency.unit, start, match.end("after"),
                         text[start:match.end("after")], reliable=False, currency=currency.code))
            continue
        add(Quantity("money", value, qualifier, currency.unit, start, end, text[start:end], currency=currency.code))
    for match in _MONEY_WORDS.finditer(text) if has_digits else ():
        if _overlaps(taken, match.start(), match.end()):
            continue
        currency = written_currency(match.group("unit"))
        qualifier, start = _qualifier(text, match.start())
        add(Quantity("money", _number(match.group("num")) * _magnitude(match), qualifier, currency.unit,
                     start, match.end(), text[start:match.end()], currency=currency.code))
    for match in _PERCENT.finditer(text) if has_digits else ():
        if not _overlaps(taken, match.start(), match.end()):
            qualifier, start = _qualifier(text, match.start())
            add(Quantity("percent", _number(match.group("num")), qualifier, "%",
                         start, match.end(), text[start:match.end()]))
    for match in _FULL_DATE.finditer(text) if has_digits else ():
        if _overlaps(taken, match.start(), match.end()):
            continue
        month_text = match.group("m1") or match.group("m2") or match.group("m3")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
        day = int(match.group("d1") or match.group("d2") or match.group("d3"))
        year = int(match.group("y1") or match.group("y2") or match.group("y3"))
        try:
            value = dt.date(year, month, day).isoformat() if month else None
        except ValueError:
            value = None
        if value:
            add(Quantity("date", value, "", "day", match.start(), match.end(), match.group(0)))
    for match in _MONTH_YEAR.finditer(text) if has_digits else ():
        month = _MONTHS.get(match.group("month").lower())
        if month and not _overlaps(taken, match.start(), match.end()):
            add(Quantity("date", f"{match.group('year')}-{month:02d}", "", "month",
                         match.start(), match.end(), match.group(0)))
    for match in _TALLY.finditer(text) if has_digits else ():
        first, second = match.group("a") or match.group("c"), match.group("b") or match.group("d")
        start = match.start("a") if match.group("a") else match.start("c")
        end = match.end("b") if match.group("b") else match.end("d")
        if not _overlaps(taken, start, end):
            add(Quantity("tally", f"{int(first)}-{int(second)}", "", "vote", start, end, text[start:end]))
    for match in _MONTH_DAY.finditer(text) if has_digits else ():
        month = _MONTHS.get(match.group("month").lower().rstrip("."))
        day = int(match.group("day"))
        if month and 1 <= day <= 31 and not _overlaps(taken, match.start(), match.end()):
            add(Quantity("day", f"{month:02d}-{day:02d}", "", "month-day", match.start(), match.end(), match.group(0)))
    for match in _PART_OF_MONTH.finditer(text) if any(map(lowered.__contains__, _PART_CUES)) else ():
        month = _MONTHS.get(match.group("month").lower())
        part = {"end of": "late", "beginning of": "early"}.get(match.group("part").lower(), match.group("part").lower())
        if month and not _overlaps(taken, match.start(), match.end()):
            add(Quantity("day", f"{part}:{month:02d}", "", "part-of-month", match.start(), match.end(), match.group(0)))
    for match in _RELATIVE_DAY.finditer(text) if "day" in lowered or "last " in lowered else ():
        if not _overlaps(taken, match.start(), match.end()):
            words = match.group("word").split()
            add(Quantity("day", words[-1].lower() if words[-1].lower() in _WEEKDAYS else " ".join(words).lower(),
                         "", "relative", match.start(), match.end(), match.group(0)))
    for match in _YEAR.finditer(text) if has_digits else ():
        if not _overlaps(taken, match.start(), match.end()):
            add(Quantity("year", match.group("year"), "", "year", match.start(), match.end(), match.group(0)))
    cued = {_COUNT: has_digits or mentions(_NUMBER_WORDS), _PAIR: mentions(("pair",))}
    for pattern in (_COUNT, _PAIR):
        for match in pattern.finditer(text) if cued[pattern] else ():
            end = match.end("mag") if match.group("mag") else match.end("num")
            if _overlaps(taken, match.start("num"), end):
                continue
            unit = word_token(match.group("unit")) if match.group("unit") else ""
            qualifier, start = _qualifier(text, match.start()) if pattern is _COUNT else ("", match.start())
            add(Quantity("number", _number(match.group("num")) * _magnitude(match), qualifier, unit,
                         start, end, text[start:end]))
    found.sort(key=lambda quantity: quantity.start)
    return _with_conversions(text, found)


# What may stand between a sum and its conversion: an opening bracket or "or".
_CONVERSION_GAP = re.compile(r"\s*(?:\(|,?\s+or\s+)\s*")


def _with_conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """The quantities, each sum right after a sum in another currency, in brackets or after "or",
    marked as its conversion."""
    for index in range(1, len(found)):
        source, quantity = found[index - 1], found[index]
        if source.kind == quantity.kind == "money" and source.reliable and quantity.reliable \
                and (source.unit, source.currency) != (quantity.unit, quantity.currency) \
                and _CONVERSION_GAP.fullmatch(text, source.end, quantity.start):
            found[index] = replace(quantity, converts=True)
    return found


def magnitude_bucket(value: float) -> str:
    """A coarse rounding (about 25% wide) so `$30 million` and `$31 million` share an anchor."""
    return f"{math.log10(value):.1f}" if value > 0 else "0"
