"""Search by provenance: `spun:yes` / `spun:no` and `copyof:<article id, file name or outlet>`.

The verdicts are the corpus analysis's, written into each document (`index.documents`); here a
query's terms are only put in the form they were written in, and act as filters that leave the
ranking to the text.
"""
from __future__ import annotations

import sys

from whoosh import query as wq

from index.analysis import fold
from index.query import QueryProblem

SPUN_VALUES = {"yes": "yes", "true": "yes", "no": "no", "false": "no"}

NO_SCORE = sys.float_info.min
"""Whoosh reads a constant score of 0 as "unset" (and scores 1), so the least positive float
stands in: added to any real score it changes nothing."""


def resolve(query: wq.Query, problems: list[QueryProblem]) -> wq.Query:
    """The query with each `spun:`/`copyof:` term as a filter over the written verdicts."""
    if isinstance(query, wq.Term) and query.fieldname in ("spun", "copyof"):
        value = query.text.decode("utf-8") if isinstance(query.text, bytes) else query.text
        if query.fieldname == "spun":
            wanted = SPUN_VALUES.get(fold(value))
            if wanted is None:
                problems.append(QueryProblem(f"'spun:{value}' is neither yes nor no; write spun:yes or spun:no "
                                             "(this condition was left out)", getattr(query, "startchar", None) or 0))
                return wq.Every()
            return wq.ConstantScoreQuery(wq.Term("spun", wanted), NO_SCORE)
        return wq.ConstantScoreQuery(wq.Term("copyof", fold(value.strip())), NO_SCORE)
    return query.apply(lambda child: resolve(child, problems))
