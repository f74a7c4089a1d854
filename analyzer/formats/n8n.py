"""n8n execution data: the REST API's executions and ``n8n execute --rawOutput``.

Accepted documents (detected by :func:`analyzer.formats.detect`):

- one execution, ``GET /api/v1/executions/{id}?includeData=true``: ``{"id",
  "status", "mode", "startedAt", "stoppedAt", "workflowId", "workflowData": {"name",
  "nodes"}, "data": {"resultData": {"runData", "error"}}}``;
- a page of them, ``GET /api/v1/executions?includeData=true``: ``{"data": [...],
  "nextCursor"}`` (what ``coordgap pull n8n`` saves), or a JSON array of them;
- the run ``n8n execute --id ID --rawOutput`` prints (the same without ``id`` and
  ``workflowData``; node types are then unknown).

Each execution becomes the spans n8n's own OpenTelemetry would have sent (a
``workflow.execute`` span, a ``node.execute`` span per node run, with the same
``n8n.*`` attributes, so :mod:`analyzer.mapping_n8n` reads both alike), plus one
handoff span per ``runData[node][i].source[]`` entry: the exact edge
``previousNode -> node``, with the items the source produced and the items the
target received from it. A target that received none of the items its source
produced records ``lost_work``; when the target then failed, keys that the source
received but did not pass on record ``dropped_key`` (key names only, never values).
Ids are derived from the workflow and execution ids, so ingesting again adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any, Final

import ijson

from analyzer.formats.common import FormatError, Row, items
from analyzer.formats.otlp_json import json_syntax_error
from analyzer.mapping_n8n import (
    N8N_EXECUTION_ERROR_TYPE,
    N8N_EXECUTION_ID,
    N8N_EXECUTION_STATUS,
    N8N_ITEMS_INPUT,
    N8N_ITEMS_OUTPUT,
    N8N_NODE_ID,
    N8N_NODE_NAME,
    N8N_NODE_SPAN,
    N8N_NODE_TYPE,
    N8N_WORKFLOW_ID,
    N8N_WORKFLOW_NAME,
    N8N_WORKFLOW_SPAN,
)
from tracer import semconv

__all__ = ["SOURCE", "execution_rows", "read"]

SOURCE: Final = "n8n"
N8N_EXECUTION_MODE: Final = "n8n.execution.mode"
_FAILED = ("error", "failed", "crashed")


def _hex(*parts: object, width: int) -> str:
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:width]


def _iso_ns(value: Any) -> int:
    if not value:
        return 0
    stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return int(stamp.timestamp()) * 1_000_000_000 + stamp.microsecond * 1000


def _items(run: dict[str, Any], output: int | None = None) -> list[Any]:
    """Items of one node run: all outputs, or output ``output`` only."""
    main = ((run.get("data") or {}).get("main")) or []
    if output is not None:
        branch = main[output] if 0 <= output < len(main) else None
        return list(branch or [])
    return [item for branch in main for item in branch or []]


def _keys(items: list[Any]) -> set[str]:
    return {key for item in items if isinstance(item, dict) for key in (item.get("json") or {})}


def _exception(error: Any, time_ns: int) -> dict[str, Any]:
    error = error if isinstance(error, dict) else {"message": str(error)}
    return {
        "name": semconv.EXCEPTION_EVENT,
        "time_ns": time_ns,
        "attributes": {
            "exception.type": str(error.get("name") or "Error"),
            "exception.message": str(error.get("message") or ""),
        },
    }


def execution_rows(execution: Any, fail: Callable[[str], FormatError]) -> Iterator[Row]:
    """The spans of one n8n execution (see the module docstring)."""
    if not isinstance(execution, dict):
        raise fail("expected an n8n execution object")
    data = execution.get("data")
    if isinstance(data, str):
        raise fail("execution data in n8n's internal (flatted) form: export it with the REST API")
    result = (data or {}).get("resultData") if isinstance(data, dict) else None
    if not isinstance(result, dict) or not isinstance(result.get("runData") or {}, dict):
        raise fail("expected data.resultData.runData (fetch executions with includeData=true)")
    workflow = execution.get("workflowData") or {}
    workflow_id = str(execution.get("workflowId") or workflow.get("id") or "")
    execution_id = str(execution.get("id") or execution.get("startedAt") or "")
    tid = _hex("n8n", workflow_id, execution_id, width=32)
    root = _hex(tid, "workflow", width=16)
    status = str(execution.get("status") or ("success" if execution.get("finished") else ""))
    failed = status.lower() in _FAILED or bool(result.get("error"))
    try:
        start, end = _iso_ns(execution.get("startedAt")), _iso_ns(execution.get("stoppedAt"))
    except ValueError:
        raise fail("expected startedAt and stoppedAt as ISO 8601") from None
    nodes = {n.get("name"): n for n in workflow.get("nodes") or [] if isinstance(n, dict)}
    run_data: dict[str, list[dict[str, Any]]] = result.get("runData") or {}
    attrs = {
        N8N_WORKFLOW_ID: workflow_id,
        # `n8n execute --rawOutput` names no workflow: a label, not a guess
        N8N_WORKFLOW_NAME: str(workflow.get("name") or workflow_id or "n8n execution"),
        N8N_EXECUTION_ID: execution_id,
        N8N_EXECUTION_STATUS: status,
        N8N_EXECUTION_MODE: str(execution.get("mode") or ""),
    }
    error = result.get("error")
    if failed and isinstance(error, dict):
        attrs[N8N_EXECUTION_ERROR_TYPE] = str(error.get("name") or "Error")
    node_ends: list[int] = []
    for name, runs in run_data.items():
        for index, run in enumerate(runs or []):
            row, handoffs = _node(tid, root, name, index, run, nodes, run_data, fail)
            node_ends.append(row.end_ns)
            yield row
            yield from handoffs
    end = end or max(node_ends, default=start)
    yield Row(
        trace_id=tid,
        span_id=root,
        parent_span_id=None,
        name=N8N_WORKFLOW_SPAN,
        kind="INTERNAL",
        service="n8n",
        start_ns=start,
        end_ns=max(end, start),
        status="ERROR" if failed else "OK",
        status_message=None,
        attributes=attrs,
        events=[_exception(error, end)] if failed and error else [],
    )


def _node(
    tid: str,
    root: str,
    name: str,
    index: int,
    run: Any,
    nodes: dict[Any, Any],
    run_data: dict[str, list[dict[str, Any]]],
    fail: Callable[[str], FormatError],
) -> tuple[Row, list[Row]]:
    if not isinstance(run, dict):
        raise fail(f"runData[{name!r}][{index}]: expected an object")
    try:
        start = int(run.get("startTime") or 0) * 1_000_000
        end = start + int(run.get("executionTime") or 0) * 1_000_000
    except (TypeError, ValueError):
        raise fail(
            f"runData[{name!r}][{index}]: expected startTime and executionTime in ms"
        ) from None
    node = nodes.get(name) or {}
    error = run.get("error")
    errored = bool(error) or str(run.get("executionStatus") or "") == "error"
    sid = _hex(tid, "node", name, index, width=16)
    handoffs: list[Row] = []
    received = 0
    for source in run.get("source") or []:
        if not isinstance(source, dict) or not source.get("previousNode"):
            continue
        needs = _needs(node, error) if errored else None
        handoff, got = _handoff(tid, root, sid, name, start, needs, source, run_data)
        received += got
        if handoff is not None:
            handoffs.append(handoff)
    attrs = {
        N8N_NODE_NAME: name,
        N8N_NODE_ID: str(node.get("id") or ""),
        N8N_NODE_TYPE: str(node.get("type") or ""),
        N8N_ITEMS_INPUT: str(received),
        N8N_ITEMS_OUTPUT: str(len(_items(run))),
    }
    row = Row(
        trace_id=tid,
        span_id=sid,
        parent_span_id=root,
        name=N8N_NODE_SPAN,
        kind="INTERNAL",
        service="n8n",
        start_ns=start,
        end_ns=end,
        status="ERROR" if errored else "OK",
        status_message=None,
        attributes={k: v for k, v in attrs.items() if v != ""},
        events=[_exception(error, end)] if error else [],
    )
    return row, handoffs


def _handoff(
    tid: str,
    root: str,
    target_sid: str,
    target: str,
    target_start: int,
    needs: Callable[[str], bool] | None,
    source: dict[str, Any],
    run_data: dict[str, list[dict[str, Any]]],
) -> tuple[Row | None, int]:
    """The handoff span for one ``source[]`` entry, and the items it delivered."""
    prev = str(source["previousNode"])
    prev_runs = run_data.get(prev) or []
    run_index = int(source.get("previousNodeRun") or 0)
    if not 0 <= run_index < len(prev_runs):
        return None, 0
    prev_run = prev_runs[run_index]
    produced = _items(prev_run)
    delivered = _items(prev_run, int(source.get("previousNodeOutput") or 0))
    violations = []
    if produced and not delivered:
        violations.append(
            f"{semconv.VIOLATION_LOST_WORK}: {prev} produced {len(produced)} item(s), "
            f"{target} received none"
        )
    if needs is not None:
        # keys the source received and did not pass on, which the receiver, failing,
        # needed (its parameters read them, or its error names them): a dropped field.
        # A node that reshapes items on purpose is not flagged for keys nobody reads.
        received = [
            item
            for src in prev_run.get("source") or []
            if isinstance(src, dict) and src.get("previousNode")
            for item in _source_items(src, run_data)
        ]
        for key in sorted(k for k in _keys(received) - _keys(delivered) if needs(k)):
            violations.append(f"{semconv.VIOLATION_DROPPED_KEY}: {key}")
    prev_start = int(prev_run.get("startTime") or 0) * 1_000_000
    prev_end = prev_start + int(prev_run.get("executionTime") or 0) * 1_000_000
    attrs = {
        semconv.HANDOFF_SOURCE: prev,
        semconv.HANDOFF_TARGET: target,
        semconv.HANDOFF_ITEMS_OUT: str(len(produced)),
        semconv.HANDOFF_ITEMS_IN: str(len(delivered)),
    }
    if violations:
        attrs[semconv.HANDOFF_VIOLATIONS] = json.dumps(violations)
    row = Row(
        trace_id=tid,
        span_id=_hex(tid, "handoff", prev, run_index, target_sid, width=16),
        parent_span_id=root,
        name=f"handoff {prev} -> {target}",
        kind="INTERNAL",
        service="n8n",
        start_ns=min(prev_end, target_start),
        end_ns=target_start,
        status="UNSET",
        status_message=None,
        attributes=attrs,
    )
    return row, len(delivered)


def _needs(node: dict[str, Any], error: Any) -> Callable[[str], bool]:
    """Whether a failed node needed item key ``k``: its parameters read ``$json.k`` /
    ``.json.k`` / ``json["k"]``, or its error message names ``k`` as a word."""
    params = json.dumps(node.get("parameters") or {})
    message = str(error.get("message") or "") if isinstance(error, dict) else str(error or "")

    def needs(key: str) -> bool:
        k = re.escape(key)
        read = rf"json\s*(?:\.\s*{k}\b|\[\s*\\?['\"]{k}\\?['\"]\s*\])"
        return bool(re.search(read, params) or re.search(rf"\b{k}\b", message))

    return needs


def _source_items(source: dict[str, Any], run_data: dict[str, list[dict[str, Any]]]) -> list[Any]:
    runs = run_data.get(str(source["previousNode"])) or []
    index = int(source.get("previousNodeRun") or 0)
    if not 0 <= index < len(runs):
        return []
    return _items(runs[index], int(source.get("previousNodeOutput") or 0))


def read(path: str, stream: IO[bytes], prefix: str) -> Iterator[Row]:
    """Rows of every execution in the document (``prefix``: "" for one, else the array)."""
    try:
        executions = items(path, stream, prefix)
        for index, execution in enumerate(executions):
            where = f"{prefix.replace('.item', '')}[{index}]" if prefix else "execution"

            def fail(expected: str, where: str = where) -> FormatError:
                return FormatError(path, where, expected)

            yield from execution_rows(execution, fail)
    except ijson.JSONError as exc:
        raise json_syntax_error(path, stream, 0, exc) from None
