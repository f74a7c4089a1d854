"""Normalization of each instrumentation's spans onto coordgap's columns, one small
set of span dicts per instrumentation, through the same SQL every format uses."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import analyzer
from analyzer import ingest_sql, mapping
from analyzer.formats.common import Row, attr_text, rows_to_table
from analyzer.ingest import link_spans
from tracer import semconv

TRACE = "ab" * 16
NORMALIZED = (
    "operation, stage, agent, actor, is_error, error_type, handoff_source, handoff_target, "
    "violations, verdict, attempt, outcome, outcome_reason, outcome_trace_id, plan_assignees, "
    "plan_defects"
)


def span(
    n: int,
    name: str,
    attrs: dict[str, Any] | None = None,
    *,
    parent: int | None = None,
    status: str = "UNSET",
    events: list[dict[str, Any]] | None = None,
) -> Row:
    """A staging row as any reader would produce it."""
    return Row(
        trace_id=TRACE,
        span_id=f"{n:016x}",
        parent_span_id=f"{parent:016x}" if parent else None,
        name=name,
        kind="INTERNAL",
        service="svc",
        start_ns=n * 1000,
        end_ns=n * 1000 + 500,
        status=status,
        status_message=None,
        attributes={k: attr_text(v) for k, v in (attrs or {}).items()},
        events=events or [],
    )


@pytest.fixture
def store() -> Iterator[analyzer.Store]:
    with analyzer.open(":memory:") as s:
        yield s


def normalize(store: analyzer.Store, rows: list[Row]) -> dict[str, dict[str, Any]]:
    """Insert rows, link them, and return the normalized columns by span name."""
    ingest_sql.insert_arrow(store.con, rows_to_table(rows, "test"))
    link_spans(store.con)
    cur = store.con.execute(f"SELECT name, {NORMALIZED} FROM spans")
    names = [d[0] for d in cur.description]
    return {r[0]: dict(zip(names[1:], r[1:], strict=True)) for r in cur.fetchall()}


def test_coordgap_keys(store: analyzer.Store) -> None:
    """coordgap's own keys fill every normalized column."""
    got = normalize(
        store,
        [
            span(
                1,
                semconv.workflow_span_name("pipe"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
                    semconv.GEN_AI_WORKFLOW_NAME: "pipe",
                    semconv.OUTCOME: semconv.OUTCOME_FAILURE,
                    semconv.OUTCOME_REASON: "bad draft",
                },
            ),
            span(
                2,
                semconv.plan_span_name("planner"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_PLAN,
                    semconv.STAGE: semconv.STAGE_DECOMPOSITION,
                    semconv.GEN_AI_AGENT_NAME: "planner",
                    semconv.PLAN_ASSIGNEES: ["writer", ""],
                    semconv.PLAN_UNASSIGNED: ["t2"],
                    semconv.PLAN_OVERLAPS: ["t1~t3"],
                },
                parent=1,
            ),
            span(
                3,
                semconv.agent_span_name("reviewer"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
                    semconv.GEN_AI_AGENT_NAME: "reviewer",
                    semconv.STAGE: semconv.STAGE_ASSEMBLY,
                    semconv.ACTOR: semconv.ACTOR_HUMAN,
                },
                parent=1,
            ),
            span(
                4,
                semconv.verify_span_name("qa"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_VERIFY,
                    semconv.STAGE: semconv.STAGE_VERIFICATION,
                    semconv.VERIFY_VERDICT: semconv.VERDICT_REJECT,
                    semconv.VERIFY_ATTEMPT: 2,
                },
                parent=1,
            ),
            span(
                5,
                semconv.handoff_span_name("writer", "editor"),
                {
                    semconv.GEN_AI_OPERATION_NAME: semconv.OP_HANDOFF,
                    semconv.STAGE: semconv.STAGE_HANDOFF,
                    semconv.HANDOFF_SOURCE: "writer",
                    semconv.HANDOFF_TARGET: "editor",
                    semconv.HANDOFF_VIOLATIONS: ["dropped_key: brand_voice", "missing_key: title"],
                },
                parent=1,
            ),
            span(
                6,
                semconv.OUTCOME_SPAN_NAME,
                {
                    semconv.OUTCOME: semconv.OUTCOME_SUCCESS,
                    semconv.OUTCOME_TRACE_ID: "CD" * 16,
                },
            ),
        ],
    )
    run = got[semconv.workflow_span_name("pipe")]
    assert (run["operation"], run["agent"], run["outcome"], run["outcome_reason"]) == (
        "workflow",
        "pipe",
        "failure",
        "bad draft",
    )
    plan = got[semconv.plan_span_name("planner")]
    assert (plan["operation"], plan["stage"], plan["agent"]) == ("plan", "decomposition", "planner")
    assert plan["plan_assignees"] == ["writer", ""]
    assert plan["plan_defects"] == ["unassigned: t2", "overlap: t1~t3"]
    human = got[semconv.agent_span_name("reviewer")]
    assert (human["stage"], human["actor"]) == ("assembly", "human")
    qa = got[semconv.verify_span_name("qa")]
    assert (qa["operation"], qa["agent"], qa["verdict"], qa["attempt"]) == (
        "verify",
        "qa",
        "reject",
        2,
    )
    handoff = got[semconv.handoff_span_name("writer", "editor")]
    assert (handoff["handoff_source"], handoff["handoff_target"]) == ("writer", "editor")
    assert handoff["violations"] == ["dropped_key: brand_voice", "missing_key: title"]
    late = got[semconv.OUTCOME_SPAN_NAME]
    assert (late["operation"], late["outcome"], late["outcome_trace_id"]) == (
        "outcome",
        "success",
        "cd" * 16,
    )


