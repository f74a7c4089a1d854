"""Analyzer at scale: ingest and analyze N spans, beside DuckDB's plain read_json.

Generates runs the way coordgap's tracer writes them (OTLP/JSON lines, one
export batch a line, coordgap keys from tracer.semconv) with a realistic mix of
stages and faults, then measures in the same process, medians of --repeat runs:

- plain:   DuckDB's own ``read_json`` of the file into a table (the baseline),
- ingest:  ``Store.ingest`` into a fresh database file,
- analyze: ``Store.analyze()`` on the ingested database,

and prints seconds, spans/s, peak resident memory of each phase (sampled from
/proc/self/status), and the ratios the targets are stated in:
ingest + analyze <= 0.5x plain (each round's own ratio, then their median),
analyze <= 3 s, peak < 2 GB at any size (10M spans included), linear growth.

    python benchmarks/analyzer_scale.py                      # 100k and 1M spans
    python benchmarks/analyzer_scale.py --spans 10000000 --repeat 1
    python benchmarks/analyzer_scale.py --spans 20000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analyzer  # noqa: E402
from tracer import semconv  # noqa: E402

SPANS_PER_BATCH = 512  # the SDK BatchSpanProcessor's default export batch size
T0 = 1_750_000_000_000_000_000
MS = 1_000_000
TARGET_RATIO = 0.5  # ingest + analyze against DuckDB's own read_json of the same file


# --- generation -------------------------------------------------------------------------
def _value(v: Any) -> dict[str, Any]:
    if isinstance(v, bool):
        return {"boolValue": v}
    if isinstance(v, int):
        return {"intValue": str(v)}
    if isinstance(v, float):
        return {"doubleValue": v}
    if isinstance(v, list):
        return {"arrayValue": {"values": [_value(x) for x in v]}}
    return {"stringValue": v}


class _Run:
    """Spans of one run, as the tracer's OTLP/JSON encoder writes them."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.trace = f"{rng.getrandbits(128):032x}"
        self.clock = T0 + index * 50 * MS
        self.spans: list[dict[str, Any]] = []
        self._next = 0

    def span(
        self,
        name: str,
        attrs: dict[str, Any],
        parent: str | None,
        ms: float,
        *,
        error: str | None = None,
        events: list[dict[str, Any]] | None = None,
    ) -> str:
        self._next += 1
        span_id = f"{self.rng.getrandbits(64) | 1:016x}"
        start = self.clock
        self.clock += int(ms * MS)
        out: dict[str, Any] = {"traceId": self.trace, "spanId": span_id}
        if parent:
            out["parentSpanId"] = parent
        out.update(
            name=name,
            kind=1,
            startTimeUnixNano=str(start),
            endTimeUnixNano=str(self.clock),
            attributes=[{"key": k, "value": _value(v)} for k, v in attrs.items()],
        )
        if error:
            out["events"] = [
                {
                    "timeUnixNano": str(self.clock),
                    "name": semconv.EXCEPTION_EVENT,
                    "attributes": [
                        {"key": "exception.type", "value": {"stringValue": error}},
                        {"key": "exception.message", "value": {"stringValue": "failed"}},
                    ],
                }
            ]
            out["status"] = {"code": 2, "message": f"{error}: failed"}
        elif events:
            out["events"] = events
        self.spans.append(out)
        return span_id


def _agent(name: str, stage: str, actor: str) -> dict[str, Any]:
    return {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
        semconv.GEN_AI_AGENT_NAME: name,
        semconv.GEN_AI_AGENT_ID: f"{name}-1",
        semconv.STAGE: stage,
        semconv.ACTOR: actor,
    }


