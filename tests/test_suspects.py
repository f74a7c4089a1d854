"""Each suspect feature alone, on tiny built runs shaped as plain message logs
(one agent span per message, the task on the run span), then the ranking."""

from __future__ import annotations

import polars as pl
from analyzer_builders import Run, attribution, feature_rows, suspect_context, task_run

from analyzer.suspects import (
    calibration,
    features,
    provenance,
    rank,
)
from analyzer.suspects.base import Context
from analyzer.suspects.result_features import task_atoms

CODE = "```python\nstart, final = 1.2e5, 1.152e6\nprint(round(final / start, 3))\n```"


def test_executor_is_recognised_by_structure_not_wording() -> None:
    """An agent that writes no code and answers right after code is an executor; a
    planner that never follows code is not, whatever either says."""
    run = task_run("Grow 1.2e5 cells; what is the fold change?")
    run.turn("Planner", "Plan: compute the fold change with code.")
    run.turn("Coder", CODE)
    run.turn("Box", "9.6")
    frame = suspect_context(run).turns.filter(~pl.col("is_run"))
    by_agent = dict(zip(frame["agent"].to_list(), frame["is_exec"].to_list(), strict=True))
    assert by_agent == {"Planner": False, "Coder": False, "Box": True}


def test_answer_origin_follows_a_value_through_code_to_who_introduced_it() -> None:
    """The result 9.6 came out of code whose input 1.152e6 one agent made up: that
    agent's step gets most of the credit, the code's author the rest."""
    run = task_run("Start count 1.2e5 cells; the day-3 count is in counts.csv. Fold change?")
    run.turn("Reader", "Day-3 count from counts.csv: 9.6e5.")
    units = run.turn("Units", "Counts undercount clumps; scaling up gives 1.152e6.")
    coder = run.turn("Coder", CODE)
    run.turn("Terminal", "9.6")
    run.turn("Reporter", "The fold change is 9.6.")
    got = feature_rows(features.answer_origin, run)
    assert [(r["agent"], r["span_id"]) for r in got[:2]] == [("Units", units), ("Coder", coder)]
    assert got[0]["score"] == 1 - provenance.CODE_KEEP and got[1]["score"] == provenance.CODE_KEEP
    assert '"1.152e6"' in got[0]["evidence"] and '"9.6"' in got[0]["evidence"]


def test_a_program_run_by_a_tool_is_its_writers_work_on_the_values_it_was_given() -> None:
    """The analyst's code ran in a tool (``run_python`` given the program): what it
    printed is the analyst's computation over the clerk's 5650 and its own 6464, so
    the credit splits between them, as it does for a program an executor ran."""
    run = task_run("Change in East zone breakfasts, April 2025 to April 2026, percent?")
    clerk = run.turn("Clerk", "April 2025 East zone breakfasts: 5650.")
    program = '{"code": "print(round((6464 - 5650) / 5650 * 100, 1))"}'
    analyst = run.turn("Analyst", program)
    tool = run.tool("run_python", parent=analyst)
    run.say(tool, program, direction="input")
    run.say(tool, "exit code 0\n14.4")
    run.turn("Writer", "Breakfasts were up 14.4%.")
    got = {
        (r["agent"], r["span_id"]): r["score"] for r in feature_rows(features.answer_origin, run)
    }
    assert round(got["Clerk", clerk], 4) == round(got["Analyst", analyst], 4) == 0.5


def test_answer_origin_passes_a_lookup_to_who_chose_its_key() -> None:
    """The clerk looked up the period the lead named (2026-02, the task says March):
    what the lookup returned is half the lead's; a key the clerk chose stays its own."""

    def chain(key_from_lead: bool) -> tuple[Run, str, str]:
        run = task_run("March beer duty: packaged hl x 4.2 x 21.01, to the penny.")
        lead = run.turn("Lead", "Clerk: packaged hl for 2026-02." if key_from_lead else "Go.")
        clerk = run.turn("Clerk", "Packaged: 138.4 hl.")
        run.say(run.tool("tank_log", parent=clerk), '{"ref": "2026-02"}', direction="input")
        run.turn("Writer", "Duty due on 138.4 hl.")
        return run, lead, clerk

    run, lead, clerk = chain(key_from_lead=True)
    got = {r["agent"]: r["score"] for r in feature_rows(features.answer_origin, run)}
    # the clerk's own share (138.4, one of its two values beside the period 2026-02)
    # halves: a quarter stays, the lead has the rest
    assert round(got["Clerk"], 4) == 0.25 and round(got["Lead"], 4) == 0.75
    run, lead, clerk = chain(key_from_lead=False)
    got = {r["agent"]: r["score"] for r in feature_rows(features.answer_origin, run)}
    assert "Lead" not in got and got["Clerk"] > 0


