"""The speaker registry: the parties a researcher follows, their aliases and colours.

Quotes are coloured and filtered by party, so the parties live in data, not code:
the bundled `resources/speakers.toml` (Amazon, Ring, the FTC) merged with the
researcher's own `speakers.toml` in the config directory, which can add parties
for other cases or extend the aliases of the bundled ones. Colours come from the
Okabe–Ito palette so the UI never has to pick party colours itself.
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.paths import config_dir
from resources import resource_path

log = logging.getLogger(__name__)

REGISTRY_FILE = "speakers.toml"
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
"""The Okabe–Ito palette, distinguishable under the common colour-vision deficiencies."""
KINDS = ("company", "agency", "court", "person", "other")
_HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Party:
    """A side in the story whose quotes are coloured and filtered together."""

    id: str
    name: str
    aliases: tuple[str, ...]
    color: str
    kind: str = "company"

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases),
                "color": self.color, "kind": self.kind}


@dataclass(frozen=True)
class Mention:
    """A place in a text that names a party (by alias or generic reference)."""

    start: int
    end: int
    party_id: str | None
    kind: str
    generic: bool


@dataclass
class SpeakerRegistry:
    parties: list[Party]
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._pattern = _mention_pattern(self.parties, self.references)
        self._by_alias: dict[str, Party] = {}
        for party in reversed(self.parties):
            for alias in reversed(party.aliases):
                self._by_alias[alias] = party
                if alias[:1].islower():
                    self._by_alias[alias[:1].upper() + alias[1:]] = party
        self._generic = {phrase: kind for kind, phrases in reversed(list(self.references.items())) for phrase in phrases}
        self.aliases = {alias for party in self.parties for alias in party.aliases}
        self.aliases |= {alias[4:] for alias in self.aliases if alias.startswith("the ")}

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every alias or generic reference in `text[start:end]`, longest match first."""
        found = []
        for match in self._pattern.finditer(text, start, len(text) if end is None else end):
            surface = match.group(0)
            party_id, kind, generic = self._lookup(surface)
            found.append(Mention(match.start(), match.end(), party_id, kind, generic))
        return found

    def _lookup(self, surface: str) -> tuple[str | None, str, bool]:
        """Party, kind and whether the phrase is generic ("the agency" is both: recency decides first)."""
        surface = re.sub(r"\s+", " ", surface)
        generic_kind = self._generic.get(surface.lower())
        party = self._by_alias.get(surface)
        if party is not None:
            return party.id, generic_kind or party.kind, generic_kind is not None
        return None, generic_kind or "other", True


class ArticleRegistry:
    """The registry plus the parties one article names itself (`reader.quotes.organisations`).

    The registry's compiled pattern is shared; only the article's own names get a small
    pattern, and a registry alias wins where both match.
    """

    def __init__(self, base: SpeakerRegistry, found: list[Party]) -> None:
        self.base = base
        known = {party.id: party for party in base.parties}
        self.found = [party for party in found if party.id not in known]
        self.parties = base.parties + self.found
        self.references = base.references
        self._by_id = {party.id: party for party in self.parties}
        surfaces = {alias: self._by_id[party.id] for party in found for alias in party.aliases}
        surfaces.update({alias[:1].upper() + alias[1:]: party for alias, party in surfaces.items() if alias[:1].islower()})
        self._surfaces = sorted(surfaces.items(), key=lambda item: len(item[0]), reverse=True)
        self._read: tuple[str, list[Mention]] | None = None

    def party(self, party_id: str) -> Party:
        return self._by_id[party_id]

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(text) if end is None else end
        if self._read is None or self._read[0] is not text:
            self._read = (text, self._whole_text(text))
        return [mention for mention in self._read[1] if start <= mention.start and mention.end <= end]

    def _whole_text(self, text: str) -> list[Mention]:
        """Every mention in the article, read once: the rules ask about many small stretches of it."""
        found = self.base.mentions(text)
        taken = [(m.start, m.end) for m in found]
        for surface, party in self._surfaces:
            at = text.find(surface)
            while at >= 0:
                after = at + len(surface)
                if _whole_word(text, at, after) and not any(s < after and at < e for s, e in taken):
                    found.append(Mention(at, after, party.id, party.kind, False))
                    taken.append((at, after))
                at = text.find(surface, after)
        return sorted(found, key=lambda mention: mention.start)


def _whole_word(text: str, start: int, end: int) -> bool:
    """The same boundaries as the registry's pattern: no word character or hyphen-joined word around."""
    before = text[start - 1] if start else " "
    after = text[end:end + 2]
    return not (before.isalnum() or before in "_-") and not (after[:1].isalnum() or after[:1] == "_" or (
        after[:1] == "-" and after[1:2].isalnum()))