def generate_run(rng: random.Random, index: int) -> list[dict[str, Any]]:
    """One content pipeline run: plan, writer (+ tool), handoffs, editor, fact checker,
    verification loop, assembly; faults drawn at realistic rates."""
    r = _Run(rng, index)
    roll = rng.random
    assignees = ["writer", "editor", "fact_checker"]
    skip_checker = roll() < 0.05  # planned subtask never runs (decomposition omission)
    plan_attrs: dict[str, Any] = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_PLAN,
        semconv.STAGE: semconv.STAGE_DECOMPOSITION,
        semconv.ACTOR: semconv.ACTOR_MODEL,
        semconv.PLAN_SUBTASK_COUNT: 3,
        semconv.PLAN_SUBTASK_IDS: ["draft", "edit", "check"],
        semconv.PLAN_ASSIGNEES: assignees,
    }
    if roll() < 0.02:
        plan_attrs[semconv.PLAN_UNASSIGNED] = ["check"]
        plan_attrs[semconv.PLAN_ASSIGNEES] = ["writer", "editor", ""]
    run_id = r.span(
        semconv.workflow_span_name("content"),
        {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
            semconv.GEN_AI_WORKFLOW_NAME: "content",
            semconv.GEN_AI_CONVERSATION_ID: f"conv-{index}",
        },
        None,
        0,
    )
    r.span(semconv.plan_span_name("planner"), plan_attrs, run_id, rng.uniform(5, 20))
    failed = False
    writer = r.span(
        semconv.agent_span_name("writer"),
        _agent("writer", semconv.STAGE_GENERATION, semconv.ACTOR_MODEL),
        run_id,
        rng.uniform(200, 900),
    )
    tool_error = "TimeoutError" if roll() < 0.02 else None
    r.span(
        semconv.tool_span_name("search"),
        {semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL, semconv.GEN_AI_TOOL_NAME: "search",
         semconv.STAGE: semconv.STAGE_GENERATION, semconv.ACTOR: semconv.ACTOR_TOOL},
        writer, rng.uniform(20, 120), error=tool_error,
    )  # fmt: skip
    failed |= tool_error is not None
    chain = ["writer", "editor"] + ([] if skip_checker else ["fact_checker"])
    for source, target in zip(chain, chain[1:], strict=False):
        attrs: dict[str, Any] = {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
            semconv.STAGE: semconv.STAGE_HANDOFF,
            semconv.HANDOFF_SOURCE: source,
            semconv.HANDOFF_TARGET: target,
            semconv.HANDOFF_SOURCE_ACTOR: semconv.ACTOR_MODEL,
            semconv.HANDOFF_TARGET_ACTOR: semconv.ACTOR_HUMAN if target == "editor" else "model",
            semconv.HANDOFF_PAYLOAD_HASH: f"{rng.getrandbits(256):064x}",
            semconv.HANDOFF_PAYLOAD_SIZE: rng.randint(200, 9000),
            semconv.HANDOFF_PAYLOAD_KEYS: ["draft", "brief", "brand_voice"],
            semconv.HANDOFF_CARRY: ["brand_voice"],
        }
        if roll() < 0.04:
            attrs[semconv.HANDOFF_VIOLATIONS] = ["dropped_key: brand_voice"]
            attrs[semconv.HANDOFF_VIOLATION_COUNT] = 1
            failed = True
        r.span(semconv.handoff_span_name(source, target), attrs, run_id, rng.uniform(1, 5))
        actor = semconv.ACTOR_HUMAN if target == "editor" else semconv.ACTOR_MODEL
        error = "ValueError" if roll() < 0.03 else None
        r.span(
            semconv.agent_span_name(target),
            _agent(target, semconv.STAGE_GENERATION, actor),
            run_id,
            rng.uniform(300, 3000) if actor == semconv.ACTOR_HUMAN else rng.uniform(100, 600),
            error=error,
        )
        failed |= error is not None
    attempts = 1 if roll() < 0.8 else (2 if roll() < 0.75 else 3)
    reject_all = roll() < 0.05
    for attempt in range(1, attempts + 1):
        verdict = (
            semconv.VERDICT_REJECT if reject_all or attempt < attempts else semconv.VERDICT_ACCEPT
        )
        r.span(
            semconv.verify_span_name("qa"),
            {
                semconv.GEN_AI_OPERATION_NAME: semconv.OP_VERIFY,
                semconv.STAGE: semconv.STAGE_VERIFICATION,
                semconv.ACTOR: semconv.ACTOR_MODEL,
                semconv.GEN_AI_AGENT_NAME: "qa",
                semconv.VERIFY_VERDICT: verdict,
                semconv.VERIFY_ATTEMPT: attempt,
                semconv.VERIFY_SUBJECT: "editor",
            },
            run_id,
            rng.uniform(50, 200),
            events=[
                {
                    "timeUnixNano": str(r.clock),
                    "name": semconv.GEN_AI_EVALUATION_RESULT_EVENT,
                    "attributes": [
                        {"key": semconv.GEN_AI_EVALUATION_NAME, "value": {"stringValue": "qa"}},
                        {"key": semconv.GEN_AI_EVALUATION_SCORE_LABEL,
                         "value": {"stringValue": "pass" if verdict == "accept" else "fail"}},
                    ],
                }
            ],
        )  # fmt: skip
    failed |= reject_all
    assembly_error = "KeyError" if roll() < 0.01 else None
    r.span(
        semconv.agent_span_name("assembler"),
        _agent("assembler", semconv.STAGE_ASSEMBLY, semconv.ACTOR_CODE),
        run_id,
        rng.uniform(5, 30),
        error=assembly_error,
    )
    failed |= assembly_error is not None or skip_checker or roll() < 0.02  # false accepts
    run = r.spans[0]
    run["endTimeUnixNano"] = str(r.clock)
    outcome = semconv.OUTCOME_FAILURE if failed else semconv.OUTCOME_SUCCESS
    if roll() < 0.01:  # human feedback after the fact, in the run's trace
        r.span(
            semconv.OUTCOME_SPAN_NAME,
            {semconv.OUTCOME: outcome, semconv.OUTCOME_REASON: "reader complaint",
             semconv.OUTCOME_TRACE_ID: r.trace},
            None, 0,
        )  # fmt: skip
    else:
        run["attributes"].append({"key": semconv.OUTCOME, "value": {"stringValue": outcome}})
    return r.spans


