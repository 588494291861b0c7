"""`corroborate --self-test`: every check passes on a working install and names what broke."""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import app.self_test
from app.cli import main
from app.self_test import CHECKS, Check, CheckResult, SelfTestFailure, run_checks
from app import window_self_test as ui_self_test

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("check", CHECKS, ids=[check.name for check in CHECKS])
def test_each_core_check_passes_on_the_sample(check: Check) -> None:
    detail = check.run()
    assert isinstance(detail, str) and detail


def test_window_check_opens_the_real_window_on_the_sample(qapp) -> None:
    detail = ui_self_test.check_main_window()
    assert detail.startswith("5 articles listed")
    assert not any(widget.isVisible() for widget in qapp.topLevelWidgets())


def test_a_failing_check_is_reported_and_the_rest_still_run() -> None:
    def broken() -> str:
        raise SelfTestFailure("index found nothing")

    reported: list[CheckResult] = []
    results = run_checks([Check("search", broken), Check("diff", lambda: "3 changes")], reported.append)
    assert reported == results
    assert [result.passed for result in results] == [False, True]
    assert results[0].line().startswith("✗ search: SelfTestFailure: index found nothing (")
    assert results[1].line().startswith("✓ diff: 3 changes (")
    assert results[1].line().endswith(" ms)")


def test_sample_check_fails_when_the_bundled_sample_is_missing(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(app.self_test, "sample_dir", lambda: tmp_path)
    with pytest.raises(SelfTestFailure, match="0 sample articles, expected 5"):
        app.self_test.check_sample_articles()


def test_search_check_fails_when_the_index_finds_nothing(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(app.self_test, "sample_dir", lambda: tmp_path)
    with pytest.raises(SelfTestFailure, match="0 phrase hits"):
        app.self_test.check_search()


def test_exit_code_is_1_when_any_check_fails(monkeypatch, capsys) -> None:
    def broken() -> str:
        raise RuntimeError("whoosh missing")

    monkeypatch.setattr(ui_self_test, "WORKER_CHECKS", [])
    monkeypatch.setattr(ui_self_test, "QT_CHECKS", [Check("index", broken)])
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "✗ index: RuntimeError: whoosh missing" in out
    assert f"✓ {ui_self_test.PDF_CHECK}: " in out
    assert "self-test FAILED: 1 of 2 checks" in out


def test_a_dying_worker_fails_the_self_test(monkeypatch, capsys) -> None:
    def die() -> str:
        os._exit(3)

    monkeypatch.setattr(ui_self_test, "WORKER_CHECKS", [Check("dies", die)])
    monkeypatch.setattr(ui_self_test, "QT_CHECKS", [])
    assert main(["--self-test"]) == 1
    assert "the worker failed: exit code 3" in capsys.readouterr().out


def test_a_hung_worker_is_stopped_and_fails_the_self_test(monkeypatch, capsys) -> None:
    def hang() -> str:
        time.sleep(600)
        return "never"

    monkeypatch.setattr(ui_self_test, "WORKER_CHECKS", [Check("hangs", hang)])
    monkeypatch.setattr(ui_self_test, "QT_CHECKS", [])
    monkeypatch.setattr(ui_self_test, "WORKER_TIMEOUT", 1.0)
    assert main(["--self-test"]) == 1
    assert "the worker failed: no answer in 1 s" in capsys.readouterr().out
    assert not multiprocessing.active_children()  # stopped, or the process could never exit


def test_self_test_passes_from_the_command_line(capsys) -> None:
    assert main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(ui_self_test.WORKER_CHECKS) + len(ui_self_test.QT_CHECKS) + 2  # the PDF check, the verdict
    assert all(line.startswith("✓ ") for line in lines[:-1])
    assert lines[-1].startswith("self-test passed")


def test_self_test_forces_offscreen_qt_without_a_display(tmp_path) -> None:
    """Even when told to use X11 with no display, the self-test opens its window offscreen."""
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", CORROBORATE_HOME=str(tmp_path))
    completed = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=ROOT, env=env,
                               capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "✓ main window opens offscreen" in completed.stdout


def test_quotes_check_fails_on_a_broken_speaker_registry() -> None:
    from reader.paths import config_dir

    (config_dir() / "speakers.toml").write_text("[parties]\namazon = 3\n", encoding="utf-8")
    with pytest.raises(SelfTestFailure, match="the speaker registry has problems"):
        app.self_test.check_quotes()


def test_pdf_check_lays_out_and_reads_back_the_report(qapp, tmp_path) -> None:
    receiver, sender = multiprocessing.Pipe(duplex=False)
    sender.send(ui_self_test.lay_out_pdf_report(tmp_path))
    assert ui_self_test.check_pdf_export(receiver).endswith("KiB PDF, text read back")


def test_pdf_check_reports_why_qt_laid_out_no_report() -> None:
    receiver, sender = multiprocessing.Pipe(duplex=False)
    sender.send("RuntimeError: no fonts")
    with pytest.raises(SelfTestFailure, match="Qt's PDF writer failed: RuntimeError: no fonts"):
        ui_self_test.check_pdf_export(receiver)


def test_a_failed_pdf_layout_fails_its_check_and_the_rest_still_run(monkeypatch, capsys) -> None:
    def no_fonts(folder) -> None:
        raise RuntimeError("no fonts")

    monkeypatch.setattr(ui_self_test, "lay_out_pdf_report", no_fonts)
    monkeypatch.setattr(ui_self_test, "WORKER_CHECKS", [Check("diff", lambda: "3 changes")])
    monkeypatch.setattr(ui_self_test, "QT_CHECKS", [])
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "✓ diff: 3 changes" in out
    assert f"✗ {ui_self_test.PDF_CHECK}: SelfTestFailure: Qt's PDF writer failed: RuntimeError: no fonts" in out
