"""Whole expected span dicts for the tracer's tests: ids, times in clock ticks, an agent's
attributes."""

from __future__ import annotations

from typing import Any

T1 = "00000000000000000000000000000001"
T2 = "00000000000000000000000000000002"


def sid(n: int) -> str:
    return f"{n:016x}"


def span(
    name: str,
    n: int,
    start: int,
    end: int,
    attributes: dict[str, Any],
    *,
    parent: int | None = None,
    trace: str = T1,
    status: str = "UNSET",
    events: list[dict[str, Any]] | None = None,
    links: list[dict[str, Any]] | None = None,
    status_message: str | None = None,
) -> dict[str, Any]:
    """A whole expected span dict; times are clock ticks (1 tick = 1000 ns)."""
    out: dict[str, Any] = {
        "name": name,
        "trace_id": trace,
        "span_id": sid(n),
        "parent_id": None if parent is None else sid(parent),
        "kind": "INTERNAL",
        "start": 1_000_000_000 + 1000 * start,
        "end": 1_000_000_000 + 1000 * end,
        "status": status,
        "attributes": attributes,
        "events": events or [],
        "links": links or [],
    }
    if status_message is not None:
        out["status_message"] = status_message
    return out


def agent_attrs(name: str, stage: str = "generation", actor: str = "model", id: str = "") -> dict:
    return {
        "gen_ai.operation.name": "invoke_agent",
        "coordgap.stage": stage,
        "coordgap.actor": actor,
        "gen_ai.agent.name": name,
        "gen_ai.agent.id": id or name,
    }
