"""The ClickHouse source at scale: N generated spans in chDB, analyzed in place.

Generates runs inside ClickHouse (``benchmarks/clickhouse_corpus.sql``: INSERT ...
SELECT over ``numbers()``, in chunks, no Python loop) into the OpenTelemetry
Collector exporter's ``otel_traces`` table in a chDB data directory, then runs
each measured phase in a child process of its own and reads that child's peak
resident memory from the kernel (``wait4`` rusage; for the ClickHouse source the
child's own ``VmHWM`` right after ``analyze()``, before the comparison fetch below),
medians of --repeat runs, the two stores interleaved (wall-clock seconds, and the
CPU seconds of the analyzing process, all its threads: on a shared machine the
CPU time moves less with the load):

- engine:  the child opens the chDB session and counts the table: the fixed cost
           of the embedded engine (chDB runs ClickHouse inside the process that
           queries it, so everything ClickHouse allocates counts in that RSS);
- clickhouse: ``ClickHouseSource.analyze()`` over the table (the ClickHouse part and
           the local DuckDB part together, in one process);
- duckdb:  the same spans in a DuckDB store file, ``analyze()`` on it (the
           baseline; only up to --duckdb-max-spans, loading it takes a while).

It prints analyze seconds, peak RSS, the Arrow bytes the analysis fetched from
ClickHouse and, for comparison, the Arrow size of the failed runs' spans alone.
Targets: 10M spans under 1 GB peak in coordgap's process, fetched bytes within 2x
of the failed runs' spans.

    python benchmarks/clickhouse_scale.py                 # 10M spans
    python benchmarks/clickhouse_scale.py --spans 1000000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS_SQL = ROOT / "benchmarks" / "clickhouse_corpus.sql"
SPANS_PER_RUN = 9.2  # 9 spans, 10 for the fifth of runs with two verdicts
CHUNK_RUNS = 200_000


def _url(directory: Path) -> str:
    return f"chdb://{directory}"


# --- children (each phase in its own process) --------------------------------------------
def child_generate(directory: Path, runs: int) -> dict[str, Any]:
    from analyzer.sources import engines, export

    url = engines.parse_url(_url(directory))
    engine = engines.connect(url)
    export.create_table(engine, url)
    sql = CORPUS_SQL.read_text(encoding="utf-8")
    started = time.perf_counter()
    for first in range(0, runs, CHUNK_RUNS):
        engine.command(
            sql,
            {"db": url.database, "table": url.table, "first": first,
             "runs": min(CHUNK_RUNS, runs - first)},
        )  # fmt: skip
    engine.command("OPTIMIZE TABLE {db:Identifier}.{table:Identifier} FINAL",
                   {"db": url.database, "table": url.table})  # fmt: skip
    (row,) = engine.query_arrow(
        "SELECT count() AS spans FROM {db:Identifier}.{table:Identifier}",
        {"db": url.database, "table": url.table},
    ).to_pylist()
    return {"spans": row["spans"], "seconds": time.perf_counter() - started}


def child_engine(directory: Path) -> dict[str, Any]:
    from analyzer.sources import engines

    url = engines.parse_url(_url(directory))
    engine = engines.connect(url)
    started = time.perf_counter()
    (row,) = engine.query_arrow(
        "SELECT count() AS spans FROM {db:Identifier}.{table:Identifier}",
        {"db": url.database, "table": url.table},
    ).to_pylist()
    return {"spans": row["spans"], "seconds": time.perf_counter() - started}


def child_clickhouse(directory: Path) -> dict[str, Any]:
    from analyzer.sources import catalog, open_source
    from analyzer.sources.clickhouse import query_params

    src = open_source(_url(directory))
    started, cpu = time.perf_counter(), time.process_time()
    analysis = src.analyze()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = _own_peak()  # before the comparison below fetches the failed spans again
    fetched = src.engine.bytes_fetched
    assert analysis._con is not None
    local = analysis._con.execute("SELECT count(*), count(DISTINCT trace_id) FROM spans")
    (local_spans, local_traces) = local.fetchall()[0]
    # the failed runs' spans alone, fetched the same way (Arrow), for comparison
    import pyarrow as pa

    failed = analysis.runs.filter(analysis.runs["failed"])["trace_id"].to_list()
    text = catalog.sql("ch_fetch")
    before = src.engine.bytes_fetched
    src.engine.query_arrow(
        text,
        query_params(text, db=src.url.database, table=src.url.table),
        {"ids": pa.table({"trace_id": pa.array(failed, pa.string())})},
    )
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak": peak,
        "runs": analysis.n_runs,
        "failed": analysis.n_failed,
        "bytes_fetched": fetched,
        "failed_spans_bytes": src.engine.bytes_fetched - before,
        "local_spans": local_spans,
        "local_traces": local_traces,
        "summary": analysis.summary(),
        "steps": src.timings,
    }


def child_load_duckdb(directory: Path, db: Path) -> dict[str, Any]:
    from analyzer.sources import engines, open_source

    src = open_source(_url(directory))
    url = engines.parse_url(_url(directory))
    ids = (
        src.engine.query_arrow(
            "SELECT DISTINCT TraceId AS t FROM {db:Identifier}.{table:Identifier}",
            {"db": url.database, "table": url.table},
        )
        .column("t")
        .to_pylist()
    )
    started = time.perf_counter()
    con = src.fetch(ids)
    quoted = str(db).replace("'", "''")  # a path literal: ATTACH takes no parameters
    con.execute(f"ATTACH '{quoted}' AS out")
    con.execute("CREATE TABLE out.spans AS SELECT * FROM spans")
    con.execute("DETACH out")
    return {"seconds": time.perf_counter() - started}


def child_duckdb(db: Path) -> dict[str, Any]:
    import analyzer

    with analyzer.open(db, read_only=True) as store:
        started, cpu = time.perf_counter(), time.process_time()
        analysis = store.analyze()
        return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                "summary": analysis.summary()}  # fmt: skip


def _own_peak() -> int:
    """This process's peak resident memory so far (bytes), from the kernel."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


