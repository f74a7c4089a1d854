"""Rule 2: handoff violations and handoffs that failed themselves."""

from __future__ import annotations

from analyzer_builders import Run, attribution, rule_rows

from analyzer import rules


def _dropped_key_run() -> tuple[Run, str, str]:
    run = Run(1)
    run.agent("writer")
    h = run.handoff("writer", "editor", violations=["dropped_key: brand_voice"])
    editor = run.agent("editor", parent=h, error="KeyError", propagate=True)
    return run, h, editor


def test_violation_outranks_the_receivers_resulting_error() -> None:
    """The editor's KeyError follows from the dropped key: the handoff is the cause and
    the receiver's error is evidence."""
    run, h, editor = _dropped_key_run()
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("handoff", h, "writer")
    assert got["reason"] == "handoff writer -> editor dropped carried key `brand_voice`"
    assert got["evidence"] == [h, editor]


def test_handoff_rule_alone() -> None:
    """Called alone, the handoff rule names the violating handoff."""
    run, h, _ = _dropped_key_run()
    assert rule_rows(rules.handoff, run)[run.trace_id]["span_id"] == h


def test_generation_rule_alone_would_blame_the_receiver() -> None:
    """Alone, rule 3 sees only the receiver's error; the order is what puts the handoff first."""
    run, _, editor = _dropped_key_run()
    assert rule_rows(rules.generation, run)[run.trace_id]["span_id"] == editor


def test_handoff_that_errored_itself() -> None:
    """A handoff span that raised on its own (a timeout) is a handoff failure."""
    run = Run(1)
    run.agent("writer")
    h = run.handoff("writer", "reviewer", error="TimeoutError", propagate=True)
    got = rule_rows(rules.handoff, run)[run.trace_id]
    assert got["span_id"] == h
    assert got["reason"] == "handoff writer -> reviewer failed: TimeoutError"


def test_error_passing_through_a_clean_handoff_belongs_to_the_receiver() -> None:
    """The handoff context wraps the receiver; an exception the receiver raised only
    passed through it, so the handoff rule does not claim it."""
    run = Run(1)
    run.agent("writer")
    h = run.handoff("writer", "editor")
    editor = run.agent("editor", parent=h, error="ValueError", propagate=True)
    assert rule_rows(rules.handoff, run) == {}
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["span_id"]) == ("generation", editor)


def test_first_violating_handoff_wins_and_more_violations_are_counted() -> None:
    """The earliest violating handoff is the cause; its extra violations are counted."""
    run = Run(1, outcome="failure")
    first = run.handoff(
        "planner", "writer", violations=["missing_key: brief", "type_mismatch: tone: int"]
    )
    run.handoff("writer", "editor", violations=["stale_state: seen 3, latest 4"])
    got = rule_rows(rules.handoff, run)[run.trace_id]
    assert got["span_id"] == first
    assert got["reason"] == "handoff planner -> writer missing required key `brief` (+1 more)"
