"""The verification loop: checks, catches, false accepts, recoveries, retries, latency."""

from __future__ import annotations

import pytest
from analyzer_builders import Run, fresh_db, insert

from analyzer.analysis import analyze


def test_verification_loop_figures() -> None:
    """Run 1 recovers after a reject, run 2 is rejected throughout, run 3 is a false
    accept, run 4 has no verifier."""
    recovered = Run(1, duration_ms=100)
    recovered.agent("writer")
    recovered.verify("brand", "reject", 1, duration_ms=10)
    recovered.agent("writer")
    recovered.verify("brand", "accept", 2, duration_ms=10)
    rejected = Run(2, duration_ms=100)
    rejected.agent("writer")
    rejected.verify("brand", "reject", 1, duration_ms=20)
    rejected.verify("brand", "reject", 2, duration_ms=20)
    false_accept = Run(3, outcome="failure", duration_ms=100)
    false_accept.verify("brand", "accept", 1, duration_ms=20)
    unverified = Run(4, duration_ms=100)
    unverified.agent("writer")
    con = fresh_db()
    insert(con, recovered, rejected, false_accept, unverified)
    a = analyze(con)
    v = a.verification
    assert (v["checks"], v["rejects"], v["false_accepts"], v["runs_with_verifier"]) == (
        5, 3, 1, 3,
    )  # fmt: skip
    assert v["catch_rate"] == pytest.approx(3 / 4)  # 3 rejects of 4 bad outputs
    assert v["false_accept_rate"] == pytest.approx(1 / 2)  # 1 of 2 accepts
    assert v["recovery_rate"] == pytest.approx(1 / 2)  # 1 of 2 runs with a reject
    assert v["retries_per_run"] == pytest.approx(2 / 3)  # 5 checks, 3 first attempts
    assert v["share_of_latency"] == pytest.approx(80 / 300)
    assert a.summary()["verification"] == {
        "checks": 5, "rejects": 3, "false_accepts": 1, "catch_rate": 0.75,
        "recovery_rate": 0.5, "share_of_latency": pytest.approx(0.266667),
    }  # fmt: skip


def test_no_verifier_means_no_rates() -> None:
    """Without any verdict the rates are None, not zero."""
    run = Run(1)
    run.agent("writer")
    con = fresh_db()
    insert(con, run)
    v = analyze(con).verification
    assert v["checks"] == 0 and v["runs_with_verifier"] == 0
    assert {v[k] for k in ("catch_rate", "false_accept_rate", "recovery_rate",
                            "retries_per_run", "share_of_latency")} == {None}  # fmt: skip


def test_an_accept_before_a_later_defect_is_not_a_false_accept() -> None:
    """Run 1: the verifier accepts, then the assembler raises: the run failed, but the
    defect began after the check. Run 2: a handoff violation before the accept: the
    verifier waved through a defect that was already there."""
    later = Run(1)
    later.agent("writer", at_ms=0, duration_ms=5)
    later.verify("brand", "accept", 1, at_ms=10, duration_ms=5)
    later.agent("assembler", stage="assembly", actor="code", at_ms=20, duration_ms=5,
                error="IndexError", propagate=True)  # fmt: skip
    earlier = Run(2)
    earlier.agent("writer", at_ms=0, duration_ms=5)
    earlier.handoff("writer", "editor", violations=["dropped_key: tone"], at_ms=6, duration_ms=2)
    earlier.verify("brand", "accept", 1, at_ms=10, duration_ms=5)
    earlier.agent("assembler", stage="assembly", actor="code", at_ms=20, duration_ms=5,
                  error="KeyError", propagate=True)  # fmt: skip
    con = fresh_db()
    insert(con, later, earlier)
    a = analyze(con)
    assert a.by_category["assembly"] == 1 and a.by_category["handoff"] == 1
    v = a.verification
    assert (v["checks"], v["false_accepts"]) == (2, 1)
    assert v["false_accept_rate"] == pytest.approx(1 / 2)
