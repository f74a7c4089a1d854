"""Shared by the framework-integration tests."""

from __future__ import annotations

import importlib
import os

import pytest


def need(module: str) -> None:
    """Skip without the framework, unless COORDGAP_REQUIRE_INTEGRATIONS says it must be there."""
    if os.environ.get("COORDGAP_REQUIRE_INTEGRATIONS"):
        importlib.import_module(module)  # a missing framework fails the run
    else:
        pytest.importorskip(module)
