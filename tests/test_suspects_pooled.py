"""An agent's share of the result's provenance is the sum over its steps
(analyzer.suspects.features.result_provenance)."""

from __future__ import annotations

from analyzer_builders import feature_rows, task_run

from analyzer.suspects import features


def test_an_agent_that_read_a_value_and_stated_it_holds_both_parts() -> None:
    """The engineer read the policy with its own tool call and stated the month it
    implies (30 days, 720 hours); the coder divided by 720. The credit that reached the
    engineer's statement is split between the statement (720, its own) and its lookup
    (30, from the policy it read): together it is as much as the analyst's 66 h, and it
    lands on the statement, the later of the two equal parts."""
    run = task_run("What was turbine T07's availability in March 2026? Percent.")
    lookup = run.turn("Engineer", 'read_file({"name": "policy.json"})')
    run.say(run.tool("read_file", parent=lookup), '{"month_days": 30, "scope": "unplanned"}')
    engineer = run.turn("Engineer", "Policy: we work on a standard 30-day month, so 720 hours.")
    analyst = run.turn("Analyst", "T07 was down 66 hours in March, unplanned.")
    run.turn("Coder", "```python\nprint(round((1 - 66 / 720) * 100, 2))\n```")
    run.turn("Terminal", "90.83")
    run.turn("Writer", "T07's availability was 90.83%.")
    got = {
        (r["agent"], r["span_id"]): r["score"]
        for r in feature_rows(features.result_provenance, run)
        if r["score"] > 0
    }
    assert round(got["Engineer", engineer], 4) == round(got["Analyst", analyst], 4) > 0
    assert [step for agent, step in got if agent == "Engineer"] == [engineer]
