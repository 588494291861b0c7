"""Saved web pages as MHTML (.mht, .mhtml): a MIME message read with the standard library `email`,
whose HTML part is read like any web page; the address it was saved from is its URL."""
from __future__ import annotations

import email
import email.policy

from reader.articles.formats import Document, UnreadableFile


def read(data: bytes) -> Document:
    from reader.articles.formats import html

    message = email.message_from_bytes(data, policy=email.policy.default)
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise UnreadableFile("no HTML page inside this MHTML file")
    try:
        content = page.get_content()
    except (LookupError, ValueError) as error:
        raise UnreadableFile(f"damaged MHTML page: {error}") from None
    document = html.read(content.encode("utf-8") if isinstance(content, str) else content)
    saved_from = page.get("Content-Location") or message.get("Snapshot-Content-Location")
    if saved_from and not document.url:
        document.url = str(saved_from)
    return document