def test_a_lookup_recorded_on_its_own_span_passes_to_who_chose_its_key() -> None:
    """The lookup's answer is on the tool's span (a file read whose result the clerk
    restates): what it returned still belongs half to the lead who named the file."""
    run = task_run("Cedar Hill's May reimbursement at the 2026 rates, to the cent.")
    lead = run.turn("Lead", "Officer: the rates from rates_2025.json.")
    officer = run.agent("Officer")
    run.say(officer, '{"name": "rates_2025.json"}')
    tool = run.tool("read_file", parent=officer)
    run.say(tool, '{"name": "rates_2025.json"}', direction="input")
    run.say(tool, '{"free": 4.43, "paid": 0.45}')
    run.turn("Writer", "Owed: 4.43 a free lunch, 0.45 a paid one.")
    got = {
        (r["agent"], r["span_id"]): r["score"] for r in feature_rows(features.answer_origin, run)
    }
    assert round(got["Lead", lead], 4) == provenance.KEY_SHARE
    assert round(got["Officer", officer], 4) == 1 - provenance.KEY_SHARE


def test_credit_with_no_mass_still_has_its_columns() -> None:
    """A run whose result carries no value to follow (``explain`` of one run can be
    such) gets no credit rows, and the callers' columns are all there."""
    empty = pl.DataFrame(schema={"trace_id": pl.String, "turn": pl.Int32, "w": pl.Float64})
    run = task_run("Refund order 1042?")
    run.turn("Desk", "Done.")
    t = suspect_context(run).turns
    novel = provenance.novel_atoms(t, task_atoms(t))
    authors = pl.DataFrame(schema={"trace_id": pl.String, "turn": pl.Int32, "c_turn": pl.Int32})
    got = provenance.credit(t, empty, novel, authors)
    assert got.height == 0 and {"trace_id", "turn", "w", "hops", "own"} <= set(got.columns)


def test_answer_origin_names_a_claim_that_appears_from_nowhere() -> None:
    """A value no earlier step holds is the speaker's own."""
    run = task_run("How many rows has sales.csv?")
    run.turn("Planner", "Coder, count the rows of sales.csv.")
    coder = run.turn("Coder", "Done: sales.csv has 1200 rows.")
    (got,) = feature_rows(features.answer_origin, run)
    assert (got["agent"], got["span_id"], got["score"]) == ("Coder", coder, 1.0)


def test_failed_code_blames_its_author_not_the_executor() -> None:
    """A non-zero exit status in the executor's reply names who wrote the code."""
    run = task_run("Sum the column total of in.json.")
    coder = run.turn("Coder", "```python\nimport json\nprint(json.load(open('in.json'))['t'])\n```")
    run.turn("Terminal", "exit status 1\nKeyError: 't'")
    (got,) = feature_rows(features.failed_code_author, run)
    assert (got["agent"], got["span_id"], got["score"]) == ("Coder", coder, 1.0)
    assert "KeyError" in got["evidence"] or "exit status 1" in got["evidence"]


def test_reported_trouble_is_traced_to_the_values_it_mentions() -> None:
    """The report names 1.788; the step that introduced the value behind it is blamed,
    not the reporter."""
    run = task_run("Standard deviation of the five readings in lab_run_7.csv?")
    reader = run.turn("Reader", "Third reading from lab_run_7.csv: 14.25.")
    run.turn("Stats", "The standard deviation with 14.25 included is 1.788.")
    run.turn("Checker", "1.788 looks wrong and I cannot locate the cause.")
    got = feature_rows(features.trouble_cause, run)
    assert got[0]["agent"] in {"Reader", "Stats"}
    assert any(r["span_id"] == reader for r in got)
    assert all("Checker" not in r["agent"] for r in got)


