"""E-mail (.eml): newsletters and press-office mails through the standard library `email`; the
sender is the outlet and the sending date the article's date."""
from __future__ import annotations

import email
import email.policy
import email.utils

from reader.articles.formats import Document, UnreadableFile, normalise_line_endings


def read(data: bytes) -> Document:
    from reader.articles.formats import html

    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.keys():
        raise UnreadableFile("not an e-mail: it has no headers")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise UnreadableFile("the e-mail has no text or HTML body")
    try:
        content = body.get_content()
    except (LookupError, ValueError) as error:
        raise UnreadableFile(f"damaged e-mail body: {error}") from None
    if body.get_content_type() == "text/html":
        document = html.read(content.encode("utf-8"))
    else:
        document = Document(text=normalise_line_endings(content).strip())
    if not document.text:
        raise UnreadableFile("the e-mail body is empty")
    sender_name, sender_address = email.utils.parseaddr(str(message.get("From", "")))
    document.outlet = sender_name or sender_address or document.outlet
    document.title = str(message.get("Subject", "")) or document.title
    sent = message.get("Date")
    if sent is not None and getattr(sent, "datetime", None):
        document.date = sent.datetime.date()
    document.details = {"sender": str(message.get("From", ""))} if message.get("From") else {}
    return document
