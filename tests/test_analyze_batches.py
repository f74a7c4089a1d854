"""Suspects ranked a batch of failed runs at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

import analyzer
from analyzer import analysis

CORPUS = Path(__file__).parent / "corpus" / "traces"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> analyzer.Store:
    db = tmp_path_factory.mktemp("batches") / "corpus.duckdb"
    with analyzer.open(db) as s:
        s.ingest([CORPUS])
    return analyzer.open(db)


def test_batches_of_failed_runs_rank_the_same_suspects(
    store: analyzer.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs ranked three at a time get the failures frame of all at once, in its order."""
    whole = store.analyze().failures
    assert whole.height > 3
    monkeypatch.setattr(analysis, "SUSPECT_BATCH", 3)
    batched = store.analyze().failures
    assert_frame_equal(batched, whole)
    tables = store.con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE 'cg_%'"
    ).fetchall()
    assert tables == []