def test_what_a_reporter_looked_up_itself_is_no_cause_of_its_trouble() -> None:
    """The checker fetched this year's rates and cannot square them with the ones the
    team used: those it fetched are its reference; the rates the officer gave are the
    cause."""
    run = task_run("Cedar Hill's May lunch reimbursement at the 2026 rates, to the cent.")
    officer = run.turn("Officer", "Rates: free 4.43, reduced 4.03, paid 0.45.")
    run.turn("Analyst", "4,270 x 4.43 + 826 x 4.03 + 2,936 x 0.45 = 23,566.08.")
    checker = run.turn("Checker", '{"name": "rates_2026.json"}')
    run.say(run.tool("read_file", parent=checker), '{"free": 4.61, "reduced": 4.21}')
    run.turn(
        "Checker",
        "The rates used (4.43 / 4.03) are not the 4.61 / 4.21 I find, and I "
        "can't reconcile them, so I am not approving 23,566.08.",
    )
    got = feature_rows(features.trouble_cause, run)
    assert (got[0]["agent"], got[0]["span_id"]) == ("Officer", officer)
    assert all(r["agent"] != "Checker" for r in got)


def test_dropped_constraint_needs_the_step_input() -> None:
    """The first step that got 'Oak' in its input and left it out is blamed; a plain
    message log (no inputs) gives nothing."""
    run = task_run("Book room 'Oak' on Friday for 45 minutes.")
    planner = run.agent("planner")
    run.say(planner, "Book room 'Oak' on Friday for 45 minutes.", direction="input")
    run.say(planner, "Book a room on Friday for 45 minutes.")
    writer = run.agent("writer")
    run.say(writer, "Book a room on Friday for 45 minutes.", direction="input")
    run.say(writer, "Booked room 'Elm', Friday 15:00-15:45.")
    (got,) = feature_rows(features.dropped_constraint, run)
    assert (got["agent"], got["span_id"]) == ("planner", planner)
    plain = task_run("Book room 'Oak' on Friday for 45 minutes.")
    plain.turn("writer", "Booked room 'Elm', Friday 15:00-15:45.")
    assert feature_rows(features.dropped_constraint, plain) == []


def test_last_step_is_position_only_and_skips_executors_and_verifiers() -> None:
    """With nothing else, the last producing step, said to be position only."""
    run = task_run("Summarise the report.")
    writer = run.turn("Writer", "Summary: all fine.")
    run.span("verify", operation="verify", agent="Checker")
    (got,) = feature_rows(features.last_step, run)
    assert (got["agent"], got["span_id"]) == ("Writer", writer)
    assert "position only" in got["evidence"]


def test_rank_combines_features_per_agent_across_role_qualifiers() -> None:
    """`Lead (thought)` and `Lead (-> Surfer)` are one agent; the margin is the raw score."""
    run = task_run("Capital of the region in region.json?")
    run.turn("Lead (thought)", "Surfer, open https://example.org/region.")
    surfer = run.turn("Surfer", "The page says the capital is Oldtown.")
    run.turn("Lead (-> Surfer)", "Final answer: Oldtown.")
    ranked = rank(suspect_context(run))
    (row,) = ranked.to_dicts()
    assert row["suspects"][0]["agent"] == "Surfer"
    assert row["suspects"][0]["span_id"] == surfer
    assert [s["agent"].split(" ")[0] for s in row["suspects"]].count("Lead") == 1
    assert row["raw"] > 0


def test_calibration_fit_is_monotone_and_never_certain() -> None:
    """Pool-adjacent-violators gives non-decreasing, smoothed shares."""
    pairs = [(0.1, False)] * 5 + [(0.5, True), (0.5, False)] * 3 + [(3.0, True)] * 6
    table = calibration.fit(pairs)
    shares = [share for _, share in table]
    assert shares == sorted(shares) and max(shares) < 1.0
    assert calibration.confidence(3.5, table) == shares[-1]
    assert calibration.confidence(None, table) == 0.0
    # a large nearly-all-right block, then a small all-right one: smoothing alone
    # would rank the small one lower (0.75 after 0.94); the map stays monotone
    tail = [(3.0, True)] * 15 + [(3.0, False)] + [(5.7, True)] * 2
    shares = [share for _, share in calibration.fit(pairs[:5] + tail)]
    assert shares == sorted(shares)


def test_every_failed_run_with_agent_spans_gets_ranked_suspects() -> None:
    """A run with no content still gets a suspect, by structure, at low confidence."""
    run = Run(1, outcome="failure")
    run.agent("planner")
    writer = run.agent("writer")
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["suspect"]) == ("writer", writer, True)
    assert got["confidence"] < calibration.LOW
    assert got["suspects"][0]["evidence"]