def generate(
    path: Path,
    spans: int,
    seed: int = 7,
    *,
    decorate: Callable[[list[dict[str, Any]]], None] | None = None,
) -> int:
    """Write about ``spans`` spans (runs of ~10) as OTLP/JSON lines; returns the count.
    ``decorate`` (benchmarks/content_scale.py) may change each run's spans in place
    before they are written; the runs themselves depend only on ``seed``."""
    rng = random.Random(seed)
    written = 0
    batch: list[dict[str, Any]] = []
    resource = {"attributes": [{"key": semconv.SERVICE_NAME, "value": {"stringValue": "content"}}]}
    scope = {"name": semconv.INSTRUMENTATION_NAME, "version": "0.1.0"}

    def flush(out: Any) -> None:
        scoped = [{"scope": scope, "spans": batch}]
        request = {"resourceSpans": [{"resource": resource, "scopeSpans": scoped}]}
        out.write(json.dumps(request, separators=(",", ":")))
        out.write("\n")
        batch.clear()

    with path.open("w", encoding="utf-8") as out:
        index = 0
        while written < spans:
            run = generate_run(rng, index)
            index += 1
            if decorate is not None:
                decorate(run)
            batch.extend(run)
            written += len(run)
            if len(batch) >= SPANS_PER_BATCH:
                flush(out)
        if batch:
            flush(out)
    return written


# --- measuring --------------------------------------------------------------------------
def _rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class PeakMemory:
    """Samples resident memory every 20 ms while the block runs."""

    def __enter__(self) -> PeakMemory:
        self.peak = _rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _rss_bytes())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_bytes())


def _timed(func: Callable[[], Any]) -> tuple[float, int, Any]:
    with PeakMemory() as mem:
        started = time.perf_counter()
        value = func()
        elapsed = time.perf_counter() - started
    return elapsed, mem.peak, value


def _plain_read(path: Path) -> int:
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE raw AS SELECT * FROM read_json(?)", [str(path)])
        row = con.execute("SELECT count(*) FROM raw").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


def _analysis_available() -> bool:
    try:
        import analyzer.analysis  # noqa: F401
    except ImportError:
        return False
    return True


