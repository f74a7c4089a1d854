"""The ClickHouse source on the real engine (chDB): same answers as the DuckDB store.

Every corpus is loaded into both stores (the exporter's own `otel_traces` DDL in
chDB) and `analyze --format json` compared whole. One chDB data directory for the
module (chDB holds one open per process), one ClickHouse database per corpus.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from polars.testing import assert_frame_equal

pytest.importorskip("chdb")

import analyzer  # noqa: E402
from analyzer import mapping  # noqa: E402
from analyzer.analysis import analyze  # noqa: E402
from analyzer.sources import catalog, engines, export, keys, open_source  # noqa: E402
from analyzer.sources.clickhouse import ClickHouseSource  # noqa: E402
from coordgap.cli import main  # noqa: E402
from tests.analyzer_builders import Run, write_db  # noqa: E402
from tracer import semconv  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "trace-formats"
CORPUS_SQL = ROOT / "benchmarks" / "clickhouse_corpus.sql"
GENERATED_RUNS = 1500


@pytest.fixture(scope="module")
def chdb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chdb") / "data"


def _url(chdb_dir: Path, database: str) -> str:
    return f"chdb://{chdb_dir}?database={database}"


def _load(store_path: Path, chdb_dir: Path, database: str) -> ClickHouseSource:
    url = engines.parse_url(_url(chdb_dir, database))
    with analyzer.open(store_path, read_only=True) as store:
        export.export_spans(store.con, engines.connect(url), url)
    return open_source(_url(chdb_dir, database))


@pytest.fixture(scope="module")
def generated(chdb_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """The benchmark's generated runs, made in ClickHouse, and the same spans fetched
    back into a DuckDB store."""
    url = engines.parse_url(_url(chdb_dir, "generated"))
    engine = engines.connect(url)
    export.create_table(engine, url)
    engine.command(
        CORPUS_SQL.read_text(encoding="utf-8"),
        {"db": url.database, "table": url.table, "first": 0, "runs": GENERATED_RUNS},
    )
    src = open_source(_url(chdb_dir, "generated"))
    ids = (
        engine.query_arrow(
            "SELECT DISTINCT TraceId AS t FROM {db:Identifier}.{table:Identifier}",
            {"db": url.database, "table": url.table},
        )
        .column("t")
        .to_pylist()
    )
    path = tmp_path_factory.mktemp("generated") / "generated.duckdb"
    local = src.fetch(ids)
    local.execute(f"ATTACH '{path}' AS out")
    local.execute("CREATE TABLE out.spans AS SELECT * FROM spans")
    local.execute("DETACH out")
    local.close()
    yield src, path


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`coordgap demo --runs 24`: faults of every kind, late outcomes, a second process."""
    out = tmp_path_factory.mktemp("demo") / "cg"
    subprocess.run(
        [sys.executable, "-m", "coordgap", "demo", "--runs", "24", "--out", str(out)],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=300,
    )
    return out / "coordgap.duckdb"


@pytest.fixture(scope="module")
def fixtures_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every recorded trace file of tests/fixtures (Jaeger, Zipkin, OTLP)."""
    path = tmp_path_factory.mktemp("fixtures") / "fixtures.duckdb"
    with analyzer.open(path) as store:
        store.ingest(sorted(p for p in FIXTURES.glob("*.json")))
    return path


@pytest.fixture(scope="module")
def integration_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Runs of real frameworks (LangGraph with faults, the OpenAI Agents SDK), offline."""
    pytest.importorskip("langgraph")
    pytest.importorskip("agents")
    work = tmp_path_factory.mktemp("integrations")
    env = {**os.environ, "COORDGAP_PATH": str(work / "spans"), "COORDGAP_EXPORTER": "local",
           "OPENAI_API_KEY": ""}  # fmt: skip
    for script, args in (
        ("langgraph_writer_verifier.py", ["--faulty", "--runs", "3"]),
        ("openai_agents_support.py", []),
    ):
        subprocess.run(
            [sys.executable, str(ROOT / "examples" / script), *args],
            cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=300,
        )  # fmt: skip
    path = work / "integrations.duckdb"
    with analyzer.open(path) as store:
        store.ingest([work / "spans"])
    return path


@pytest.fixture(scope="module")
def demo_source(demo_store: Path, chdb_dir: Path) -> ClickHouseSource:
    """The demo's store exported to chDB by the library (the CLI is tested apart)."""
    return _load(demo_store, chdb_dir, "demo")


