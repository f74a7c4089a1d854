"""Suspects across handoffs: the handoff chain's credit for handed-on values, a delegate's
reply on the handoff back, a handed payload as the receiving step's input."""

from __future__ import annotations

import polars as pl
from analyzer_builders import Run, feature_rows, suspect_context, task_run

from analyzer.suspects import (
    delegation,
    features,
    handoffs,
    provenance,
)
from analyzer.suspects.base import Context
from tracer import semconv


def _hand(run: Run, source: str, target: str, payload: str | None, digest: str) -> str:
    """A handoff span with its payload fingerprint and, unless None, its text."""
    span = run.handoff(source, target, attributes={semconv.HANDOFF_PAYLOAD_HASH: digest})
    if payload is not None:
        run.say(span, payload, direction="payload")
    return span


def _pipeline(*, capture: bool = True) -> tuple[Run, dict[str, str]]:
    """reader -> fx -> calc (a code actor) -> checker: fx introduces the rate and
    the converted amounts, reader only the claim's lines; calc totals them."""
    run = task_run("Reimburse claim K-7 in EUR at the trip-date rate.")
    steps = {"reader": run.turn("reader", '{"lines": [3950, 1480]}')}
    _hand(run, "reader", "fx", '{"lines": [3950, 1480]}' if capture else None, "h1")
    steps["fx"] = run.turn(
        "fx", '{"lines": [3950, 1480], "eur": [1240.69, 464.87], "rate": 0.3141}'
    )
    fx_out = '{"lines": [3950, 1480], "eur": [1240.69, 464.87], "rate": 0.3141}'
    _hand(run, "fx", "calc", fx_out if capture else None, "h2")
    steps["calc"] = run.turn("calc", '{"total_eur": 1705.56}', actor="code")
    _hand(run, "calc", "checker", '{"total_eur": 1705.56}' if capture else None, "h3")
    steps["checker"] = run.verify("checker", "pass")
    run.say(steps["checker"], "Checked: 1705.56 EUR, OK.")
    return run, steps


def test_handoff_chain_credits_the_source_of_the_handed_on_values() -> None:
    """The code actor passes all its credit back; fx keeps the values it introduced
    and passes reader the share its payload already held; calc scores nothing."""
    run, steps = _pipeline()
    got = {r["agent"]: r for r in feature_rows(handoffs.handoff_chain, run)}
    assert set(got) == {"fx", "reader"}
    assert got["fx"]["span_id"] == steps["fx"] and got["fx"]["score"] > got["reader"]["score"]
    assert abs(got["fx"]["score"] + got["reader"]["score"] - 1.0) < 1e-9
    assert "1 handoff(s) back" in got["fx"]["evidence"]


def test_handoff_chain_without_payload_text_keeps_credit_where_it_changed() -> None:
    """No payload text and changed fingerprints: nothing shows fx passed anything on,
    so fx (one hop back from the code actor) keeps all of it."""
    run, steps = _pipeline(capture=False)
    (got,) = feature_rows(handoffs.handoff_chain, run)
    assert (got["agent"], got["span_id"], got["score"]) == ("fx", steps["fx"], 1.0)


def test_an_unchanged_payload_fingerprint_means_the_receiver_passed_it_on() -> None:
    """relay hands on exactly the payload it got (same hash): its source gets it all."""
    run = task_run("Book the room named in the brief.")
    author = run.turn("author", "Room Oak at 15:00.")
    _hand(run, "author", "relay", None, "same")
    run.turn("relay", "Forwarding.")
    _hand(run, "relay", "booker", None, "same")
    run.turn("booker", "Booked.")
    _hand(run, "booker", "checker", None, "other")
    (got,) = feature_rows(handoffs.handoff_chain, run)
    assert (got["agent"], got["span_id"], got["score"]) == ("author", author, 1.0)


def test_walk_stops_after_the_hop_limit_and_never_loops() -> None:
    """A cycle of handoffs with identical fingerprints does not run away."""
    edges = [handoffs._Edge("a", "b", "x", None), handoffs._Edge("b", "a", "x", None)]
    got = handoffs.walk(edges, "a", set())
    assert abs(sum(w for w, _ in got.values()) - 1.0) < 1e-9


