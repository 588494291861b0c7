"""CSV and JSON bytes for tabular exports; provenance travels with the data."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence


def csv_bytes(header: list[str], rows: list[list[Any]], info: dict, comments: Sequence[str] = ()) -> bytes:
    """CSV with the provenance (and then `comments`) as leading `#` comment lines, readable by
    spreadsheets and pandas."""
    buffer = io.StringIO()
    buffer.write(f"# {info['title']} — {info['tool']}, exported {info['exported_at']}\n")
    buffer.write(f"# corpus: {info['corpus']}\n")
    if info.get("summary"):
        buffer.write(f"# summary: {info['summary']}\n")
    for item in info["articles"]:
        buffer.write(f"# {item['id']}: {item['label']}; {item['date'] or 'date unknown'}; {item['source']}\n")
    for line in comments:
        buffer.write(f"# {' '.join(line.split())}\n")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def json_bytes(info: dict, **content: Any) -> bytes:
    return (json.dumps({"provenance": info, **content}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
