"""The corpus flattened to a message log: what each span becomes, in which order,
and where the annotated step lands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpus_flat  # noqa: E402
from tracer import semconv  # noqa: E402


def _span(sid: str, start: int, end: int, attrs: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "traceId": "t1",
        "spanId": sid,
        "startTimeUnixNano": str(start),
        "endTimeUnixNano": str(end),
        "attributes": [{"key": k, "value": {"stringValue": v}} for k, v in attrs.items()],
        **extra,
    }


def _turn(sid: str, start: int, end: int, agent: str, output: str | None = None) -> dict[str, Any]:
    attrs = {
        semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
        semconv.GEN_AI_AGENT_NAME: agent,
        semconv.ACTOR: semconv.ACTOR_MODEL,
    }
    if output is not None:
        attrs[semconv.OUTPUT_CONTENT] = output
    return _span(sid, start, end, attrs)


def _handoff(sid: str, at: int, source: str, payload: str) -> dict[str, Any]:
    return _span(
        sid,
        at,
        at + 1,
        {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
            semconv.HANDOFF_SOURCE: source,
            semconv.HANDOFF_PAYLOAD_CONTENT: payload,
        },
    )


def test_a_manager_delegates_in_messages_and_answers_last() -> None:
    """A manager's turn holding its team's turns: its delegations are its messages
    when sent, its own answer comes at its end; a tool's output is part of its
    caller's step (what the agent saw); the annotated step is the turn's first
    message."""
    spans = [
        _turn("m", 10, 100, "Manager", "The answer is 41."),
        _handoff("h1", 11, "Manager", '{"task": "pull the rows"}'),
        _turn("r", 20, 40, "Researcher", "rows: 12, 29"),
        _span(
            "tool",
            21,
            30,
            {
                semconv.GEN_AI_OPERATION_NAME: semconv.OP_EXECUTE_TOOL,
                semconv.ACTOR: semconv.ACTOR_TOOL,
                semconv.OUTPUT_CONTENT: '{"rows": [12, 29]}',
            },
            parentSpanId="r",
        ),
        _handoff("h2", 41, "Researcher", "rows: 12, 29"),
    ]
    log = corpus_flat.flatten(spans, {"task": "Sum?", "mistake_agent": "Manager", "span_id": "m"})
    assert log is not None
    assert [(m["name"], m["content"]) for m in log["history"]] == [
        ("Manager", '{"task": "pull the rows"}'),
        ("Researcher", 'rows: 12, 29\n\n{"rows": [12, 29]}'),
        ("Manager", "The answer is 41."),
    ]
    assert log["mistake_step"] == 0
    researcher = {"task": "Sum?", "mistake_agent": "Researcher", "span_id": "r"}
    assert corpus_flat.flatten(spans, researcher)["mistake_step"] == 1  # type: ignore[index]
    json.dumps(log)


def test_a_turn_without_text_speaks_its_error() -> None:
    """A turn that raised and recorded no output: its exception is its message."""
    failing = _turn("c", 10, 20, "calculator")
    failing["events"] = [
        {
            "name": semconv.EXCEPTION_EVENT,
            "attributes": [
                {"key": "exception.type", "value": {"stringValue": "KeyError"}},
                {"key": "exception.message", "value": {"stringValue": "'meal'"}},
            ],
        }
    ]
    spans = [_turn("a", 1, 5, "policy", "meals capped at 70"), failing]
    log = corpus_flat.flatten(spans, {"task": "", "mistake_agent": "calculator", "span_id": "c"})
    assert log is not None
    assert log["history"][1] == {"name": "calculator", "content": "KeyError: 'meal'"}
    assert log["mistake_step"] == 1