def test_plain_genai_semconv(store: analyzer.Store) -> None:
    """invoke_agent/execute_tool/plan without coordgap keys; evaluation events; exceptions."""
    got = normalize(
        store,
        [
            span(
                1,
                "invoke_agent researcher",
                {
                    semconv.GEN_AI_OPERATION_NAME: "invoke_agent",
                    semconv.GEN_AI_AGENT_NAME: "researcher",
                },
            ),
            span(
                2,
                "execute_tool web_search",
                {semconv.GEN_AI_OPERATION_NAME: "execute_tool"},
                parent=1,
                status="ERROR",
                events=[
                    {
                        "name": semconv.EXCEPTION_EVENT,
                        "time_ns": 1,
                        "attributes": {"exception.type": "TimeoutError"},
                    }
                ],
            ),
            span(3, "plan roadmap", {semconv.GEN_AI_OPERATION_NAME: "plan"}),
            span(
                4,
                "judge",
                {},
                events=[
                    {
                        "name": semconv.GEN_AI_EVALUATION_RESULT_EVENT,
                        "time_ns": 1,
                        "attributes": {
                            semconv.GEN_AI_EVALUATION_NAME: "judge",
                            semconv.GEN_AI_EVALUATION_SCORE_LABEL: "Pass",
                        },
                    }
                ],
            ),
            span(5, "chat gpt-4o", {semconv.GEN_AI_OPERATION_NAME: "chat"}, parent=1),
        ],
    )
    agent = got["invoke_agent researcher"]
    assert (agent["operation"], agent["stage"], agent["agent"], agent["actor"]) == (
        "agent",
        "generation",
        "researcher",
        "model",
    )
    tool = got["execute_tool web_search"]
    assert (tool["operation"], tool["agent"], tool["actor"]) == ("tool", "web_search", "tool")
    assert (tool["is_error"], tool["error_type"]) == (True, "TimeoutError")
    assert (got["plan roadmap"]["operation"], got["plan roadmap"]["stage"]) == (
        "plan",
        "decomposition",
    )
    judge = got["judge"]
    assert (judge["operation"], judge["stage"], judge["verdict"]) == (
        "verify",
        "verification",
        "accept",
    )
    chat = got["chat gpt-4o"]
    assert (chat["operation"], chat["actor"], chat["is_error"]) == (None, "model", False)


