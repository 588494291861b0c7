"""The header lines of a plain-text or Markdown article: metadata, not sentences.

Copied articles usually keep their byline ("By Clare Duffy and Brian Fung, CNN"), a "Published …"
or "Updated …" line, a bare date line, the source address, and a dateline opening the first
paragraph ("WASHINGTON (AP) —", "RIVERTON —"). They are marked, kept in the text, and their values
become the article's byline, date and URL. Only the lines above the first real paragraph count.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from reader.articles.dates import starts_with_date, written_date
from reader.articles.model import Boilerplate

_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<names>[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,12})$")
_STAMP = re.compile(r"^(?P<kind>published|updated|posted|last updated|first published)\b(?:\s+on|\s+at)?\s*:?\s*(?P<rest>.+)$", re.I)
_ADDRESS = re.compile(r"^(?:(?:source|url|link|originally published at|read online)\s*:?\s*)?<?(?P<url>https?://[^\s>]+)>?$", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?)"
    r"(?:\s+\((?P<agency>[A-Za-z][A-Za-z .]{1,24})\))?\s*(?:—|–|--|-)\s+(?=\S)"
)
_SETTINGS = {
    "header_lines": 12,  # how many leading non-blank lines may hold byline, date and address
    "header_line_chars": 160,  # a longer line is a paragraph, which ends the header
    "date_line_words": 9,  # a bare date line ("Feb. 7, 2024", "March 7, 2019 Thursday 10:35 PM") is this short
    "outlet_name_words": 6,  # a site's name in a byline, dateline, title or copyright line is at most this long
}
_NAME_PARTS = re.compile(r"[,;:|()\[\]/—–©]+|\s[-·•]\s")
"""What separates a site's name from the rest: "By A and B, CNN", "(AP)", "Title | CNN", "© 2024 X"."""
_GENERIC_NAMES = frozenset({"article", "articles", "story", "page", "text", "untitled", "document", "index", "copy",
                            "news", "corpus", "sample", "download", "downloads", "export", "test", "tmp", "temp"})


@dataclass
class Header:
    """What the header lines of an article say, and where they are."""

    marked: list[Boilerplate] = field(default_factory=list)
    byline: str | None = None
    date: dt.date | None = None
    url: str | None = None
    dateline: str | None = None


def read_header(text: str) -> Header:
    header = Header()
    offset = 0
    seen = 0
    for line in text.split("\n"):
        stripped = line.strip()
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if not stripped:
            continue
        seen += 1
        if seen > _SETTINGS["header_lines"]:
            break
        kind = _header_kind(stripped, header)
        if kind:
            header.marked.append(Boilerplate(start, start + len(stripped), kind))
        elif len(stripped) > _SETTINGS["header_line_chars"] or stripped[-1] in ".!?\"”":
            _read_dateline(stripped, start, header)
            break
    return header


def _header_kind(line: str, header: Header) -> str | None:
    byline = _BYLINE.match(line)
    if byline and header.byline is None and not line.endswith("."):
        header.byline = byline.group("names")
        return "byline"
    stamp = _STAMP.match(line)
    if stamp and written_date(stamp.group("rest")):
        if header.date is None or stamp.group("kind").lower() in ("published", "first published"):
            header.date = written_date(stamp.group("rest"))
        return "publication-date"
    if starts_with_date(line) and len(line.split()) <= _SETTINGS["date_line_words"] and header.date is None:
        header.date = written_date(line)
        return "publication-date"
    address = _ADDRESS.match(line)
    if address and header.url is None:
        header.url = address.group("url")
        return "source-url"
    return None


def _read_dateline(paragraph: str, start: int, header: Header) -> None:
    match = _DATELINE.match(paragraph)
    if match and sum(char.isupper() for char in match.group("place")) >= 3:
        header.dateline = match.group(0).strip(" —–-")
        header.marked.append(Boilerplate(start, start + match.end(), "dateline"))


def outlet_from_address(url: str | None, named: Iterable[str | None] = ()) -> str | None:
    """The site an address belongs to, as the article itself names it (`edition.cnn.com` with a
    byline "…, CNN" is "CNN"), else its registrable domain made readable (`riverton-herald.com` is
    "Riverton Herald", `www.bbc.co.uk` "BBC"): a guess the researcher can correct."""
    domain = _registrable_name(urlsplit(url).hostname if url else None)
    if not domain:
        return None
    return _name_for(domain, [text for text in named if text]) or _readable(domain)


def _registrable_name(host: str | None) -> str | None:
    """"edition.cnn.com" -> "cnn", "www.bbc.co.uk" -> "bbc", by the Public Suffix List (tld's copy,
    shipped in its package); an unlisted suffix counts as one label."""
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return None
    from tld import get_tld

    found = get_tld(host, fix_protocol=True, as_object=True, fail_silently=True)
    if found is not None and found.domain:
        return found.domain
    labels = host.split(".")
    return labels[-2] if len(labels) >= 2 else None


def _squashed(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalnum())


def _spells(key: str, words: list[str]) -> bool:
    """Whether `words` name the site whose squashed domain is `key`: "Riverton Herald"
    riverton-herald, "CNN" cnn, "Cable News Network" cnn, "The New York Times" nytimes."""
    words = words[1:] if words[0].lower() == "the" and len(words) > 1 else words
    initials = "".join(word[0] for word in words).lower()
    return key in (_squashed(" ".join(words)), initials if len(words) > 1 else "",
                   initials[:-1] + _squashed(words[-1]) if len(words) > 2 else "")


def _name_for(domain: str, texts: list[str]) -> str | None:
    """The longest capitalised run of words in `texts` that spells the domain, as the article
    writes it; a run must start with the domain's first letter (or "The") to be tried."""
    key = _squashed(domain)
    best: list[str] = []
    for text in texts:
        for phrase in _NAME_PARTS.split(text):
            words = [word.strip(".,'\"’“”!?") for word in phrase.split()]
            for start, first in enumerate(words):
                if not first[:1].isupper() or (first[:1].lower() != key[:1] and first.lower() != "the"):
                    continue
                for end in range(start + 1, min(len(words), start + _SETTINGS["outlet_name_words"]) + 1):
                    run = words[start:end]
                    if all(run) and len(run) > len(best) and _spells(key, run):
                        best = run
    return " ".join(best) or None


def _readable(domain: str) -> str:
    """"riverton-herald" -> "Riverton Herald"; a word without vowels is an abbreviation ("BBC")."""
    words = [word for word in re.split(r"[-_]+", domain) if word]
    return " ".join(word.upper() if not set(word) & set("aeiou") else word.capitalize() for word in words)


def outlet_from_name(path: Path) -> str | None:
    """`riverton-herald.txt` is "Riverton Herald"; a name that is only a date or number
    (`riverton-herald/2024-02-07.txt`) defers to its folder. A guess the researcher can correct."""
    name = path.stem if any(char.isalpha() for char in path.stem) else path.parent.name
    words = [word for word in re.split(r"[-_\s.]+", name) if word.isalpha() and len(word) > 1]
    if not words or any(word.lower() in _GENERIC_NAMES for word in words):
        return None
    return " ".join(word if word.isupper() else word.capitalize() for word in words)
