"""The scale benchmark script runs small (its figures live in its output, not here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import analyzer

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "analyzer_scale.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("analyzer_scale", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["analyzer_scale"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_runs_ingest_whole(tmp_path: Path) -> None:
    """Every generated span is ingested once; runs have a workflow span each."""
    scale = _load()
    path = tmp_path / "spans.jsonl"
    count = scale.generate(path, 3000)
    with analyzer.open(tmp_path / "s.duckdb") as store:
        result = store.ingest([path])
        (workflows,) = store.con.execute(
            "SELECT count(*) FROM spans WHERE operation = 'workflow'"
        ).fetchone() or (0,)
        (violations,) = store.con.execute(
            "SELECT count(*) FROM spans WHERE len(violations) > 0"
        ).fetchone() or (0,)
    assert result.spans_added == count >= 3000
    assert 250 <= workflows <= 350  # about ten spans a run
    assert violations > 0


def test_script_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """`--spans N --repeat 1` prints the plain read, ingest and ratio lines."""
    scale = _load()
    assert scale.main(["--spans", "2000", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "plain read_json" in out and "ingest " in out
    assert "x plain read" in out or "analyze           skipped" in out
