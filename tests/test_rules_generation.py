"""Rule 3: generation, an agent's own error or output every verdict rejected."""

from __future__ import annotations

from analyzer_builders import Run, attribution, rule_rows

from analyzer import rules
from tracer import semconv


def test_deep_exception_is_blamed_where_it_originated() -> None:
    """The exception rose from a model call three levels down: that span is the root
    cause, not the tool, agent and workflow it propagated through."""
    run = Run(1)
    writer = run.agent("writer")
    search = run.tool("search", parent=writer)
    chat = run.span("chat model-a", parent=search, error="RateLimitError", propagate=True)
    got = rule_rows(rules.generation, run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("generation", chat, "search")
    assert got["reason"] == "`search` raised RateLimitError in `chat model-a`"
    assert got["evidence"] == [chat, search, writer, run.root]


def test_error_that_did_not_propagate_still_originates_at_its_span() -> None:
    """Foreign traces rarely mark ancestors: a failed run's lone errored leaf is the cause."""
    run = Run(1, outcome="failure")
    agent = run.agent("triage")
    leaf = run.span("GET /pods", parent=agent, error=True)
    got = rule_rows(rules.generation, run)[run.trace_id]
    assert (got["span_id"], got["agent"]) == (leaf, "triage")
    assert got["reason"] == "`triage` raised an error in `GET /pods`"


def test_first_of_two_independent_errors_wins() -> None:
    """With two errors that each originated, the first to raise is the cause."""
    run = Run(1, outcome="failure")
    first = run.agent("a", error="ValueError", duration_ms=5)
    run.agent("b", error="KeyError", duration_ms=5)
    assert rule_rows(rules.generation, run)[run.trace_id]["span_id"] == first


def test_rejected_every_attempt_blames_the_last_producer() -> None:
    """Verification caught bad output every time: a generation failure; the root cause
    is the agent that produced the last rejected attempt."""
    run = Run(1)
    run.agent("writer")
    v1 = run.verify("brand", "reject", 1)
    writer2 = run.agent("writer")
    v2 = run.verify("brand", "reject", 2)
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("generation", writer2, "writer")
    assert got["reason"] == "verifier `brand` rejected all 2 attempts; last output from `writer`"
    assert got["evidence"] == [writer2, v1, v2]


def test_rejected_then_accepted_is_a_recovery_not_a_failure() -> None:
    """A reject followed by an accept on the last attempt leaves the run successful."""
    run = Run(1)
    run.agent("writer")
    run.verify("brand", "reject", 1)
    run.agent("writer")
    run.verify("brand", "accept", 2)
    assert attribution(run) == {}


def test_assembly_errors_are_not_generation() -> None:
    """An error raised inside the assembly stage is left to rule 4."""
    run = Run(1)
    run.agent("assembler", stage="assembly", actor="code", error="IndexError", propagate=True)
    assert rule_rows(rules.generation, run) == {}


def test_single_rejected_attempt_reads_naturally() -> None:
    """One attempt, rejected: 'the only attempt'; no producer: the verdict is the root."""
    run = Run(1)
    verdict = run.verify("qa", "reject", 1)
    got = rule_rows(rules.generation, run)[run.trace_id]
    assert (got["span_id"], got["agent"]) == (verdict, "qa")
    assert got["reason"] == "verifier `qa` rejected the only attempt"


def test_broken_parent_cycles_do_not_hide_where_an_error_originated() -> None:
    """A span that is its own parent (broken input) still originates its own error."""
    run = Run(1, workflow=None)
    looped = run.agent("x", parent="0000000000000001", error="ValueError")
    got = rule_rows(rules.generation, run)[run.trace_id]
    assert (got["span_id"], got["evidence"]) == (looped, [looped])


def _step_of(owner: str) -> dict[str, str]:
    return {semconv.AGENT_OWNER: owner}


def test_error_in_an_agents_step_is_blamed_on_that_agent() -> None:
    """A LangGraph subgraph's node (coordgap.agent.owner) is a step of the agent that runs
    the subgraph: its error names that agent, the step's span is the root cause, and a step
    of a step (a team's agent's tool node) names the nearest agent only."""
    run = Run(1)
    team = run.agent("research_team")
    search = run.agent("search", parent=team, attributes=_step_of("research_team"))
    tools = run.agent(
        "tools", parent=search, error="ConnectionError", propagate=True,
        attributes=_step_of("search"),
    )  # fmt: skip
    got = rule_rows(rules.generation, run)[run.trace_id]
    assert (got["span_id"], got["span_name"], got["agent"]) == (
        tools, "invoke_agent tools", "search",
    )  # fmt: skip
    assert got["reason"] == "`search` raised ConnectionError in `invoke_agent tools`"
    assert got["evidence"] == [tools, search, team, run.root]


def test_nested_agent_without_an_owner_is_blamed_itself() -> None:
    """An agent called by another agent (no coordgap.agent.owner) is an agent of its own."""
    run = Run(1)
    lead = run.agent("lead")
    helper = run.agent("helper", parent=lead, error="ValueError", propagate=True)
    got = rule_rows(rules.generation, run)[run.trace_id]
    assert (got["span_id"], got["agent"]) == (helper, "helper")
    assert got["reason"] == "`helper` raised ValueError"