def test_adk_transfer_names_its_target_in_its_arguments(store: analyzer.Store) -> None:
    """Google ADK hands the floor over with one tool, ``transfer_to_agent``, whose
    target is its ``agent_name`` argument: a handoff to that agent, never to an agent
    called ``agent``; without its arguments recorded, no handoff is made up."""
    args = semconv.GEN_AI_TOOL_CALL_ARGUMENTS
    tool = {semconv.GEN_AI_OPERATION_NAME: "execute_tool"}
    got = normalize(
        store,
        [
            span(1, "invoke_agent coordinator", {semconv.GEN_AI_OPERATION_NAME: "invoke_agent",
                                                 semconv.GEN_AI_AGENT_NAME: "coordinator"}),
            span(2, "execute_tool transfer_to_agent", {
                **tool, semconv.GEN_AI_TOOL_NAME: "transfer_to_agent",
                args: '{"agent_name": "records_officer"}'}, parent=1),
            span(3, "execute_tool transfer_to_agent ", {
                **tool, semconv.GEN_AI_TOOL_NAME: "transfer_to_agent"}, parent=1),
        ],
    )  # fmt: skip
    handed = got["execute_tool transfer_to_agent"]
    assert (handed["operation"], handed["handoff_target"]) == ("handoff", "records_officer")
    assert handed["handoff_source"] == "coordinator"
    bare = got["execute_tool transfer_to_agent "]
    assert (bare["operation"], bare["handoff_target"]) == ("tool", None)


def test_strands_swarm_handoff_names_its_target_in_its_tool_message(
    store: analyzer.Store,
) -> None:
    """Strands Agents' Swarm hands the floor on with ``handoff_to_agent``, whose target
    is its ``agent_name`` argument; Strands records a call's arguments as the content
    of the span's ``gen_ai.tool.message`` event. The source is the agent above."""
    op = semconv.GEN_AI_OPERATION_NAME
    message = {
        "name": "gen_ai.tool.message",
        "time_ns": 3000,
        "attributes": {"role": "tool", "content": '{"agent_name": "analyst", "message": "Sum"}'},
    }
    got = normalize(
        store,
        [
            span(1, "invoke_agent box_office_clerk", {op: "invoke_agent",
                 semconv.GEN_AI_AGENT_NAME: "box_office_clerk"}),
            span(2, "execute_event_loop_cycle", {op: "execute_event_loop_cycle"}, parent=1),
            span(3, "execute_tool handoff_to_agent", {
                op: "execute_tool", semconv.GEN_AI_TOOL_NAME: "handoff_to_agent"},
                parent=2, events=[message]),
            span(4, "execute_tool read_file", {
                op: "execute_tool", semconv.GEN_AI_TOOL_NAME: "read_file"},
                parent=2, events=[message]),
        ],
    )  # fmt: skip
    handed = got["execute_tool handoff_to_agent"]
    assert (handed["operation"], handed["handoff_target"]) == ("handoff", "analyst")
    assert handed["handoff_source"] == "box_office_clerk"
    assert got["execute_tool read_file"]["operation"] == "tool"


def test_an_agent_run_by_a_tool_through_a_nested_workflow_is_a_handoff(
    store: analyzer.Store,
) -> None:
    """A tool that runs another agent is a handoff from the calling agent, also where
    the tool opens a workflow of its own around that agent (Google ADK's AgentTool);
    the trace's own workflow above the caller still ends the walk."""
    op = semconv.GEN_AI_OPERATION_NAME
    got = normalize(
        store,
        [
            span(1, "invoke_workflow ferry", {op: "invoke_workflow"}),
            span(2, "invoke_agent coordinator", {op: "invoke_agent",
                                                 semconv.GEN_AI_AGENT_NAME: "coordinator"},
                 parent=1),
            span(3, "execute_tool checker", {op: "execute_tool",
                                             semconv.GEN_AI_TOOL_NAME: "checker"}, parent=2),
            span(4, "invoke_workflow checker", {op: "invoke_workflow"}, parent=3),
            span(5, "invoke_agent checker", {op: "invoke_agent",
                                             semconv.GEN_AI_AGENT_NAME: "checker"}, parent=4),
            span(6, "execute_tool read_file", {op: "execute_tool",
                                               semconv.GEN_AI_TOOL_NAME: "read_file"}, parent=2),
        ],
    )  # fmt: skip
    called = got["execute_tool checker"]
    assert called["operation"] == "handoff"
    assert (called["handoff_source"], called["handoff_target"]) == ("coordinator", "checker")
    assert got["execute_tool read_file"]["operation"] == "tool"