def test_an_executor_called_by_name_after_the_code_is_still_an_executor() -> None:
    """Code, then an orchestrator's `Terminal, run it`, then the terminal's output."""
    run = task_run("Fold change of 1.2e5 cells?")
    run.turn("Coder", CODE)
    run.turn("Lead", "Terminal, please run the code above.")
    run.turn("Terminal", "Traceback (most recent call last):\nNameError: name 'x'")
    frame = suspect_context(run).turns.filter(~pl.col("is_run"))
    by_agent = dict(zip(frame["agent"].to_list(), frame["is_exec"].to_list(), strict=True))
    assert by_agent == {"Coder": False, "Lead": False, "Terminal": True}


def test_an_executor_after_an_unnamed_run_it_is_an_executor_but_not_after_a_plan() -> None:
    """Code, then another agent's `Run it.` (no name, no value), then the output: an
    executor. The code's own author saying something without a value in between
    (a plan holding code, then a request) does not make the next speaker one."""
    run = task_run("Fold change of 1.2e5 cells?")
    run.turn("Coder", CODE)
    run.turn("Lead", "Run it.")
    run.turn("Box", "9.6")
    run.turn("Lead", "Plan:\n```\nsurfer reads the page\n```")
    run.turn("Lead", "Please read the page and report.")
    run.turn("Surfer", "The page says 9.6.")
    frame = suspect_context(run).turns.filter(~pl.col("is_run"))
    by_agent = dict(zip(frame["agent"].to_list(), frame["is_exec"].to_list(), strict=False))
    assert by_agent == {"Coder": False, "Lead": False, "Box": True, "Surfer": False}


def test_a_total_passes_its_credit_to_who_introduced_the_figures() -> None:
    """A message whose only new value adds up earlier figures computed it: the
    result's credit goes to the step that introduced the wrong figure, not to the
    one that added them up (no code, no executor span: numbers alone)."""
    run = task_run("Reimburse claim C-77 in EUR: hotel and meals, rate of the trip date.")
    run.turn("Intake", "Claim C-77: hotel 612.0 GBP, meals 214.0 GBP.")
    fx = run.turn("Fx", "Converted at 1.1672: hotel 714.33 EUR, meals 249.78 EUR.")
    adder = run.turn("Adder", "Total: 964.11 EUR.")
    run.turn("Payer", "Paid 964.11 EUR.")
    got = feature_rows(features.answer_origin, run)
    assert got[0]["span_id"] == fx
    assert adder not in [r["span_id"] for r in got if r["score"] >= 0.5]


def test_a_program_that_holds_a_value_transformed_did_not_drop_it() -> None:
    """A code step whose input has the task's 25 and whose program uses 0.75 is not
    blamed for dropping it."""
    run = task_run("1,200 units sold at 25% off the list price of 34.90. Revenue?")
    run.turn("Lead", "Coder: compute the revenue.")
    coder = run.agent("Coder")
    run.say(coder, "Compute 1,200 units at 25% off 34.90.", direction="input")
    run.say(coder, "```python\nprint(round(1200 * 34.90 * 0.75, 2))\n```")
    run.turn("Terminal", "31410.0")
    assert all(r["agent"] != "Coder" for r in feature_rows(features.dropped_constraint, run))


def _rejected_run(*, repeat: bool) -> tuple[Run, dict[str, str]]:
    """A researcher misreads a figure, a writer restates it, a checker rejects the
    writer's draft; with ``repeat`` the writer had said the same before, and been
    turned down then too."""
    run = task_run("What was Q3 revenue in sales_q3.csv?")
    steps = {"researcher": run.turn("researcher", "sales_q3.csv total: 48210.5")}
    if repeat:
        steps["first"] = run.turn("writer", "Q3 revenue was 48210.5 EUR.")
        run.say(run.verify("checker", "reject"), "Does not match the ledger.")
    steps["writer"] = run.turn("writer", "Q3 revenue was 48210.5 EUR.")
    steps["checker"] = run.verify("checker", "reject")
    run.say(steps["checker"], "Does not match the ledger.")
    return run, steps


def test_the_output_a_verifier_rejected_is_where_the_failure_showed() -> None:
    """The rule names the writer (the output the checker turned down); the writer
    only restated the researcher's figure, so the ranking names the researcher."""
    run, steps = _rejected_run(repeat=False)
    got = attribution(run)[run.trace_id]
    assert got["rule"] == "generation"
    assert (got["agent"], got["span_id"], got["suspect"]) == (
        "researcher",
        steps["researcher"],
        True,
    )


