"""MinHash signatures estimate Jaccard similarity; LSH pairs similar sets and not unrelated ones."""
from __future__ import annotations

import os
import random
import subprocess
import sys

from reader.provenance.minhash import LshIndex, shingles, signature, word_id


def _estimate(left: tuple[int, ...], right: tuple[int, ...]) -> float:
    return sum(a == b for a, b in zip(left, right)) / len(left)


def test_signature_agreement_tracks_jaccard_similarity():
    rng = random.Random(5)
    base = [rng.randrange(10**9) for _ in range(2000)]
    for keep in (0.2, 0.5, 0.8):
        other = base[: int(len(base) * keep)] + [rng.randrange(10**9) for _ in range(int(len(base) * (1 - keep)))]
        left, right = set(base), set(other)
        truth = len(left & right) / len(left | right)
        estimate = _estimate(signature(left, 256), signature(right, 256))
        assert abs(estimate - truth) < 0.1, (keep, truth, estimate)


def test_empty_and_tiny_sets():
    assert signature([], 64) is None
    tiny = signature({42}, 64)
    assert tiny is not None and len(tiny) == 64 and tiny == signature({42}, 64)


def test_lsh_pairs_copies_and_not_strangers():
    rng = random.Random(9)
    words = [f"w{rng.randrange(5000)}" for _ in range(400)]
    copy = list(words)
    copy[100] = "changed"
    stranger = [f"w{rng.randrange(5000)}" for _ in range(400)]
    index = LshIndex(16, 4)
    for key, text in enumerate((words, copy, stranger)):
        index.add(key, signature(shingles([word_id(word) for word in text], 4), 64))
    assert index.candidate_pairs() == {(0, 1)}


def test_ids_and_signatures_do_not_depend_on_the_process_hash_seed():
    code = ("from reader.provenance.minhash import shingles, signature, word_id; "
            "ids = [word_id(w) for w in 'the council voted to close the old bridge'.split()]; "
            "print(ids, signature(shingles(ids, 3), 16))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1
