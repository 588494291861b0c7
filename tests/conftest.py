"""Test set-up: headless Qt, and every user directory redirected into a temp folder."""
from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("CORROBORATE_HOME", tempfile.mkdtemp(prefix="corroborate-tests-"))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reader.corpus import Corpus, load_corpus  # noqa: E402
from resources import sample_dir  # noqa: E402


@pytest.fixture(autouse=True)
def corroborate_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Caches, data, config and logs of each test live in their own temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CORROBORATE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def sample_corpus() -> Corpus:
    return load_corpus([sample_dir()])


@pytest.fixture(scope="session")
def sample_articles(sample_corpus: Corpus) -> dict[str, object]:
    """Sample articles keyed by their three-digit prefix ("000" … "004")."""
    return {article.id[:3]: article for article in sample_corpus.articles}
