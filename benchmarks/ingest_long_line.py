"""Peak memory of ingesting one very long JSON line, as a multiple of the line's size.

A JSON-lines file whose one line is far above DuckDB's object size limit (an
exporter that batched a huge request, or one span with a huge attribute) goes
through the streaming Python reader. Each case runs ``Store.ingest`` in a fresh
process and prints its peak resident memory above the process's footprint
just before the ingest (``ru_maxrss`` minus the RSS after opening the store),
divided by the line's size. Target: <= 2x the line (issue: 7x).

    python benchmarks/ingest_long_line.py                 # 200 MB, both shapes
    python benchmarks/ingest_long_line.py --mb 50 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracer import semconv  # noqa: E402

MB = 1024 * 1024
TARGET = 2.0


def _span(n: int, attrs: list[dict[str, object]]) -> dict[str, object]:
    return {
        "traceId": f"{n // 10 + 1:032x}",
        "spanId": f"{n + 1:016x}",
        "name": semconv.agent_span_name("writer"),
        "kind": 1,
        "startTimeUnixNano": str(1_750_000_000_000_000_000 + n),
        "endTimeUnixNano": str(1_750_000_000_000_000_000 + n + 1000),
        "attributes": attrs,
    }


def _agent_attrs(n: int) -> list[dict[str, object]]:
    values = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
        semconv.GEN_AI_AGENT_NAME: f"writer-{n % 7}",
        semconv.STAGE: semconv.STAGE_GENERATION,
        semconv.ACTOR: semconv.ACTOR_MODEL,
        semconv.HANDOFF_PAYLOAD_HASH: f"{n:064x}",
    }
    return [{"key": k, "value": {"stringValue": v}} for k, v in values.items()]


def _head() -> str:
    resource_ = {"attributes": [{"key": semconv.SERVICE_NAME, "value": {"stringValue": "big"}}]}
    return json.dumps({"resourceSpans": [{"resource": resource_, "scopeSpans": [{"spans": []}]}]})


def write_many_spans(path: Path, size: int) -> int:
    """A small first line, then one line of about ``size`` bytes of ordinary spans;
    returns the long line's size."""
    with path.open("w", encoding="utf-8") as out:
        out.write(_head() + "\n")
        start = out.tell()
        out.write(_head()[: -len("[]}]}]}")] + "[")
        n = 0
        while out.tell() - start < size:
            out.write(("," if n else "") + json.dumps(_span(n, _agent_attrs(n))))
            n += 1
        out.write("]}]}]}\n")
        return out.tell() - start


def write_big_attribute(path: Path, size: int) -> int:
    """A small first line, then one line holding one span whose attribute is
    ``size`` bytes of text; returns the long line's size."""
    attrs = _agent_attrs(0) + [{"key": "app.blob", "value": {"stringValue": "@"}}]
    line = _head()[: -len("[]}]}]}")] + json.dumps([_span(0, attrs)]) + "}]}]}"
    before, after = line.split('"@"')
    with path.open("w", encoding="utf-8") as out:
        out.write(_head() + "\n")
        start = out.tell()
        out.write(before + '"')
        chunk = "lorem ipsum dolor sit amet " * 4096
        written = 0
        while written < size:
            out.write(chunk)
            written += len(chunk)
        out.write('"' + after + "\n")
        return out.tell() - start


SHAPES = {"many-spans": write_many_spans, "big-attribute": write_big_attribute}


def _rss() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def child(path: str, db: str) -> None:
    """Ingest ``path`` and print JSON: spans, bytes above the starting footprint."""
    import analyzer

    with analyzer.open(db) as store:
        base = _rss()
        result = store.ingest([path])
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"spans": result.spans_added, "peak_above": peak - base, "base": base}))


def measure(path: Path, work: Path, repeat: int) -> tuple[int, list[int]]:
    """Spans added and the peak above the footprint, once per round (fresh process)."""
    peaks, spans = [], 0
    for round_ in range(repeat):
        db = work / f"long-{round_}.duckdb"
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path), str(db)],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        spans = row["spans"]
        peaks.append(row["peak_above"])
        db.unlink(missing_ok=True)
    return spans, peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the long line")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per shape (median)")
    parser.add_argument("--shape", choices=sorted(SHAPES), nargs="+", default=sorted(SHAPES))
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--child", nargs=2, metavar=("PATH", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="coordgap-longline-", dir=args.workdir) as tmp:
        work = Path(tmp)
        for shape in args.shape:
            path = work / f"{shape}.jsonl"
            line = SHAPES[shape](path, args.mb * MB)
            spans, peaks = measure(path, work, args.repeat)
            ratio = statistics.median(peaks) / line
            worst = max(worst, ratio)
            print(
                f"{shape:14s} line {line / MB:6.0f} MB  {spans:>7,} spans  "
                f"peak above footprint {statistics.median(peaks) / MB:7.0f} MB (median of "
                f"{len(peaks)}) = {ratio:.2f}x the line"
            )
            os.unlink(path)
    print(f"worst {worst:.2f}x the line (target <= {TARGET:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
