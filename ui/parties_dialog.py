"""A small dialog to add a party, or more aliases to one, in the researcher's own speakers.toml.

The parties offered are the open corpus's (discovered ones included): naming one keeps its id,
so adding aliases to it (a person's name, another spelling) merges them into it, and a new name
adds a party. The bundled parties stay untouched; the researcher's file in the config directory
extends them (`reader.quotes.speakers`). It is rewritten atomically, keeping whatever else it held, and the
window reloads the registry so quotes are attributed and coloured again at once.
"""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QWidget)

from reader.paths import config_dir
from reader.quotes.parties import PartyBook
from reader.quotes.speakers import KINDS, REGISTRY_FILE
from reader.storage import write_atomic


def party_id_for(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _toml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def to_toml(data: dict[str, Any]) -> str:
    """The registry file's shape only: `[parties.<id>]` tables and a `[references]` table."""
    lines = ["# Your own parties and aliases; they extend the bundled ones (written by Corroborate)."]
    for party_id, entry in data.get("parties", {}).items():
        lines += ["", f"[parties.{json.dumps(party_id)}]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in entry.items()]
    if data.get("references"):
        lines += ["", "[references]"]
        lines += [f"{json.dumps(key)} = {_toml_value(value)}" for key, value in data["references"].items()]
    return "\n".join(lines) + "\n"


def add_party(party_id: str, name: str, kind: str, aliases: list[str], path: Path | None = None) -> Path:
    """Add the party (or extend its aliases) in the user's speakers.toml; returns the file written."""
    path = path or config_dir() / REGISTRY_FILE
    data: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    entry = data.setdefault("parties", {}).setdefault(party_id, {})
    entry["name"] = name
    entry["kind"] = kind
    known = list(entry.get("aliases", []))
    entry["aliases"] = known + [alias for alias in [name, *aliases] if alias not in known]
    write_atomic(path, to_toml(data).encode("utf-8"))
    return path


class PartiesDialog(QDialog):
    def __init__(self, parties: PartyBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a party or aliases")
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Amazon, or a new party such as Consumer Reports")
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText("other names, separated by commas")
        known = ", ".join(party.name for party in parties.parties)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"Parties now: {known}. A known name adds aliases to it."))
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Aliases:", self.aliases)
        form.addRow(buttons)
        self._parties = parties
        self.name.textChanged.connect(self._follow_known_party)

    def _follow_known_party(self, text: str) -> None:
        for party in self._parties.parties:
            if party.name.casefold() == text.strip().casefold():
                self.kind.setCurrentText(party.kind)

    def _save(self) -> None:
        name = self.name.text().strip()
        if not party_id_for(name):
            QMessageBox.warning(self, "Name needed", "Give the party a name with at least one letter or digit.")
            return
        known = {party.name.casefold(): party for party in self._parties.parties}
        party = known.get(name.casefold())
        aliases = [alias.strip() for alias in self.aliases.text().split(",") if alias.strip()]
        add_party(party.id if party else party_id_for(name), party.name if party else name,
                  self.kind.currentText(), aliases)
        self.accept()
