"""Which copy is nearer the source, read from the texts' own credit lines and datelines."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles.corpus import load_corpus
from reader.articles.model import Article
from reader.provenance.copies import provenance
from reader.provenance.credits import credits
from reuse_texts import HARBOUR, ORCHARD, dated

LEAD, REST = HARBOUR.split("\n\n", 1)
RETELLING_TAIL = ("Commuters who cross the river every day told the local radio station they would switch to the "
                  "ferries, the Harbour Gazette reports. The station's own poll found most listeners supported the "
                  "closure, though many asked why the repairs had not started years ago.")


def _load(folder: Path, texts: dict[str, str]) -> list[Article]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return load_corpus([folder]).articles


def _copy_pair(report):
    return next(pair for pair in report.pairs if {pair.a, pair.b} == {"wire.txt", "copy.txt"})


def test_a_copy_that_credits_another_report_is_the_retelling_even_when_fuller(tmp_path):
    wire = dated(f"PORTHAVEN (AP) \u2014 {LEAD}\n\n{REST}", "2024-03-04")
    retelling = dated(f"{LEAD}\n\n{REST}\n\n{RETELLING_TAIL}", "2024-03-04")
    report = provenance(_load(tmp_path / "retold", {"wire": wire, "copy": retelling, "orchard": ORCHARD}))
    pair = _copy_pair(report)
    assert pair.source == "wire.txt" and pair.reason == "the other text credits another report"


def test_the_copy_carrying_the_dispatch_dateline_is_nearer_the_wire(tmp_path):
    wire = dated(f"PORTHAVEN: {LEAD}\n\n{REST}", "2024-03-04")
    reprint = dated(f"{LEAD}\n\n{REST}\n\nThe council meets again next month.", "2024-03-04")
    report = provenance(_load(tmp_path / "dateline", {"wire": wire, "copy": reprint, "orchard": ORCHARD}))
    pair = _copy_pair(report)
    assert pair.source == "wire.txt" and pair.reason == "it carries the wire dispatch's dateline"


@pytest.mark.parametrize("opening, dispatch", [
    ("PORTHAVEN (Reuters) - The council voted.", True),
    ("Headline over the story\n\nNEW YORK (AP) \u2014 The council voted.", True),
    ("March 4 (UPI) \u2014 The council voted.", True),
    ("The mayor told CNN: \"We had no choice.\"", False),
    ("The council voted on Tuesday. Engineers warned of corrosion.", False),
])
def test_datelines_are_read_at_the_start_of_a_paragraph_only(opening, dispatch):
    assert credits(Article(id="a.txt", path="a.txt", text=opening)).dispatch is dispatch


@pytest.mark.parametrize("sentence, retells", [
    ("The bridge will close for eight months, the Harbour Gazette reports.", True),
    ("Repairs will cost more, according to an NBC report.", True),
    ("This article first appeared in the Harbour Gazette.", True),
    ("Repairs will cost more, according to the engineers' report.", False),
    ("Repairs will cost $14 million, according to a report presented to the council.", False),
])
def test_a_text_retells_another_report_only_when_it_names_it(sentence, retells):
    assert credits(Article(id="a.txt", path="a.txt", text=sentence)).retells is retells


def test_a_wire_reuse_notice_at_the_foot_marks_a_dispatch():
    text = f"{HARBOUR}\n\nAll rights reserved. This material may not be published,\n\tbroadcast, rewritten or redistributed."
    assert credits(Article(id="a.txt", path="a.txt", text=text)).dispatch
