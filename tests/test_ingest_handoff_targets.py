"""Handoffs whose target a framework names only in its tool call: ADK's and Strands'
transfer tools, and an agent run by a tool (through a nested workflow, or beside the
call that ran it)."""

from __future__ import annotations

import dataclasses

import analyzer
from analyzer import mapping
from analyzer.formats.common import Row
from tests.mapping_support import normalize, span
from tracer import semconv


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
