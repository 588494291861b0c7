"""Settings: an INI file under the (test's) config dir, versioned, upgraded, remembering recent corpora."""
from __future__ import annotations

from pathlib import Path

from ui import settings as settings_module
from ui.settings import SETTINGS_VERSION, Settings


def test_settings_are_an_ini_file_in_the_config_dir(qapp, corroborate_home):
    settings = Settings()
    settings.set_value("reader/zoom", 3)
    settings.sync()
    path = Path(settings.qsettings.fileName())
    assert path.is_relative_to(corroborate_home)
    assert path.suffix == ".ini"
    assert "zoom=3" in path.read_text()
    assert Settings().value("settings/version", kind=int) == SETTINGS_VERSION


def test_older_settings_are_upgraded_step_by_step(qapp, monkeypatch):
    old = Settings()
    old.set_value("settings/version", 1)
    old.set_value("reader/font_steps", 4)
    old.sync()

    def rename_zoom(qsettings):
        qsettings.setValue("reader/zoom", qsettings.value("reader/font_steps"))
        qsettings.remove("reader/font_steps")

    monkeypatch.setattr(settings_module, "SETTINGS_VERSION", 2)
    monkeypatch.setitem(settings_module.UPGRADES, 1, rename_zoom)
    upgraded = Settings()
    assert upgraded.value("reader/zoom", kind=int) == 4
    assert upgraded.value("reader/font_steps") is None
    assert upgraded.value("settings/version", kind=int) == 2


def test_recent_corpora_newest_first_without_duplicates(qapp, tmp_path):
    settings = Settings()
    assert settings.recent_corpora() == []
    first, second = tmp_path / "a", tmp_path / "b"
    settings.add_recent_corpus([first])
    settings.add_recent_corpus([second, first / "x.txt"])
    settings.add_recent_corpus([first])
    assert Settings().recent_corpora() == [[first], [second, first / "x.txt"]]


def test_unreadable_recent_entry_is_skipped(qapp):
    settings = Settings()
    settings.set_value("recent/corpora", ["not json", '["/somewhere"]'])
    assert settings.recent_corpora() == [[Path("/somewhere")]]
