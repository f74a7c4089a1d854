"""Read a plan (a supervisor's subtask list) and the defects it carries on its face."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tracer import semconv

__all__ = ["plan_attributes"]

_MAX_SUBTASKS = 512


def _field(item: Any, name: str) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def _scope_key(scope: Any) -> str | None:
    if scope is None:
        return None
    if isinstance(scope, str):
        text = " ".join(scope.lower().split())
        return text or None
    if isinstance(scope, Iterable):
        parts = sorted(" ".join(str(p).lower().split()) for p in scope)
        return "|".join(parts) or None
    return str(scope)


def _subtasks(plan: Any) -> list[Any] | None:
    """The subtask list of ``plan``: a list, or a mapping/object carrying one."""
    for name in ("subtasks", "tasks"):
        inner = _field(plan, name) if not isinstance(plan, list | tuple) else None
        if inner is not None and not isinstance(inner, str | bytes):
            plan = inner
            break
    if isinstance(plan, str | bytes | Mapping) or not isinstance(plan, Iterable):
        return None
    return list(plan)


def plan_attributes(plan: Any) -> dict[str, Any] | None:
    """Span attributes for ``plan``, or None when it is not a list of subtasks.

    A subtask is a mapping or an object with ``id``, ``agent`` (the assignee)
    and an optional ``scope``. Defects: no agent (unassigned), an id used twice
    (duplicates), two subtasks with the same scope (overlaps, ``"a~b"``).
    A subtask without an id is named by its 1-based position (``"#2"``).
    """
    items = _subtasks(plan)
    if items is None:
        return None
    items = items[:_MAX_SUBTASKS]
    ids: list[str] = []
    assignees: list[str] = []
    unassigned: list[str] = []
    seen: dict[str, int] = {}
    by_scope: dict[str, list[str]] = {}
    for item in items:
        if not isinstance(item, Mapping) and not (hasattr(item, "id") or hasattr(item, "agent")):
            return None
    for position, item in enumerate(items, start=1):
        raw_id = _field(item, "id")
        sid = f"#{position}" if raw_id is None or raw_id == "" else str(raw_id)
        agent = _field(item, "agent")
        assignee = "" if agent is None else str(getattr(agent, "name", agent))
        ids.append(sid)
        assignees.append(assignee)
        if not assignee.strip():
            unassigned.append(sid)
        seen[sid] = seen.get(sid, 0) + 1
        key = _scope_key(_field(item, "scope"))
        if key is not None:
            by_scope.setdefault(key, []).append(sid)
    duplicates = [sid for sid, n in seen.items() if n > 1]
    overlaps = [
        f"{group[i]}~{group[j]}"
        for group in by_scope.values()
        for i in range(len(group))
        for j in range(i + 1, len(group))
    ]
    attrs: dict[str, Any] = {
        semconv.PLAN_SUBTASK_COUNT: len(ids),
        semconv.PLAN_SUBTASK_IDS: ids,
        semconv.PLAN_ASSIGNEES: assignees,
    }
    if unassigned:
        attrs[semconv.PLAN_UNASSIGNED] = unassigned
    if duplicates:
        attrs[semconv.PLAN_DUPLICATES] = duplicates
    if overlaps:
        attrs[semconv.PLAN_OVERLAPS] = overlaps
    return attrs