def test_answer_origin_passes_a_code_actor_credit_to_its_handoff_source() -> None:
    """The code actor's total is not its own idea: with no code in the messages, its
    credit goes to the step that handed it its input."""
    run, steps = _pipeline()
    got = feature_rows(features.answer_origin, run)
    assert got and got[0]["agent"] == "fx" and got[0]["span_id"] == steps["fx"]
    assert "calc" not in {r["agent"] for r in got if r["score"] >= got[0]["score"]}


def _delegated_run() -> tuple[Run, dict[str, str]]:
    """A manager delegates to a researcher and an analyst; their replies come back on
    handoffs to the manager (their own spans say nothing); the manager's span, which
    started first, holds the final answer."""
    run = task_run("What was total H1 2024 revenue in million EUR (dataset revenue_2024_h1)?")
    steps = {"manager": run.plan("Manager", ["researcher", "analyst"])}
    run.say(steps["manager"], "H1 revenue: 8.05M EUR.")
    _hand(run, "Manager", "researcher", "Pull dataset revenue_2024_h1.", "a")
    steps["researcher"] = run.agent("researcher")
    _hand(run, "researcher", "Manager", "revenue_2023_h1: 3.95, 4.1", "b")
    _hand(run, "Manager", "analyst", "Add up the rows the researcher returned.", "c")
    steps["analyst"] = run.agent("analyst")
    _hand(run, "analyst", "Manager", "H1 revenue: 8.05M EUR", "d")
    return run, steps


def test_a_delegate_reply_on_the_handoff_back_is_its_message() -> None:
    """The replies become the delegates' output, the manager's step says what it
    handed out, and its answer is the run's."""
    run, steps = _delegated_run()
    ctx = suspect_context(run)
    read = delegation.replies(ctx.turns, ctx.handoffs)
    said = dict(zip(read["span_id"].to_list(), read["output"].to_list(), strict=True))
    assert said[steps["researcher"]] == "revenue_2023_h1: 3.95, 4.1"
    assert said[steps["analyst"]] == "H1 revenue: 8.05M EUR"
    assert "Pull dataset revenue_2024_h1." in said[steps["manager"]]
    assert "8.05" not in said[steps["manager"]]
    assert read.filter(pl.col("is_run"))["output"].to_list() == ["H1 revenue: 8.05M EUR."]


def test_a_delegated_result_is_traced_to_the_delegate_not_the_manager() -> None:
    """Read by start order the manager seems to say the answer first; read as the
    messages went, the total is the analyst's sum of the researcher's figures."""
    run, steps = _delegated_run()
    ctx = suspect_context(run)
    ctx = Context(delegation.replies(ctx.turns, ctx.handoffs), ctx.named, ctx.handoffs)
    got = feature_rows(lambda _: features.answer_origin(ctx), run)
    assert got[0]["agent"] == "researcher" and got[0]["span_id"] == steps["researcher"]
    assert "Manager" not in {r["agent"] for r in got}


def test_runs_without_a_handoff_back_are_read_unchanged() -> None:
    """No return edge: the turns are the same frame."""
    run, _ = _pipeline()
    ctx = suspect_context(run)
    assert delegation.replies(ctx.turns, ctx.handoffs).equals(ctx.turns)


def test_a_handed_payload_is_the_receiving_step_input() -> None:
    """A step without captured input got what a teammate handed it; the task handed
    in from outside the team is no step's input."""
    run = task_run("Summarise sales_2024.csv in French.")
    _hand(run, "user", "lead", "Summarise sales_2024.csv in French.", "t")
    lead = run.turn("lead", "Writer: summarise sales_2024.csv.")
    _hand(run, "lead", "writer", "Summarise sales_2024.csv.", "b")
    writer = run.turn("writer", "Sales rose 4%.")
    ctx = suspect_context(run)
    got = delegation.handed_input(ctx.turns, ctx.handoffs)
    inputs = dict(zip(got["span_id"].to_list(), got["input"].to_list(), strict=True))
    assert inputs[writer] == "Summarise sales_2024.csv."
    assert inputs[lead] is None


