"""Run one benchmark on this checkout and on an earlier commit, alternately, in the same session.

The machine is shared and its speed drifts, so a figure is only worth comparing with one taken
minutes apart: the earlier commit is checked out into a temporary git worktree, and the benchmark
runs there and here in turn (`--runs` times each). Figures named by `--figure` (a regular
expression with one group capturing a number) are printed side by side with their ratio, and so
is the peak memory of the largest process each run started (the benchmark or any child of it).
Run: `python bench/side_by_side.py 565c6a1 bench/bench_responsiveness.py --articles 10000
--figure "done ([0-9.]+) s after opening"`.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


PEAK = "peak memory of the largest process: ([0-9.]+) MB"

LAUNCHER = ("import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:])\n"
            "print('peak memory of the largest process: %.0f MB' % "
            "(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))\n")
"""Runs the benchmark in a fresh process, so the peak it reports is this run's alone."""


def run(tree: Path, script: str, arguments: list[str]) -> str:
    """The tree's own packages come first on the path: an editable install of this checkout
    would otherwise answer every `import reader`, and both runs would measure this code."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(tree), os.environ.get("PYTHONPATH")]))}
    completed = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, str(tree / script), *arguments],
                               cwd=tree, capture_output=True, text=True, env=environment)
    return completed.stdout + completed.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the earlier commit to compare with")
    parser.add_argument("script", help="the benchmark, as a path inside the repository")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--figure", action="append", default=[], help="regex with one number group")
    args, arguments = parser.parse_known_args()
    args.figure.append(PEAK)
    with tempfile.TemporaryDirectory(prefix="side-by-side-") as temp:
        earlier = Path(temp) / "earlier"
        subprocess.run(["git", "worktree", "add", "--detach", str(earlier), args.revision], cwd=REPO, check=True,
                       capture_output=True)
        try:
            figures: dict[str, dict[str, list[float]]] = {"earlier": {}, "now": {}}
            for number in range(args.runs):
                for label, tree in (("earlier", earlier), ("now", REPO)):
                    output = run(tree, args.script, arguments)
                    print(f"--- {label} ({args.revision if label == 'earlier' else 'this checkout'}), run {number + 1}")
                    print(output.rstrip())
                    for pattern in args.figure:
                        found = re.search(pattern, output)
                        if found:
                            figures[label].setdefault(pattern, []).append(float(found.group(1)))
            for pattern in args.figure:
                before, now = figures["earlier"].get(pattern), figures["now"].get(pattern)
                if before and now:
                    ratio = statistics.median(now) / statistics.median(before)
                    print(f"{pattern!r}: earlier median {statistics.median(before):g}, now {statistics.median(now):g}, "
                          f"ratio now/earlier {ratio:.2f}x")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(earlier)], cwd=REPO, capture_output=True)


if __name__ == "__main__":
    main()
