"""Convert Who&When-shaped failure logs into OTLP/JSON traces plus a truth file.

A Who&When log is a JSON object with ``history`` (a list of messages, each with
``content`` and a ``name`` or a ``role``), the task (``question``) and the
annotation: ``mistake_agent`` (the agent to blame) and ``mistake_step`` (the
index in ``history`` of the message where the mistake was made).

Each log becomes one trace, shaped as a user would export such a run:

- a run span ``invoke_workflow <team>`` holding the task as
  ``gen_ai.input.messages`` and marked failed (``coordgap.outcome`` =
  ``failure`` with a reason: the run's answer was graded wrong);
- one child span per history message, in order, named ``invoke_agent <agent>``
  with ``gen_ai.agent.name`` the message's ``name`` (or its ``role`` when it has
  no name, e.g. ``Orchestrator (thought)``) and the message as
  ``gen_ai.output.messages``; timestamps are consecutive.

Nothing of the annotation goes into the trace. The truth file maps each trace
id to the annotated agent, the step index and the span id of that step.

Ids are derived from the log's path, so a rerun writes identical files.

Usage::

    python benchmarks/whowhen_to_otlp.py RAW_DIR --out OTLP_DIR --truth TRUTH.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracer import semconv  # noqa: E402

START_NS = 1_767_225_600_000_000_000  # 2026-01-01T00:00:00Z
STEP_NS = 1_000_000_000  # one second per message
OUTCOME_REASON = "final answer graded wrong against the task's ground truth"
SERVICE = "whowhen"
KIND_INTERNAL = 1


def _hex_id(seed: str, chars: int) -> str:
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:chars]


def _attr(key: str, value: str | int) -> dict[str, Any]:
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": value}}


def _messages(role: str, text: str) -> str:
    """One message in the GenAI convention's JSON form (role + parts)."""
    return json.dumps(
        [{"role": role, "parts": [{"type": "text", "content": text}]}], ensure_ascii=False
    )


def agent_of(message: dict[str, Any]) -> str:
    """The agent a message belongs to, as the log gives it: its name, else its role."""
    name = message.get("name") or message.get("role") or "unknown"
    return str(name)


def team_of(log: dict[str, Any]) -> str:
    """Magentic-One logs carry roles only (``Orchestrator (thought)``); AG2 logs carry names."""
    history = log.get("history") or []
    return "ag2-groupchat" if any("name" in m for m in history) else "magentic-one"


def task_of(log: dict[str, Any]) -> str:
    return str(log.get("question") or "")


def convert(log: dict[str, Any], key: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """One log as (OTLP request, truth record); ``key`` names the log (its relative path)."""
    trace_id = _hex_id("whowhen-trace:" + key, 32)
    run_span_id = _hex_id("whowhen-run:" + key, 16)
    history = log.get("history") or []
    team = team_of(log)
    end_ns = START_NS + (len(history) + 1) * STEP_NS
    run_span = {
        "traceId": trace_id,
        "spanId": run_span_id,
        "name": semconv.workflow_span_name(team),
        "kind": KIND_INTERNAL,
        "startTimeUnixNano": str(START_NS),
        "endTimeUnixNano": str(end_ns),
        "attributes": [
            _attr(semconv.GEN_AI_OPERATION_NAME, semconv.OP_INVOKE_WORKFLOW),
            _attr(semconv.GEN_AI_WORKFLOW_NAME, team),
            _attr(semconv.GEN_AI_INPUT_MESSAGES, _messages("user", task_of(log))),
            _attr(semconv.OUTCOME, semconv.OUTCOME_FAILURE),
            _attr(semconv.OUTCOME_REASON, OUTCOME_REASON),
        ],
    }
    spans = [run_span]
    step_ids: list[str] = []
    for index, message in enumerate(history):
        span_id = _hex_id(f"whowhen-step:{key}:{index}", 16)
        step_ids.append(span_id)
        agent = agent_of(message)
        start = START_NS + (index + 1) * STEP_NS
        spans.append(
            {
                "traceId": trace_id,
                "spanId": span_id,
                "parentSpanId": run_span_id,
                "name": semconv.agent_span_name(agent),
                "kind": KIND_INTERNAL,
                "startTimeUnixNano": str(start),
                "endTimeUnixNano": str(start + STEP_NS - 1_000_000),
                "attributes": [
                    _attr(semconv.GEN_AI_OPERATION_NAME, semconv.OP_INVOKE_AGENT),
                    _attr(semconv.GEN_AI_AGENT_NAME, agent),
                    _attr(
                        semconv.GEN_AI_OUTPUT_MESSAGES,
                        _messages("assistant", str(message.get("content") or "")),
                    ),
                ],
            }
        )
    request = {
        "resourceSpans": [
            {
                "resource": {"attributes": [_attr(semconv.SERVICE_NAME, SERVICE)]},
                "scopeSpans": [{"scope": {"name": "whowhen_to_otlp"}, "spans": spans}],
            }
        ]
    }
    step = int(log["mistake_step"])
    truth = {
        "log": key,
        "team": team,
        "mistake_agent": str(log["mistake_agent"]),
        "mistake_step": step,
        "span_id": step_ids[step] if 0 <= step < len(step_ids) else None,
        "step_agent": agent_of(history[step]) if 0 <= step < len(history) else None,
        "steps": len(history),
    }
    return request, {trace_id: truth}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw", type=Path, help="directory walked for *.json logs")
    parser.add_argument("--out", type=Path, required=True, help="directory for OTLP/JSON lines")
    parser.add_argument("--truth", type=Path, required=True, help="truth file to write")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, Any] = {}
    logs = sorted(p for p in args.raw.rglob("*.json") if p.name != "MANIFEST.json")
    for path in logs:
        key = path.relative_to(args.raw).as_posix()
        try:
            log = json.loads(path.read_text(encoding="utf-8"))
            request, record = convert(log, key)
        except (ValueError, KeyError, TypeError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            return 1
        name = key.removesuffix(".json").replace("/", "-") + ".jsonl"
        (args.out / name).write_text(json.dumps(request, ensure_ascii=False) + "\n", "utf-8")
        truth.update(record)
    args.truth.write_text(json.dumps(truth, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"{len(logs)} logs -> {args.out} ({len(truth)} traces), truth -> {args.truth}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
