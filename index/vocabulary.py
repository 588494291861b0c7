"""The corpus's words as written: what wildcards expand against and "did you mean" draws on.

The index itself holds stems ("privaci"), which neither a wildcard typed by a researcher
(`privacy*`) nor a suggestion shown to one should be made of. So each index keeps a sorted
list of the folded, unstemmed words of its articles beside it. Words of removed articles may
linger until the next rebuild; callers check a word's stem against the index before using it.
"""
from __future__ import annotations

import fnmatch
import re
from bisect import bisect_left
from pathlib import Path
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from reader.storage import write_atomic

VOCABULARY_FILE = "vocabulary.txt"


class Vocabulary:
    def __init__(self, words: Iterable[str]):
        self.words = sorted(set(words))

    @classmethod
    def load(cls, location: Path) -> Vocabulary:
        try:
            return cls((location / VOCABULARY_FILE).read_text(encoding="utf-8").split())
        except FileNotFoundError:
            return cls(())

    def matching(self, pattern: str) -> list[str]:
        """Words matching a wildcard pattern (`*` any letters, `?` one letter)."""
        literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
        start = bisect_left(self.words, literal)
        matcher = re.compile(fnmatch.translate(pattern)).match
        found = []
        for word in self.words[start:]:
            if not word.startswith(literal):
                break
            if matcher(word):
                found.append(word)
        return found

    def within(self, word: str, most: int) -> list[str]:
        """Words within `most` typing slips of `word`: a letter added, dropped or changed, or two
        neighbouring letters swapped ("penalites" for "penalties"), each counting as one."""
        found = process.extract(word, self.words, scorer=OSA.distance, score_cutoff=most, limit=None)
        return [candidate for candidate, _, _ in found]

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Words of the corpus within one slip (two for longer words) of `word`, closest first.

        Only words with the same first letter are considered: typing slips rarely hit it, and
        it keeps the search to a slice of the sorted list.
        """
        if not word:
            return []
        most = 1 if len(word) <= 4 else 2
        start = bisect_left(self.words, word[0])
        end = bisect_left(self.words, chr(ord(word[0]) + 1), start)
        found = process.extract(word, self.words[start:end], scorer=OSA.distance, score_cutoff=most, limit=None)
        return [candidate for candidate, _, _ in sorted(found, key=lambda item: (item[1], item[0]))
                if candidate != word][:limit]


def save_vocabulary(location: Path, words: Iterable[str]) -> None:
    """Add `words` to the vocabulary stored at `location` (crash-safe: old or new, never half)."""
    merged = set(Vocabulary.load(location).words) | set(words)
    write_atomic(location / VOCABULARY_FILE, "\n".join(sorted(merged)).encode("utf-8"))
