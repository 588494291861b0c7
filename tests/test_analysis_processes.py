"""Big values cross to and from child processes in slices, and arrive whole and equal."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from index import update_index
from reader.analysis import steps
from reader.analysis.processes import BACKGROUND_NICENESS, ChildJob, PackedOnce, run_in_child, stop_processes
from reader.analysis.transfer import SLICE, Sliced, call_unpacked, pack, unpack
from reader.provenance.copies import ReuseReport, provenance

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def children():
    yield
    stop_processes()


def test_a_big_list_is_sliced_and_comes_back_equal():
    articles = [{"id": f"a{number}", "text": "word " * (number % 7)} for number in range(SLICE * 3 + 5)]
    packed = pack(articles)
    assert isinstance(packed, Sliced) and len(packed.pickles) == 4
    assert all(len(pickle.loads(part)) <= SLICE for part in packed.pickles)
    assert unpack(pickle.loads(pickle.dumps(packed))) == articles


def test_a_big_dict_keeps_its_keys_and_order():
    quotes = {(f"a{number}", f"hash{number}"): [number, number + 1] for number in range(SLICE * 2 + 1)}
    unpacked = unpack(pack(quotes))
    assert unpacked == quotes and list(unpacked) == list(quotes)


def test_a_dataclass_is_sliced_by_its_big_fields(sample_corpus):
    report = provenance(sample_corpus.articles * (SLICE // 4))
    packed = pack(report)
    assert isinstance(packed, Sliced) and packed.kind is ReuseReport
    assert isinstance(packed.fields["articles"], Sliced) and packed.fields["candidates"] == report.candidates
    assert unpack(packed) == report


def test_the_analysis_the_index_child_is_sent_crosses_in_slices(sample_corpus):
    from reader.analysis.pipeline import CorpusAnalysis
    from reader.quotes.speakers import current_registry

    quotes = {f"a{number}": [] for number in range(SLICE * 2)}
    analysis = CorpusAnalysis([], current_registry(), quotes)
    packed = pack(analysis)  # whole, it was one pickle holding the interpreter lock in the queue's thread
    assert isinstance(packed, Sliced) and isinstance(packed.fields["quotes"], Sliced)
    again = unpack(packed)
    assert again.quotes == quotes and again.by_id == {}


def test_small_values_pass_unchanged(sample_corpus):
    small = sample_corpus.articles[:3]
    assert pack(small) is small
    assert pack(sample_corpus.articles[0]) is sample_corpus.articles[0]  # no big field: not sliced
    assert unpack(42) == 42


def test_a_dataclass_not_rebuilt_from_its_fields_passes_whole(sample_corpus):
    from reader.articles.corpus import Corpus

    corpus = Corpus(sample_corpus.articles * (SLICE // 4), [])  # its id lookup is not an init field
    assert pack(corpus) is corpus


def test_shared_argument_is_sliced_once():
    shared = PackedOnce(list(range(SLICE * 2)))
    first = shared.packed()
    assert shared.packed() is first
    assert unpack(first) == list(range(SLICE * 2))


def test_child_process_gets_and_returns_big_values_whole(children):
    numbers = list(range(SLICE * 5, 0, -1))
    shared = PackedOnce(numbers)
    ordered = ChildJob(sorted, shared).wait()
    negated = run_in_child(dict, {n: -n for n in numbers})
    assert ordered == sorted(numbers)
    assert negated == {n: -n for n in numbers}


def test_a_cancelled_wait_stops_at_once(children):
    import threading
    import time

    cancel = threading.Event()
    cancel.set()
    started = time.perf_counter()
    with pytest.raises(Exception) as raised:
        ChildJob(time.sleep, 30).wait(cancel)
    assert type(raised.value).__name__ == "Cancelled" and time.perf_counter() - started < 10


def test_each_job_runs_in_a_fresh_child_process(children):
    """What one job leaves in its process (caches, a grown heap) must not add to the next one's peak."""
    first, second, third = (run_in_child(os.getpid) for _ in range(3))
    assert len({first, second, third, os.getpid()}) == 4


@pytest.mark.skipif(not hasattr(os, "nice"), reason="os.nice is POSIX only")
def test_child_processes_run_at_lower_priority(children):
    assert run_in_child(os.nice, 0) == min(os.nice(0) + BACKGROUND_NICENESS, 19)  # 19 is the lowest priority there is


def test_what_child_processes_run_imports_no_qt() -> None:
    """A child process imports only what its job needs: the jobs the window sends there and the
    function that runs them live outside Qt, so no child spends the time and memory to load it."""
    modules = sorted({job.__module__ for job in (call_unpacked, steps.corpus_quotes, steps.corpus_provenance,
                                                 steps.corpus_facts, update_index)})
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "reader.analysis.transfer" in modules and result.stdout.strip() == ""


def test_a_tuple_of_results_is_sliced_by_its_big_items():
    facts = [{"fact": number} for number in range(SLICE * 2 + 1)]
    summary = {"compared": len(facts)}
    packed = pack((facts, summary))
    assert isinstance(packed, Sliced) and isinstance(packed.fields["0"], Sliced) and packed.fields["1"] is summary
    assert unpack(pickle.loads(pickle.dumps(packed))) == (facts, summary)
    small = ([1, 2], {"compared": 2})
    assert pack(small) is small


def test_big_slices_cross_through_a_file_removed_once_read(monkeypatch):
    from reader.analysis import transfer

    monkeypatch.setattr(transfer, "SPOOL_FROM", 1_000)
    articles = [{"id": f"a{number}", "text": "word " * 20} for number in range(SLICE * 3)]
    packed = pack(articles)
    assert isinstance(packed.pickles, transfer.Spool) and os.path.exists(packed.pickles.path)
    assert len(pickle.dumps(packed)) < 1_000  # only the file's name and the slices' sizes cross
    assert unpack(pickle.loads(pickle.dumps(packed))) == articles
    assert not os.path.exists(packed.pickles.path)


def test_a_shared_spool_stays_for_every_reader_and_goes_with_its_owner(monkeypatch):
    import gc

    from reader.analysis import transfer

    monkeypatch.setattr(transfer, "SPOOL_FROM", 1_000)
    numbers = list(range(SLICE * 20))
    shared = PackedOnce(numbers)
    spool = shared.packed().pickles
    assert unpack(shared.packed()) == numbers and unpack(shared.packed()) == numbers
    assert os.path.exists(spool.path)
    del shared
    gc.collect()
    assert not os.path.exists(spool.path)


def test_a_child_job_reads_and_returns_spooled_values(children, monkeypatch):
    from reader.analysis import transfer

    monkeypatch.setattr(transfer, "SPOOL_FROM", 1_000)
    numbers = list(range(SLICE * 20, 0, -1))
    shared = PackedOnce(numbers)
    assert ChildJob(sorted, shared).wait() == sorted(numbers)
    texts = [f"{number:05d}" * 1_000 for number in range(SLICE * 10)]  # 5 MB: the child spools its result too
    before = set(Path(tempfile.gettempdir()).glob("corroborate-slices-*"))
    assert run_in_child(list, texts) == texts
    assert set(Path(tempfile.gettempdir()).glob("corroborate-slices-*")) <= before