# --- parent ------------------------------------------------------------------------------
def _peak_of(cmd: list[str]) -> tuple[str, str, int, int]:
    """Run ``cmd``; return stdout, stderr, exit code and the child's peak RSS (bytes)."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    out_chunks, err_chunks = [], []
    assert proc.stdout is not None and proc.stderr is not None
    # read everything, then reap with wait4 to get this child's own rusage
    out_chunks.append(proc.stdout.read())
    err_chunks.append(proc.stderr.read())
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (b"".join(out_chunks).decode(), b"".join(err_chunks).decode(), proc.returncode,
            usage.ru_maxrss * 1024)  # fmt: skip


def _child(*args: str) -> tuple[dict[str, Any], int]:
    out, err, code, peak = _peak_of([sys.executable, __file__, "--child", *args])
    if code != 0:
        raise SystemExit(f"child {args[0]} failed:\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), peak


def _mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spans", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--dir", type=Path, default=None,
        help="working directory, kept (default: temporary); spans in DIR/chdb are reused",
    )  # fmt: skip
    parser.add_argument(
        "--duckdb-max-spans",
        type=int,
        default=2_000_000,
        help="also analyze a DuckDB store of the same spans up to this size",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        fn = {"generate": lambda: child_generate(Path(rest[0]), int(rest[1])),
              "engine": lambda: child_engine(Path(rest[0])),
              "clickhouse": lambda: child_clickhouse(Path(rest[0])),
              "load_duckdb": lambda: child_load_duckdb(Path(rest[0]), Path(rest[1])),
              "duckdb": lambda: child_duckdb(Path(rest[0]))}[kind]  # fmt: skip
        print(json.dumps(fn(), default=str))
        return

    work = Path(tempfile.mkdtemp(prefix="coordgap-ch-scale-")) if args.dir is None else args.dir
    chdb_dir = work / "chdb"
    runs = max(1, round(args.spans / SPANS_PER_RUN))
    try:
        if args.dir is not None and chdb_dir.exists():
            print(f"reusing the spans generated before in {chdb_dir}")
        else:
            gen, gen_peak = _child("generate", str(chdb_dir), str(runs))
            print(f"generated {gen['spans']:,} spans ({runs:,} runs) in ClickHouse in "
                  f"{gen['seconds']:.1f} s (peak {_mb(gen_peak)})")  # fmt: skip
        eng, eng_peak = _child("engine", str(chdb_dir))
        print(f"engine alone (open chDB, count spans): peak RSS {_mb(eng_peak)}")
        db = work / "same-spans.duckdb"
        with_duckdb = eng["spans"] <= args.duckdb_max_spans
        if with_duckdb and not db.exists():
            load, _ = _child("load_duckdb", str(chdb_dir), str(db))
            print(f"duckdb store of the same spans loaded in {load['seconds']:.0f} s")
        # interleaved, so both see the same load on a shared machine
        ch_runs, dk_runs, loads = [], [], [os.getloadavg()[0]]
        for _ in range(args.repeat):
            ch_runs.append(_child("clickhouse", str(chdb_dir)))
            if with_duckdb:
                dk_runs.append(_child("duckdb", str(db)))
            loads.append(os.getloadavg()[0])
        ch = ch_runs[-1][0]
        ch_s = statistics.median(r["seconds"] for r, _ in ch_runs)
        ch_cpu = statistics.median(r["cpu"] for r, _ in ch_runs)
        ch_peak = statistics.median(r["peak"] for r, _ in ch_runs)
        print(f"load average (1 min) during the runs: {min(loads):.1f} to {max(loads):.1f} "
              f"on {os.cpu_count()} cores")  # fmt: skip
        print(
            f"clickhouse source: analyze {ch_s:.1f} s (median of {args.repeat}; "
            f"CPU {ch_cpu:.1f} s), "
            f"peak RSS {_mb(ch_peak)} (of which the engine's fixed cost ~{_mb(eng_peak)})"
        )
        steps = {k: statistics.median(r["steps"].get(k, 0.0) for r, _ in ch_runs)
                 for k in ch["steps"]}  # fmt: skip
        rest = ch_s - sum(steps.values())
        print("  steps (median s): " + ", ".join(f"{k} {v:.2f}" for k, v in steps.items())
              + f", figures and the rest {rest:.2f}")  # fmt: skip
        print(
            f"  runs {ch['runs']:,}, failed {ch['failed']:,}; analyzed locally: "
            f"{ch['local_traces']:,} traces, {ch['local_spans']:,} spans"
        )
        ratio = ch["bytes_fetched"] / max(ch["failed_spans_bytes"], 1)
        print(f"  bytes fetched {_mb(ch['bytes_fetched'])} vs the failed runs' spans "
              f"{_mb(ch['failed_spans_bytes'])}: {ratio:.2f}x")  # fmt: skip
        if with_duckdb:
            dk_s = statistics.median(r["seconds"] for r, _ in dk_runs)
            dk_cpu = statistics.median(r["cpu"] for r, _ in dk_runs)
            dk_peak = statistics.median(p for _, p in dk_runs)
            same = dk_runs[-1][0]["summary"] == ch["summary"]
            print(f"duckdb store (same spans): analyze {dk_s:.1f} s (CPU {dk_cpu:.1f} s), "
                  f"peak RSS {_mb(dk_peak)}")  # fmt: skip
            print(
                f"  clickhouse/duckdb: time {ch_s / dk_s:.2f}x, CPU {ch_cpu / dk_cpu:.2f}x, "
                f"peak {ch_peak / dk_peak:.2f}x; "
                f"same analyze JSON: {same}"
            )
        else:
            print(f"duckdb store: skipped above --duckdb-max-spans {args.duckdb_max_spans:,}")
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
