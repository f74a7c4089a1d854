"""Suspects ranked a batch of failed runs at a time, and DuckDB's cap while analyzing."""

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


def test_analyze_caps_duckdb_lower_and_restores_the_store_limit(store: analyzer.Store) -> None:
    """While analyzing DuckDB holds at most ANALYZE_MEMORY_LIMIT; the store's cap after."""
    limit = "SELECT current_setting('memory_limit')"
    before = store.con.execute(limit).fetchone()
    seen = []
    original = analysis.prepare

    def spy(con: object, **scope: object) -> None:
        seen.append(store.con.execute(limit).fetchone())
        original(store.con, **scope)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(analysis, "prepare", spy)
        store.analyze()
    capped = analyzer.open(":memory:", memory_limit=analyzer.store.ANALYZE_MEMORY_LIMIT)
    assert seen == [capped.con.execute(limit).fetchone()] != [before]
    assert store.con.execute(limit).fetchone() == before


def test_a_given_memory_limit_holds_while_analyzing(tmp_path: Path) -> None:
    """A limit the caller chose is DuckDB's cap for the analysis too."""
    with analyzer.open(tmp_path / "x.duckdb", memory_limit="3GB") as s:
        s.ingest([CORPUS])
        before = s.con.execute("SELECT current_setting('memory_limit')").fetchone()
        seen = []
        original = analysis.prepare

        def spy(con: object, **scope: object) -> None:
            seen.append(s.con.execute("SELECT current_setting('memory_limit')").fetchone())
            original(s.con, **scope)  # type: ignore[arg-type]

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(analysis, "prepare", spy)
            s.analyze()
        assert seen == [before]
