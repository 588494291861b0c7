"""Saved web pages (MHTML, "Web page, complete"), e-mails and web archives (WARC, WACZ)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from document_builders import write
from export_builders import article_html, eml, mhtml, stories, wacz, warc
from reader.articles.corpus import load_corpus
from reader.export.citation import source_of

STORY, LATER = stories(2)
URL = "https://riverton-herald.example/news/water-settlement"


def test_mhtml_page_is_one_article_with_the_address_it_was_saved_from(tmp_path: Path) -> None:
    write(tmp_path / "saved.mhtml", mhtml(STORY, URL))
    loaded = load_corpus([tmp_path])
    assert loaded.errors == []
    [article] = loaded.articles
    assert article.id == "saved.mhtml" and article.format == "mhtml"
    assert (article.title, article.outlet, article.date, article.url) == (STORY.title, STORY.outlet, STORY.date, URL)
    assert STORY.body[0] in article.text and "color: black" not in article.text


def test_web_page_complete_loads_the_page_not_its_resource_folder(tmp_path: Path) -> None:
    write(tmp_path / "Council settles.html", article_html(STORY, URL))
    write(tmp_path / "Council settles_files" / "frame.html", article_html(LATER, URL + "/frame"))
    write(tmp_path / "Council settles_files" / "notes.txt", "A resource. Not an article.")
    write(tmp_path / "Council settles_files" / "style.css", "body {}")
    write(tmp_path / "unrelated_files" / "kept.txt", "A folder of articles that happens to end in _files.")
    loaded = load_corpus([tmp_path])
    assert sorted(article.id for article in loaded.articles) == ["Council settles.html", "unrelated_files/kept.txt"]
    assert loaded.errors == []


def test_email_gives_sender_date_and_subject(tmp_path: Path) -> None:
    sent = dt.datetime(2024, 3, 2, 10, 30, tzinfo=dt.timezone.utc)
    write(tmp_path / "press.eml", eml("Riverton Press Office <press@riverton.example>", "Council settles water claims",
                                      sent, "The council voted on Tuesday to settle.\n\nThe mayor welcomed it."))
    [article] = load_corpus([tmp_path]).articles
    assert (article.outlet, article.date, article.title) == ("Riverton Press Office", sent.date(),
                                                             "Council settles water claims")
    assert article.details["sender"] == "Riverton Press Office <press@riverton.example>"
    assert [article.span_text(s) for s in article.sentences] == ["The council voted on Tuesday to settle.",
                                                                  "The mayor welcomed it."]


def test_an_html_newsletter_is_read_like_a_web_page(tmp_path: Path) -> None:
    import email.message

    message = email.message.EmailMessage()
    message["From"] = "Lakeside Courier Briefing <briefing@lakeside.example>"
    message["Subject"] = "Morning briefing"
    message["Date"] = "Mon, 04 Mar 2024 06:00:00 +0000"
    message.set_content(article_html(STORY, URL), subtype="html")
    write(tmp_path / "briefing.eml", message.as_bytes())
    [article] = load_corpus([tmp_path]).articles
    assert (article.outlet, article.date, article.title) == ("Lakeside Courier Briefing", dt.date(2024, 3, 4),
                                                             "Morning briefing")
    assert STORY.body[2] in article.text and "<p>" not in article.text


def test_warc_captures_are_articles_and_two_captures_of_a_url_are_two_versions(tmp_path: Path) -> None:
    write(tmp_path / "crawl.warc.gz", warc([
        (URL, "2024-03-02T10:00:00Z", article_html(STORY, URL)),
        ("https://lakeside.example/other", "2024-03-02T11:00:00Z", article_html(LATER, "https://lakeside.example/other")),
        (URL, "2024-03-05T08:00:00Z", article_html(LATER, URL, extra="<p>Updated: the clerk corrected the figure.</p>")),
    ]))
    loaded = load_corpus([tmp_path])
    assert loaded.errors == []
    assert [article.id for article in loaded.articles] == ["crawl.warc.gz#1", "crawl.warc.gz#2", "crawl.warc.gz#3"]
    first, _, second = loaded.articles
    assert first.url == second.url == URL and first.format == "warc"
    assert first.place.captured_at == dt.datetime(2024, 3, 2, 10, tzinfo=dt.timezone.utc)
    assert loaded.captures_of(second) == [first, second]
    assert "clerk corrected" in second.text and "clerk corrected" not in first.text
    assert source_of(first) == f"{URL}, captured 2024-03-02T10:00:00+00:00 ({tmp_path / 'crawl.warc.gz'})"


def test_a_revisit_record_is_a_capture_of_the_same_page(tmp_path: Path) -> None:
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    first = warc([(URL, "2024-03-02T10:00:00Z", article_html(STORY, URL))])
    digest = next(ArchiveIterator(io.BytesIO(first))).rec_headers.get_header("WARC-Payload-Digest")
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_revisit_record(URL, digest, URL, "2024-03-02T10:00:00Z", http_headers=headers,
                                                     warc_headers_dict={"WARC-Date": "2024-03-09T10:00:00Z"}))
    write(tmp_path / "crawl.warc.gz", first + buffer.getvalue())
    loaded = load_corpus([tmp_path])
    assert [a.place.captured_at.day for a in loaded.articles] == [2, 9]
    assert loaded.articles[0].text == loaded.articles[1].text
    assert loaded.captures_of(loaded.articles[1]) == loaded.articles


def test_wacz_reads_the_warcs_inside(tmp_path: Path) -> None:
    write(tmp_path / "site.wacz", wacz(warc([(URL, "2024-03-02T10:00:00Z", article_html(STORY, URL))])))
    [article] = load_corpus([tmp_path]).articles
    assert (article.id, article.url, article.title) == ("site.wacz#1", URL, STORY.title)


def test_damaged_archives_and_mails_get_specific_errors(tmp_path: Path) -> None:
    write(tmp_path / "broken.warc", b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    write(tmp_path / "empty.wacz", wacz(b""))
    write(tmp_path / "page.mhtml", b"From: nobody\r\nContent-Type: text/plain\r\n\r\nno page here")
    write(tmp_path / "good.txt", "A good article. It loads.")
    loaded = load_corpus([tmp_path])
    assert [article.id for article in loaded.articles] == ["good.txt"]
    errors = {Path(error.path).name: error.error for error in loaded.errors}
    assert "web archive" in errors["broken.warc"]
    assert "no captured HTML pages" in errors["empty.wacz"]
    assert "no HTML page" in errors["page.mhtml"]
