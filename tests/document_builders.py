"""Build real documents of every supported format for loader tests, without fixture files."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Helvetica, one line each)."""
    shows = " ".join(f"({_pdf_escape(line)}) '" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td 14 TL {shows} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx_bytes(paragraphs: list[str], title: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_bomb_bytes(member_bytes: int) -> bytes:
    """A zip posing as .docx with one highly compressible member of `member_bytes`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/padding.bin", b"\0" * member_bytes)
    return buffer.getvalue()


NEWS_HTML = """<!DOCTYPE html>
<html><head>
<title>FTC fines Amazon over Alexa | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="FTC fines Amazon over Alexa">
<meta property="article:published_time" content="2023-05-31T14:00:00Z">
<link rel="canonical" href="https://ledger.example/ftc-amazon">
<script>var tracker = "SCRIPT_TEXT_MUST_NOT_APPEAR";</script>
<style>.x { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
<article>
<h1>FTC fines Amazon over Alexa</h1>
<p>Amazon will pay $25 million to settle claims that it kept children's Alexa recordings, the Federal Trade Commission said on Wednesday.</p>
<p>Ring, the doorbell maker Amazon bought in 2018, will pay a further $5.8 million over employee access to customer videos.</p>
<script>document.write("SCRIPT_TEXT_MUST_NOT_APPEAR")</script>
<p>"We disagree with the FTC's claims," the company said in a statement.</p>
</article>
<footer>Copyright 2023 The Daily Ledger</footer>
</body></html>
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
