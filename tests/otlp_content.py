"""Small OTLP/JSON files whose spans carry message content, for ingest and CLI tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["attr", "messages", "span", "team_run", "write"]

T0 = 1_767_225_600 * 10**9


def attr(key: str, value: str) -> dict[str, Any]:
    return {"key": key, "value": {"stringValue": value}}


def messages(role: str, *texts: str) -> str:
    """A GenAI ``gen_ai.*.messages`` value: one message with text parts."""
    return json.dumps([{"role": role, "parts": [{"type": "text", "content": t} for t in texts]}])


def span(
    trace: int,
    n: int,
    name: str,
    attrs: list[dict[str, Any]],
    *,
    parent: int | None = 1,
    events: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    t = T0 + trace * 10**12 + n * 10**6
    out: dict[str, Any] = {
        "traceId": f"{trace:032x}",
        "spanId": f"{n:016x}",
        "name": name,
        "kind": 1,
        "startTimeUnixNano": str(t),
        "endTimeUnixNano": str(t + 500_000),
        "attributes": attrs,
    }
    if parent is not None and parent != n:
        out["parentSpanId"] = f"{parent:016x}"
    if events:
        out["events"] = events
    return out


def write(path: Path, spans: list[dict[str, Any]]) -> Path:
    """One OTLP/JSON-lines file holding ``spans``."""
    request = {
        "resourceSpans": [
            {
                "resource": {"attributes": [attr("service.name", "team")]},
                "scopeSpans": [{"spans": spans}],
            }
        ]
    }
    path.write_text(json.dumps(request) + "\n", encoding="utf-8")
    return path


def team_run(trace: int, turns: list[tuple[str, str]], task: str) -> list[dict[str, Any]]:
    """A failed run shaped as a chat log: a run span whose input is the task, then one
    ``invoke_agent <name>`` span per message, the message as its output."""
    spans = [
        span(
            trace,
            1,
            "invoke_workflow team",
            [
                attr("gen_ai.operation.name", "invoke_workflow"),
                attr("gen_ai.input.messages", messages("user", task)),
                attr("coordgap.outcome", "failure"),
            ],
            parent=None,
        )
    ]
    for i, (agent, text) in enumerate(turns, start=2):
        spans.append(
            span(
                trace,
                i,
                f"invoke_agent {agent}",
                [
                    attr("gen_ai.operation.name", "invoke_agent"),
                    attr("gen_ai.agent.name", agent),
                    attr("gen_ai.output.messages", messages("assistant", text)),
                ],
            )
        )
    return spans
