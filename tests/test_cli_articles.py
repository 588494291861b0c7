"""`corroborate articles` and the command's global behaviour, run as a real process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from document_builders import write
from app.cli import COMMAND_MODULES, needed_commands


def corroborate(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_articles_json_on_the_sample() -> None:
    result = corroborate("articles", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["errors"] == []
    dates = {a["id"][:3]: a["date"] for a in payload["articles"]}
    assert dates == {"000": None, "001": "2023-06-01", "002": "2023-05-31", "003": None, "004": "2023-05-31"}
    first = payload["articles"][1]
    for key in ("id", "path", "outlet", "date", "title", "text", "paragraphs", "headings", "sentences", "boilerplate"):
        assert key in first
    start, end = first["sentences"][0]
    assert first["text"][start:end].startswith("E-commerce giant Amazon")
    assert {b["kind"] for b in first["boilerplate"]} == {"date-stamp", "advertisement"}


def test_garbage_pdf_beside_good_text_exits_zero_with_one_error(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Amazon will pay $25 million. The FTC said so.")
    write(tmp_path / "garbage.pdf", os.urandom(2048))
    result = corroborate("articles", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [a["id"] for a in payload["articles"]] == ["good.txt"]
    assert [Path(e["path"]).name for e in payload["errors"]] == ["garbage.pdf"]


def test_plain_output_lists_articles_and_warns_about_errors(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", " date 2023-05-31 Amazon will pay. The FTC said so.")
    write(tmp_path / "bad.docx", b"nope")
    result = corroborate("articles", str(tmp_path))
    assert result.returncode == 0
    assert "good.txt\t2023-05-31" in result.stdout
    assert "bad.docx: not a Word (.docx) file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["quotes", "facts", "reuse"])
def test_corpus_commands_name_an_unreadable_file_and_go_on(tmp_path: Path, command: str) -> None:
    write(tmp_path / "good.txt", '"We will pay," Amazon said. The FTC fined Amazon $25 million in 2023.')
    write(tmp_path / "other.txt", "Amazon was fined $25 million by the FTC in 2023, the agency said.")
    write(tmp_path / "bad.docx", b"nope")
    result = corroborate(command, str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    assert "bad.docx: not a Word (.docx) file" in result.stderr
    assert "Traceback" not in result.stderr
    assert "good.txt" in result.stdout and "bad.docx" not in result.stdout


def test_version_and_help() -> None:
    assert corroborate("--version").stdout.startswith("corroborate ")
    help_text = corroborate("--help").stdout
    assert "articles" in help_text and "sample corpus" in help_text


def test_a_mistyped_command_lists_the_commands_and_the_window_imports_none() -> None:
    result = corroborate("serch", "fine")
    assert result.returncode == 2
    assert "invalid choice: 'serch'" in result.stderr and "'search'" in result.stderr
    assert needed_commands([]) == needed_commands(["--verbose", "--self-test"]) == ()
    assert needed_commands(["search", "--help"]) == ("search",)
    assert needed_commands(["--help"]) == COMMAND_MODULES


def test_no_display_gives_a_clear_message_not_a_crash() -> None:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = corroborate(env=env)
    assert result.returncode == 2
    assert "no graphical display" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_x11_libraries_name_the_packages(monkeypatch) -> None:
    import ctypes

    from ui import display

    real_cdll = ctypes.CDLL

    def fake_cdll(name, *args, **kwargs):
        if "xcb-cursor" in name:
            raise OSError(f"{name}: cannot open shared object file")
        return real_cdll(name, *args, **kwargs)

    monkeypatch.setattr(display.ctypes, "CDLL", fake_cdll)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    problem = display.display_problem()
    assert problem is not None and "libxcb-cursor0" in problem


def test_articles_json_shows_each_article_of_an_export_and_its_place(tmp_path: Path) -> None:
    from export_builders import nexis_uni_docx, stories

    write(tmp_path / "nexis.docx", nexis_uni_docx(stories(3)))
    result = corroborate("articles", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [a["id"] for a in payload["articles"]] == ["nexis.docx#1", "nexis.docx#2", "nexis.docx#3"]
    second = payload["articles"][1]
    assert second["path"] == str(tmp_path / "nexis.docx")
    assert second["place"] == {"number": 2, "total": 3, "document_id": None, "captured_at": None}
    assert second["byline"] == "Reporter Number2" and second["details"]["length"].endswith("words")
    text = corroborate("articles", str(tmp_path))
    assert "nexis.docx#2\t2024-03-03\tNorthfield Daily Post\tdocument 2 of 3" in text.stdout