def measure(path: Path, workdir: Path, repeat: int, *, plain_read: bool = True) -> dict[str, Any]:
    """Medians of ``repeat`` rounds of plain read, ingest and analyze."""
    plain, ingest, analyze, peaks = [], [], [], {"plain": 0, "ingest": 0, "analyze": 0}
    ratios: list[float] = []
    runs = failed = None
    for round_ in range(repeat):
        if plain_read:
            seconds, peak, _ = _timed(lambda: _plain_read(path))
            plain.append(seconds)
            peaks["plain"] = max(peaks["plain"], peak)
        db = workdir / f"scale-{round_}.duckdb"
        store = analyzer.open(db)
        try:
            seconds, peak, result = _timed(lambda s=store: s.ingest([path]))
            ingest.append(seconds)
            peaks["ingest"] = max(peaks["ingest"], peak)
            if _analysis_available():
                seconds, peak, a = _timed(lambda s=store: s.analyze())
                analyze.append(seconds)
                if plain:
                    ratios.append((ingest[-1] + seconds) / plain[-1])
                peaks["analyze"] = max(peaks["analyze"], peak)
                summary = a.summary()
                runs, failed = summary["runs"], summary["failed"]
        finally:
            store.close()
            db.unlink(missing_ok=True)
    return {
        "spans": result.spans_added,
        "plain_s": statistics.median(plain) if plain else None,
        "ingest_s": statistics.median(ingest),
        "analyze_s": statistics.median(analyze) if analyze else None,
        "ratio": statistics.median(ratios) if ratios else None,
        "ratios": ratios,
        "peaks": peaks,
        "runs": runs,
        "failed": failed,
    }


def _report(size: int, m: dict[str, Any], file_bytes: int) -> None:
    gb = 1024**3
    print(f"\n== {m['spans']:,} spans ({file_bytes / 1024**2:,.0f} MiB of OTLP/JSON lines) ==")
    if m["plain_s"] is not None:
        print(f"plain read_json   {m['plain_s']:8.2f} s   peak {m['peaks']['plain'] / gb:5.2f} GiB")
    print(
        f"ingest            {m['ingest_s']:8.2f} s   peak {m['peaks']['ingest'] / gb:5.2f} GiB"
        f"   {m['spans'] / m['ingest_s']:,.0f} spans/s"
    )
    if m["analyze_s"] is None:
        print("analyze           skipped (analyzer.analysis not available)")
        return
    total = m["ingest_s"] + m["analyze_s"]
    print(
        f"analyze           {m['analyze_s']:8.2f} s   peak {m['peaks']['analyze'] / gb:5.2f} GiB"
        f"   {m['runs']:,} runs, {m['failed']:,} failed"
    )
    peak = max(m["peaks"].values()) / gb
    if m["ratio"] is None:
        print(f"ingest+analyze    {total:8.2f} s   peak {peak:.2f} GiB (target < 2 GiB)")
        return
    rounds = ", ".join(f"{r:.2f}x" for r in m["ratios"])
    print(
        f"ingest+analyze    {total:8.2f} s   = {m['ratio']:.2f}x plain read, median of rounds "
        f"[{rounds}] (target <= {TARGET_RATIO}x); analyze {m['analyze_s']:.2f} s "
        f"(target <= 3 s); peak {peak:.2f} GiB (target < 2 GiB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size (median)")
    parser.add_argument("--workdir", type=Path, default=None, help="where files go (temp dir)")
    parser.add_argument(
        "--no-plain",
        action="store_true",
        help="skip the read_json baseline (for the 10M memory check: read_json is not bounded)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coordgap-scale-", dir=args.workdir) as tmp:
        work = Path(tmp)
        results = []
        for size in args.spans:
            path = work / f"spans-{size}.jsonl"
            started = time.perf_counter()
            count = generate(path, size)
            print(f"generated {count:,} spans in {time.perf_counter() - started:.1f} s -> {path}")
            m = measure(path, work, args.repeat, plain_read=not args.no_plain)
            _report(size, m, os.path.getsize(path))
            results.append(m)
            path.unlink()
        if len(results) > 1:
            small, large = results[0], results[-1]
            scale = large["spans"] / small["spans"]
            print(f"\n== growth {small['spans']:,} -> {large['spans']:,} spans ({scale:.1f}x) ==")
            for key in ("plain_s", "ingest_s", "analyze_s"):  # a skipped phase is None
                if small[key] and large[key]:
                    growth = large[key] / small[key]
                    print(f"{key[:-2]:8s} {growth:6.2f}x time (linear = {scale:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