def _same(src: ClickHouseSource, store_path: Path, **scope: object) -> dict:
    with analyzer.open(store_path, read_only=True) as store:
        expected = analyze(store.con, **scope).summary()  # type: ignore[arg-type]
    got = src.analyze(**scope).summary()  # type: ignore[arg-type]
    assert got == expected
    return got


def test_generated_runs_same_answers(generated: tuple) -> None:
    """Most runs are aggregated in ClickHouse; the JSON equals the DuckDB store's."""
    src, path = generated
    summary = _same(src, path)
    assert summary["runs"] == GENERATED_RUNS
    assert summary["failed"] == GENERATED_RUNS // 20 * 2 + 30  # gen + handoff + verify
    assert summary["by_category"]["handoff"] == GENERATED_RUNS // 20
    assert {e["source"] for e in summary["edges"]} >= {"planner", "writer", "editor"}


def test_generated_runs_scoped(generated: tuple) -> None:
    """--since and --service give the same answers as on the DuckDB store."""
    src, path = generated
    since = 1767225600000000000 + 700 * 200_000_000
    assert _same(src, path, service="svc-1")["runs"] == GENERATED_RUNS // 3
    in_scope = sum(1 for r in range(700, GENERATED_RUNS) if r % 3 == 2)
    assert _same(src, path, since=since, service="svc-2")["runs"] == in_scope


def test_only_failed_runs_cross_the_wire(generated: tuple) -> None:
    """What is fetched is the failed runs' spans: here every other run is simple."""
    src, _ = generated
    before = src.engine.bytes_fetched
    analysis = src.analyze()
    fetched = analysis._con.execute("SELECT count(DISTINCT trace_id) FROM spans").fetchone()
    assert fetched == (analysis.n_failed,)
    assert src.engine.bytes_fetched - before < 1_000_000


def test_generated_frames_match(generated: tuple) -> None:
    """Latency, human wait, trend and per-agent frames match the store's too."""
    src, path = generated
    ours = src.analyze(all_runs=True)
    with analyzer.open(path, read_only=True) as store:
        theirs = analyze(store.con)
        for name in ("latency", "human_wait", "trend", "agent_stage", "agents", "runs"):
            # sums of floating durations in another order: equal to 1e-9, not bit for bit
            assert_frame_equal(getattr(ours, name), getattr(theirs, name), check_exact=False)


