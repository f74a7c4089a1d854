"""Content signals in the attribution order, user detectors, and never guessing."""

from __future__ import annotations

from typing import Any

import duckdb
from analyzer_builders import Run, attribution, fresh_db, insert

from analyzer.analysis import analyze
from analyzer.detectors import DETECTORS
from analyzer.suspects import calibration

CODE = "```python\nimport json\nprint(json.load(open('in.json'))['total'])\n```"
FAILED = "exitcode: 1 (execution failed)\nCode output: KeyError: 'total'"


def _code_run(n: int = 1, **kw: Any) -> tuple[Run, str, str]:
    run = Run(n, outcome="failure", **kw)
    coder = run.turn("Coder", CODE)
    terminal = run.turn("Terminal", FAILED)
    return run, coder, terminal


def test_a_content_signal_names_agent_step_and_quote() -> None:
    """A silent failure with a failed code run: generation, the coder's step, a quote."""
    run, coder, terminal = _code_run()
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["rule"], got["agent"], got["span_id"]) == (
        "generation",
        "content_signal",
        "Coder",
        coder,
    )
    assert (got["detector"], got["symptom_span_id"]) == ("code_failure", terminal)
    assert got["quote"] == "exitcode: 1 (execution failed) … KeyError: 'total'"
    assert got["evidence"] == [coder, terminal]
    assert "exitcode" not in got["reason"]  # content stays in the quote


def test_an_explicit_error_outranks_a_content_signal() -> None:
    """A raised exception is recorded evidence: the generation rule wins."""
    run, _, _ = _code_run()
    boom = run.agent("Writer", error="ValueError")
    got = attribution(run)[run.trace_id]
    assert (got["rule"], got["span_id"], got["detector"]) == ("generation", boom, None)


def test_a_content_signal_outranks_a_false_accept() -> None:
    """A failed code run that a verifier then accepted: the earlier mistake explains it."""
    run, coder, _ = _code_run()
    run.verify("Checker", "accept")
    got = attribution(run)[run.trace_id]
    assert (got["rule"], got["agent"], got["span_id"]) == ("content_signal", "Coder", coder)


def test_the_earliest_root_cause_wins_across_detectors() -> None:
    """Made-up data before a failed code run: the earlier step is the mistake."""
    run = Run(1, outcome="failure")
    analyst = run.turn("Analyst", "Here are placeholder values for the totals: 1, 2, 3.")
    run.turn("Coder", CODE)
    run.turn("Terminal", FAILED)
    got = attribution(run)[run.trace_id]
    assert (got["detector"], got["agent"], got["span_id"]) == ("made_up_data", "Analyst", analyst)


def test_no_signal_names_no_agent_and_says_what_to_capture() -> None:
    """A silent failure without content: no rule names an agent; the last step is
    only a low-confidence suspect, by position, and the reason says so."""
    run = Run(1, outcome="failure")
    run.agent("Coder")
    got = attribution(run)[run.trace_id]
    assert got["detector"] is None
    assert (got["agent"], got["suspect"]) == ("Coder", True)
    assert got["confidence"] < calibration.LOW
    assert "position only" in got["suspects"][0]["evidence"][0]
    # the reason agrees with the suspect shown beside it: no "silent failure" claim,
    # the suspect named and marked as a lead, the advice now how to confirm it
    assert got["reason"].startswith("no verifier's verdict was recorded in this run before")
    assert "silent failure" not in got["reason"]
    assert "the ranking suspects `Coder`" in got["reason"]
    assert "low: a lead, not a finding" in got["reason"]
    assert "To confirm it: capture content" in got["reason"]


def test_a_run_whose_content_was_captured_is_not_told_to_capture_it() -> None:
    """A silent failure whose turns carry text: the advice keeps the verifier and
    the declared expectations and leaves out capturing content."""
    run = Run(1, outcome="failure")
    run.turn("Writer", "The summary is ready and attached below for the review.")
    got = attribution(run)[run.trace_id]
    assert got["detector"] is None
    assert "To confirm it: add a verifier, or declare expects= on handoffs" in got["reason"]
    assert "capture content" not in got["reason"]


