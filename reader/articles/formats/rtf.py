"""Rich Text Format: striprtf's reading of RTF (its destinations, characters, font charsets and
pre-passes), driven by a loop that takes each run of plain text at once.

striprtf's own loop matches one character at a time, about a microsecond each, so a 2,000-article
export took seconds before any analysis; the text it gives is unchanged (tests compare the two).
"""
from __future__ import annotations

import codecs
import re

from striprtf.striprtf import (FONTTABLE, HYPERLINKS, charset_map, destinations, font_table_group,
                               remove_pict_groups, sectionchars, specialchars)

from reader.articles.formats import Document, UnreadableFile, normalise_line_endings

_ACTING_WORDS = destinations | {word for word in specialchars if word.isalpha()} | {"uc", "u", "f", "deff", "ansicpg"}
"""The control words that change the text; every other one (formatting) only ends a `\\uN` skip."""


def _trie(words: set[str]) -> str:
    """A pattern matching any of `words`, nested by shared prefix so a control word is read once."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        options = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not options:
            return ""
        joined = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return f"(?:{joined})?" if "" in node else joined

    return pattern(tree)


_FORMATTING = (r"(?:\\f{font}|\\(?!(?:" + _trie(_ACTING_WORDS) + r")(?![a-zA-Z]))[a-zA-Z]{{1,32}}+(?:-?\d{{1,10}})?+)"
               r"[ ]?+[\r\n]*+")
_TOKEN = re.compile(
    "((?:" + _FORMATTING.format(font=r"(-?\d{1,10})") + ")+)"
    r"|(\{)(?:" + _FORMATTING.format(font=r"-?\d{1,10}") + r")*+([^\\{}\r\n]*+)\}[\r\n]*+"
    r"|\\([a-zA-Z]{1,32}+)(-?\d{1,10})?+[ ]?+[\r\n]*+|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])[\r\n]*+|([{}])[\r\n]*+"
    r"|[\r\n]++|([^\\{}\r\n]++|\\)[\r\n]*+"
)
"""striprtf's tokens, but in longer pieces, since each token costs a turn of the loop: a run of
text, a run of formatting control words (with the last font, `\\fN`, it names), and a group
holding only formatting and text are one token each; line breaks of the source (which mean
nothing in RTF) go with the token before them, except after `\\'hh`, where they end the bytes."""


def _font_encodings(text: str, encoding: str) -> dict[str, str]:
    """Font number -> the codec its `\\fcharset` names, for `\\'hh` bytes written in that font."""
    return {number: charset_map.get(int(charset), encoding)
            for number, charset, _name in FONTTABLE.findall(font_table_group(text))}


def rtf_to_text(text: str, encoding: str = "cp1252", errors: str = "strict") -> str:
    """The plain text of an RTF document, as `striprtf.rtf_to_text` gives it."""
    text = HYPERLINKS.sub("\\1(\\2)", remove_pict_groups(text))
    fonts = _font_encodings(text, encoding)
    out: list[str] = []
    stack: list[tuple[int, bool, str | None]] = []
    ucskip, ignorable, font, default_font = 1, False, None, None
    skip = 0  # characters still to drop after a \uN, which stand in for it in older readers
    hexes: list[str] = []
    depth, entered = 0, False

    for formatting, font_named, group, group_text, word, arg, hex_byte, symbol, brace, run in _TOKEN.findall(text):
        if hexes and not hex_byte:
            out.append(bytes.fromhex("".join(hexes)).decode(fonts.get(font, encoding), errors=errors))
            hexes = []
        if formatting:
            skip = 0
            if font_named and not ignorable:
                font = font_named
        elif group:
            skip = 0
            if group_text and not ignorable:
                out.append(group_text)
            if depth <= 0:
                break
        elif run:
            if skip:
                dropped = min(skip, len(run))
                run, skip = run[dropped:], skip - dropped
            if run and not ignorable:
                out.append(run)
        elif brace:
            skip = 0
            if brace == "{":
                depth += 1
                entered = True
                stack.append((ucskip, ignorable, font))
            else:
                depth -= 1
                if stack:
                    ucskip, ignorable, font = stack.pop()
                else:
                    ucskip, ignorable = 0, True
                if entered and depth <= 0:
                    break
        elif symbol:
            skip = 0
            if symbol in specialchars:
                if symbol in sectionchars:
                    font = default_font
                if not ignorable:
                    out.append(specialchars[symbol])
            elif symbol == "*":
                ignorable = True
        elif word:
            skip = 0
            if word in destinations:
                ignorable = True
            elif word == "ansicpg":
                encoding = _codec(f"cp{arg}")
            if ignorable:
                continue
            if word in specialchars:
                out.append(specialchars[word])
            elif word == "uc":
                ucskip = int(arg)
            elif word == "u":
                if arg:
                    code = int(arg)
                    out.append(chr(code + 0x10000 if code < 0 else code))
                skip = ucskip
            elif word == "f":
                font = arg
            elif word == "deff":
                default_font = arg
        elif hex_byte:
            if skip:
                skip -= 1
            elif not ignorable:
                hexes.append(hex_byte)
    return "".join(out)


def _codec(name: str) -> str:
    try:
        codecs.lookup(name)
    except LookupError:
        return "utf8"
    return name


def read(data: bytes) -> Document:
    if not data.lstrip().startswith(b"{\\rtf"):
        raise UnreadableFile("not an RTF file (it does not start with {\\rtf)")
    try:
        text = rtf_to_text(data.decode("latin-1"), errors="replace")
    except (ValueError, IndexError, UnicodeError) as error:
        raise UnreadableFile(f"damaged RTF: {error}") from None
    text = normalise_line_endings(text).strip()
    if not text:
        raise UnreadableFile("the RTF file has no text")
    return Document(text=text)
