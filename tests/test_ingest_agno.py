"""Agno's Team under OpenLLMetry's Agno instrumentor: the leader and its delegations."""

from __future__ import annotations

import analyzer
from tests.mapping_support import normalize, span
from tracer import semconv


def test_an_agno_teams_leader_and_its_delegations_under_openllmetry(
    store: analyzer.Store,
) -> None:
    """OpenLLMetry's Agno instrumentor records a Team's run as a ``workflow`` span with
    ``agno.team.name`` and the leader's ``delegate_task_to_member`` calls as tools (the
    member's run starts after the call ends): the Team's span is its leader's agent
    span, inside a run or as the trace's root, and a delegation names its member in
    ``member_id``."""
    kind, entity_in = "traceloop.span.kind", semconv.TRACELOOP_ENTITY_INPUT
    got = normalize(
        store,
        [
            span(1, "invoke_workflow desk", {semconv.GEN_AI_OPERATION_NAME: "invoke_workflow"}),
            span(2, "depot_lead.team", {kind: "workflow", "agno.team.name": "depot_lead"},
                 parent=1),
            span(3, "delegate_task_to_member.tool", {
                kind: "tool", semconv.GEN_AI_TOOL_NAME: "delegate_task_to_member",
                entity_in: '{"member_id": "records_clerk", "task": "Read the prices."}'},
                parent=2),
            span(4, "records_clerk.agent", {kind: "agent",
                 semconv.GEN_AI_AGENT_NAME: "records_clerk"}, parent=2),
            span(5, "lone_team.team", {kind: "workflow", "agno.team.name": "lone_team"}),
        ],
    )  # fmt: skip
    lead = got["depot_lead.team"]
    assert (lead["operation"], lead["agent"], lead["actor"]) == ("agent", "depot_lead", "model")
    handed = got["delegate_task_to_member.tool"]
    assert (handed["operation"], handed["handoff_source"], handed["handoff_target"]) == (
        "handoff",
        "depot_lead",
        "records_clerk",
    )
    lone = got["lone_team.team"]
    assert (lone["operation"], lone["agent"]) == ("agent", "lone_team")


def test_a_team_traced_alone_is_a_run_led_by_its_leader(store: analyzer.Store) -> None:
    """A Team traced without a span of the user's around it (its span the trace's
    root): the run is the Team's, its leader an agent whose delegations are handoffs
    to its members. Before, the root stayed a workflow: no leader, and every
    delegation a handoff from no one."""
    kind, entity_in = "traceloop.span.kind", semconv.TRACELOOP_ENTITY_INPUT
    normalize(
        store,
        [
            span(1, "depot_lead.team", {kind: "workflow", "agno.team.name": "depot_lead"},
                 status="ERROR"),
            span(2, "delegate_task_to_member.tool", {
                kind: "tool", semconv.GEN_AI_TOOL_NAME: "delegate_task_to_member",
                entity_in: '{"member_id": "records_clerk", "task": "Read the prices."}'},
                parent=1),
            span(3, "records_clerk.agent", {kind: "agent",
                 semconv.GEN_AI_AGENT_NAME: "records_clerk"}, parent=1),
        ],
    )  # fmt: skip
    a = store.analyze()
    assert a.runs.height == 1 and a.failures.height == 1
    edges = a.edges.select("source", "target").rows()
    assert ("depot_lead", "records_clerk") in edges, edges
    assert {"depot_lead", "records_clerk"} <= set(a.agents["agent"].to_list())
