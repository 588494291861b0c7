"""A story none of the shipped parties is in: the window colours its quotes by the parties it
discovers, and the quotes list keeps each person's name when the researcher adds or merges a party."""
from __future__ import annotations

from pathlib import Path

import pytest

from ui.parties_dialog import add_party

COUNCIL = Path(__file__).parent / "data" / "council"


@pytest.fixture
def council_window(qtbot, main_window):  # noqa: ANN001, ANN201
    """The main window with the council-vote story open and its quotes found."""
    with qtbot.waitSignal(main_window.context.corpus.loaded, timeout=20_000):
        main_window.open_corpus([COUNCIL])
    qtbot.waitUntil(lambda: main_window.analysis.quotes_complete
                    and main_window.quotes_panel.model.rowCount() > 0, timeout=30_000)
    return main_window


def _rows(window) -> list[tuple[str, str, str]]:  # noqa: ANN001
    model = window.quotes_panel.model
    return [(model.index(row, 1).data(), model.index(row, 2).data(), model.index(row, 3).data())
            for row in range(model.rowCount())]


def _filter_names(window) -> list[str]:  # noqa: ANN001
    combo = window.quotes_panel.party_filter
    return [combo.itemText(index) for index in range(combo.count())]


def test_story_without_a_shipped_party_gets_coloured_quotes_per_discovered_party(council_window):
    window = council_window
    names = _filter_names(window)
    assert {"Millbrook City Council", "Riverside Transit Authority", "Nora Quinn"} <= set(names)
    assert not {"Amazon", "Ring", "Federal Trade Commission"} & set(names)
    window.context.corpus.set_current("council.txt")
    quotes = window.analysis.quotes_of(window.reader.article)
    highlights = window.reader._layers["quotes"]
    colours = {quote.entity: highlight.style.underlineColor().name().lower()
               for quote, highlight in zip(quotes, highlights) if quote.entity}
    assert set(colours) == {"mcc", "rta"}
    assert len(set(colours.values())) == 2
    for quote, highlight in zip(quotes, highlights):
        assert quote.speaker_name in highlight.tooltip and quote.party_name in highlight.tooltip


def test_quotes_list_keeps_the_persons_name_after_a_party_is_added_or_merged(qtbot, council_window):
    window = council_window
    assert ("Elena Ortiz", "Millbrook City Council") in [row[:2] for row in _rows(window)]
    add_party("mcc", "Millbrook City Council", "agency", ["the city council", "Elena Ortiz"])
    add_party("harbor-street-merchants", "Harbor Street Merchants", "other", ["David Park"])
    window.analysis.reload_registry()
    qtbot.waitUntil(lambda: window.analysis.quotes_complete and window.quotes_panel.model.rowCount() > 0,
                    timeout=30_000)
    rows = [row[:2] for row in _rows(window)]
    assert ("Elena Ortiz", "Millbrook City Council") in rows
    assert ("David Park", "Harbor Street Merchants") in rows
    assert "Harbor Street Merchants" in _filter_names(window)
