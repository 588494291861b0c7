"""Render the first page of the sample corpus's fact-matrix PDF export to docs/fact-export.png.

Needs poppler's `pdftoppm` (Debian: `apt-get install poppler-utils`). Run from the checkout:
`.venv/bin/python docs/render_fact_export.py`.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "facts.pdf"
        subprocess.run([sys.executable, "-m", "app", "export", "facts", "-o", str(pdf)], check=True)
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(DOCS / "fact-export")], check=True)
    print(DOCS / "fact-export.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
