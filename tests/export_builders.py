"""News-database exports, saved pages, e-mails and web archives built the way their vendors lay
them out, from short articles written for the tests."""
from __future__ import annotations

import datetime as dt
import email.message
import email.utils
import io
import json
import textwrap
import zipfile
from dataclasses import dataclass, field
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText


@dataclass
class Story:
    title: str
    outlet: str
    date: dt.date
    byline: str
    section: str
    body: list[str]
    document_id: str = ""
    words: int = field(init=False)

    def __post_init__(self) -> None:
        self.words = sum(len(paragraph.split()) for paragraph in self.body)


OUTLETS = ("The Riverton Herald", "Lakeside Courier", "Northfield Daily Post", "The Valley Gazette", "Harbor City Times")


def stories(count: int, start: int = 1) -> list[Story]:
    """`count` distinct short articles about one settlement, each from a different outlet and day."""
    made = []
    for number in range(start, start + count):
        outlet = OUTLETS[number % len(OUTLETS)]
        made.append(Story(
            title=f"Council approves water settlement, part {number}",
            outlet=outlet,
            date=dt.date(2024, 3, 1) + dt.timedelta(days=number % 28),
            byline=f"Reporter Number{number}",
            section="Local News; Pg. A3",
            body=[
                f"The Riverton council voted {number} to 2 on Tuesday to accept a $4.{number} million settlement over the water plant.",
                f"\u201cThis closes a long chapter,\u201d Mayor Dana Ortiz said after the vote, which came in meeting {number}.",
                "Residents who filed claims will receive letters within 30 days, the city clerk said.",
            ],
            document_id=f"RIVHER00202403{number:02d}ek3{number:07d}",
        ))
    return made


def _words(story: Story) -> str:
    return f"{story.words} words"


def nexis_uni_paragraphs(items: list[Story]) -> list[str]:
    """Nexis Uni's layout: a cover page, then each article closed by "End of Document"."""
    lines = ["User Name: = researcher@example.edu", "Date and Time: = March 30, 2024 9:15 AM EDT",
             "Job Number: = 218830412", f"Documents ({len(items)})"]
    lines += [f"{number}. {story.title}" for number, story in enumerate(items, start=1)]
    lines += ["Client/Matter: -None-", "Search Terms: riverton settlement", "Search Type: Terms and Connectors"]
    for story in items:
        lines += [
            story.title,
            story.outlet,
            f"{story.date:%B} {story.date.day}, {story.date.year} {story.date:%A}",
            f"Copyright {story.date.year} {story.outlet} All Rights Reserved",
            f"Section:\u00a0{story.section}",
            f"Length:\u00a0{_words(story)}",
            f"Byline:\u00a0{story.byline}",
            "Body",
            *story.body,
            "Classification",
            "Language:\u00a0ENGLISH",
            "Publication-Type:\u00a0Newspaper",
            f"Load-Date:\u00a0{story.date:%B} {story.date.day + 1}, {story.date.year}",
            "End of Document",
        ]
    return lines


def nexis_uni_docx(items: list[Story]) -> bytes:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Page header: Riverton settlement search"
    document.sections[0].footer.paragraphs[0].text = "Page 1 of 9"
    for line in nexis_uni_paragraphs(items):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rtf_escape(text: str) -> str:
    out = []
    for char in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(char if ord(char) < 128 else f"\\u{ord(char) if ord(char) < 32768 else ord(char) - 65536}?")
    return "".join(out)


def rtf(paragraphs: list[str]) -> bytes:
    body = "\n".join(f"\\pard {_rtf_escape(line)}\\par" for line in paragraphs)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "\n}").encode("ascii")


_WORD_HEADER = (
    "{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\adeff0\\deff0\\stshfdbch0\\deflang1033"
    "{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}"
    "{\\f1\\fswiss\\fcharset238\\fprq2 Arial CE;}}"
    "{\\colortbl;\\red0\\green0\\blue0;\\red0\\green0\\blue255;}"
    "{\\*\\defchp \\fs24\\lang1033}{\\stylesheet{\\ql \\li0\\ri0\\widctlpar\\f0\\fs24 \\snext0 Normal;}"
    "{\\*\\cs10 \\additive \\ssemihidden Default Paragraph Font;}}"
    "{\\*\\rsidtbl \\rsid1537\\rsid7342}{\\*\\generator Export Service 4.2;}"
    "{\\info{\\title Search results}{\\author Research Desk}{\\creatim\\yr2024\\mo3\\dy30}}"
    "\\paperw12240\\paperh15840\\margl1440\\margr1440"
    "{\\header \\pard\\plain \\qr {\\f0\\fs18 Page header text}\\par}"
    "{\\footer \\pard\\plain \\qc {\\field{\\*\\fldinst { PAGE }}{\\fldrslt {1}}}\\par}\n"
)