def test_partitioned_same_answers(
    generated: tuple, demo_source: ClickHouseSource, demo_store: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Per-trace steps one partition at a time (as on a large table) change nothing:
    the same JSON and frames as the store, and as one partition."""
    from analyzer.sources import clickhouse

    src, path = generated
    whole = src.analyze(all_runs=True)
    monkeypatch.setattr(clickhouse, "PARTITION_SPANS", 1000)
    assert src._partitions() > 10
    parted = src.analyze(all_runs=True)
    assert parted.summary() == whole.summary() == _same(src, path)
    for name in ("latency", "human_wait", "trend", "agents", "runs", "edges", "stages"):
        assert_frame_equal(getattr(parted, name), getattr(whole, name), check_exact=False)
    # the same latency sample (the lowest span-id hashes over all partitions)
    assert_frame_equal(parted.latency_samples, whole.latency_samples)
    monkeypatch.setattr(clickhouse, "PARTITION_SPANS", 100)
    assert demo_source._partitions() > 3
    assert _same(demo_source, demo_store)["failed"] > 0


def test_demo_runs_same_answers(demo_source: ClickHouseSource, demo_store: Path) -> None:
    """The demo's runs (errors, late outcomes, remote spans) give the same JSON."""
    assert _same(demo_source, demo_store)["failed"] > 0


def test_integration_runs_same_answers(integration_store: Path, chdb_dir: Path) -> None:
    """LangGraph and OpenAI Agents SDK runs (their own span shapes) give the same JSON."""
    src = _load(integration_store, chdb_dir, "integrations")
    assert _same(src, integration_store)["runs"] >= 4


def test_fixture_traces_same_answers(fixtures_store: Path, chdb_dir: Path) -> None:
    """Jaeger, Zipkin and OTLP recordings (no agents: plain service traces)."""
    src = _load(fixtures_store, chdb_dir, "fixtures")
    assert _same(src, fixtures_store)["runs"] > 0


def test_cli_analyze_explain_check_report(demo_store: Path, chdb_dir: Path, tmp_path: Path) -> None:
    """The commands take --source and say the same as with --db."""
    url = _url(chdb_dir, "demo_cli")
    runner = CliRunner()
    _load(demo_store, chdb_dir, "demo_cli")
    by_db = runner.invoke(main, ["analyze", "--db", str(demo_store), "--format", "json"])
    by_source = runner.invoke(main, ["analyze", "--source", url, "--format", "json"])
    assert by_source.exit_code == 0, by_source.output
    assert json.loads(by_source.output) == json.loads(by_db.output)
    failed = json.loads(by_db.output)["failures"][0]
    shown = runner.invoke(main, ["explain", failed["trace_id"], "--source", url])
    assert shown.exit_code == 0, shown.output
    assert failed["span_name"] in shown.output
    gate = runner.invoke(main, ["check", "--source", url, "--max", "end_to_end=1.0"])
    assert gate.exit_code == 0, gate.output
    out = tmp_path / "report.html"
    made = runner.invoke(main, ["report", "--source", url, "-o", str(out)])
    assert made.exit_code == 0, made.output
    assert out.stat().st_size > 10_000


def test_local_memory_limit_says_what_to_do(
    demo_store: Path, chdb_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the runs attributed locally outgrow the local part's memory cap, the
    command says so in one line and names the setting; nothing is half written."""
    url = _url(chdb_dir, "demo_small_memory")
    _load(demo_store, chdb_dir, "demo_small_memory")
    monkeypatch.setenv("COORDGAP_MEMORY_LIMIT", "1MB")
    out = CliRunner().invoke(main, ["analyze", "--source", url, "--format", "json"])
    assert out.exit_code == 1, out.output
    (line,) = out.output.strip().splitlines()
    assert "COORDGAP_MEMORY_LIMIT" in line and "need more than 1MB" in line, line
    monkeypatch.setenv("COORDGAP_MEMORY_LIMIT", "512MB")
    again = CliRunner().invoke(main, ["analyze", "--source", url, "--format", "json"])
    assert again.exit_code == 0, again.output


def test_cli_errors_are_one_line(chdb_dir: Path) -> None:
    """A missing table or a password in the URL: one line, exit 1."""
    runner = CliRunner()
    missing = runner.invoke(main, ["analyze", "--source", _url(chdb_dir, "nothing_here")])
    assert missing.exit_code == 1
    assert "no table nothing_here.otel_traces" in missing.output
    secret = runner.invoke(main, ["analyze", "--source", "clickhouse://u:pw@localhost/otel"])
    assert secret.exit_code == 1
    assert "COORDGAP_CLICKHOUSE_PASSWORD" in secret.output
    pytest.importorskip("clickhouse_connect")
    refused = runner.invoke(main, ["check", "--source", "clickhouse://u@127.0.0.1:9/otel",
                                   "--max", "end_to_end=1"])  # fmt: skip
    assert refused.exit_code == 1
    assert "cannot connect" in refused.output and "Traceback" not in refused.output


def test_export_cli_creates_the_exporter_table(demo_store: Path, chdb_dir: Path) -> None:
    """`coordgap export clickhouse` creates otel_traces with the exporter's DDL."""
    url = _url(chdb_dir, "exported")
    result = CliRunner().invoke(
        main, ["export", "clickhouse", "--to", url, "--db", str(demo_store)]
    )
    assert result.exit_code == 0, result.output
    engine = engines.connect(engines.parse_url(url))
    (row,) = engine.query_arrow(
        "SELECT count() AS n, countIf(ParentSpanId = '') AS roots,"
        " countIf(StatusCode = 'STATUS_CODE_ERROR') AS errors"
        " FROM {db:Identifier}.otel_traces",
        {"db": "exported"},
    ).to_pylist()
    with analyzer.open(demo_store, read_only=True) as store:
        assert row["n"] == store.span_count()
    assert row["errors"] > 0
    assert "bloom_filter" in catalog.ddl()


def test_parse_url() -> None:
    """URLs: defaults, the table option, and no password on the command line."""
    url = engines.parse_url("clickhouse://alice@ch.example:9000/traces?table=spans_v2")
    assert (url.host, url.port, url.user, url.database, url.table) == (
        "ch.example", 9000, "alice", "traces", "spans_v2",
    )  # fmt: skip
    assert engines.parse_url("chdb:///tmp/x").path == "/tmp/x"
    for bad in ("clickhouse://a:secret@h/db", "http://h", "chdb://", "chdb:///x?colour=red"):
        with pytest.raises(ValueError):
            engines.parse_url(bad)


def test_param_text_quotes_lists() -> None:
    """Array parameters are quoted ClickHouse literals; a quote cannot escape."""
    assert engines.param_text(["a", "it's"]) == "['a','it\\'s']"
    assert engines.param_text(7) == "7"
    assert engines.param_text(True) == "1"


def test_handled_keys_name_the_mappings_parameters() -> None:
    """Every key the port handles is a parameter of the mapping; the keys it says it
    reads are exactly those its SQL reads; every other key an ingest mapping reads is
    foreign, so a new key of a mapping can never be silently taken as handled."""
    params = mapping.params()
    key_params = {k for k in params if k.startswith("k_")}
    assert keys.HANDLED_KEYS <= key_params
    assert not keys.READ_KEYS & keys.FIGURE_FREE_KEYS
    statements = [catalog.sql(n) for n in catalog._catalog("clickhouse.sql") if n != "ch_insert"]
    read = {k for text in statements for k in re.findall(r"\{(k_[a-z0-9_]+):", text)}
    assert read == keys.READ_KEYS
    handled = {params[k] for k in keys.HANDLED_KEYS}
    foreign = set(keys.foreign_keys())
    assert foreign.isdisjoint(handled)
    # a guarded key is read only on spans whose trace the port leaves local anyway
    assert foreign | handled | keys.GUARDED_KEYS >= {params[k] for k in key_params}
    assert semconv.OPENINFERENCE_METADATA in foreign  # read by the LangGraph mapping only


def test_a_foreign_key_sends_its_trace_to_the_local_mapping(chdb_dir: Path, tmp_path: Path) -> None:
    """A span carrying any foreign key makes its run local (exact); a plain run is not."""
    foreign = keys.foreign_keys()
    runs = [Run(i + 1) for i in range(len(foreign) + 1)]
    for run in runs:
        run.agent("a")
    path = tmp_path / "keys.duckdb"
    write_db(path, *runs)
    with duckdb.connect(str(path)) as con:
        for run, key in zip(runs, foreign, strict=False):
            con.execute(
                "UPDATE spans SET attributes = MAP {$k: 'x'} WHERE trace_id = $t AND agent = 'a'",
                {"k": key, "t": run.trace_id},
            )
    local = set(_load(path, chdb_dir, "keys").analyze().runs["trace_id"].to_list())
    assert local == {run.trace_id for run in runs[: len(foreign)]}


def test_autogen_core_spans_send_their_trace_to_the_local_mapping(
    chdb_dir: Path, tmp_path: Path
) -> None:
    """A span of autogen-core's own (gen_ai.system=autogen) makes its run local, where
    analyzer.mapping_autogen reads it with the rest of the trace; a plain run is not."""
    autogen, plain = Run(1), Run(2)
    for run in (autogen, plain):
        run.agent("a")
    autogen.span(
        "invoke_agent a",
        operation="agent",
        agent="a",
        attributes={semconv.GEN_AI_SYSTEM: semconv.AUTOGEN_SYSTEM},
    )
    path = tmp_path / "autogen.duckdb"
    write_db(path, autogen, plain)
    local = set(_load(path, chdb_dir, "autogen").analyze().runs["trace_id"].to_list())
    assert local == {autogen.trace_id}


def test_a_transfer_tool_that_names_its_target_in_its_arguments_stays_local(
    chdb_dir: Path, tmp_path: Path
) -> None:
    """Google ADK's ``transfer_to_agent`` and Strands' ``handoff_to_agent`` name their
    target only in the call's arguments, which the local mapping reads: their run is
    local, a run with another tool is not."""
    runs = {name: Run(i + 1) for i, name in enumerate(("handoff_to_agent", "read_file"))}
    for name, run in runs.items():
        lead = run.agent("lead")
        run.span(
            f"execute_tool {name}",
            parent=lead,
            operation="tool",
            attributes={semconv.GEN_AI_TOOL_NAME: name},
        )
    path = tmp_path / "transfer.duckdb"
    write_db(path, *runs.values())
    local = set(_load(path, chdb_dir, "transfer").analyze().runs["trace_id"].to_list())
    assert local == {runs["handoff_to_agent"].trace_id}
