"""Shared by the framework-integration tests."""

from __future__ import annotations

import importlib
import os
from typing import Any

import pytest


def need(module: str) -> None:
    """Skip without the framework, unless COORDGAP_REQUIRE_INTEGRATIONS says it must be there."""
    if os.environ.get("COORDGAP_REQUIRE_INTEGRATIONS"):
        importlib.import_module(module)  # a missing framework fails the run
    else:
        pytest.importorskip(module)


def by_name(finished: tuple[Any, ...]) -> dict[str, list[Any]]:
    """Finished spans by name, each name's in start order."""
    out: dict[str, list[Any]] = {}
    for span in sorted(finished, key=lambda s: s.start_time or 0):
        out.setdefault(span.name, []).append(span)
    return out
