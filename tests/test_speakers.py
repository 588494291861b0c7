"""The speaker registry: bundled parties, the researcher's additions, alias matching."""
from __future__ import annotations

from pathlib import Path

from reader.paths import config_dir
from reader.quotes.speakers import OKABE_ITO, load_registry


def test_bundled_parties_have_aliases_and_palette_colours() -> None:
    registry = load_registry()
    assert [party.id for party in registry.parties] == ["amazon", "ring", "ftc"]
    assert {party.color for party in registry.parties} <= set(OKABE_ITO)
    assert len({party.color for party in registry.parties}) == 3
    assert "Amazon.com" in registry.party("amazon").aliases
    assert "the e-commerce giant" in registry.party("amazon").aliases
    assert "Ring LLC" in registry.party("ring").aliases
    assert {"the Federal Trade Commission", "the agency", "the commission"} <= set(registry.party("ftc").aliases)
    assert registry.problems == []


def test_alias_matching_respects_case_and_word_edges() -> None:
    registry = load_registry()
    text = "The agency fined Amazon-owned Ring LLC; a ring of keys; the FTC’s order; Amazon.com said."
    found = [(text[m.start:m.end], m.party_id, m.generic) for m in registry.mentions(text)]
    assert found == [("The agency", "ftc", True), ("Ring LLC", "ring", False), ("the FTC", "ftc", False),
                     ("Amazon.com", "amazon", False)]


def test_user_file_adds_parties_and_aliases(tmp_path: Path) -> None:
    user = config_dir() / "speakers.toml"
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(
        '[parties.doj]\nname = "Department of Justice"\nkind = "agency"\naliases = ["DOJ", "the Justice Department"]\n'
        '[parties.amazon]\naliases = ["AMZN"]\n', encoding="utf-8")
    registry = load_registry()
    assert [party.id for party in registry.parties] == ["amazon", "ring", "ftc", "doj"]
    assert "AMZN" in registry.party("amazon").aliases and "Amazon" in registry.party("amazon").aliases
    doj = registry.party("doj")
    assert doj.kind == "agency" and doj.color in OKABE_ITO
    assert doj.color not in {party.color for party in registry.parties if party.id != "doj"}
    text = "AMZN and the Justice Department"
    assert [m.party_id for m in registry.mentions(text)] == ["amazon", "doj"]


def test_broken_user_file_is_reported_and_bundled_parties_still_load() -> None:
    user = config_dir() / "speakers.toml"
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("[parties.x\nname = ", encoding="utf-8")
    registry = load_registry()
    assert [party.id for party in registry.parties] == ["amazon", "ring", "ftc"]
    assert len(registry.problems) == 1 and "cannot read" in registry.problems[0]


def test_bad_entries_are_reported_one_by_one(tmp_path: Path) -> None:
    user = tmp_path / "speakers.toml"
    user.write_text('[parties.acme]\nname = "Acme"\ncolor = "orange"\nkind = "planet"\naliases = "Acme"\n',
                    encoding="utf-8")
    registry = load_registry(user)
    acme = registry.party("acme")
    assert acme.aliases == ("Acme",) and acme.color in OKABE_ITO and acme.kind == "company"
    assert len(registry.problems) == 3


def test_current_registry_follows_edits_to_the_users_file() -> None:
    from reader.quotes.speakers import current_registry

    assert current_registry() is current_registry()
    user = config_dir() / "speakers.toml"
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text('[parties.meta]\nname = "Meta"\naliases = ["Meta", "Meta Platforms"]\n', encoding="utf-8")
    assert "meta" in [party.id for party in current_registry().parties]