def test_an_agent_run_beside_the_tool_call_that_ran_it_is_a_handoff(
    store: analyzer.Store,
) -> None:
    """A tool call under agent B during which agent A ran, A's span recorded beside the
    call rather than inside it (Agno's delegation tool under OpenInference), is the
    handoff B -> A; a tool during which no agent ran, or two, stays a tool."""
    oi = mapping.OPENINFERENCE_SPAN_KIND
    name = mapping.OPENINFERENCE_AGENT_NAME

    def timed(row: Row, start: int, end: int) -> Row:
        return dataclasses.replace(row, start_ns=start, end_ns=end)

    got = normalize(
        store,
        [
            timed(span(1, "lead.run", {oi: "AGENT", name: "lead"}), 0, 100_000),
            timed(span(2, "delegate_task_to_member", {oi: "TOOL"}, parent=1), 10_000, 30_000),
            timed(span(3, "clerk.run", {oi: "AGENT", name: "clerk"}, parent=1), 11_000, 29_000),
            timed(span(4, "read_file", {oi: "TOOL"}, parent=1), 40_000, 41_000),
            timed(span(5, "wait_for_all", {oi: "TOOL"}, parent=1), 50_000, 90_000),
            timed(span(6, "coder.run", {oi: "AGENT", name: "coder"}, parent=1), 51_000, 60_000),
            timed(span(7, "checker.run", {oi: "AGENT", name: "checker"}, parent=1),
                  61_000, 70_000),
        ],
    )  # fmt: skip
    called = got["delegate_task_to_member"]
    assert called["operation"] == "handoff"
    assert (called["handoff_source"], called["handoff_target"]) == ("lead", "clerk")
    assert got["read_file"]["operation"] == "tool"
    assert got["wait_for_all"]["operation"] == "tool"


def test_openinference(store: analyzer.Store) -> None:
    """span kinds, graph nodes, and handoffs as `transfer_to_X` / `handoff to X` tools,
    whose source is the agent above them."""
    oi = mapping.OPENINFERENCE_SPAN_KIND
    got = normalize(
        store,
        [
            span(1, "LangGraph", {oi: "CHAIN"}),
            span(
                2,
                "triage",
                {oi: "CHAIN", mapping.OPENINFERENCE_GRAPH_NODE_NAME: "triage"},
                parent=1,
            ),
            span(
                3,
                "transfer_to_billing",
                {oi: "TOOL", mapping.OPENINFERENCE_TOOL_NAME: "transfer_to_billing"},
                parent=2,
            ),
            span(
                4,
                "Support agent",
                {oi: "AGENT", mapping.OPENINFERENCE_AGENT_NAME: "support"},
                parent=1,
            ),
            span(5, "response", {oi: "LLM"}, parent=4),
            span(6, "handoff to Refund agent", {oi: "TOOL"}, parent=4),
            span(7, "faithfulness", {oi: "EVALUATOR"}, parent=1),
            span(8, "pii_check", {oi: "GUARDRAIL"}, parent=1),
            span(9, "lookup_order", {oi: "TOOL"}, parent=4),
        ],
    )
    assert got["LangGraph"]["operation"] == "workflow"
    assert (got["triage"]["operation"], got["triage"]["agent"]) == ("agent", "triage")
    transfer = got["transfer_to_billing"]
    assert (transfer["operation"], transfer["stage"]) == ("handoff", "handoff")
    assert (transfer["handoff_source"], transfer["handoff_target"]) == ("triage", "billing")
    support = got["Support agent"]
    assert (support["operation"], support["agent"], support["actor"]) == (
        "agent",
        "support",
        "model",
    )
    assert got["response"]["actor"] == "model"
    handoff = got["handoff to Refund agent"]
    assert (handoff["handoff_source"], handoff["handoff_target"]) == ("support", "Refund agent")
    assert (got["faithfulness"]["operation"], got["faithfulness"]["actor"]) == ("verify", "model")
    assert (got["pii_check"]["operation"], got["pii_check"]["actor"]) == ("verify", "code")
    assert (got["lookup_order"]["operation"], got["lookup_order"]["agent"]) == (
        "tool",
        "lookup_order",
    )


