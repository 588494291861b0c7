"""Short articles written for the research-record tests: one council vote told by three outlets,
one of them misquoting the mayor, one giving her words to a council member, and a revised copy."""
from __future__ import annotations

from pathlib import Path

LEDGER = """Harbor City approves seawall after long debate

Harbor City's council voted 5-2 on Tuesday to build a $40 million seawall along the old port.

"We cannot keep waiting for the next storm to tell us what we already know," Mayor Dana Whitfield said after the vote.

Council member Ray Ortega voted against the plan. "The cost will fall on renters who never asked for it," Ortega said.
"""

WIRE = """Seawall wins council backing

Harbor City will spend $40 million on a seawall, its council decided on Tuesday by five votes to two.

"We can't keep waiting for another storm to tell us what we already knew," Whitfield said.

Ortega, who opposed it, said: "The cost will fall on renters who never asked for it."
"""

METRO = """Council splits over seawall

The Harbor City council approved a $40 million seawall on Tuesday in a 5-2 vote.

“We cannot keep waiting for the next storm to tell us what we already know,” council member Ray Ortega said.
"""

LEDGER_UPDATED = """Harbor City approves seawall after long debate

Updated 2024-03-06 09:30

Harbor City's council voted 5-2 on Tuesday to build a $42 million seawall along the old port.

"We cannot keep waiting for the next storm to tell us what we already know," Mayor Dana Whitfield said after the vote.

Council member Ray Ortega voted against the plan. "The cost will fall on renters who never asked for it," Ortega said.

Correction: An earlier version of this article misstated the cost of the seawall.
"""

MANIFEST = """[articles."ledger.txt"]
outlet = "Coast Ledger"
date = 2024-03-05
url = "https://ledger.example/seawall"

[articles."wire.txt"]
outlet = "Bay Wire"
date = 2024-03-06

[articles."metro.txt"]
outlet = "Metro Daily"
date = 2024-03-07
"""


def write_story(folder: Path, updated: bool = False) -> Path:
    """The three outlets' articles (and the Ledger's revision when `updated`) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"ledger.txt": LEDGER, "wire.txt": WIRE, "metro.txt": METRO}
    manifest = MANIFEST
    if updated:
        files["ledger-updated.txt"] = LEDGER_UPDATED
        manifest += ('\n[articles."ledger-updated.txt"]\noutlet = "Coast Ledger"\ndate = 2024-03-06\n'
                     'url = "https://ledger.example/seawall"\n')
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    return folder
