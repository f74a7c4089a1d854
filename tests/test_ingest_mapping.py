"""Normalization of each instrumentation's spans onto coordgap's columns, one small
set of span dicts per instrumentation, through the same SQL every format uses."""

from __future__ import annotations

from pathlib import Path

import pytest

import analyzer
from analyzer import ingest_sql, mapping
from analyzer.formats.common import rows_to_table
from tests.mapping_support import normalize, span
from tracer import semconv


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
