"""The rule list as a whole: order, exactly one cause per failed run, unknown."""

from __future__ import annotations

from analyzer_builders import Run, attribution, rule_rows

from analyzer import rules
from analyzer.suspects import calibration


def test_rules_run_in_the_documented_order() -> None:
    """The order docs/analyze.md gives for attribution."""
    assert [r.__name__ for r in rules.RULES] == [
        "decomposition_recorded",
        "handoff",
        "generation",
        "assembly",
        "decomposition_omission",
        "content_signal",
        "verification",
        "unknown",
    ]


def test_recorded_plan_defect_outranks_a_later_handoff_violation() -> None:
    """A defect early in the chain explains what breaks after it."""
    run = Run(1, outcome="failure")
    plan = run.plan("supervisor", ["writer", ""], defects=["unassigned: cta"])
    run.handoff("writer", "editor", violations=["missing_key: cta"])
    assert attribution(run)[run.trace_id]["span_id"] == plan


def test_generation_error_outranks_an_omission() -> None:
    """An error is strong evidence; something that did not happen is weak."""
    run = Run(1, outcome="failure")
    run.plan("supervisor", ["writer", "fact_checker"])
    writer = run.agent("writer", error="ValueError")
    assert attribution(run)[run.trace_id]["span_id"] == writer


def test_each_failed_run_gets_exactly_one_cause_and_successes_none() -> None:
    """One row per failed run, none for runs that succeeded."""
    ok = Run(1)
    ok.agent("writer")
    ok.verify("brand", "accept")
    bad = Run(2)
    bad.agent("writer", error="ValueError", propagate=True)
    gap = Run(3, outcome="failure")
    gap.agent("writer")
    got = attribution(ok, bad, gap)
    assert sorted(got) == [bad.trace_id, gap.trace_id]
    assert (got[bad.trace_id]["category"], got[gap.trace_id]["category"]) == (
        "generation",
        "verification",
    )


def test_unexplained_failure_is_unknown_never_a_guess() -> None:
    """A verifier ran without a verdict, nothing errored or was omitted: unknown. The
    last producing step is a suspect by position only, marked low confidence, in the
    reason too."""
    run = Run(1, outcome="failure", outcome_reason="late delivery")
    writer = run.agent("writer")
    run.span("verify brand", operation="verify", agent="brand")
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["rule"], got["detector"]) == ("unknown", "unknown", None)
    assert (got["span_id"], got["agent"], got["suspect"]) == (writer, "writer", True)
    assert got["confidence"] < calibration.LOW
    # what the rule found, then the suspect shown beside it, as a lead
    assert got["reason"] == (
        "run failed (outcome: late delivery) and no plan defect, handoff violation, agent, "
        "tool or assembly error, omission or accepting verifier explains it; the ranking "
        f"suspects `writer` at {writer} made the mistake (confidence 50%, low: a lead, "
        "not a finding)"
    )


def test_error_outside_agents_blames_the_span_by_its_own_name() -> None:
    """A verifier that crashed (not an agent, tool, plan, handoff or assembly span) is
    still named: an error explains a failed run better than "no verifier"."""
    run = Run(1)
    run.agent("writer")
    crash = run.span(
        "verify brand", operation="verify", agent="brand", error="TimeoutError", propagate=True
    )
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("generation", crash, "brand")
    assert got["reason"] == "`brand` raised TimeoutError"
    assert got["evidence"] == [crash, run.root]


def test_error_in_an_unrecognised_span_blames_the_nearest_named_ancestor() -> None:
    """An error raised in a span no mapping knows (a bare CHAIN step) names the nearest
    ancestor that has a name, here the workflow, instead of a verification gap."""
    run = Run(1)
    step = run.span("RunnableSequence", stage=None, error="ValueError", propagate=True)
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("generation", step, "pipeline")
    assert got["reason"] == "`pipeline` raised ValueError in `RunnableSequence`"


def test_unknown_rule_alone_takes_every_pending_run() -> None:
    """Called alone, the last rule explains every failed run as unknown, with the span
    that recorded the failure as root."""
    failed = Run(1, outcome="failure", outcome_reason="late")
    errored = Run(2, error="RuntimeError")
    ok = Run(3)
    got = rule_rows(rules.unknown, failed, errored, ok)
    assert sorted(got) == [failed.trace_id, errored.trace_id]
    assert got[errored.trace_id]["span_id"] == errored.root
    assert got[errored.trace_id]["reason"].startswith("run failed (error on the run span)")