def test_successful_runs_are_never_read() -> None:
    """Content of a run that succeeded gives no failure."""
    run = Run(1, outcome="success")
    run.turn("Coder", CODE)
    run.turn("Terminal", FAILED)
    assert attribution(run) == {}


def _con(*runs: Run) -> duckdb.DuckDBPyConnection:
    con = fresh_db()
    insert(con, *runs)
    return con


def test_a_user_detector_adds_signals_as_plain_rows() -> None:
    """A Python detector returning dicts names the cause; same signature as built-ins."""
    run = Run(1, outcome="failure")
    writer = run.turn("Writer", "The tide table says high water at 25:00.")

    def judge(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
        rows = con.execute(
            "SELECT trace_id, span_id, agent, output FROM cg_msg WHERE output LIKE '%25:00%'"
        ).fetchall()
        return [
            {"trace_id": t, "detector": "impossible_time", "stage": "generation", "agent": a,
             "span_id": s, "quote": "25:00"}
            for t, s, a, _ in rows
        ]  # fmt: skip

    got = analyze(_con(run), detectors=(*DETECTORS, judge)).failures.to_dicts()[0]
    assert (got["detector"], got["agent"], got["span_id"], got["quote"]) == (
        "impossible_time",
        "Writer",
        writer,
        "25:00",
    )
    assert got["symptom_span_id"] is None


def test_a_failing_user_detector_is_a_warning_not_a_crash() -> None:
    """The analysis goes on with the other detectors; one line says what failed."""
    run, coder, _ = _code_run()

    def broken(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
        raise RuntimeError("model quota exceeded\nsecond line")

    a = analyze(_con(run), detectors=(broken, *DETECTORS))
    assert a.warnings == ("detector broken failed and was skipped: model quota exceeded",)
    assert a.failures.to_dicts()[0]["span_id"] == coder


def test_signals_without_agent_or_quote_are_dropped() -> None:
    """Never guess: a signal with no agent or no quote names nothing."""
    run = Run(1, outcome="failure")
    span = run.turn("Writer", "hello there")

    def vague(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
        base = {"trace_id": run.trace_id, "detector": "vague", "stage": "generation",
                "span_id": span}  # fmt: skip
        return [{**base, "agent": None, "quote": "x"}, {**base, "agent": "Writer", "quote": ""}]

    got = analyze(_con(run), detectors=(vague,)).failures.to_dicts()[0]
    assert (got["rule"], got["detector"]) == ("verification_gap", None)
    assert got["suspect"] and got["confidence"] < calibration.LOW  # by position only


def test_quotes_are_one_line_and_truncated() -> None:
    """Control characters become spaces; a long quote is cut with an ellipsis."""
    run = Run(1, outcome="failure")
    span = run.turn("Writer", "x")

    def loud(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
        return [{"trace_id": run.trace_id, "detector": "loud", "stage": "generation",
                 "agent": "Writer", "span_id": span, "quote": "a\nb\tc" + "z" * 500}]  # fmt: skip

    quote = analyze(_con(run), detectors=(loud,)).failures.to_dicts()[0]["quote"]
    assert quote.startswith("a b c") and quote.endswith("…") and len(quote) == 160


def test_detectors_report_what_fired_and_what_they_explained() -> None:
    """The detectors frame counts runs fired on and runs attributed, with stages."""
    run1, _, _ = _code_run(1)
    run2, _, _ = _code_run(2)
    run2.agent("Writer", error="ValueError")  # explained by an explicit rule first
    frame = analyze(_con(run1, run2)).detectors.to_dicts()
    assert frame == [
        {"detector": "code_failure", "stage": "generation", "fired": 1, "attributed": 1}
    ]


def test_an_accepted_result_counts_only_when_nothing_else_fired() -> None:
    """The fallback detector yields to a later but stronger signal."""
    run = Run(1, outcome="failure")
    run.turn("Planner", "Plan: Coder computes the total from in.json.")
    run.turn("Reviewer", "I have verified the plan, it is sound.")
    coder, _ = run.turn("Coder", CODE), run.turn("Terminal", FAILED)
    got = attribution(run)[run.trace_id]
    assert (got["detector"], got["span_id"]) == ("code_failure", coder)
