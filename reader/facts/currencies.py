"""Currencies as outlets write them: the symbol a sum is shown with, and the ISO code its rate is kept under.

Every dollar is read with the unit "$", so sums in one story's dollars are compared as they were
written; the code says which dollar when the writing names it ("US$", "A$", "USD 5 million",
"5 million Canadian dollars"). A bare "$" names no country: it may be any dollar the exchange
rates know. A bare "¥" is yen or yuan.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    """How a sum is shown (`unit`) and which currency it is (`code`, "" when the writing leaves it open)."""

    unit: str
    code: str


DOLLARS = ("USD", "AUD", "CAD", "NZD", "HKD", "SGD")
"""The dollars the ECB's reference rates cover: what a bare "$" may be."""
_OPEN_UNITS = {"$": DOLLARS, "¥": ("JPY", "CNY")}
_DOLLAR_SYMBOLS = {"USD": "US$", "AUD": "A$", "CAD": "C$", "NZD": "NZ$", "HKD": "HK$", "SGD": "S$"}

_WRITTEN = {
    "$": Currency("$", ""), "US$": Currency("$", "USD"), "A$": Currency("$", "AUD"), "AU$": Currency("$", "AUD"),
    "C$": Currency("$", "CAD"), "CA$": Currency("$", "CAD"), "NZ$": Currency("$", "NZD"),
    "HK$": Currency("$", "HKD"), "S$": Currency("$", "SGD"), "SG$": Currency("$", "SGD"),
    "€": Currency("€", "EUR"), "£": Currency("£", "GBP"), "¥": Currency("¥", ""), "₹": Currency("₹", "INR"),
    "R": Currency("R", "ZAR"),
    "USD": Currency("$", "USD"), "AUD": Currency("$", "AUD"), "CAD": Currency("$", "CAD"),
    "NZD": Currency("$", "NZD"), "HKD": Currency("$", "HKD"), "SGD": Currency("$", "SGD"),
    "EUR": Currency("€", "EUR"), "GBP": Currency("£", "GBP"), "ZAR": Currency("R", "ZAR"),
    "JPY": Currency("¥", "JPY"), "CNY": Currency("¥", "CNY"), "RMB": Currency("¥", "CNY"),
    "INR": Currency("₹", "INR"), "CHF": Currency("CHF", "CHF"),
    "dollars": Currency("$", ""), "us dollars": Currency("$", "USD"), "u.s. dollars": Currency("$", "USD"),
    "australian dollars": Currency("$", "AUD"), "canadian dollars": Currency("$", "CAD"),
    "new zealand dollars": Currency("$", "NZD"), "hong kong dollars": Currency("$", "HKD"),
    "singapore dollars": Currency("$", "SGD"), "euros": Currency("€", "EUR"), "euro": Currency("€", "EUR"),
    "pounds": Currency("£", "GBP"), "rand": Currency("R", "ZAR"), "yen": Currency("¥", "JPY"),
    "yuan": Currency("¥", "CNY"), "rupees": Currency("₹", "INR"), "swiss francs": Currency("CHF", "CHF"),
}
CODES = ("USD", "AUD", "CAD", "NZD", "HKD", "SGD", "EUR", "GBP", "ZAR", "JPY", "CNY", "RMB", "INR", "CHF")
"""ISO codes read before or after a figure ("USD 520 million", "345 million EUR")."""
CURRENCY_WORDS = ("us dollars", "u.s. dollars", "australian dollars", "canadian dollars", "new zealand dollars",
                  "hong kong dollars", "singapore dollars", "swiss francs", "dollars", "euros", "euro", "pounds",
                  "rand", "yen", "yuan", "rupees")
"""Currencies named in words after a figure ("520 million euros"), longest first."""


def written_currency(written: str) -> Currency:
    """The currency a written symbol, code or word names ("US$", "EUR", "US dollars")."""
    key = " ".join(written.split())
    return _WRITTEN.get(key) or _WRITTEN[key.lower()]


def candidate_codes(unit: str, code: str) -> tuple[str, ...]:
    """The currencies a sum may be in: the one its writing names, or every one its symbol may stand for."""
    return (code,) if code else _OPEN_UNITS.get(unit, ())


def symbol(unit: str, code: str) -> str:
    """The symbol a sum is shown with: which dollar when the writing said so ("US$")."""
    shown = _DOLLAR_SYMBOLS.get(code, unit) if unit == "$" else unit
    return f"{shown} " if len(shown) > 1 and shown.isalpha() else shown