def _alias_regex(alias: str) -> str:
    escaped = re.escape(alias).replace(r"\ ", r"\s+")
    if alias[:1].islower():
        escaped = f"(?i:{escaped[:1]}){escaped[1:]}"
    return escaped


def _mention_pattern(parties: list[Party], references: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    phrases = {alias for party in parties for alias in party.aliases}
    phrases.update(phrase for kind in references.values() for phrase in kind)
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(_alias_regex(phrase) for phrase in ordered) or r"(?!x)x"
    initials = {phrase[:1] for phrase in phrases} | {phrase[:1].upper() for phrase in phrases if phrase[:1].islower()}
    first = "".join(sorted(re.escape(letter) for letter in initials)) or "x"
    return re.compile(rf"(?=[{first}])(?<![\w-])(?:{body})(?![\w]|-\w)")


def _parse_parties(data: dict[str, Any], origin: str, problems: list[str]) -> dict[str, dict[str, Any]]:
    parties = data.get("parties", {})
    if not isinstance(parties, dict):
        problems.append(f"{origin}: [parties] must be a table of parties")
        return {}
    parsed = {}
    for party_id, entry in parties.items():
        if not isinstance(entry, dict):
            problems.append(f"{origin}: party {party_id!r} must be a table")
            continue
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
            problems.append(f"{origin}: aliases of {party_id!r} must be a list of non-empty strings")
            aliases = []
        color = entry.get("color")
        if color is not None and not (isinstance(color, str) and _HEX_COLOUR.match(color)):
            problems.append(f"{origin}: colour of {party_id!r} must look like #RRGGBB; a palette colour is used")
            color = None
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            problems.append(f"{origin}: kind of {party_id!r} must be one of {', '.join(KINDS)}")
            kind = None
        parsed[str(party_id)] = {"name": entry.get("name"), "aliases": [a.strip() for a in aliases],
                                 "color": color, "kind": kind}
    return parsed


def _read_toml(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        problems.append(f"{path}: ignored, cannot read it: {error}")
        return {}


def _merge(layers: list[dict[str, dict[str, Any]]]) -> list[Party]:
    merged: dict[str, dict[str, Any]] = {}
    for layer in layers:
        for party_id, entry in layer.items():
            current = merged.setdefault(party_id, {"name": None, "aliases": [], "color": None, "kind": None})
            current["aliases"] += [alias for alias in entry["aliases"] if alias not in current["aliases"]]
            for key in ("name", "color", "kind"):
                if entry[key]:
                    current[key] = entry[key]
    used = {entry["color"] for entry in merged.values() if entry["color"]}
    spare = [colour for colour in OKABE_ITO if colour not in used] or list(OKABE_ITO)
    parties = []
    for number, (party_id, entry) in enumerate(merged.items()):
        name = entry["name"] or party_id
        aliases = tuple(entry["aliases"] or [name])
        colour = entry["color"] or spare[number % len(spare)]
        parties.append(Party(party_id, name, aliases, colour, entry["kind"] or "company"))
    return parties


def load_registry(user_file: Path | None = None) -> SpeakerRegistry:
    """The bundled parties merged with the researcher's own file; bad entries are reported, not fatal."""
    problems: list[str] = []
    bundled = _read_toml(resource_path(REGISTRY_FILE), problems)
    user_path = user_file or config_dir() / REGISTRY_FILE
    user = _read_toml(user_path, problems)
    layers = [_parse_parties(bundled, "bundled speakers.toml", problems),
              _parse_parties(user, str(user_path), problems)]
    references: dict[str, tuple[str, ...]] = {}
    for data in (bundled, user):
        for kind, phrases in (data.get("references") or {}).items():
            if isinstance(phrases, list):
                extra = tuple(p.lower() for p in phrases if isinstance(p, str) and p.strip())
                references[kind] = tuple(dict.fromkeys(references.get(kind, ()) + extra))
    for problem in problems:
        log.warning("speaker registry: %s", problem)
    return SpeakerRegistry(_merge(layers), references, problems)


_loaded: dict[tuple[str, int | None], SpeakerRegistry] = {}


def current_registry() -> SpeakerRegistry:
    """`load_registry()` as the files stand now, re-read only when the researcher's file changes.

    Quote finding runs once per article (thousands while indexing); reading and
    compiling the registry each time would cost more than finding the quotes.
    """
    user_path = config_dir() / REGISTRY_FILE
    try:
        stamp: int | None = user_path.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (str(user_path), stamp)
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = load_registry(user_path)
    return _loaded[key]
