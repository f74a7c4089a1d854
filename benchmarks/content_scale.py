"""Content at scale: analyze N spans carrying ~1 KB of message text each, against the
same spans without content.

Generates the runs of benchmarks/analyzer_scale.py twice, as OTLP/JSON lines: once
as they are, once with every span carrying a GenAI ``gen_ai.output.messages``
value of about 1 KB (agent turns, tool replies; some failed code runs and
"no progress" reports, so the detectors have work), ingests each into its own
database, then measures ``Store.analyze()`` on both, medians of --repeat rounds,
with the peak resident memory of each, wall and process CPU time (on a shared
machine the CPU time moves less). Both include the suspect ranking
(analyzer/suspects), which reads the failed runs' messages when there are any.
Targets: analyze with content <= 1.3x without, peak < 2 GB.

    python benchmarks/content_scale.py                   # 100k spans, 3 rounds
    python benchmarks/content_scale.py --spans 20000 --repeat 1
    python benchmarks/content_scale.py --dbs /tmp/cs     # keep the databases: a
                                                         # second run (other code) reuses them
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import analyzer_scale  # noqa: E402
from analyzer_scale import PeakMemory  # noqa: E402

import analyzer  # noqa: E402
from tracer import semconv  # noqa: E402

WORDS = (
    "the draft covers tides moon gravity ocean coastline schedule harbour reader brand "
    "voice summary evidence source table value result check answer plan step"
).split()


def _text(rng: random.Random, size: int = 1000) -> str:
    words: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(WORDS)
        words.append(w)
        n += len(w) + 1
    return " ".join(words)


def _message(rng: random.Random, span: dict[str, Any]) -> str:
    name = span["name"]
    roll = rng.random()
    if name.startswith(semconv.OP_EXECUTE_TOOL) and roll < 0.05:
        body = "exitcode: 1 (execution failed)\nTraceback (most recent call last):\n"
        body += "KeyError: 'total'\n" + _text(rng, 900)
    elif name.startswith(semconv.OP_INVOKE_AGENT) and roll < 0.03:
        body = "We are stuck and not making progress. " + _text(rng, 960)
    elif name.startswith(semconv.OP_INVOKE_AGENT) and roll < 0.06:
        body = "```python\nimport json\nprint(1)\n```\n" + _text(rng, 960)
    else:
        body = _text(rng)
    return json.dumps([{"role": "assistant", "parts": [{"type": "text", "content": body}]}])


def generate(path: Path, spans: int, *, content: bool, seed: int = 7) -> int:
    """The runs of analyzer_scale (same seed, same spans), with or without content."""
    text_rng = random.Random(seed + 1)

    def add_content(run: list[dict[str, Any]]) -> None:
        for span in run:
            value = {"stringValue": _message(text_rng, span)}
            span["attributes"].append({"key": semconv.GEN_AI_OUTPUT_MESSAGES, "value": value})

    return analyzer_scale.generate(path, spans, seed, decorate=add_content if content else None)


def _analyze(db: Path) -> tuple[float, float, int, int]:
    with analyzer.open(db, read_only=True) as store:
        with PeakMemory() as mem:
            cpu = time.process_time()
            started = time.perf_counter()
            a = store.analyze()
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu
        named = int(a.failures["detector"].is_not_null().sum())
    return elapsed, cpu, mem.peak, named


def _databases(work: Path, spans: int) -> dict[str, Path]:
    """The two databases in ``work``, generated and ingested unless already there."""
    dbs = {}
    for label, with_content in (("without content", False), ("with content", True)):
        stem = "content" if with_content else "plain"
        db = work / f"{stem}-{spans}.duckdb"
        dbs[label] = db
        if db.exists():
            print(f"{label}: {db} (kept from an earlier run)")
            continue
        path = work / f"{stem}.jsonl"
        n = generate(path, spans, content=with_content)
        building = db.with_suffix(".building")
        with analyzer.open(building) as store:
            started = time.perf_counter()
            store.ingest([path])
            ingest_s = time.perf_counter() - started
            (rows,) = store.con.execute("SELECT count(*) FROM content").fetchone() or (0,)
        building.rename(db)
        mb = path.stat().st_size / 1e6
        path.unlink()
        print(
            f"{label}: {n:,} spans, {mb:.0f} MB file, ingest {ingest_s:.2f} s, "
            f"{rows:,} content rows"
        )
    return dbs


def _measure(dbs: dict[str, Path], repeat: int) -> None:
    times: dict[str, list[float]] = {k: [] for k in dbs}
    cpus: dict[str, list[float]] = {k: [] for k in dbs}
    peaks: dict[str, int] = dict.fromkeys(dbs, 0)
    named = 0
    for _ in range(repeat):
        for label, db in dbs.items():
            elapsed, cpu, peak, found = _analyze(db)
            times[label].append(elapsed)
            cpus[label].append(cpu)
            peaks[label] = max(peaks[label], peak)
            named = found if label == "with content" else named
    for label in dbs:
        print(
            f"analyze {label}: median {statistics.median(times[label]):.2f} s "
            f"(CPU {statistics.median(cpus[label]):.2f} s) over {repeat} round(s), "
            f"peak RSS {peaks[label] / 2**30:.2f} GB"
        )
    print(f"failed runs a content detector explained: {named:,}")

    def ratio(values: dict[str, list[float]]) -> float:
        base = statistics.median(values["without content"])
        return statistics.median(values["with content"]) / base if base else float("nan")

    print(
        f"ratio with/without content: {ratio(times):.2f}x (CPU {ratio(cpus):.2f}x; "
        f"target <= 1.3x); peak {max(peaks.values()) / 2**30:.2f} GB (target < 2 GB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (median)")
    parser.add_argument("--workdir", type=Path, default=None, help="where files go (temp dir)")
    parser.add_argument(
        "--dbs", type=Path, default=None, help="keep the databases here and reuse them"
    )
    args = parser.parse_args(argv)
    if args.dbs is not None:
        args.dbs.mkdir(parents=True, exist_ok=True)
        _measure(_databases(args.dbs, args.spans), args.repeat)
        return 0
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        _measure(_databases(Path(tmp), args.spans), args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
