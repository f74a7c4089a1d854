"""The CLI's read-only ``--db`` analyzes under the same DuckDB cap as ``Store.analyze``,
and a memory limit that is not one is a one-line error naming where it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import analyzer
from analyzer import analysis
from coordgap.cli import main

CORPUS = Path(__file__).parent / "corpus" / "traces"
SETTING = "SELECT current_setting('memory_limit')"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("readonly") / "corpus.duckdb"
    with analyzer.open(path) as s:
        s.ingest([CORPUS])
    return path


def _setting_of(limit: str) -> Any:
    with analyzer.open(":memory:", memory_limit=limit) as s:
        return s.con.execute(SETTING).fetchone()


def _limit_seen_by_cli(db: Path, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    seen: list[Any] = []
    original = analysis.prepare

    def spy(con: Any, **scope: Any) -> None:
        seen.append(con.execute(SETTING).fetchone())
        original(con, **scope)

    monkeypatch.setattr(analysis, "prepare", spy)
    out = CliRunner().invoke(main, ["analyze", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    return seen


def test_cli_analyze_holds_the_analyze_cap(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COORDGAP_MEMORY_LIMIT", raising=False)
    seen = _limit_seen_by_cli(db, monkeypatch)
    assert seen == [_setting_of(analyzer.store.ANALYZE_MEMORY_LIMIT)]
    assert seen != [_setting_of("3GB")]


def test_cli_analyze_holds_a_limit_from_the_environment(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COORDGAP_MEMORY_LIMIT", "3GB")
    assert _limit_seen_by_cli(db, monkeypatch) == [_setting_of("3GB")]


def test_a_limit_that_is_not_one_is_one_line(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = db.read_bytes()
    monkeypatch.setenv("COORDGAP_MEMORY_LIMIT", "lots")
    for args in (["analyze", "--db", str(db)], ["ingest", "--db", str(db), str(CORPUS)]):
        out = CliRunner().invoke(main, args)
        assert out.exit_code == 1, out.output
        (line,) = out.output.strip().splitlines()
        assert "COORDGAP_MEMORY_LIMIT 'lots': not a memory limit" in line, line
    assert db.read_bytes() == before
    with pytest.raises(ValueError, match="^memory limit 'lots': not a memory limit"):
        analyzer.open(":memory:", memory_limit="lots")
