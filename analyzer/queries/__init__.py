"""Named SQL for the analyzer.

Every query the analyzer runs lives in a ``.sql`` file of this package, in
sections that start with a ``-- name: <query name>`` line. Queries take values
only through bind parameters (``$since``, ``$trace_id``...); nothing here is
ever assembled from user strings.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["sql", "names"]

_NAME = re.compile(r"^-- name: ([a-z0-9_]+)\s*$", re.MULTILINE)
_FILES = (
    "prepare.sql",
    "rules.sql",
    "metrics.sql",
    "explain.sql",
    "content.sql",
    "detectors.sql",
    "suspects.sql",
)


@cache
def _catalog() -> dict[str, str]:
    catalog: dict[str, str] = {}
    for filename in _FILES:
        text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
        parts = _NAME.split(text)
        # parts = [preamble, name1, body1, name2, body2, ...]
        for name, body in zip(parts[1::2], parts[2::2], strict=True):
            if name in catalog:
                raise ValueError(f"duplicate query name {name!r} in {filename}")
            catalog[name] = body.strip().rstrip(";")
    return catalog


def sql(name: str) -> str:
    """Return the SQL text of the named query; KeyError names an unknown one."""
    try:
        return _catalog()[name]
    except KeyError:
        raise KeyError(f"no analyzer query named {name!r}") from None


def names() -> list[str]:
    """All query names, in file order."""
    return list(_catalog())
