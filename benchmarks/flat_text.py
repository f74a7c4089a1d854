"""Text of spans as a flattened log shows it (for ``corpus_flat``): an output's
GenAI message parts or plain text, a tool call as its name and arguments, a tool's
result, the error a span raised; and where a log is written."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from tracer import semconv

STATUS_ERROR = 2  # OTLP status code ERROR


def attrs_of(span: dict[str, Any]) -> dict[str, Any]:
    """An OTLP/JSON span's (or event's) attributes as a dict of plain values."""
    out: dict[str, Any] = {}
    for item in span.get("attributes") or []:
        value = item.get("value") or {}
        out[item["key"]] = next(iter(value.values()), None) if value else None
    return out


def text_of(value: Any) -> str:
    """A span's output as plain text: the GenAI message parts joined, else the string."""
    if value is None:
        return ""
    text = str(value)
    try:
        messages = json.loads(text)
    except ValueError:
        return text
    if isinstance(messages, list) and messages and isinstance(messages[0], dict):
        parts = [
            part_text(part)
            for m in messages
            for part in m.get("parts") or []
            if isinstance(part, dict)
        ]
        if any(parts):
            return "\n".join(p for p in parts if p)
    return text


def part_text(part: dict[str, Any]) -> str:
    """One GenAI message part as a chat log shows it: its text, or a tool call as the
    tool's name and its arguments (a program as its lines)."""
    if part.get("type") != "tool_call":
        return str(part.get("content") or "")
    arguments = part.get("arguments")
    if isinstance(arguments, str):
        with contextlib.suppress(ValueError):
            arguments = json.loads(arguments)
    if isinstance(arguments, dict):
        shown = "\n".join(f"{key}: {value}" for key, value in arguments.items())
    else:
        shown = "" if arguments is None else str(arguments)
    return f"{part.get('name') or 'tool'}\n{shown}".strip()


def call_ids(value: Any) -> set[str]:
    """The ids of the tool calls a GenAI output message makes."""
    try:
        messages = json.loads(str(value)) if value is not None else []
    except ValueError:
        return set()
    if not isinstance(messages, list):
        return set()
    return {
        str(part["id"])
        for m in messages
        if isinstance(m, dict)
        for part in m.get("parts") or []
        if isinstance(part, dict) and part.get("type") == "tool_call" and part.get("id")
    }


def output_of(attrs: dict[str, Any]) -> str:
    return text_of(
        attrs.get(semconv.GEN_AI_OUTPUT_MESSAGES)
        or attrs.get(semconv.OUTPUT_CONTENT)
        or attrs.get(semconv.OPENINFERENCE_OUTPUT_VALUE)
    )


def tool_result(attrs: dict[str, Any]) -> str:
    """A GenAI tool call's result as text (see ``unwrapped``)."""
    return unwrapped(text_of(attrs.get(semconv.GEN_AI_TOOL_CALL_RESULT)))


def unwrapped(text: str) -> str:
    """A tool's argument or result wrapped in an object of texts (``{"result": ...}``,
    ``{"input": ...}``) as those texts; anything else as it is."""
    with contextlib.suppress(ValueError):
        wrapped = json.loads(text)
        if isinstance(wrapped, dict) and all(
            v is None or isinstance(v, str) for v in wrapped.values()
        ):
            return "\n".join(v for v in wrapped.values() if v)
    return text


def error_text(span: dict[str, Any]) -> str:
    """What a span that raised recorded: its exception's type and message, else its status."""
    for event in span.get("events") or []:
        attrs = attrs_of(event)
        kind, message = attrs.get(semconv.EXCEPTION_TYPE), attrs.get(semconv.EXCEPTION_MESSAGE)
        if kind or message:
            return f"{kind or 'Error'}: {message or ''}"
    status = span.get("status") or {}
    return str(status.get("message") or "") if status.get("code") == STATUS_ERROR else ""


def write_log(out: Path, trace_id: str, record: dict[str, Any], log: dict[str, Any]) -> str:
    """One run's Who&When-shaped ``log`` written to ``out/<framework>/<trace>.json``;
    returns that key."""
    key = f"{record['framework']}/{trace_id}.json"
    path = out / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(log, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return key
