"""Finding notes by their words: what `note:` in a search means.

A note matches when every word of the query is one of its words (its text or what it is
about); a word ending in `*` matches any word it begins. The index can store
`note_text_by_article` as a field so `note:` narrows a search to articles with such notes.
"""
from __future__ import annotations

import re
from typing import Sequence

from reader.articles.model import Article
from reader.record.notes import Note, NoteBook

_WORD = re.compile(r"\w+(?:['’]\w+)*\*?")


def _words(text: str) -> list[str]:
    return [word.casefold().replace("’", "'") for word in _WORD.findall(text)]


def note_matches(note: Note, query: str) -> bool:
    own = set(_words(f"{note.text} {note.target.label}"))
    for word in _words(query):
        if word.endswith("*"):
            if not any(candidate.startswith(word[:-1]) for candidate in own):
                return False
        elif word not in own:
            return False
    return True


def search_notes(book: NoteBook, query: str) -> list[Note]:
    return [note for note in book.listed() if note_matches(note, query)]


def note_text_by_article(book: NoteBook, articles: Sequence[Article]) -> dict[str, str]:
    """For each article with notes, their text joined: what an index stores under `note`."""
    found: dict[str, str] = {}
    for article in articles:
        texts = [note.text for note in book.for_article(article)]
        if texts:
            found[article.id] = "\n".join(texts)
    return found


def articles_noted(notes: Sequence[Note], articles: Sequence[Article], query: str) -> set[str]:
    """Ids of the articles with a passage under a note matching `query`: what `note:` finds."""
    matching = [note for note in notes if note_matches(note, query)]
    return {article.id for article in articles
            if any(item.names(article) for note in matching for item in note.target.anchors)}
