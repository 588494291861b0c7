"""RTF becomes the text striprtf gives, read a run of text at a time instead of a character at a time."""
from __future__ import annotations

from pathlib import Path

import pytest
from striprtf.striprtf import rtf_to_text as striprtf_text

from document_builders import write
from export_builders import (factiva_coded_paragraphs, factiva_paragraphs, nexis_uni_paragraphs, rtf, stories,
                             word_rtf)
from reader.articles.corpus import load_corpus
from reader.articles.formats.rtf import rtf_to_text

SNIPPETS = {
    "unicode with one-byte stand-ins": r"{\rtf1\ansi\uc1 caf\u233\'e9 said \u8220\'93yes\u8221\'94.\par}",
    "two-byte stand-ins after \\uc2": r"{\rtf1\ansi{\uc2 \u-3913\'3f\'3f one}\u8212\'97 two\par}",
    "stand-in as a plain character": r"{\rtf1\ansi\uc1 \u8364?5 and \u8364 ?6\par}",
    "a font with its own charset": r"{\rtf1\ansi\deff0{\fonttbl{\f0\fcharset0 Times;}{\f1\fcharset238 Arial CE;}}{\f1 \'8a\'e8}\f0 \'e9\par}",
    "a document code page": r"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\par}",
    "destinations skipped": (r"{\rtf1{\info{\title T}{\author A}}{\stylesheet{\s0 Normal;}}{\colortbl;\red0;}"
                             r"{\*\generator G;}{\*\unknownthing hidden {nested}}shown\par}"),
    "escapes and special characters": (r"{\rtf1 a\{b\}c\\d\~e\-f\_g\emdash h\endash i\bullet\lquote j\rquote "
                                       r"\ldblquote k\rdblquote\tab l\line m\sect n\page o\par}"),
    "a table": r"{\rtf1\trowd\cellx1000\cellx2000 one\cell two\cell\row\par}",
    "a hyperlink field": r"{\rtf1{\field{\*\fldinst{HYPERLINK \"https://example.com\"}}{\fldrslt{here}}}\par}",
    "a picture with binary data": "{\\rtf1 before{\\pict\\bin4 \x01}{}\x02} after\\par}",
    "text after the document": r"{\rtf1 inside\par}outside",
    "an extra closing brace": r"{\rtf1 a}}b",
    "a backslash at the very end": "{\\rtf1 a\\par b\\",
    "long control word": r"{\rtf1 \abcdefghijklmnopqrstuvwxyzabcdefghij rest\par}",
    "line breaks in the source": "{\\rtf1 one\r\ntwo\\\nthree\\par\n\\uc1\\u233\n\\'e9x}",
    "formatting between a \\u and its stand-in": r"{\rtf1\uc1 \u233\b\'e9x\b0 \f0\u234 \fs20 ?y}",
    "hex bytes split by a newline": "{\\rtf1 \\'e2\\'80\n\\'99 z}",
}


@pytest.mark.parametrize("source", list(SNIPPETS.values()), ids=list(SNIPPETS))
def test_the_text_is_striprtfs(source: str) -> None:
    assert rtf_to_text(source, errors="replace") == striprtf_text(source, errors="replace")


def test_what_the_escapes_mean() -> None:
    assert rtf_to_text(SNIPPETS["unicode with one-byte stand-ins"]) == "caf\u00e9 said \u201cyes\u201d.\n"
    assert rtf_to_text(SNIPPETS["two-byte stand-ins after \\uc2"]) == "\uf0b7 one\u2014 two\n"
    assert rtf_to_text(SNIPPETS["a font with its own charset"]) == "\u0160\u010d\u00e9\n"
    assert rtf_to_text(SNIPPETS["destinations skipped"]) == "shown\n"


def exports(count: int) -> dict[str, bytes]:
    items = stories(count)
    return {
        "nexis-uni": rtf(nexis_uni_paragraphs(items)),
        "nexis-uni-word-style": word_rtf(nexis_uni_paragraphs(items)),
        "factiva": rtf(factiva_paragraphs(items)),
        "factiva-word-style": word_rtf(factiva_paragraphs(items)),
        "factiva-indexed": rtf(factiva_coded_paragraphs(items)),
    }


@pytest.mark.parametrize("name", list(exports(1)))
def test_every_export_built_reads_as_striprtf_reads_it(name: str) -> None:
    text = exports(10)[name].decode("latin-1")
    assert rtf_to_text(text, errors="replace") == striprtf_text(text, errors="replace")


def test_a_two_thousand_article_export_reads_as_striprtf_reads_it() -> None:
    text = word_rtf(nexis_uni_paragraphs(stories(2_000))).decode("latin-1")
    assert rtf_to_text(text, errors="replace") == striprtf_text(text, errors="replace")


def test_damaged_rtf_is_named_and_the_rest_loads(tmp_path: Path) -> None:
    write(tmp_path / "bad.rtf", rb"{\rtf1\uc \u233 x}")
    write(tmp_path / "good.rtf", rb"{\rtf1 The council voted.\par}")
    loaded = load_corpus([tmp_path])
    assert [article.text for article in loaded.articles] == ["The council voted."]
    assert [(Path(error.path).name, error.error.startswith("damaged RTF")) for error in loaded.errors] == [
        ("bad.rtf", True)]