def test_openllmetry_and_openai_agents_otel(store: analyzer.Store) -> None:
    """traceloop span kinds and entity names; OpenAI Agents handoff and guardrail spans."""
    tl = mapping.TRACELOOP_SPAN_KIND
    name = mapping.TRACELOOP_ENTITY_NAME
    got = normalize(
        store,
        [
            span(1, "support.workflow", {tl: "workflow", name: "support"}),
            span(2, "Triage.agent", {tl: "agent", semconv.GEN_AI_AGENT_NAME: "Triage"}, parent=1),
            span(
                3,
                "Triage → Billing.handoff",
                {
                    tl: "handoff",
                    mapping.OPENLLMETRY_HANDOFF_FROM: "Triage",
                    mapping.OPENLLMETRY_HANDOFF_TO: "Billing",
                },
                parent=2,
            ),
            span(4, "fetch.tool", {tl: "tool"}, parent=2),
            span(
                5,
                "no_pii",
                {mapping.GUARDRAIL_NAME: "no_pii", mapping.GUARDRAIL_TRIGGERED: True},
                parent=2,
            ),
        ],
    )
    assert (got["support.workflow"]["operation"], got["support.workflow"]["agent"]) == (
        "workflow",
        "support",
    )
    assert got["Triage.agent"]["agent"] == "Triage"
    handoff = got["Triage → Billing.handoff"]
    assert (handoff["operation"], handoff["handoff_source"], handoff["handoff_target"]) == (
        "handoff",
        "Triage",
        "Billing",
    )
    assert (got["fetch.tool"]["operation"], got["fetch.tool"]["agent"]) == ("tool", "fetch")
    guard = got["no_pii"]
    assert (guard["operation"], guard["verdict"], guard["actor"]) == ("verify", "reject", "code")


def test_agentops_and_name_patterns(store: analyzer.Store) -> None:
    """AgentOps from_agent/to_agent; a tool's from_agent alone is no handoff;
    `handoff from A to B` names."""
    ao = mapping.AGENTOPS_SPAN_KIND
    got = normalize(
        store,
        [
            span(1, "planner.agent", {ao: "agent", mapping.OPENINFERENCE_AGENT_NAME: "planner"}),
            span(
                2,
                "handoff",
                {
                    ao: "handoff",
                    mapping.AGENTOPS_FROM_AGENT: "planner",
                    mapping.AGENTOPS_TO_AGENT: "coder",
                },
                parent=1,
            ),
            span(3, "run_tests", {ao: "tool", mapping.AGENTOPS_FROM_AGENT: "planner"}, parent=1),
            span(4, "handoff from coder to reviewer", {semconv.GEN_AI_OPERATION_NAME: "handoff"}),
        ],
    )
    assert (got["planner.agent"]["operation"], got["planner.agent"]["agent"]) == (
        "agent",
        "planner",
    )
    assert (got["handoff"]["handoff_source"], got["handoff"]["handoff_target"]) == (
        "planner",
        "coder",
    )
    assert (got["run_tests"]["operation"], got["run_tests"]["handoff_target"]) == ("tool", None)
    sentry = got["handoff from coder to reviewer"]
    assert (sentry["handoff_source"], sentry["handoff_target"]) == ("coder", "reviewer")


def test_error_tag_and_unrelated_spans(store: analyzer.Store) -> None:
    """An OpenTracing `error` tag marks the span; plain HTTP spans stay unmapped."""
    got = normalize(
        store,
        [
            span(1, "GET /pods", {"error": "True", "http.response.status_code": 500}),
            span(2, "GET /ok", {"http.response.status_code": 200}),
        ],
    )
    assert got["GET /pods"]["is_error"] is True
    assert got["GET /ok"]["operation"] is None and got["GET /ok"]["is_error"] is False