def test_a_rejected_step_that_repeats_itself_is_blamed_where_it_first_said_it() -> None:
    """Turned down and saying the same values again: the writer is no messenger; the
    mistake is the first time it said them."""
    run, steps = _rejected_run(repeat=True)
    (rep,) = feature_rows(features.repeated_output, run)
    assert (rep["agent"], rep["span_id"]) == ("writer", steps["first"])
    assert "2 times" in rep["evidence"]
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("writer", steps["first"])


def test_calibration_fit_keeps_tied_margins_in_one_block() -> None:
    """Runs with the same raw margin get one confidence: no two steps start at the
    same margin."""
    pairs = [(0.0, True)] * 4 + [(0.0, False)] * 4 + [(0.0, True)] * 3 + [(2.0, True)] * 4
    lows = [low for low, _ in calibration.fit(pairs)]
    assert len(lows) == len(set(lows))


def test_a_tool_result_that_says_it_did_not_succeed_blames_the_caller() -> None:
    """A refund tool answering ``"ok": false`` failed: the agent that called it with
    its arguments is blamed, not the tool."""
    run = task_run("Order C3 arrived broken. Please refund what I paid.")
    billing = run.agent("billing")
    call = run.tool("refund", parent=billing)
    run.say(call, '{"order_id": "C3", "amount_eur": 25.5}', direction="input")
    run.say(call, '{"ok": false, "code": "AMOUNT_EXCEEDS_PAYMENT", "paid_eur": 15.5}')
    run.turn("care", "Your refund of 15.5 EUR is on its way.")
    (got,) = feature_rows(features.failed_code_author, run)
    assert (got["agent"], got["span_id"], got["score"]) == ("billing", billing, 1.0)
    assert '"ok": false' in got["evidence"]


def test_code_relayed_to_the_executor_is_blamed_on_who_wrote_it() -> None:
    """An orchestrator passes the coder's script on (quoted in its call's JSON): the
    failure is the coder's, not the relay's."""
    run = task_run("Average the readings in log.txt.")
    coder = run.turn("Coder", "```python\nvals = [3, 4]\nprint(sum(vals) / 0)\n```")
    run.turn(
        "Orchestrator",
        '{"input": "Run it:\\n```python\\nvals = [3, 4]\\nprint(sum(vals) / 0)\\n```"}',
    )
    run.turn("Terminal", "exit code 1\nZeroDivisionError: division by zero")
    (got,) = feature_rows(features.failed_code_author, run)
    assert (got["agent"], got["span_id"]) == ("Coder", coder)


def test_an_acceptance_that_restates_the_result_is_followed_back_through_the_code() -> None:
    """The verifier's sign-off repeats the terminal's 5652: that figure is the result
    (not the last producer's dates), the code that printed it its author's work."""
    run = task_run("How many days from the library's opening to its second branch's?")
    run.turn("Researcher", "Main building opened 14 March 1911; the branch 2 September 1926.")
    coder = run.turn(
        "Coder",
        "```python\nfrom datetime import date\n"
        "print((date(1926, 9, 2) - date(1911, 3, 14)).days + 1)\n```",
    )
    run.turn("Terminal", "5652")
    checker = run.verify("Checker", "pass")
    run.say(checker, "Checked twice: 5652 days. TERMINATE")
    run.say(run.root, "Checked twice: 5652 days. TERMINATE")
    got = {
        (r["agent"], r["span_id"]): round(r["score"], 3)
        for r in feature_rows(features.answer_origin, run)
    }
    # the code's author keeps the computation's share, the dates' source the rest
    assert got[("Coder", coder)] == provenance.CODE_KEEP
    assert sum(got.values()) == 1.0 and "Checker" not in {a for a, _ in got}


