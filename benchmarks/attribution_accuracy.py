"""Score coordgap's failure attribution against annotated runs.

Ingests the traces into a temporary database with ``coordgap ingest``, runs
``coordgap analyze --format json`` and compares ``failures[]`` with a truth file:

    {trace_id: {"mistake_agent": str, "span_id": str | null, "healthy": bool?, ...}}

A record with ``"healthy": true`` is a run that did not fail; every other record
is a failed run whose root cause is ``mistake_agent`` at the span ``span_id``
(the step where the mistake was made).

Printed, per detector (``failures[].detector``; ``none`` when a failure has no
detector, i.e. an explicit or structural rule named it or nothing did):
runs fired, the precision of the agent (right agent / runs fired) and of the
step (right span / runs fired). Then, over all failed runs, the agent accuracy
and the step accuracy, counting runs where nothing is named as wrong; and the
healthy runs that ``failures[]`` lists anyway (wrongly explained).

Agents compare case-insensitively, after dropping a trailing parenthesised
qualifier and surrounding blanks: a message role such as
``Orchestrator (thought)`` or ``Orchestrator (-> WebSurfer)`` counts as agent
``Orchestrator``. The step is right when ``failures[].span_id`` is the
annotated span.

Usage::

    python benchmarks/attribution_accuracy.py                      # the committed corpus
    python benchmarks/attribution_accuracy.py DIR... --truth FILE  # any traces + truth
    python benchmarks/attribution_accuracy.py --corpus tests/corpus/heldout  # DIR/traces + truth
    python benchmarks/attribution_accuracy.py --calibration [--svg FILE]  # reliability bins
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import calibration_report  # noqa: E402
from tracer import semconv  # noqa: E402

FLIP_NS = 4_102_444_800_000_000_000  # 2100-01-01: later than any run
DEFAULT_TRACES = ROOT / "tests" / "corpus" / "traces"
DEFAULT_TRUTH = ROOT / "tests" / "corpus" / "annotations.json"
NO_DETECTOR = "none"
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def normalize_agent(name: str | None) -> str | None:
    """Case-folded agent name without a trailing ``(qualifier)``; None stays None."""
    if name is None:
        return None
    text = str(name).strip()
    while True:
        stripped = _QUALIFIER.sub("", text)
        if stripped == text or not stripped:
            break
        text = stripped
    return text.casefold() or None


def _coordgap(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "coordgap", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise SystemExit(f"coordgap {args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def flip_outcomes(trace_ids: list[str], path: Path) -> None:
    """Write a late ``failure`` outcome for each run (OTLP/JSON), as a grader would."""
    spans = []
    for n, trace_id in enumerate(trace_ids):
        spans.append(
            {
                "traceId": trace_id,
                "spanId": hashlib.sha256(f"flip:{trace_id}".encode()).hexdigest()[:16],
                "name": semconv.OP_OUTCOME,
                "kind": 1,
                "startTimeUnixNano": str(FLIP_NS + n),
                "endTimeUnixNano": str(FLIP_NS + n + 1),
                "attributes": [
                    {"key": k, "value": {"stringValue": v}}
                    for k, v in (
                        (semconv.GEN_AI_OPERATION_NAME, semconv.OP_OUTCOME),
                        (semconv.OUTCOME, semconv.OUTCOME_FAILURE),
                        (semconv.OUTCOME_REASON, "flipped by the benchmark"),
                        (semconv.OUTCOME_TRACE_ID, trace_id),
                    )
                ],
            }
        )
    request = {"resourceSpans": [{"scopeSpans": [{"scope": {"name": "flip"}, "spans": spans}]}]}
    path.write_text(json.dumps(request) + "\n", "utf-8")


def analyze(paths: list[Path], flip: list[str] | None = None) -> dict[str, Any]:
    """``coordgap analyze --format json`` over the given trace files, in a throwaway DB;
    the runs in ``flip`` get a late failure outcome first."""
    with tempfile.TemporaryDirectory(prefix="coordgap-accuracy-") as tmp:
        db = str(Path(tmp) / "accuracy.duckdb")
        if flip:
            flip_outcomes(flip, Path(tmp) / "flip.jsonl")
            paths = [*paths, Path(tmp) / "flip.jsonl"]
        _coordgap("ingest", *(str(p) for p in paths), "--db", db)
        result: dict[str, Any] = json.loads(_coordgap("analyze", "--format", "json", "--db", db))
        return result


@dataclass
class DetectorScore:
    fired: int = 0
    right_agent: int = 0
    right_step: int = 0


@dataclass
class Score:
    failed: int = 0
    right_agent: int = 0
    right_step: int = 0
    unnamed: int = 0
    healthy: int = 0
    healthy_listed: list[str] = field(default_factory=list)
    healthy_content: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    detectors: dict[str, DetectorScore] = field(default_factory=lambda: defaultdict(DetectorScore))
    by_group: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    unexplained: list[str] = field(default_factory=list)


def score(truth: dict[str, Any], analysis: dict[str, Any], group_key: str = "mode") -> Score:
    """Compare ``failures[]`` of one analysis with the truth records."""
    failures = {str(f["trace_id"]).lower(): f for f in analysis.get("failures", [])}
    s = Score()
    for trace_id, record in sorted(truth.items()):
        entry = failures.get(trace_id.lower())
        if record.get("healthy"):
            s.healthy += 1
            if entry is not None:
                s.healthy_listed.append(trace_id)
                if entry.get("detector"):
                    s.healthy_content.append(trace_id)
            continue
        s.failed += 1
        group = s.by_group[str(record.get(group_key) or "-")]
        group[0] += 1
        if entry is None:
            s.missing.append(trace_id)
            s.unnamed += 1
            s.unexplained.append(trace_id)
            continue
        detector = str(entry.get("detector") or NO_DETECTOR)
        named = normalize_agent(entry.get("agent"))
        agent_ok = named is not None and named == normalize_agent(record.get("mistake_agent"))
        step_ok = bool(record.get("span_id")) and entry.get("span_id") == record.get("span_id")
        d = s.detectors[detector]
        d.fired += 1
        d.right_agent += agent_ok
        d.right_step += step_ok
        s.right_agent += agent_ok
        s.right_step += step_ok
        group[1] += agent_ok
        group[2] += step_ok
        if named is None:
            s.unnamed += 1
        if detector == NO_DETECTOR:
            s.unexplained.append(trace_id)
    return s


def _pct(num: int, den: int) -> str:
    return f"{num}/{den} = {100.0 * num / den:5.1f}%" if den else f"{num}/0 =   n/a"


def report(s: Score, truth: dict[str, Any], group_key: str = "mode") -> str:
    lines = ["per detector (failed runs it explains):"]
    lines.append(f"  {'detector':<28} {'fired':>5}  {'agent precision':<22} {'step precision':<22}")
    for name, d in sorted(s.detectors.items(), key=lambda kv: (-kv[1].fired, kv[0])):
        lines.append(
            f"  {name:<28} {d.fired:>5}  {_pct(d.right_agent, d.fired):<22} "
            f"{_pct(d.right_step, d.fired):<22}"
        )
    lines.append(
        f"failed runs: {s.failed} (nothing named: {s.unnamed}, not listed: {len(s.missing)})"
    )
    lines.append(f"  agent accuracy: {_pct(s.right_agent, s.failed)}")
    lines.append(f"  step accuracy:  {_pct(s.right_step, s.failed)}")
    lines.append(
        f"healthy runs: {s.healthy}; listed as failed: {len(s.healthy_listed)}; "
        f"with a content-based explanation: {len(s.healthy_content)}"
    )
    for trace_id in s.healthy_listed:
        lines.append(f"  healthy but listed: {trace_id} {truth[trace_id].get('scenario', '')}")
    lines.extend(group_table(s, group_key))
    return "\n".join(lines)


def group_table(s: Score, group_key: str) -> list[str]:
    """Failed runs, right agent and right step per value of ``group_key`` of the truth."""
    if len(s.by_group) <= 1:
        return []
    lines = [f"by {group_key} (runs, right agent, right step):"]
    for group, (n, agent, step) in sorted(s.by_group.items()):
        lines.append(f"  {group:<28} {n:>3}  agent {_pct(agent, n):<18} step {_pct(step, n)}")
    return lines


def as_json(s: Score) -> dict[str, Any]:
    return {
        "detectors": {
            k: {"fired": v.fired, "right_agent": v.right_agent, "right_step": v.right_step}
            for k, v in s.detectors.items()
        },
        "failed": s.failed,
        "right_agent": s.right_agent,
        "right_step": s.right_step,
        "unnamed": s.unnamed,
        "healthy": s.healthy,
        "healthy_listed": s.healthy_listed,
        "healthy_content": s.healthy_content,
        "unexplained": s.unexplained,
    }


def trace_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob("*.json*")) if p.is_dir() else [p])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("traces", nargs="*", type=Path, help="trace files or directories")
    parser.add_argument("--truth", type=Path, default=None, help="truth / annotations JSON")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="a corpus directory (traces/ and annotations.json), e.g. tests/corpus/heldout",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--list", action="store_true", help="list runs no detector explains")
    parser.add_argument(
        "--calibration",
        action="store_true",
        help="print the confidence bins, leave-one-framework-out figures and a fitted map",
    )
    parser.add_argument("--svg", type=Path, default=None, help="write a reliability diagram")
    parser.add_argument(
        "--by",
        action="append",
        help="also break accuracy down by this truth field (e.g. framework); repeatable",
    )
    parser.add_argument(
        "--flip-healthy",
        action="store_true",
        help="also grade the healthy runs failed and count the content detectors that fire "
        "on them (false alarms on runs whose content shows no mistake)",
    )
    args = parser.parse_args(argv)
    if args.corpus is not None:
        args.traces = args.traces or [args.corpus / "traces"]
        args.truth = args.truth or args.corpus / "annotations.json"
    paths = args.traces or [DEFAULT_TRACES]
    truth_path = args.truth or DEFAULT_TRUTH
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    truth = truth.get("runs", truth)
    analysis = analyze(trace_files(paths))
    s = score(truth, analysis)
    if args.json:
        print(json.dumps(as_json(s), indent=2))
    else:
        print(f"traces: {', '.join(str(p) for p in paths)}; truth: {truth_path}")
        print(report(s, truth))
        for key in args.by or []:
            print("\n".join(group_table(score(truth, analysis, key), key)))
    if args.calibration or args.svg:
        failures = {str(f["trace_id"]).lower(): f for f in analysis.get("failures", [])}
        same = lambda a, b: a is not None and normalize_agent(a) == normalize_agent(b)  # noqa: E731
        data = calibration_report.rows(truth, failures, same)
        print(calibration_report.text(data))
        if args.svg:
            calibration_report.svg(data, args.svg)
    if args.flip_healthy:
        healthy = [k for k, v in truth.items() if v.get("healthy")]
        flipped = analyze(trace_files(paths), flip=healthy)
        fired = Counter(
            str(f.get("detector"))
            for f in flipped.get("failures", [])
            if f["trace_id"] in set(healthy) and f.get("detector")
        )
        print(
            f"healthy runs graded failed: {len(healthy)}; a content detector named an agent "
            f"on {sum(fired.values())}: {dict(fired) or '-'}"
        )
        if args.list:
            for f in flipped.get("failures", []):
                if f["trace_id"] in set(healthy) and f.get("detector"):
                    label = truth[f["trace_id"]].get("scenario", "")
                    print(
                        f"  false alarm: {label} {f['detector']} {f.get('agent')}: "
                        f"{str(f.get('quote'))[:80]}"
                    )
    if args.list:
        for trace_id in s.unexplained:
            r = truth[trace_id]
            label = r.get("scenario") or r.get("log") or ""
            print(f"  unexplained: {trace_id} {label} ({r.get('mode', '')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
