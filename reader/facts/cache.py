"""The facts' entries in the analysis store: per-article sentence features, whole results per corpus.

Reading an article into comparable sentences is the part that grows with the corpus, so it is
stored per article, keyed by a hash of the article's text and sentence spans: editing or adding
one article recomputes only that article. The alignment's result is stored per corpus key, so
an unchanged corpus is answered straight from the store, and its snapshot per folder set, so a
changed one re-aligns only the stories the change touches (`reader.facts.realign`).
"""
from __future__ import annotations

import hashlib
from array import array
import logging
from dataclasses import dataclass
from itertools import chain
from typing import Any, Mapping, Sequence

from reader.analysis.store import STORE_FILE, AnalysisStore
from reader.articles.model import Article
from reader.paths import cache_dir
from reader.facts.quantities import Quantity

log = logging.getLogger(__name__)

VERSION = 27  # bumped whenever how sentences are read into features, or facts built from them, changes


@dataclass(frozen=True)
class SentenceFeatures:
    """One sentence reduced to what alignment needs; quantity offsets are sentence-relative."""

    start: int
    end: int
    tokens: list[str]
    quantities: list[Quantity]
    restored: bool = False
    """Read with a spun copy's swapped words put back: its real wording is not the outlets'."""
    kind: str | None = None
    """An allegation or an order term (`reader.facts.statement_kinds`), or None."""
    figure: bool = False
    """States something and gives a figure, in its real wording: what the summary counts
    (`reader.facts.summary`) when the sentence is in no fact, so it need not be read again."""
    counts_in_words: bool = False
    """States a count in words ("no injuries", `reader.facts.claims.read_presence`), in its real
    wording: read once with the features, so alignment reads such claims only where they are."""

    def as_json(self) -> list[Any]:
        return [self.start, self.end, self.tokens, [quantity.as_json() for quantity in self.quantities],
                self.restored, self.kind, self.figure, self.counts_in_words]

    @classmethod
    def from_json(cls, data: list[Any]) -> "SentenceFeatures":
        start, end, tokens, quantities, restored, kind, figure, counts_in_words = data
        return cls(start, end, tokens, [Quantity.from_json(item) for item in quantities], restored, kind, figure,
                   counts_in_words)


def article_key(article: Article, reading: str = "") -> str:
    """Changes when the article's text or its sentence segmentation changes, or `reading`
    (what else the features depend on, such as the spinner lexicon)."""
    digest = hashlib.sha256()
    digest.update(reading.encode())
    digest.update((article.content_hash or "").encode())
    digest.update(article.text.encode("utf-8"))
    digest.update(array("q", chain.from_iterable(article.sentences)).tobytes())
    return digest.hexdigest()


def corpus_key(article_keys: list[str], quote_signature: str) -> str:
    digest = hashlib.sha256()
    for key in article_keys:
        digest.update(key.encode())
    digest.update(quote_signature.encode())
    return digest.hexdigest()


def _store() -> AnalysisStore:
    global _opened
    if _opened is None or _opened.path != cache_dir() / STORE_FILE:
        _opened = AnalysisStore()
    return _opened


_opened: AnalysisStore | None = None


def load_features(keys: Sequence[str]) -> dict[str, list[SentenceFeatures]]:
    """The stored features among `keys`, read together; a malformed entry is left out (read again)."""
    stored = _store().get_many("sentence features", [f"v{VERSION}:{key}" for key in keys])
    found = {}
    for key in keys:
        data = stored.get(f"v{VERSION}:{key}")
        if data is None:
            continue
        try:
            found[key] = [SentenceFeatures.from_json(item) for item in data]
        except (TypeError, ValueError, KeyError) as error:
            log.warning("ignoring malformed facts cache entry %s: %s", key, error)
    return found


def store_features(features: Mapping[str, list[SentenceFeatures]]) -> None:
    """Several articles' features in one transaction."""
    if features:
        _store().put_many("sentence features", {f"v{VERSION}:{key}": [item.as_json() for item in items]
                                                for key, items in features.items()})


def load_result(key: str) -> Any:
    return _store().get("facts", f"v{VERSION}:{key}")


def store_result(key: str, value: Any) -> None:
    _store().put("facts", f"v{VERSION}:{key}", value)


def load_snapshot(identity: str) -> Any:
    """The last alignment of the corpus in these folders (`reader.facts.realign.Snapshot`), if kept."""
    return _store().get("facts snapshot", f"v{VERSION}:{identity}")


def store_snapshot(identity: str, snapshot: Any) -> None:
    _store().put("facts snapshot", f"v{VERSION}:{identity}", snapshot)