def test_a_rule_that_named_the_executor_leaves_the_agent_to_the_ranking() -> None:
    """A detector that named the terminal named who ran the code, not who wrote it:
    the run is one where the ranking's author names the agent."""
    run = task_run("Average the readings in log.txt.")
    run.turn("Coder", "```python\nvals = [3, 4]\nprint(sum(vals) / 0)\n```")
    terminal = run.turn("Terminal", "exit code 1\nZeroDivisionError: division by zero")
    ctx = suspect_context(run)
    named = pl.DataFrame(
        {
            "trace_id": [run.trace_id],
            "agent": ["Terminal"],
            "span_id": [terminal],
            "rule": ["content_signal"],
            "detector": ["code_failure"],
        }
    )
    reporters = features.rule_named_reporters(Context(ctx.turns, named, ctx.handoffs))
    assert reporters["trace_id"].to_list() == [run.trace_id]


def test_a_failed_tool_call_running_relayed_code_blames_who_wrote_it() -> None:
    """The terminal's own tool call ran the coder's script: the call's failure is the
    script's, so its author is blamed, not the terminal that made the call."""
    run = task_run("Average the readings in log.txt.")
    coder = run.turn("Coder", "```python\nvals = [3, 4]\nprint(sum(vals) / 0)\n```")
    terminal = run.agent("Terminal", actor="code")
    call = run.tool("run_python", parent=terminal)
    run.say(call, '{"code": "vals = [3, 4]\\nprint(sum(vals) / 0)\\n"}', direction="input")
    run.say(call, "exit code 1\nZeroDivisionError: division by zero")
    got = feature_rows(features.failed_code_author, run)
    assert {(r["agent"], r["span_id"]) for r in got} == {("Coder", coder)}


def test_a_message_that_is_a_failed_call_reply_blames_its_agent() -> None:
    """In a plain message log a call's reply sits under its caller's name: an error
    object there is that agent's failed call, which the next agent ignored."""
    run = task_run("Refund order C3307 in full.")
    run.turn("orders", '{"ok": true, "order_id": "C3307", "paid_eur": 15.5}')
    billing = run.turn("billing", '{"ok": false, "code": "AMOUNT_EXCEEDS_PAYMENT"}')
    run.turn("customer_care", "Hi! Order C3307: 15.5 EUR refunded.")
    got = feature_rows(features.failed_code_author, run)
    assert [(r["agent"], r["span_id"], r["score"]) for r in got] == [("billing", billing, 1.0)]


def test_a_step_reporting_a_program_run_is_a_runner_and_later_prose_no_recovery() -> None:
    """A graph node that posts the run's result (an exit status in a JSON state) ran
    the coder's script: a rule that named it leaves the agent to the ranking, and the
    writer's later JSON message is no clean rerun."""
    run = task_run("Average repair time of the 2024 cast-iron breaks, in hours?")
    coder = run.turn("coder", "```python\nhours = [7.5, 9.0]\nprint(statistics.mean(hours))\n```")
    runner = run.turn(
        "runner",
        '{"messages": [{"content": "exitcode: 1\\nNameError: name \'statistics\'"}]}',
        actor="code",
    )
    run.turn("writer", '{"messages": [{"content": "Average repair time: 8.25 hours."}]}')
    ctx = suspect_context(run)
    got = features.failed_code_author(ctx)
    assert got.select("agent", "span_id", "score").rows() == [("coder", coder, 1.0)]
    named = pl.DataFrame(
        {
            "trace_id": [run.trace_id],
            "agent": ["runner"],
            "span_id": [runner],
            "rule": ["content_signal"],
            "detector": ["crash_in_turn"],
        }
    )
    reporters = features.rule_named_reporters(Context(ctx.turns, named, ctx.handoffs))
    assert reporters["trace_id"].to_list() == [run.trace_id]


def test_a_code_actor_after_an_instruction_is_still_an_executor() -> None:
    """An orchestrator's "Run it." between the code and the terminal's reply: a code
    actor that never writes code is the executor all the same, so the coder's
    program, not the orchestrator's instruction, is where its output came from."""
    run = task_run("How many planets in nearby_planets.csv have a period under 10 days?")
    run.turn("Orchestrator", "Count the planets with a period under 10 days.")
    coder = run.turn(
        "Coder", "```python\nshort = [p for p in periods if p <= 10]\nprint(len(short))\n```"
    )
    run.turn("Orchestrator", "Run it.")
    run.turn("Terminal", "8 of 12", actor="code")
    run.say(run.root, "8 of the 12 planets.")
    frame = suspect_context(run).turns.filter(pl.col("agent") == "Terminal")
    assert frame["is_exec"].to_list() == [True]
    got = feature_rows(features.answer_origin, run)
    assert (got[0]["agent"], got[0]["span_id"]) == ("Coder", coder)
