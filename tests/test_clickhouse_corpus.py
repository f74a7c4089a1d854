"""The ClickHouse source over recorded traces: the attribution corpus (tests/corpus)
ingested into a DuckDB store, exported to chDB, and compared whole: the spans the
source fetches back, and `coordgap analyze --format json`.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

pytest.importorskip("chdb")

import analyzer  # noqa: E402
from analyzer.sources import engines, export, open_source  # noqa: E402
from coordgap.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "traces"
#: what the fetch sets on its own: where the spans came from
_SOURCE_ONLY = ("source",)


@pytest.fixture(scope="module")
def chdb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chdb_corpus") / "data"


def _stored(tmp_path_factory: pytest.TempPathFactory, chdb_dir: Path, name: str,
            traces: Path) -> tuple[Path, str]:  # fmt: skip
    """``traces`` ingested into a store, and that store exported to a chDB database."""
    path = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
    with analyzer.open(path) as store:
        store.ingest([traces])
    url = f"chdb://{chdb_dir}?database={name}"
    parsed = engines.parse_url(url)
    with analyzer.open(path, read_only=True) as store:
        export.export_spans(store.con, engines.connect(parsed), parsed)
    return path, url


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, chdb_dir: Path) -> tuple[Path, str]:
    return _stored(tmp_path_factory, chdb_dir, "corpus", CORPUS)


def _same_json(path: Path, url: str) -> dict:
    runner = CliRunner()
    by_db = runner.invoke(main, ["analyze", "--db", str(path), "--format", "json"])
    by_source = runner.invoke(main, ["analyze", "--source", url, "--format", "json"])
    assert by_db.exit_code == 0, by_db.output
    assert by_source.exit_code == 0, by_source.output
    expected = json.loads(by_db.output)
    assert json.loads(by_source.output) == expected
    return expected


def _differing(path: Path, url: str) -> dict[str, int]:
    """Per column of ``spans``, the spans the source's fetch holds otherwise than the
    store (events and links compared as their JSON text)."""
    with duckdb.connect(str(path), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT DISTINCT trace_id FROM spans").fetchall()]
        columns = [r[0] for r in con.execute("DESCRIBE spans").fetchall()]
        stored = con.sql("SELECT * FROM spans").to_arrow_table()
    fetched = open_source(url).fetch(ids)
    try:
        fetched.register("stored", stored)
        found = {}
        for column in (c for c in columns if c not in _SOURCE_ONLY):
            (n,) = fetched.execute(
                "SELECT count(*) FROM stored a FULL JOIN spans b USING (trace_id, span_id) "
                f'WHERE a."{column}"::VARCHAR IS DISTINCT FROM b."{column}"::VARCHAR'
            ).fetchone()  # type: ignore[misc]
            if n:
                found[column] = n
        return found
    finally:
        fetched.close()


def test_fetched_corpus_spans_equal_the_stores(corpus: tuple[Path, str]) -> None:
    """The spans fetched from ClickHouse are the store's, events and links included."""
    assert _differing(*corpus) == {}


def test_corpus_same_json(corpus: tuple[Path, str]) -> None:
    """Every corpus family gives the same analyze JSON from either store."""
    assert _same_json(*corpus)["failed"] > 0