def test_reported_trouble_passes_a_code_actor_credit_to_its_handoff_source() -> None:
    """A checker that cannot reconcile the code actor's total points past it, at the
    step that handed it the figures (as the result's own provenance does)."""
    run, steps = _pipeline()
    run.turn("checker", "I can't reconcile 1705.56 with the card statement.")
    got = feature_rows(features.trouble_cause, run)
    assert got and got[0]["agent"] == "fx" and got[0]["span_id"] == steps["fx"]


def test_handoff_walk_splits_a_value_the_step_computed_from_handed_values() -> None:
    """analyst hands on 8.2, which no source handed it but its own call computed from
    the researcher's 3.864 and 4.324: it keeps the computation's share, the researcher
    gets the rest."""
    edges = [
        handoffs._Edge("researcher", "analyst", None, frozenset({"3.864", "4.324"})),
        handoffs._Edge("analyst", "writer", None, frozenset({"8.2"})),
    ]
    called = {"analyst": frozenset({"3.864", "4.324"})}
    got = handoffs.walk(edges, "analyst", set(), called)
    assert abs(got["analyst"][0] - provenance.CODE_KEEP) < 1e-9
    assert abs(got["researcher"][0] - (1 - provenance.CODE_KEEP)) < 1e-9
    assert handoffs.walk(edges, "analyst", set())["analyst"][0] == 1.0


def test_a_step_whose_message_was_read_gets_no_handoff_credit_the_messages_deny() -> None:
    """Handoffs without payload text say only who spoke after whom; where the messages
    were read, a checker that re-ran the coder's script introduced nothing."""
    run = task_run("How much VAT on 18,400 EUR net at the standard rate?")
    run.turn("Data", "Standard rate in the file: 0.19.")
    _hand(run, "Data", "Tax", None, "h1")
    tax = run.turn("Tax", "Consulting falls under the reduced rate, so 0.07.")
    _hand(run, "Tax", "Coder", None, "h2")
    coder = run.turn("Coder", "```python\nprint(round(18400 * 0.07, 2))\n```")
    _hand(run, "Coder", "Terminal", None, "h3")
    run.turn("Terminal", "1288.0", actor="code")
    _hand(run, "Terminal", "Checker", None, "h4")
    checker = run.turn("Checker", "Re-running it:\n```python\nprint(round(18400 * 0.07, 2))\n```")
    _hand(run, "Checker", "Terminal", None, "h5")
    run.turn("Terminal", "1288.0", actor="code")
    _hand(run, "Terminal", "Checker", None, "h6")
    run.turn("Checker", "Same figure: 1288.0 EUR. TERMINATE")
    run.say(run.root, "Same figure: 1288.0 EUR. TERMINATE")
    got = {r["span_id"]: r["score"] for r in feature_rows(features.result_provenance, run)}
    assert checker not in got
    assert got[coder] == provenance.CODE_KEEP and got[tax] == 1 - provenance.CODE_KEEP


def test_an_agent_called_as_a_tool_says_its_reply_and_its_caller_the_brief() -> None:
    """A call recorded as a handoff with the brief as input and the answer as output:
    the called step with no text of its own says the answer, the caller the brief."""
    run = task_run("What share of the valid votes did the winner get?")
    caller = run.agent("Orchestrator")
    call = run.handoff("Orchestrator", "Coder")
    run.say(call, '{"input": "Compute Holm\'s share: Holm 8,412 of 18,465."}', direction="input")
    run.say(call, "```python\nprint(round(8412 / 18465 * 100, 1))\n```", direction="output")
    coder = run.agent("Coder")
    ctx = suspect_context(run)
    read = delegation.called(ctx.turns, ctx.handoffs)
    said = dict(zip(read["span_id"].to_list(), read["output"].to_list(), strict=True))
    assert said[coder].startswith("```python") and "8412" in said[coder]
    assert "Compute Holm's share" in said[caller]
    assert read.filter(pl.col("span_id") == coder)["has_code"].to_list() == [True]
    no_edges = suspect_context(_pipeline()[0]).turns
    assert delegation.called(no_edges, None).height > 0  # no edges: as is
