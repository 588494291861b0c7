"""Loading a news-database export against loading the same articles as separate files.

Generates `--articles` articles (default 2,000) with `bench/corpus_generator.py`, writes them
once as separate `.txt` files and once as single exports (classic Nexis `.txt`, Nexis Uni `.docx`
and `.rtf` in a plain and a Word-style markup, Factiva `.rtf`), and times `load_corpus` on each
(best of `--repeat` runs). Prints articles per second and the ratio separate-files time / export
time (above 1: the export loads faster) against two baselines: separate plain `.txt` files, and
separate files of the export's own format (one single-article export per article, as a database
gives when articles are downloaded one at a time), so the cost of reading the format is told from
the cost of splitting the export. For each RTF export it also prints the time striprtf's own loop
and Corroborate's reader take to turn it into text, and whether the two texts are identical.
Run: `.venv/bin/python bench/bench_formats.py [--articles 2000] [--repeat 2]`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench.corpus_generator import generate_corpus  # noqa: E402
from export_builders import (Story, factiva_paragraphs, nexis_classic_txt, nexis_uni_docx,  # noqa: E402
                             nexis_uni_paragraphs, rtf, word_rtf)
from reader.articles.corpus import load_corpus  # noqa: E402
from reader.articles.formats.rtf import rtf_to_text  # noqa: E402


def _stories(folder: Path) -> list[Story]:
    """The generated articles as exportable stories: the same paragraphs, title, outlet and date."""
    made = []
    for number, article in enumerate(load_corpus([folder]).articles, start=1):
        made.append(Story(title=article.title or f"Article {number}", outlet=article.outlet or "Unknown outlet",
                          date=article.date or dt.date(2024, 1, 1), byline=f"Reporter {number}", section="News",
                          body=[article.span_text(span) for span in article.paragraphs],
                          document_id=f"BENCH000020240101ek{number:010d}"))
    return made


def _separate(stories: list[Story], folder: Path) -> Path:
    folder.mkdir()
    for number, story in enumerate(stories, start=1):
        (folder / f"{number:05d}.txt").write_text(f"{story.title}\n\n" + "\n\n".join(story.body), encoding="utf-8")
    return folder


def _separate_exports(stories: list[Story], write: Callable[[list[Story]], bytes], folder: Path, name: str) -> Path:
    """Each story as an export of its own, the way a database gives one article downloaded alone."""
    folder.mkdir()
    suffix = "".join(Path(name).suffixes[-1:])
    for number, story in enumerate(stories, start=1):
        (folder / f"{number:05d}{suffix}").write_bytes(write([story]))
    return folder


def _best(paths: list[Path], repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        corpus = load_corpus(paths)
        times.append(time.perf_counter() - started)
        count = len(corpus.articles)
    return min(times), count


def _rtf_reading(data: bytes) -> str:
    """striprtf's time and ours on one RTF export, and whether they give the same text."""
    from striprtf.striprtf import rtf_to_text as striprtf_text

    text = data.decode("latin-1")
    started = time.perf_counter()
    theirs = striprtf_text(text, errors="replace")
    middle = time.perf_counter()
    ours = rtf_to_text(text, errors="replace")
    ended = time.perf_counter()
    return (f"    RTF to text: striprtf {middle - started:.2f} s, Corroborate {ended - middle:.2f} s "
            f"({(middle - started) / (ended - middle):.1f}x); same text: {'yes' if ours == theirs else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-formats-") as scratch:
        base = Path(scratch)
        generate_corpus(base / "generated", args.articles, args.words, args.seed)
        stories = _stories(base / "generated")
        separate = _separate(stories, base / "separate")
        writers: dict[str, Callable[[list[Story]], bytes]] = {
            "nexis.txt": lambda part: nexis_classic_txt(part).encode("utf-8"),
            "nexis-uni.docx": nexis_uni_docx,
            "nexis-uni.rtf": lambda part: rtf(nexis_uni_paragraphs(part)),
            "nexis-uni-word-style.rtf": lambda part: word_rtf(nexis_uni_paragraphs(part)),
            "factiva.rtf": lambda part: rtf(factiva_paragraphs(part)),
        }
        baseline, expected = _best([separate], args.repeat)
        print(f"{expected} articles as separate .txt files: {baseline:.2f} s "
              f"({expected / baseline:.0f} articles/s)", flush=True)
        for name, write in writers.items():
            data = write(stories)
            path = base / name
            path.write_bytes(data)
            seconds, count = _best([path], args.repeat)
            alike, _ = _best([_separate_exports(stories, write, base / f"separate-{name}", name)], args.repeat)
            print(f"one {name} export ({len(data) / 1_048_576:.1f} MB): {count} articles in {seconds:.2f} s "
                  f"({count / seconds:.0f} articles/s); separate/export time ratio {baseline / seconds:.2f} "
                  f"against .txt files, {alike / seconds:.2f} against {expected} one-article {name} files "
                  f"({alike:.2f} s)" + ("" if count == expected else f"  [expected {expected} articles]"), flush=True)
            if name.endswith(".rtf"):
                print(_rtf_reading(data), flush=True)


if __name__ == "__main__":
    main()
