"""Load a corpus: the files and folders a researcher names, as articles plus per-file errors.

One bad file never stops the rest: it becomes a `LoadError` with its path and a reason; one bad
document of an export becomes a `LoadError` naming it. A file holding several articles (an
export, a web archive) gives each an id of its own, `<file id>#<number>`, stable across reloads.
Source folders are read only; nothing is ever written into them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from reader.articles import boilerplate, sentences, structure
from reader.articles.corrections import Corrections
from reader.articles.formats import FORMAT_BY_SUFFIX, Document, UnreadableFile, format_of, read_contents
from reader.articles.headers import outlet_from_address, outlet_from_name
from reader.articles.manifest import MANIFEST_NAME, ManifestError, read_manifest
from reader.articles.model import Article, LoadError

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest article file accepted (64 MiB): far above any news article, small enough to read once."""

_FILENAME_DATE = re.compile(r"(?<![0-9A-Za-z])(\d{4})-?(\d{2})-?(\d{2})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Source:
    """A file found on disk that should become one article, or several if it is an export; `parts`
    holds the manifest entries of an export's articles (`"export.docx#3"`) by number."""

    path: Path
    article_id: str
    manifest: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    parts: dict[int, dict[str, Any]] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Corpus:
    """The articles loaded, in order, and the files that could not be; neither list changes later."""

    articles: list[Article]
    errors: list[LoadError]
    _by_id: dict[str, Article] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id = {article.id: article for article in self.articles}

    def by_id(self, article_id: str) -> Article:
        """By a dictionary, not a scan: the window looks up the sources of every copy at 10,000 articles."""
        return self._by_id[article_id]

    def captures_of(self, article: Article) -> list[Article]:
        """Every capture of the article's URL in the web archives loaded, oldest first: its versions."""
        if article.place is None or article.place.captured_at is None or not article.url:
            return [article]
        captures = [other for other in self.articles
                    if other.url == article.url and other.place is not None and other.place.captured_at is not None]
        return sorted(captures, key=lambda other: other.place.captured_at)


@dataclass
class LoadedFile:
    """The articles one file gave, and the documents in it that could not be read."""

    articles: list[Article]
    errors: list[LoadError]


def _date_from_filename(path: Path) -> dt.date | None:
    for match in _FILENAME_DATE.finditer(path.stem):
        try:
            date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        if 1900 <= date.year <= 2100:
            return date
    return None


def _saved_page_folders(subdirs: list[str], files: list[str]) -> set[str]:
    """The `page_files/` folders a browser saves beside `page.html` ("Web page, complete"): the
    page's images and scripts, never more articles."""
    pages = {name.rsplit(".", 1)[0] for name in files if name.lower().endswith((".html", ".htm"))}
    return {name for name in subdirs if name.endswith("_files") and name[: -len("_files")] in pages}


def _walk(folder: Path) -> Iterable[Path]:
    """Every non-hidden file under `folder`, following symlinks but never around a loop, and
    never inside the folder of a saved web page's resources."""
    seen: set[str] = set()
    for directory, subdirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(directory)
        if real in seen:
            subdirs[:] = []
            continue
        seen.add(real)
        resources = _saved_page_folders(subdirs, files)
        subdirs[:] = sorted(name for name in subdirs if not name.startswith(".") and name not in resources)
        for name in sorted(files):
            if not name.startswith(".") and name != MANIFEST_NAME:
                yield Path(directory) / name


def _parts_by_file(entries: dict[str, dict[str, Any]]) -> dict[str, dict[int, dict[str, Any]]]:
    """Manifest entries that name one article of an export (`"export.docx#3"`), by file then number."""
    found: dict[str, dict[int, dict[str, Any]]] = {}
    for key, entry in entries.items():
        name, _, number = key.rpartition("#")
        if name and number.isdigit():
            found.setdefault(name, {})[int(number)] = entry
    return found


def discover(paths: Iterable[Path]) -> tuple[list[Source], list[LoadError]]:
    """Expand files and folders into sources with stable ids (paths relative to what was named)."""
    errors: list[LoadError] = []
    found: list[tuple[Path, Path]] = []
    for named in paths:
        named = Path(named)
        if named.is_dir():
            found.extend((file, named) for file in _walk(named))
        elif named.is_file():
            found.append((named, named.parent))
        else:
            errors.append(LoadError(str(named), "no such file or folder"))
    sources: list[Source] = []
    seen_files: set[str] = set()
    used_ids: set[str] = set()
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    parts: dict[Path, dict[str, dict[int, dict[str, Any]]]] = {}
    for file, root in found:
        real = os.path.realpath(file)
        if real in seen_files:
            continue
        seen_files.add(real)
        if format_of(file) is None:
            errors.append(LoadError(str(file), f"unsupported file type {file.suffix or '(none)'!r}; "
                                    f"Corroborate reads {', '.join(FORMAT_BY_SUFFIX)}"))
            continue
        article_id = file.relative_to(root).as_posix()
        if article_id in used_ids:
            article_id = f"{root.name}/{article_id}"
        used_ids.add(article_id)
        if file.parent not in manifests:
            try:
                manifests[file.parent] = read_manifest(file.parent)
            except ManifestError as error:
                errors.append(LoadError(str(file.parent / MANIFEST_NAME), f"manifest ignored: {error}"))
                manifests[file.parent] = {}
            parts[file.parent] = _parts_by_file(manifests[file.parent])
        sources.append(Source(file, article_id, manifests[file.parent].get(file.name, {}),
                              parts[file.parent].get(file.name, {})))
    return sources, errors


def analyse(document: Document) -> dict[str, Any]:
    """The structure of a document's text: boilerplate, paragraphs, headings, sentences."""
    text = document.text
    marked = sorted(boilerplate.find_boilerplate(text) + document.header, key=lambda item: item.start)
    paragraphs, headings = structure.layout(text, marked)
    stamp = boilerplate.find_date_stamp(text)
    first_heading = headings[0] if headings and (not paragraphs or headings[0][0] < paragraphs[0][0]) else None
    return {
        "boilerplate": marked,
        "paragraphs": paragraphs,
        "headings": headings,
        "sentences": sentences.segment(text, paragraphs),
        "stamp_date": stamp[1] if stamp else None,
        "heading_title": structure.heading_title(text, first_heading) if first_heading else None,
    }


def _pick(field_name: str, candidates: list[tuple[str, Any]], sources: dict[str, str]) -> Any:
    """First non-empty value by precedence; remembers which source supplied it."""
    for origin, value in candidates:
        if value:
            sources[field_name] = origin
            return value
    return None


def _outlet_candidates(source: Source, document: Document, url: str | None, named: list[str | None]
                       ) -> list[tuple[str, Any]]:
    """The manifest, the document, then guesses the researcher can correct: the site of its
    address, as `named` (the article's title, byline, details, copyright lines) spells it, and for
    a file holding one article its file or folder name."""
    candidates = [("manifest", source.manifest.get("outlet")), ("document", document.outlet)]
    if any(value for _, value in candidates):
        return candidates
    candidates.append(("guessed-from-address", outlet_from_address(url, named)))
    if document.place is None:
        candidates.append(("guessed-from-name", outlet_from_name(source.path)))
    return candidates


def _names_in(document: Document, parts: dict[str, Any]) -> list[str | None]:
    """Where an article names its own site: title, byline, dateline and other details, copyright
    lines (its body is not searched: initials there name courts and agencies as often as sites)."""
    copyrights = [document.text[item.start:item.end] for item in parts["boilerplate"] if item.kind == "copyright"]
    return [document.title, parts["heading_title"], document.byline, *document.details.values(), *copyrights]


def build_article(source: Source, document: Document, fmt: str, content_hash: str) -> Article:
    """Combine document text, its structure and metadata by precedence into an `Article`. An
    article of an export takes its own manifest entry, never the file's, nor the file's name."""
    parts = analyse(document)
    if document.place is not None:
        number = document.place.number
        source = Source(source.path, f"{source.article_id}#{number}", source.parts.get(number, {}))
    manifest = source.manifest
    origins: dict[str, str] = {}
    url = _pick("url", [("manifest", manifest.get("url")), ("document", document.url)], origins)
    return Article(
        id=source.article_id,
        path=str(source.path),
        text=document.text,
        outlet=_pick("outlet", _outlet_candidates(source, document, url, _names_in(document, parts)), origins),
        date=_pick(
            "date",
            [
                ("manifest", manifest.get("date")),
                ("document", document.date),
                ("document", parts["stamp_date"]),
                ("filename", _date_from_filename(source.path) if document.place is None else None),
            ],
            origins,
        ),
        title=_pick(
            "title",
            [("manifest", manifest.get("title")), ("document", document.title), ("document", parts["heading_title"])],
            origins,
        ),
        url=url,
        label=manifest.get("label"),
        format=fmt,
        content_hash=content_hash,
        paragraphs=parts["paragraphs"],
        headings=parts["headings"],
        sentences=parts["sentences"],
        boilerplate=parts["boilerplate"],
        metadata_sources=origins,
        byline=document.byline,
        section=document.section,
        place=document.place,
        details=dict(document.details),
    )


def read_source(source: Source) -> tuple[bytes, str]:
    """The file's bytes, read once, and its format; raises `UnreadableFile` with a reason."""
    fmt = format_of(source.path) or ""
    try:
        size = source.path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(
                f"file is {size / 1_048_576:.0f} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB per file"
            )
        return source.path.read_bytes(), fmt
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror or error}") from None


