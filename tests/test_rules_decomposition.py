"""Rules 1 and 5: decomposition, recorded on the plan or seen as an omission."""

from __future__ import annotations

from analyzer_builders import Run, attribution, rule_rows

from analyzer import rules


def test_unassigned_subtask_is_a_recorded_decomposition_defect() -> None:
    """A plan that recorded an unassigned subtask is the root cause, named by the defect."""
    run = Run(1, outcome="failure")
    plan = run.plan("supervisor", ["writer", ""], defects=["unassigned: cta"])
    run.agent("writer")
    got = rule_rows(rules.decomposition_recorded, run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("decomposition", plan, "supervisor")
    assert got["reason"] == "plan `supervisor` recorded unassigned subtask `cta`"
    assert got["evidence"] == [plan]


def test_overlap_and_extra_defects_in_reason() -> None:
    """Overlapping subtasks read as a pair; further defects are counted, not dropped."""
    run = Run(1, outcome="failure")
    run.plan("supervisor", ["a", "b"], defects=["overlap: intro~hook", "duplicate: intro"])
    got = rule_rows(rules.decomposition_recorded, run)[run.trace_id]
    assert got["reason"] == (
        "plan `supervisor` recorded overlapping subtasks `intro` and `hook` (+1 more)"
    )


def test_plan_that_raised_is_decomposition() -> None:
    """An errored plan span is a recorded decomposition failure."""
    run = Run(1)
    plan = run.plan("supervisor", ["writer"], error="ValueError", propagate=True)
    got = rule_rows(rules.decomposition_recorded, run)[run.trace_id]
    assert got["span_id"] == plan
    assert got["reason"] == "plan `supervisor` raised ValueError"


def test_clean_plan_is_not_recorded_decomposition() -> None:
    """A plan with no defect and no error does not match rule 1."""
    run = Run(1, outcome="failure")
    run.plan("supervisor", ["writer"])
    run.agent("writer")
    assert rule_rows(rules.decomposition_recorded, run) == {}


def test_planned_subtask_that_never_ran_is_an_omission() -> None:
    """A planned assignee with no span and no handoff in a run that ended cleanly."""
    run = Run(1, outcome="failure", outcome_reason="missing fact check")
    plan = run.plan("supervisor", ["writer", "fact_checker"])
    run.agent("writer")
    got = rule_rows(rules.decomposition_omission, run)[run.trace_id]
    assert (got["category"], got["rule"], got["span_id"]) == (
        "decomposition",
        "decomposition_omission",
        plan,
    )
    assert got["reason"] == (
        "plan `supervisor` assigned a subtask to `fact_checker` which never ran nor "
        "received a handoff"
    )


def test_assignee_that_only_received_a_handoff_is_not_omitted() -> None:
    """Receiving a handoff counts as being reached, even without a span of its own."""
    run = Run(1, outcome="failure")
    run.plan("supervisor", ["writer", "fact_checker"])
    run.agent("writer")
    run.handoff("writer", "fact_checker")
    assert rule_rows(rules.decomposition_omission, run) == {}


def test_no_omission_when_an_error_aborted_the_run() -> None:
    """A run cut short by an error is not blamed on the subtasks it never reached."""
    run = Run(1)
    run.plan("supervisor", ["writer", "fact_checker"])
    run.agent("writer", error="RuntimeError", propagate=True)
    assert rule_rows(rules.decomposition_omission, run) == {}
    assert attribution(run)[run.trace_id]["category"] == "generation"
