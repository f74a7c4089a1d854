"""Results office runs that go wrong downstream: code, checking, reporting."""

from __future__ import annotations

RUNS: list = []
