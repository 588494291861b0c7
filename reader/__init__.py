"""Corroborate's domain core: articles, sentences, quotes, facts, diffs, reuse, export.

Nothing in this package imports Qt, so it runs in scripts, tests and worker processes.
"""

__version__ = "0.1.0"
