"""Rule 6: verification (false accepts and gaps), and outcomes that arrive late."""

from __future__ import annotations

from analyzer_builders import Run, attribution, prepared, rule_rows

from analyzer import rules


def test_accepting_verifier_in_a_failed_run_is_a_false_accept() -> None:
    """The verifier accepted; the client later rejected the run: a false accept."""
    run = Run(1)
    run.agent("writer")
    verdict = run.verify("brand", "accept")
    late = run.outcome(False, "client rejected the teaser")
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("verification", verdict, "brand")
    assert got["reason"] == (
        "verifier `brand` accepted a run that failed (false accept): client rejected the teaser"
    )
    assert got["evidence"] == [verdict, late]


def test_failed_run_without_any_verifier_is_a_verification_gap() -> None:
    """No verifier ran on a failed run: a verification gap, rooted at the failure record."""
    run = Run(1, outcome="failure", outcome_reason="wrong language")
    run.agent("writer")
    got = rule_rows(rules.verification, run)[run.trace_id]
    assert (got["rule"], got["span_id"]) == ("verification_gap", run.root)
    assert got["reason"] == (
        "silent failure: no signal in the trace; no verifier's verdict was recorded in this "
        "run before it failed (verification gap): wrong language. To name the agent: "
        "capture content (capture_content=True), add a verifier, or declare expects= on "
        "handoffs"
    )


def test_late_failure_overrides_an_earlier_success() -> None:
    """The latest outcome wins: a run that ended 'success' and was later reported failed."""
    run = Run(1, outcome="success")
    run.agent("writer")
    run.outcome(False, "audience test")
    assert attribution(run)[run.trace_id]["category"] == "verification"


def test_late_success_clears_an_earlier_failure() -> None:
    """A later success outcome supersedes the run's own failure outcome."""
    run = Run(1, outcome="failure")
    run.agent("writer")
    run.outcome(True, "approved after all")
    assert attribution(run) == {}


def test_late_outcome_from_another_trace_counts_and_is_no_run_itself() -> None:
    """Feedback recorded in a trace of its own, pointing at the run by outcome_trace_id."""
    run = Run(1)
    verdict = run.verify("brand", "accept")
    feedback = Run(2, workflow=None)
    feedback.span(
        "outcome",
        parent=None,
        operation="outcome",
        stage=None,
        outcome="failure",
        outcome_reason="complaint",
        outcome_trace_id=run.trace_id.upper(),
    )
    con = prepared(run, feedback)
    assert con.execute("SELECT trace_id, failed FROM cg_run").fetchall() == [(run.trace_id, True)]
    got = {r["trace_id"]: r for r in rules.verification(con).pl().to_dicts()}
    assert got[run.trace_id]["span_id"] == verdict


def test_verification_rule_ignores_runs_with_a_verifier_that_never_accepted() -> None:
    """A verifier ran but gave no accept: neither a false accept nor a gap."""
    run = Run(1, outcome="failure")
    run.span("verify brand", operation="verify", agent="brand")  # no verdict recorded
    con = prepared(run)
    assert rules.verification(con).pl().height == 0


def test_gap_reason_quotes_only_a_failure_outcome() -> None:
    """A run that errored after a 'success' outcome note: the note is not the reason."""
    run = Run(1, error="RuntimeError", outcome="success", outcome_reason="looked fine")
    got = rule_rows(rules.verification, run)[run.trace_id]
    assert got["reason"] == (
        "silent failure: no signal in the trace; no verifier's verdict was recorded in this "
        "run before it failed (verification gap). To name the agent: capture content "
        "(capture_content=True), add a verifier, or declare expects= on handoffs"
    )