def load_source(source: Source) -> LoadedFile:
    """Read one file into its articles; raises `UnreadableFile` with a reason when it gives none.
    Picklable for pools."""
    data, fmt = read_source(source)
    contents = read_contents(fmt, data)
    errors = [LoadError(str(source.path), problem) for problem in contents.unreadable]
    if not contents.documents:
        raise UnreadableFile("; ".join(contents.unreadable) or "no article found in the file")
    content_hash = hashlib.sha1(data).hexdigest()
    return LoadedFile([build_article(source, document, fmt, content_hash) for document in contents.documents], errors)


def apply_corrections(article: Article, corrections: Corrections) -> Article:
    """The researcher's own corrections win over every other source of metadata."""
    for field_name, value in corrections.for_article(article.key).items():
        setattr(article, field_name, value)
        article.metadata_sources[field_name] = "user"
    return article


Progress = Callable[[int, int, str], None]
"""Called after each file with (files done, files in all, file id); raising from it stops the load."""


def load_corpus(paths: Iterable[Path], corrections: Corrections | None = None,
                progress: Progress | None = None) -> Corpus:
    """Load every article under `paths`; unreadable files become errors, the rest load."""
    sources, errors = discover(paths)
    corrections = corrections if corrections is not None else Corrections()
    articles: list[Article] = []
    for done, source in enumerate(sources, start=1):
        try:
            loaded = load_source(source)
            articles.extend(apply_corrections(article, corrections) for article in loaded.articles)
            errors.extend(loaded.errors)
        except UnreadableFile as error:
            errors.append(LoadError(str(source.path), str(error)))
        if progress is not None:
            progress(done, len(sources), source.article_id)
    return Corpus(articles, errors)
