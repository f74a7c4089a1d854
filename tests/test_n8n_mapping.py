"""n8n's OpenTelemetry spans onto the span contract (analyzer/mapping_n8n.py), on
spans shaped exactly as n8n 2.41's execution-level tracer writes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import analyzer
from analyzer.mapping_n8n import NODE_ROLES, node_role
from tracer import semconv

TRACE = "5b8efff798038103d269b633813fc60c"
WF_SPAN = "1000000000000001"


def _attrs(values: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for key, value in values.items():
        if isinstance(value, int):
            out.append({"key": key, "value": {"intValue": str(value)}})
        else:
            out.append({"key": key, "value": {"stringValue": value}})
    return out


def _node(i: int, name: str, node_type: str, items_in: int, items_out: int, error: bool = False):
    span: dict[str, Any] = {
        "traceId": TRACE,
        "spanId": f"20000000000000{i:02d}",
        "parentSpanId": WF_SPAN,
        "name": "node.execute",
        "kind": 1,
        "startTimeUnixNano": str(1_700_000_000_000_000_000 + i * 10_000_000),
        "endTimeUnixNano": str(1_700_000_000_000_000_000 + i * 10_000_000 + 5_000_000),
        "attributes": _attrs(
            {
                "n8n.node.id": f"id-{i}",
                "n8n.node.name": name,
                "n8n.node.type": node_type,
                "n8n.node.type_version": 2,
                "n8n.node.items.input": items_in,
                "n8n.node.items.output": items_out,
            }
        ),
        "status": {"code": 2 if error else 1},
    }
    if error:
        span["events"] = [
            {
                "timeUnixNano": span["endTimeUnixNano"],
                "name": "exception",
                "attributes": _attrs({"exception.type": "Error", "exception.message": "boom"}),
            }
        ]
    return span


def _request(status: str, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    workflow = {
        "traceId": TRACE,
        "spanId": WF_SPAN,
        "name": "workflow.execute",
        "kind": 1,
        "startTimeUnixNano": "1700000000000000000",
        "endTimeUnixNano": "1700000001000000000",
        "attributes": _attrs(
            {
                "n8n.workflow.id": "wf1",
                "n8n.workflow.name": "orders",
                "n8n.execution.id": "42",
                "n8n.execution.mode": "webhook",
                "n8n.execution.status": status,
                **(
                    {"n8n.execution.error_type": "NodeOperationError"}
                    if status != "success"
                    else {}
                ),
            }
        ),
        "status": {"code": 1 if status == "success" else 2},
    }
    return {
        "resourceSpans": [
            {
                "resource": {"attributes": _attrs({"service.name": "n8n"})},
                "scopeSpans": [{"scope": {"name": "n8n"}, "spans": [workflow, *nodes]}],
            }
        ]
    }


def _ingest(tmp_path: Path, request: dict[str, Any]) -> analyzer.Store:
    path = tmp_path / "n8n.json"
    path.write_text(json.dumps(request))
    store = analyzer.open(tmp_path / "db.duckdb")
    store.ingest([str(path)])
    return store


def test_execution_is_the_run_and_nodes_are_steps_by_type(tmp_path: Path) -> None:
    """The execution span is the workflow; node runs are named steps with actors by type."""
    nodes = [
        _node(1, "Hook", "n8n-nodes-base.webhook", 0, 1),
        _node(2, "Agent", "@n8n/n8n-nodes-langchain.agent", 1, 1),
        _node(3, "Fetch", "n8n-nodes-base.httpRequest", 1, 1),
        _node(4, "Route", "n8n-nodes-base.if", 1, 1),
        _node(5, "Approve", "n8n-nodes-base.wait", 1, 1),
        _node(6, "Slack", "n8n-nodes-base.slack", 1, 1),
    ]
    with _ingest(tmp_path, _request("success", nodes)) as store:
        rows = store.con.execute(
            "SELECT name, agent, operation, actor, stage, is_error FROM spans "
            "WHERE operation <> 'handoff' ORDER BY start_ns, name DESC"
        ).fetchall()
    assert rows == [
        ("workflow.execute", "orders", "workflow", None, None, False),
        ("node.execute", "Hook", "agent", "code", "generation", False),
        ("node.execute", "Agent", "agent", "model", "generation", False),
        ("node.execute", "Fetch", "tool", "tool", "generation", False),
        ("node.execute", "Route", "agent", "code", "generation", False),
        ("node.execute", "Approve", "agent", "human", "generation", False),
        ("node.execute", "Slack", "tool", "tool", "generation", False),
    ]


def test_consecutive_nodes_become_handoffs_with_item_counts(tmp_path: Path) -> None:
    """Each node run hands off to the next; a node that got 0 of the items produced
    before it records lost_work, which attribution blames on the handoff."""
    nodes = [
        _node(1, "Hook", "n8n-nodes-base.webhook", 0, 3),
        _node(2, "Filter", "n8n-nodes-base.filter", 3, 0),
        _node(3, "Send", "n8n-nodes-base.code", 0, 0, error=True),
    ]
    with _ingest(tmp_path, _request("error", nodes)) as store:
        handoffs = store.con.execute(
            "SELECT handoff_source, handoff_target, attributes[?], attributes[?], violations "
            "FROM spans WHERE operation = 'handoff' ORDER BY start_ns",
            [semconv.HANDOFF_ITEMS_OUT, semconv.HANDOFF_ITEMS_IN],
        ).fetchall()
        again = store.ingest([str(tmp_path / "n8n.json")])
        count = store.span_count()
        analysis = store.analyze()
    assert handoffs == [
        ("Hook", "Filter", "3", "3", None),
        ("Filter", "Send", "0", "0", None),
    ]
    assert (again.spans_added, count) == (0, 6)  # nothing added on a second ingest
    failure = analysis.failures.row(0, named=True)
    assert (failure["category"], failure["agent"]) == ("generation", "Send")


def test_lost_work_handoff_is_the_root_cause(tmp_path: Path) -> None:
    """A node that received nothing from a node that produced items: lost_work."""
    nodes = [
        _node(1, "Hook", "n8n-nodes-base.webhook", 0, 2),
        _node(2, "Send", "n8n-nodes-base.code", 0, 0, error=True),
    ]
    with _ingest(tmp_path, _request("error", nodes)) as store:
        violations = store.con.execute(
            "SELECT violations FROM spans WHERE operation = 'handoff'"
        ).fetchall()
        failure = store.analyze().failures.row(0, named=True)
    assert violations == [(["lost_work: Hook produced 2 item(s), Send received none"],)]
    assert (failure["category"], failure["agent"]) == ("handoff", "Hook")
    assert failure["reason"] == (
        "handoff Hook -> Send lost work (Hook produced 2 item(s), Send received none)"
    )


@pytest.mark.parametrize("status", ["error", "crashed", "failed"])
def test_failed_execution_status_fails_the_run_with_its_error_type(
    tmp_path: Path, status: str
) -> None:
    request = _request(status, [_node(1, "Hook", "n8n-nodes-base.webhook", 0, 1)])
    request["resourceSpans"][0]["scopeSpans"][0]["spans"][0]["status"] = {}  # crashed: no status
    with _ingest(tmp_path, request) as store:
        row = store.con.execute(
            "SELECT is_error, error_type FROM spans WHERE operation = 'workflow'"
        ).fetchone()
        analysis = store.analyze()
    assert row == (True, "NodeOperationError")
    assert analysis.n_failed == 1


def test_node_role_table_and_patterns() -> None:
    """Every listed type keeps its role; unlisted tool and model types are recognised."""
    for role, actor, types in NODE_ROLES:
        for node_type in types:
            assert node_role(node_type) == (role, actor)
    assert node_role("@n8n/n8n-nodes-langchain.lmChatOpenAi") == ("agent", "model")
    assert node_role("@n8n/n8n-nodes-langchain.toolCalculator") == ("tool", "tool")
    assert node_role("n8n-nodes-base.gmailTrigger") == ("code", "code")
    assert node_role("n8n-nodes-base.postgres") == ("tool", "tool")
