"""Content at scale: analyze N spans carrying ~1 KB of message text each, against the
same spans without content.

Generates the runs of benchmarks/analyzer_scale.py twice, as OTLP/JSON lines: once
as they are, once with every span carrying a GenAI ``gen_ai.output.messages``
value of about 1 KB (agent turns, tool replies; some failed code runs and
"no progress" reports, so the detectors have work), ingests each into its own
database, then measures ``Store.analyze()`` on both, medians of --repeat rounds,
with the peak resident memory of each. Both include the suspect ranking
(analyzer/suspects), which reads the failed runs' messages when there are any.
Targets: analyze with content <= 1.3x without, peak < 2 GB.

    python benchmarks/content_scale.py                   # 100k spans, 3 rounds
    python benchmarks/content_scale.py --spans 20000 --repeat 1
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


def _analyze(db: Path) -> tuple[float, int, int]:
    with analyzer.open(db, read_only=True) as store:
        with PeakMemory() as mem:
            started = time.perf_counter()
            a = store.analyze()
            elapsed = time.perf_counter() - started
        named = int(a.failures["detector"].is_not_null().sum())
    return elapsed, mem.peak, named


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (median)")
    parser.add_argument("--workdir", type=Path, default=None, help="where files go (temp dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        work = Path(tmp)
        dbs = {}
        for label, with_content in (("without content", False), ("with content", True)):
            path = work / f"{'content' if with_content else 'plain'}.jsonl"
            n = generate(path, args.spans, content=with_content)
            db = work / f"{path.stem}.duckdb"
            with analyzer.open(db) as store:
                started = time.perf_counter()
                store.ingest([path])
                ingest_s = time.perf_counter() - started
                (rows,) = store.con.execute("SELECT count(*) FROM content").fetchone() or (0,)
            mb = path.stat().st_size / 1e6
            print(
                f"{label}: {n:,} spans, {mb:.0f} MB file, ingest {ingest_s:.2f} s, "
                f"{rows:,} content rows"
            )
            dbs[label] = db
        times: dict[str, list[float]] = {k: [] for k in dbs}
        peaks: dict[str, int] = dict.fromkeys(dbs, 0)
        named = 0
        for _ in range(args.repeat):
            for label, db in dbs.items():
                elapsed, peak, found = _analyze(db)
                times[label].append(elapsed)
                peaks[label] = max(peaks[label], peak)
                named = found if label == "with content" else named
        base = statistics.median(times["without content"])
        with_c = statistics.median(times["with content"])
        for label in dbs:
            print(
                f"analyze {label}: median {statistics.median(times[label]):.2f} s "
                f"over {args.repeat} round(s), peak RSS {peaks[label] / 2**30:.2f} GB"
            )
        print(f"failed runs a content detector explained: {named:,}")
        ratio = with_c / base if base else float("nan")
        print(
            f"ratio with/without content: {ratio:.2f}x (target <= 1.3x); "
            f"peak {max(peaks.values()) / 2**30:.2f} GB (target < 2 GB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
