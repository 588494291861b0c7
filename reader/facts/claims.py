"""Claims: what a sentence asserts about a quantity, as the interval of values its wording allows.

"$30 million" does not claim the number 30,000,000: it claims a sum that rounds to it, and
"more than $30 million", "nearly $31 million", "up to $700 million" each claim a different
stretch of values. Two outlets contradict each other only when those stretches do not meet.
Each claim carries two intervals: `strict`, what the figure and its hedge assert read
literally at the precision written, and `loose`, what they still allow if the outlet rounded
coarsely or hedged loosely. Dates are intervals of days: a year, a month, "early June", a
weekday resolved against the article's own date. Tallies ("7-2") are exact.
The words around the figure say what is measured and whose it is, so that a fact's claims are
compared with the claims of other outlets about the same thing, not with any number nearby.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass, replace

from reader.facts.currencies import candidate_codes
from reader.facts.quantities import Quantity
from reader.words import content_token

# How loosely an outlet may hedge or round before two claims no longer describe one value.
LOOSE_SHARE = {"about": 0.1, "nearly": 0.1, "more than": 0.2, "less than": 0.1, "": 0.0}
ROUNDING_SHARE = 0.05  # how far a round figure may be from the value it rounds or cuts ("$30 million" for $30.8 million)
STRICT_SHARE = 0.25  # the most a bare or "about" figure claims either side of itself read literally ("$1 million" is not $0.5 million)
CONTEXT_WORDS = 6  # words either side of a figure that say what it measures
COUNTED_WORDS = 3  # words after a count that name what is counted ("40 new drivers")
PEOPLE = "people"
_PEOPLE_WORDS = frozenset({"peopl", "person", "individual", "resident", "user", "subscriber", "citizen", "american",
                           "briton", "australian", "canadian", "european"})
"""Tokens of words that count people as such (customers and consumers fold into `user`): a
breach story's "147 million consumers", "148 million people" and "143 million Americans"."""
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"\S+")
_PUNCTUATION = ".,;:!?\"'“”‘’()"
_PROSE_WORD = re.compile(r"[a-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
_DATE_KINDS = {"year", "date", "day"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(frozen=True)
class Interval:
    """Values from `low` to `high`; two intervals meet when they share more than an endpoint."""

    low: float
    high: float

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high

    def meets(self, other: "Interval") -> bool:
        if self.low == self.high or other.low == other.high:
            return max(self.low, other.low) <= min(self.high, other.high)
        return max(self.low, other.low) < min(self.high, other.high)


@dataclass(frozen=True)
class Claim:
    """One figure a sentence states: what kind, what it measures, and the values it allows.
    Offsets are the article's; `measure` is "money", "money per unit", "count", "percent",
    "tally", "date", "presence" (a count in words) or "period" (the years a sum is for)."""

    measure: str
    quantity: Quantity
    strict: Interval
    loose: Interval
    context: frozenset[str]
    """Content words around the figure (names left out): what it measures."""
    counted: str
    """For a count, the first content word after it: what is counted ("40 new drivers": driver);
    people however named ("people", "Americans", "customers") are one thing counted."""
    whose: str
    """The nearest name before the figure ("Ring will pay $5.8 million": ring)."""
    granularity: str
    """For a date: "year" (a year or a month) or "day" (a day, a weekday, part of a month)."""
    baseline: bool
    """Given as a comparison ("surpassing the previous record of €746 million", "up from
    $2 million"): another quantity than the one the sentence reports."""
    start: int
    end: int
    period: "Claim | None" = None
    """For a sum stated for whole years ("$150 million in 2023", "during 2022 and 2023"): the
    span, a claim of measure "period" whose value is its first and last year."""
    conversion: "Conversion | None" = None
    """For a sum restated in another currency right after the sum it converts: what it converts."""

    @property
    def text(self) -> str:
        return self.quantity.text


@dataclass(frozen=True)
class Conversion:
    """A sum restated in another currency ("US$520 million (A$776 million)", "345 million euros
    or nearly $367 million"): the same amount, so it is checked against the sum it converts at
    the rates of the days before the article's date, not against other outlets' figures."""

    source: Claim
    published: dt.date | None
    codes: tuple[str, ...]
    """The currencies the restated sum may be in; none for a bare "$" after a named dollar
    ("US$520 million ($776 million)"): some other, local dollar, never compared."""


def read_claims(text: str, quantities: list[Quantity], offset: int = 0,
                published: dt.date | None = None) -> list[Claim]:
    """The claims of one sentence `text` (which starts at `offset` in its article) from its
    quantities; relative dates need the article's `published` date and are dropped without it."""
    claims: list[Claim] = []
    dateline = _DATELINE.match(text)
    for index, quantity in enumerate(quantities):
        if dateline and quantity.start < dateline.end():
            continue
        if not quantity.reliable or quantity.kind == "number" and _IDENTIFIER.search(text, 0, quantity.start):
            continue
        intervals = _intervals(quantity, published)
        if intervals is None:
            continue
        context, counted, whose = _surroundings(text, quantity, quantities)
        granularity = "" if quantity.kind not in _DATE_KINDS else \
            "year" if quantity.kind == "year" or quantity.unit == "month" else "day"
        baseline = _BASELINE.search(text, max(0, quantity.start - 40), quantity.start) is not None
        measure = _MEASURE[quantity.kind]
        if measure == "money" and _PER_UNIT.match(text, quantity.end):
            measure = "money per unit"
        claim = Claim(measure, quantity, intervals[0], intervals[1], context, counted,
                      whose, granularity, baseline, quantity.start + offset, quantity.end + offset)
        source = claims[-1] if quantity.converts and claims and claims[-1].quantity is quantities[index - 1] else None
        if source is not None:
            codes = _converted_codes(source.quantity, quantity)
            claim = replace(claim, conversion=Conversion(source, published, codes))
        elif measure == "money" and not baseline:
            claim = _with_period(claim, text, quantities, offset)
        claims.append(claim)
    return claims


def _converted_codes(source: Quantity, conversion: Quantity) -> tuple[str, ...]:
    """The currencies a conversion may be in: a bare "$" after a named dollar is some other,
    local dollar ("US$520 million ($776 million)"), which no rate can be looked up for."""
    if source.unit == conversion.unit == "$" and not conversion.currency:
        return ()
    return candidate_codes(conversion.unit, conversion.currency)


# A counted thing said to be absent ("no injuries were reported", "nor any reports of
# injuries", "no one was hurt") or present without a figure ("some minor injuries", "several
# injured"). The noun must end its phrase: "no concerning findings" denies only findings of one
# kind, "no one was seriously hurt" only serious harm, and say nothing of all of them.
_PHRASE_END = r"(?=\s*(?:[.,;:!?)\u201d\"]|$|(?:were|was|have|has|had|is|are|or|and|but|in|on|at|among|from|after|during|reported)\b))"
_ABSENT = re.compile(r"\b(?:[Nn]o one|[Nn]obody|[Nn]o-one)\s+(?:was|were|has been|had been)\s+(?P<harmed>hurt|injured|killed)\b"
                     r"|\b(?:[Nn]o|[Nn]or any|not any|without any)\s+(?:reports?\s+of\s+)?(?P<noun>[a-z]+)\b" + _PHRASE_END)
_PRESENT = re.compile(r"\b(?:[Ss]everal|[Ss]ome|[Mm]ultiple|[Aa] few|[Nn]umerous|[Mm]any)\s+(?:(?P<modifier>[a-z]+)\s+)?"
                      r"(?P<noun>[a-z]+)\b" + _PHRASE_END)
_SPANS_OF_TIME = frozenset({"second", "minut", "hour", "day", "days", "week", "month", "year", "decad", "time", "occas"})
"""Tokens of spans and repetitions ("a few days", "several times"): when, not what is counted."""
_PLURAL = re.compile(r"[^isu]s$")
"""Things counted are named in the plural: "no company is above the law" or "no evidence" is no count."""
_HARMED = {"hurt": "injury", "injured": "injury", "killed": "death"}
"""People harmed counted as the harm ("no one was hurt" counts injuries, as "no injuries" does)."""
PRESENCE = "presence"
"""The measure of a count stated in words, not a figure ("no injuries": 0, "some injuries": at
least 1); compared only with other such counts, so a figure's pairing is left as it was."""


_PRESENCE_CUES = (" no ", " nor any ", " not any ", " without any ", " nobody ", " no-one ", " several ", " some ",
                  " multiple ", " a few ", " numerous ", " many ")
"""Words one of the patterns above needs, looked for as plain text first (spacing other than one
space folded, as the patterns read any spacing): most sentences have none."""


def read_presence(text: str, offset: int = 0) -> list[Claim]:
    """Counts a sentence states in words: what it says is absent (0) or present (at least 1)."""
    plain = " ".join(text.split()) if "  " in text or not text.isprintable() else text
    lowered = f" {plain.lower()} "
    if not any(cue in lowered for cue in _PRESENCE_CUES):
        return []
    claims = []
    for pattern, present in ((_ABSENT, False), (_PRESENT, True)):
        for match in pattern.finditer(text):
            word = (match.group("noun") or match.group("harmed") or "").lower()
            if word not in _HARMED and not _PLURAL.search(word):
                continue
            counted = _HARMED.get(word) or content_token(word)
            modifier = match.groupdict().get("modifier")
            if counted is None or len(counted) < 3 or _people(counted) == PEOPLE or counted in _SPANS_OF_TIME \
                    or modifier and (content_token(modifier) is None or _people(content_token(modifier)) == PEOPLE):
                continue
            span = match.group(0).rstrip()
            quantity = Quantity("number", 1.0 if present else 0.0, "at least" if present else "", PRESENCE,
                                match.start(), match.start() + len(span), span)
            interval = Interval(1.0, math.inf) if present else Interval(0.0, 0.0)
            context, _, whose = _surroundings(text, quantity, [quantity])
            claims.append(Claim(PRESENCE, quantity, interval, interval, context, counted, whose, "", False,
                                quantity.start + offset, quantity.end + offset))
    return claims


# "in 2023", "during 2022 and 2023", "from 2022 to 2023": whole years a sum is stated for; not
# one coordinated with words left unread ("next year and in 2023", "in 2023 and beyond").
_PERIOD = re.compile(
    r"(?<!\band )(?<!\bor )\b(?:in|during|over|across|between|from)\s+(?P<first>(?:19|20)\d\d)"
    r"(?:\s*(?:and|to|through|-|–|—)\s*(?P<last>(?:19|20)\d\d))?"
    r"(?!\d|\s*(?:,\s*(?:19|20)\d\d|and\b|or\b|[-–—]\s*\d))")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|which)\b")


def _with_period(claim: Claim, text: str, quantities: list[Quantity], offset: int) -> Claim:
    """The sum given the whole years the sentence states it for: the first year span after it
    in its clause, before any other sum."""
    quantity = claim.quantity
    following = [other.start for other in quantities if other.kind == "money" and other.start > quantity.start]
    limit = min(following, default=len(text))
    clause_break = _CLAUSE_BREAK.search(text, quantity.end, limit)
    match = _PERIOD.search(text, quantity.end, clause_break.start() if clause_break else limit)
    if match is None:
        return claim
    first = int(match.group("first"))
    last = int(match.group("last") or first)
    if last < first:
        return claim
    start, end = match.start("first"), match.end("last" if match.group("last") else "first")
    value = f"{first}-{last}" if last > first else str(first)
    span = Quantity("year", value, "", "period", start, end, text[start:end])
    point = Interval(first * 10000.0 + last, first * 10000.0 + last)
    period = Claim("period", span, point, point, claim.context, "", claim.whose, "year", False,
                   start + offset, end + offset)
    return replace(claim, period=period)


# "SAN FRANCISCO, Jan. 7:", "July 24 (UPI) —", "WASHINGTON (Reuters) –": where and when the
# story was filed, not a date it reports.
_DATELINE = re.compile(
    r"\W*(?:[A-Z][A-Z.'’ ]{2,}|[A-Z][a-z]{2,8}\.? \d{1,2})(?:, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|[A-Z][A-Za-z.]+))?"
    r"\s*(?:\([^)]{1,30}\))?\s*[:—–-]\s")
# "$5 per customer", "$5 a month", "$5-10 each": a rate, not a sum paid once.
_PER_UNIT = re.compile(r"(?:-\d+)?\s+(?:per|a|an|each|apiece)\b", re.IGNORECASE)
_BASELINE = re.compile(
    r"\b(?:previous|prior|former|earlier|old|topping|tops|topped|surpass\w*|exceed\w*|eclips\w*|beat\w*|"
    r"up from|down from|compared (?:with|to)|than)\b(?:\s+\S+){0,3}\s+$", re.IGNORECASE)
# A number right after a name inside a sentence names a model, a flight or a section
# ("Boeing 737", "Flight 1282", "Article 46"): it counts nothing.
_IDENTIFIER = re.compile(r"(?<=\S)\s+[A-Z][\w-]*\s+$")


_MEASURE = {"money": "money", "number": "count", "percent": "percent", "tally": "tally",
            "year": "date", "date": "date", "day": "date"}


def _intervals(quantity: Quantity, published: dt.date | None) -> tuple[Interval, Interval] | None:
    if quantity.kind in _DATE_KINDS:
        days = _days(quantity, published)
        if days is None:
            return None
        first, last = days
        strict = Interval(float(first.toordinal()), float(last.toordinal() + 1))
        return strict, strict
    if quantity.kind == "tally":
        first, second = (int(part) for part in str(quantity.value).split("-"))
        point = Interval(first * 1000.0 + second, first * 1000.0 + second)
        return point, point
    return _value_intervals(quantity)


def _precision(quantity: Quantity) -> tuple[float, float]:
    """The unit of the figure's last written digit, and of its last non-zero digit (what a
    rounded figure is rounded to), in the quantity's own units."""
    value = float(quantity.value)
    numeral = _NUMERAL.search(quantity.text)
    if numeral is None or value == 0:
        return 1.0, 1.0
    digits = numeral.group(0).replace(",", "")
    scale = value / float(digits) if float(digits) else 1.0
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
        return unit * scale, unit * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    return scale, (10.0 ** zeros) * scale


def _value_intervals(quantity: Quantity) -> tuple[Interval, Interval]:
    """Strict: a bare figure covers half its last written digit either side (a count written
    without a magnitude word from 1,000 up, `55,000`, its last non-zero digit: it was
    rounded). "Nearly" and "about" round to the figure ("nearly $31 million" is what rounds up
    to 31: half its last non-zero digit below it), "more than" cuts down to it ("more than $5
    million" for $5.8 million: up to one unit of that digit above it). Loose: the bare figure rounded at its last non-zero digit (small counts
    are exact), a hedge widened by its `LOOSE_SHARE`."""
    value = float(quantity.value)
    written, rounded = _precision(quantity)
    small_count = quantity.kind == "number" and value < 1000
    if quantity.kind == "number" and value >= 1000 and scale_free(quantity):
        written = rounded
    hedge = quantity.qualifier
    share = LOOSE_SHARE.get(hedge, 0.0) * value
    if hedge in ("", "about"):
        half = (rounded if hedge == "about" else written) / 2
        if not small_count:
            half = min(half, STRICT_SHARE * value)
        strict = Interval(value - half, value + half)
        if small_count:
            return strict, Interval(value - max(half, share), value + max(half, share))
        rounding = min(rounded, ROUNDING_SHARE * value)
        wide = max(half, share, rounding / 2)
        return strict, Interval(value - wide, value + max(wide, rounding))
    if hedge == "more than":
        return Interval(value, value + rounded), Interval(value, value + max(rounded, share))
    if hedge == "at least":
        return Interval(value, math.inf), Interval(value, math.inf)
    if hedge == "nearly":
        return Interval(value - rounded / 2, value), Interval(value - max(rounded / 2, share), value)
    if hedge == "up to":
        return Interval(0.0, value), Interval(0.0, value)
    return Interval(0.0, value), Interval(0.0, value + share)  # less than


def scale_free(quantity: Quantity) -> bool:
    """Whether the figure is written out in digits alone (`55,000`), not with a magnitude word."""
    numeral = _NUMERAL.search(quantity.text)
    return numeral is not None and float(numeral.group(0).replace(",", "")) == float(quantity.value)


def _days(quantity: Quantity, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date claim allows."""
    value = str(quantity.value)
    if quantity.kind == "year":
        year = int(value)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if quantity.kind == "date" and quantity.unit == "month":
        year, month = (int(part) for part in value.split("-"))
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if quantity.kind == "date":
        day = dt.date.fromisoformat(value)
        return day, day
    if published is None:
        return None
    if quantity.unit == "month-day":
        month, day = (int(part) for part in value.split("-"))
        return _in_year_before(published, month, day)
    if quantity.unit == "part-of-month":
        part, month_text = value.split(":")
        month = int(month_text)
        year = published.year if month <= published.month else published.year - 1
        first, last = _PARTS[part]
        last = min(last, calendar.monthrange(year, month)[1])
        return dt.date(year, month, first), dt.date(year, month, last)
    return _relative(value, published)


def _in_year_before(published: dt.date, month: int, day: int) -> tuple[dt.date, dt.date] | None:
    """A month and day without a year: the latest such day up to a month after publication
    (news also announces the days ahead)."""
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate <= published + dt.timedelta(days=31):
            return candidate, candidate
    return None


def _relative(value: str, published: dt.date) -> tuple[dt.date, dt.date] | None:
    """A day named relative to publication: the weekday is the latest one on or before it."""
    if value == "today":
        return published, published
    if value == "yesterday":
        day = published - dt.timedelta(days=1)
        return day, day
    if value == "last week":
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday, monday + dt.timedelta(days=6)
    if value == "last month":
        last = published.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    if value in _WEEKDAYS:
        day = published - dt.timedelta(days=(published.weekday() - _WEEKDAYS.index(value)) % 7)
        return day, day
    return None


def _surroundings(text: str, quantity: Quantity, quantities: list[Quantity]) -> tuple[frozenset[str], str, str]:
    """The content words near the figure (what it measures), what a count counts (the first
    content word after it, or people however named right after it: "143 million Americans")
    and the nearest name before it (whose it is)."""
    masked = list(text)
    for other in quantities:
        masked[other.start:other.end] = " " * (other.end - other.start)
    plain = "".join(masked)
    before = [word.group(0) for word in _WORD.finditer(plain[:quantity.start])][-CONTEXT_WORDS:]
    after = [word.group(0) for word in _WORD.finditer(plain[quantity.end:])]
    context = frozenset(_prose_words(before + after[:CONTEXT_WORDS]))
    counted = ""
    if quantity.kind == "number":
        following = _prose_words(after[:COUNTED_WORDS])
        first = content_token(after[0].strip(_PUNCTUATION)) if after else None
        counted = PEOPLE if first is not None and _people(first) == PEOPLE else \
            _people(following[0]) if following else ""
    names = [token for token in (content_token(word.strip(_PUNCTUATION)) for word in before if word[:1].isupper())
             if token]
    return context, counted, names[-1] if names else ""


def _people(token: str) -> str:
    return PEOPLE if token in _PEOPLE_WORDS else token


def _prose_words(words: list[str]) -> list[str]:
    """Content words written in lower case: what is measured, not who (names say whose)."""
    tokens = (content_token(word) for word in _PROSE_WORD.findall(" ".join(word for word in words if word[:1].islower())))
    return [token for token in tokens if token is not None and len(token) > 1]