def _word_escape(text: str) -> str:
    """Non-ASCII the way Word writes it: a cp1252 byte as \\'hh, anything else as \\uN with a
    one-byte \\'3f stand-in that readers of \\uc1 skip."""
    out = []
    for char in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        if ord(char) < 128:
            out.append(char)
        elif char == "\u00a0":
            out.append("\\~")
        else:
            try:
                out.append(f"\\'{char.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                code = ord(char)
                out.append(f"\\u{code if code < 32768 else code - 65536}\\'3f")
    return "".join(out)


def word_rtf(paragraphs: list[str], extras: bool = True) -> bytes:
    """RTF as Word-based exporters write it: font, colour and style tables, document info, page
    header and footer, each paragraph in formatting groups with its text split over two runs, and
    with `extras` in some body paragraphs bookmarks, a hyperlink field, a tab, Eastern European
    text in a font with its own charset and a line break."""
    body = []
    for number, line in enumerate(paragraphs):
        half = len(line) // 2
        runs = (f"{{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\f0\\fs24\\insrsid1537 {_word_escape(line[:half])}}}"
                f"{{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\b0\\f0\\fs24\\insrsid7342 {_word_escape(line[half:])}}}")
        if extras and number % 7 == 3 and len(line) > 60:
            runs += ("{\\*\\bkmkstart ref1}{\\*\\bkmkend ref1}{\\field{\\*\\fldinst {HYPERLINK \"https://example.com/a\"}}"
                     "{\\fldrslt {\\cf2\\ul link}}}\\tab {\\f1\\'8a\\'e8 ok}\\line second line")
        body.append(f"\\pard\\plain \\ltrpar\\s0\\ql\\li0\\ri0\\sa200\\widctlpar\\f0\\fs24 {runs}\\par")
    return (_WORD_HEADER + "\n".join(body) + "\n}").encode("ascii")


def nexis_classic_txt(items: list[Story], numbers: list[int] | None = None, width: int = 0) -> str:
    """Classic LexisNexis text: "N of M DOCUMENTS" blocks with upper-case fields. With `width`, as
    the service wrote it: a cover page, centred masthead and copyright lines, headline, fields and
    paragraphs wrapped at that column."""
    def wrap(text: str) -> str:
        return textwrap.fill(text, width) if width else text

    def centred(*lines: str) -> str:
        return "\n".join(line.center(78).rstrip() if width else f"                              {line}" for line in lines)

    total = len(items)
    blocks = [f"Download Request: Selected Items: 1-{total}\nTime Of Request: Saturday, March 30, 2024  09:15:00\n\n"
              "Terms: (riverton w/5 settlement) and date(geq (3/1/2024) and leq (3/31/2024))\nand not (type(web))\n"
              "Source: Combined newspapers"] if width else []
    for story, number in zip(items, numbers or range(1, total + 1)):
        blocks.append("\n\n".join([
            centred(f"{number} of {total} DOCUMENTS"),
            centred(story.outlet),
            centred(f"{story.date:%B} {story.date.day}, {story.date.year} {story.date:%A}", "Final Edition"),
            wrap(story.title),
            wrap(f"BYLINE: {story.byline}"),
            wrap(f"SECTION: {story.section.upper()}"),
            f"LENGTH: {_words(story)}" + ("\n" if width else ""),
            *[wrap(paragraph) for paragraph in story.body],
            f"LOAD-DATE: {story.date:%B} {story.date.day + 1}, {story.date.year}",
            "LANGUAGE: ENGLISH",
            "PUBLICATION-TYPE: Newspaper",
            centred(f"Copyright {story.date.year} {story.outlet}", "All Rights Reserved") if width
            else f"Copyright {story.date.year} {story.outlet}",
        ]))
    return "\n\n\n".join(blocks) + "\n"


def factiva_paragraphs(items: list[Story]) -> list[str]:
    """Factiva's article format: fields by position, each article closed by its document id."""
    lines = []
    for story in items:
        lines += [story.title, f"By {story.byline}", _words(story), f"{story.date.day} {story.date:%B %Y}",
                  story.outlet, "RIVHER", "English", f"Copyright {story.date.year} {story.outlet}. All rights reserved.",
                  *story.body, f"Document {story.document_id}"]
    return lines


def factiva_coded_paragraphs(items: list[Story]) -> list[str]:
    """Factiva's "full article with indexing" format: each field behind its two-letter code."""
    lines = []
    for story in items:
        lines += [f"HD {story.title}", f"BY {story.byline}", f"WC {_words(story)}",
                  f"PD {story.date.day} {story.date:%B %Y}", f"SN {story.outlet}", "SC RIVHER", "LA English",
                  f"CY Copyright {story.date.year} {story.outlet}.", "LP", story.body[0], "TD", *story.body[1:],
                  "NS gcrim : Crime/Legal Action", "RE usoh : Ohio", f"AN Document {story.document_id}"]
    return lines


def factiva_coded_html(items: list[Story]) -> bytes:
    """The indexed format in HTML: a table row per code, paragraphs inside the LP and TD rows."""
    articles = []
    for story in items:
        def row(code: str, value: str) -> str:
            return f"<tr><td><b>{code}</b>&nbsp;</td><td>{value}</td></tr>"
        rows = [row("HD", story.title), row("BY", story.byline), row("WC", _words(story)),
                row("PD", f"{story.date.day} {story.date:%B %Y}"), row("SN", story.outlet), row("LA", "English"),
                row("LP", f'<p class="articleParagraph">{story.body[0]}</p>'),
                row("TD", "".join(f'<p class="articleParagraph">{line}</p>' for line in story.body[1:])),
                row("AN", f"Document {story.document_id}")]
        articles.append(f'<div class="article enArticle"><table>{"".join(rows)}</table></div>')
    return ("<html><body>" + "".join(articles) + "</body></html>").encode("utf-8")


def factiva_html(items: list[Story]) -> bytes:
    articles = []
    for story in items:
        paragraphs = "".join(f'<p class="articleParagraph enarticleParagraph">{line}</p>' for line in story.body)
        articles.append(
            f'<div class="article enArticle"><div id="hd"><span class="enHeadline">{story.title}</span></div>'
            f'<div class="author">By {story.byline}</div><div>{_words(story)}</div>'
            f"<div>{story.date.day} {story.date:%B %Y}</div><div>{story.outlet}</div><div>RIVHER</div>"
            f"<div>English</div><div>Copyright {story.date.year} {story.outlet}.</div>{paragraphs}"
            f"<div>Document {story.document_id}</div></div>")
    return ("<html><head><title>Factiva</title></head><body><div id=\"headlines\">Search summary</div>"
            + "".join(articles) + "</body></html>").encode("utf-8")


def proquest_txt(items: list[Story]) -> str:
    rule = "_" * 60
    parts = ["Report Information from ProQuest", "March 30 2024 09:15", rule, "Table of contents",
             *[f"{number}. {story.title}" for number, story in enumerate(items, start=1)]]
    for number, story in enumerate(items, start=1):
        parts += [rule, f"Document {number} of {len(items)}", "", story.title, f"Author: {story.byline}",
                  f"Publication info: {story.outlet}; Riverton. {story.date:%d %b %Y}: A.3.",
                  f"https://www.proquest.com/docview/{880000 + number}", f"Full text: {story.body[0]}", *story.body[1:],
                  "Subject: Settlements & damages; Water utilities", f"Title: {story.title}",
                  f"Publication title: {story.outlet}", f"Publication date: {story.date:%b} {story.date.day}, {story.date.year}",
                  f"Section: {story.section}", f"ProQuest document ID: {880000 + number}",
                  f"Copyright: Copyright {story.outlet} {story.date:%b} {story.date.day}, {story.date.year}",
                  "Database: US Newsstream"]
    return "\n".join(parts + [rule]) + "\n"


def proquest_html(items: list[Story]) -> bytes:
    """The HTML export: the text export's paragraphs, its rules as <hr>."""
    from html import escape

    blocks = []
    for line in proquest_txt(items).splitlines():
        blocks.append("<hr/>" if line.startswith("____") else f"<p>{escape(line)}</p>" if line else "")
    return ("<html><head><meta charset='utf-8'><title>ProQuest</title></head><body><div>"
            + "".join(blocks) + "</div></body></html>").encode("utf-8")


def article_html(story: Story, url: str, extra: str = "") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in story.body)
    return (f"<!DOCTYPE html><html><head><title>{story.title}</title>"
            f'<meta property="og:site_name" content="{story.outlet}">'
            f'<meta property="article:published_time" content="{story.date.isoformat()}T09:00:00Z">'
            f'<link rel="canonical" href="{url}"></head><body><article><h1>{story.title}</h1>{paragraphs}{extra}'
            "</article></body></html>")


