"""The ClickHouse source over recorded traces of every family: the attribution corpus
(tests/corpus) and n8n's own spans (tests/fixtures/n8n), each ingested into a DuckDB
store, exported to chDB, and compared whole: the spans the source fetches back, and
`coordgap analyze --format json`. Also: every ingest mapping's attribute keys are
known to the source, so a run of a new mapping is never taken for a simple one.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

pytest.importorskip("chdb")

import analyzer  # noqa: E402
from analyzer import mapping  # noqa: E402
from analyzer.sources import engines, export, keys, open_source  # noqa: E402
from coordgap.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "traces"
N8N_SPANS = ROOT / "tests" / "fixtures" / "n8n" / "otel-spans-2.41.1.jsonl"
#: what the fetch sets on its own: where the spans came from
_SOURCE_ONLY = ("source",)
_ATTRIBUTE_READ = re.compile(r"attributes\[\$([a-z0-9_]+)\]")


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


@pytest.fixture(scope="module")
def n8n(tmp_path_factory: pytest.TempPathFactory, chdb_dir: Path) -> tuple[Path, str]:
    return _stored(tmp_path_factory, chdb_dir, "n8n", N8N_SPANS)


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


def test_fetched_n8n_spans_equal_the_stores(n8n: tuple[Path, str]) -> None:
    """n8n's exception events come back with its spans."""
    assert _differing(*n8n) == {}


def test_n8n_same_json(n8n: tuple[Path, str]) -> None:
    """n8n's runs (mapped by analyzer.mapping_n8n) give the same analyze JSON."""
    summary = _same_json(*n8n)
    assert summary["failed"] > 0 and summary["agents"]


def _mapping_modules() -> list[str]:
    return sorted(p.stem for p in (ROOT / "analyzer").glob("mapping*.py"))


def test_every_mapping_modules_attribute_keys_are_known_to_the_source() -> None:
    """Each key any analyzer/mapping*.py module reads from a span's attributes is
    handled by the ClickHouse port or sends the span's trace to the local mapping."""
    known = set(keys.foreign_keys()) | set(keys.GUARDED_KEYS)
    known |= {v for k, v in mapping.params().items() if k in keys.HANDLED_KEYS}
    assert len(_mapping_modules()) >= 4
    for name in _mapping_modules():
        module = importlib.import_module(f"analyzer.{name}")
        text = Path(module.__file__ or "").read_text(encoding="utf-8")
        values = module.params(text)
        read = set(_ATTRIBUTE_READ.findall(text))
        assert read, name
        unknown = {values[k] for k in read} - known
        assert not unknown, f"analyzer/{name}.py reads {sorted(unknown)}"


def test_n8n_keys_are_foreign() -> None:
    """An n8n execution's keys send its trace to the local mapping."""
    from analyzer import mapping_n8n

    assert {mapping_n8n.N8N_EXECUTION_ID, mapping_n8n.N8N_NODE_NAME} <= set(keys.foreign_keys())
