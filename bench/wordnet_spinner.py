"""A thesaurus spinner built from WordNet, so the spin detector is measured on words it never saw.

Reads the WordNet 3.0 database the Debian package `wordnet-base` installs
(/usr/share/wordnet; no PyPI package ships WordNet's data for offline use). Each word is
swapped, with probability `rate`, for a synonym drawn at random from all its senses, as
content-farm spinners do; synonyms that `resources/spin_lexicon.toml` lists as spun forms
are never chosen, so the shipped lexicon cannot be what catches the copy.
"""
from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

from reader.provenance.spin import lexicon

WORDNET = Path("/usr/share/wordnet")
_WORD = re.compile(r"[A-Za-z]+")


def available() -> bool:
    return (WORDNET / "data.noun").exists()


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Each single-word lemma's one-word synonyms over all its senses, minus the lexicon's spun forms."""
    known = set(lexicon()[0]) | {phrase.split()[0] for phrase in lexicon()[1]}
    table: dict[str, set[str]] = {}
    for part in ("noun", "verb", "adj", "adv"):
        with open(WORDNET / f"data.{part}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue
                fields = line.split()
                count = int(fields[3], 16)
                lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
                single = [lemma for lemma in lemmas if lemma.isalpha()]
                for lemma in single:
                    table.setdefault(lemma, set()).update(other for other in single
                                                          if other != lemma and other not in known)
    return {word: tuple(sorted(found)) for word, found in table.items() if found}


def spin_with_wordnet(text: str, seed: int, rate: float = 0.5) -> str:
    """Swap words for WordNet synonyms one for one, keeping case, punctuation and order."""
    rng = random.Random(seed)
    table = synonyms()

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if word[0].isupper() and match.start() > 0 and text[match.start() - 2:match.start()].strip() not in ("", ".", '"'):
            return word
        lower = word.lower()
        plural = lower not in table and lower.endswith("s") and lower[:-1] in table
        choices = table.get(lower[:-1] if plural else lower)
        if not choices or rng.random() >= rate:
            return word
        spun = rng.choice(choices) + ("s" if plural else "")
        return spun.capitalize() if word[0].isupper() else spun
    return _WORD.sub(swap, text)
