"""The researcher's choices: an INI file in the config dir, versioned and upgraded on open.

IniFormat in UserScope keeps settings portable and out of the Windows registry; the path
follows `reader.paths.config_dir()`, so `CORROBORATE_HOME` (and every test) redirects it.
Each upgrade step moves settings written by an older version to the current layout (Picard's
`config.py`), so a newer release never misreads an older file.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSettings

from reader import paths

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
MAX_RECENT = 8

UPGRADES: dict[int, Callable[[QSettings], None]] = {}
"""Step from version N to N+1; the first release's layout is version 1, so none are needed yet."""


class Settings:
    """Typed access to the few settings the window keeps, plus raw values for views' layout."""

    def __init__(self) -> None:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir()))
        self.qsettings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Corroborate", "corroborate"
        )
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(self.qsettings.value("settings/version", 0 if not self.qsettings.allKeys() else 1))
        if version == 0:
            version = SETTINGS_VERSION
        while version < SETTINGS_VERSION:
            log.info("upgrading settings from version %d", version)
            UPGRADES[version](self.qsettings)
            version += 1
        self.qsettings.setValue("settings/version", version)

    def value(self, key: str, default: Any = None, kind: type | None = None) -> Any:
        if kind is None:
            return self.qsettings.value(key, default)
        return self.qsettings.value(key, default, type=kind)

    def set_value(self, key: str, value: Any) -> None:
        self.qsettings.setValue(key, value)

    def remove(self, key: str) -> None:
        self.qsettings.remove(key)

    def flag(self, key: str, default: bool) -> bool:
        return self.value(key, default, bool)

    def recent_corpora(self) -> list[list[Path]]:
        """Most recent first; each corpus is the list of files and folders the researcher opened."""
        raw = self.qsettings.value("recent/corpora", [])
        entries = [raw] if isinstance(raw, str) else list(raw or [])
        corpora = []
        for entry in entries:
            try:
                corpora.append([Path(item) for item in json.loads(entry)])
            except (ValueError, TypeError):
                log.warning("ignoring unreadable recent corpus entry %r", entry)
        return corpora

    def add_recent_corpus(self, corpus_paths: list[Path]) -> None:
        entry = [str(Path(item).resolve()) for item in corpus_paths]
        kept = [item for item in self.recent_corpora() if [str(p) for p in item] != entry]
        corpora = [entry] + [[str(p) for p in item] for item in kept]
        self.qsettings.setValue("recent/corpora", [json.dumps(item) for item in corpora[:MAX_RECENT]])

    def sync(self) -> None:
        self.qsettings.sync()