def mhtml(story: Story, url: str) -> bytes:
    message = MIMEMultipart("related", type="text/html")
    message["Subject"] = story.title
    message["Snapshot-Content-Location"] = url
    page = MIMEText(article_html(story, url), "html", "utf-8")
    page["Content-Location"] = url
    message.attach(page)
    image = MIMEText("body { color: black }", "css")
    image["Content-Location"] = url + "/style.css"
    message.attach(image)
    return message.as_bytes()


def eml(sender: str, subject: str, sent: dt.datetime, body: str) -> bytes:
    message = email.message.EmailMessage()
    message["From"] = sender
    message["To"] = "researcher@example.edu"
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(sent)
    message.set_content(body)
    return message.as_bytes()


def warc(captures: list[tuple[str, str, str]]) -> bytes:
    """A gzipped WARC of (url, ISO capture time, html) responses, written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, captured, page in captures:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode("utf-8")),
                                           http_headers=headers, warc_headers_dict={"WARC-Date": captured})
        writer.write_record(record)
    return buffer.getvalue()


def wacz(warc_bytes: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.warc.gz", warc_bytes)
        archive.writestr("datapackage.json", json.dumps({"profile": "data-package", "resources": []}))
        archive.writestr("pages/pages.jsonl", b'{"format": "json-pages-1.0"}\n')
    return buffer.getvalue()
