"""The app never touches the network: every feature runs with sockets made to fail loudly."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from document_builders import NEWS_HTML, write
from app.cli import main
from reader.articles.corpus import load_corpus
from resources import sample_dir

SAMPLE = sorted(str(path) for path in sample_dir().glob("*.txt"))


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_html_with_remote_references_loads_offline(no_network: None, tmp_path: Path) -> None:
    page = NEWS_HTML.replace("</head>", "<link rel='stylesheet' href='https://cdn.example/x.css'>"
                             "<img src='https://img.example/a.png'></head>")
    write(tmp_path / "page.html", page)
    loaded = load_corpus([tmp_path])
    assert len(loaded.articles) == 1 and loaded.errors == []


@pytest.mark.parametrize("command", [["articles"], ["quotes"], ["facts"], ["reuse"],
                                     ["diff", SAMPLE[1], SAMPLE[3]]])
def test_commands_run_offline(no_network: None, command: list[str], capsys: pytest.CaptureFixture) -> None:
    assert main([*command, "--json"]) == 0
    assert capsys.readouterr().out.startswith("{")


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_exports_run_offline(no_network: None, tmp_path: Path, fmt: str) -> None:
    assert main(["export", "facts", "-o", str(tmp_path / f"facts.{fmt}")]) == 0
