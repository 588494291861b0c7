"""Bundled resources: the sample corpus, the speaker registry, icons and style.

Found through importlib.resources so the same code works from a checkout, an
installed wheel and a frozen PyInstaller build.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a bundled file; resources ship as real files in every build we make."""
    return Path(str(resources.files(__name__).joinpath(*parts)))


def sample_dir() -> Path:
    """The bundled sample corpus opened when no corpus is named."""
    return resource_path("sample")