def test_genai_jaeger_trace_agents_failure_and_mcp_handoff(tmp_path: Path) -> None:
    """Jaeger UI genai trace: triage-agent and summarizer mapped as agents, the failing
    k8s call flagged, and the MCP tool call that runs the summarizer is the handoff."""
    fixture = (
        Path(__file__).parent / "fixtures" / "trace-formats" / "jaeger-ui__genaiTestTrace.json"
    )
    with analyzer.open(tmp_path / "g.duckdb") as store:
        store.ingest([fixture])
        agents = store.con.execute(
            "SELECT agent, span_id FROM spans WHERE operation = 'agent' ORDER BY span_id"
        ).fetchall()
        errors = store.con.execute("SELECT span_id, name FROM spans WHERE is_error").fetchall()
        handoffs = store.con.execute(
            "SELECT span_id, agent, handoff_source, handoff_target, stage FROM spans "
            "WHERE operation = 'handoff'"
        ).fetchall()
        tools = store.con.execute("SELECT count(*) FROM spans WHERE operation = 'tool'").fetchone()
    assert agents == [("triage-agent", "0000000000000004"), ("summarizer", "0000000000000035")]
    assert errors == [("0000000000000011", "GET /api/v1/pods")]
    assert handoffs == [
        ("0000000000000032", "summarize_findings", "triage-agent", "summarizer", "handoff")
    ]
    assert tools == (9,)  # 3 x list_dashboards, search_traces, vector-search retrieval


@pytest.mark.parametrize(
    "name",
    [
        "Handoff from planner to writer",
        "handoff to writer",
        "handoff planner -> writer",
        "Handoff: planner → writer",
        "planner -> writer.handoff",
        "handoff\nto writer",
        "transfer_to_writer",
        "invoke_agent writer",
        "Handoff",
    ],
)
def test_name_pattern_gates_never_hide_a_match(name: str) -> None:
    """The cheap tests in front of the handoff name patterns let through every
    name a pattern matches (the gate only saves work)."""
    import re

    p = mapping.params()
    for key in ("re_from_to", "re_to", "re_arrow", "re_tl_arrow"):
        if re.search(p[key], name):
            assert p["handoff_hint"] in name, key
    if re.search(p["re_transfer"], name):
        assert name.startswith(p["transfer_prefix"])


@pytest.mark.parametrize("autocommit", [False, True])
def test_repeated_spans_kept_once(store: analyzer.Store, autocommit: bool) -> None:
    """A span repeated in a batch or across batches is stored once, the first seen,
    whether the batch is first tried without the conflict clause or not."""
    first = span(1, "first")
    again = span(1, "again")
    other = span(2, "other", parent=1)
    added = ingest_sql.insert_arrow(
        store.con, rows_to_table([first, other], "test"), autocommit=autocommit
    )
    assert added == 2
    added = ingest_sql.insert_arrow(
        store.con,
        rows_to_table([again, span(3, "new", parent=1), span(3, "new2")], "test"),
        autocommit=autocommit,
    )
    assert added == 1
    names = [r[0] for r in store.con.execute("SELECT name FROM spans ORDER BY span_id").fetchall()]
    assert names == ["first", "other", "new"]


def test_an_openinference_agent_span_named_after_its_method_is_its_receivers(
    store: analyzer.Store,
) -> None:
    """An OpenInference AGENT span with no ``agent.name`` is named after the method it
    wraps, ``<receiver>.<method>`` (smolagents: ``data_analyst.run``): the agent is the
    receiver; a name without such a suffix stays whole."""
    oi = mapping.OPENINFERENCE_SPAN_KIND
    got = normalize(
        store,
        [
            span(1, "grants_manager.run", {oi: "AGENT"}),
            span(2, "data_analyst.run", {oi: "AGENT"}, parent=1),
            span(3, "Fund Adviser", {oi: "AGENT"}, parent=1),
            span(4, "CodeAgent.run", {oi: "AGENT", mapping.OPENINFERENCE_AGENT_NAME: "lead"}),
        ],
    )
    assert got["grants_manager.run"]["agent"] == "grants_manager"
    assert got["data_analyst.run"]["agent"] == "data_analyst"
    assert got["Fund Adviser"]["agent"] == "Fund Adviser"
    assert got["CodeAgent.run"]["agent"] == "lead"
