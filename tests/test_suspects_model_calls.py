"""An agent whose words are on its model calls: instrumentations of the GenAI
conventions (Pydantic AI's, say) record an ``invoke_agent`` span that holds no
message and, under it, one ``chat`` span per step holding what the agent said (its
text and the tool calls it made). Each such call is the agent's step; its tool
calls belong to the call that made them."""

from __future__ import annotations

import json

from analyzer_builders import (
    Run,
    attribution,
    feature_rows,
    prepared,
    signal_rows,
    suspect_context,
)

from analyzer import queries
from analyzer.detectors import builtin
from analyzer.suspects import features
from tracer import semconv


def chat(run: Run, agent_span: str, text: str) -> str:
    """A model call under ``agent_span`` whose output is ``text`` (no coordgap
    operation, a model actor: what the GenAI conventions' ``chat`` span maps to)."""
    span = run.span("chat scripted", parent=agent_span, actor="model", stage=None)
    run.say(span, text)
    return span


def meals_run() -> tuple[Run, dict[str, str]]:
    """A coordinator briefs an analyst, whose code's printed share is delivered as it
    is; the run is graded wrong. The analyst's first call wrote the code."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "What share of South zone lunches were free in Q2?", direction="input")
    lead = run.agent("coordinator")
    ids = {"brief": chat(run, lead, '{"brief": "Free lunches over all lunches, HV-04 to HV-06."}')}
    analyst = run.agent("analyst", parent=lead)
    ids["code"] = chat(
        run,
        analyst,
        "Counting reduced-price lunches with the free ones. "
        '{"code": "print(round(100 * (free + reduced) / total, 1))"}',
    )
    ids["tool"] = run.tool("run_python", parent=analyst)
    run.say(ids["tool"], "exit code 0\n57.7")
    ids["report"] = chat(run, analyst, "The share is 57.7%.")
    ids["answer"] = chat(run, lead, "57.7% of South zone lunches in Q2 were free.")
    ids["lead"], ids["analyst"] = lead, analyst
    return run, ids


def test_each_model_call_holding_the_words_is_the_agents_step() -> None:
    run, ids = meals_run()
    turns = suspect_context(run).turns
    steps = {r["span_id"]: r for r in turns.to_dicts()}
    for key in ("brief", "code", "report", "answer"):
        row = steps[ids[key]]
        assert row["owner_span_id"] == ids[key]  # its own step, not the agent span's
        assert row["output"]
    assert steps[ids["code"]]["agent"] == steps[ids["report"]]["agent"] == "analyst"
    assert steps[ids["answer"]]["agent"] == "coordinator"
    # the tool call belongs to the model call that made it
    assert steps[ids["tool"]]["owner_span_id"] == ids["code"]
    # the code it was given is code, though it sits in a JSON string
    assert steps[ids["code"]]["has_code"] and not steps[ids["report"]]["has_code"]


def test_the_value_delivered_is_traced_to_the_call_that_wrote_the_code() -> None:
    run, ids = meals_run()
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("analyst", ids["code"])


def test_an_agent_that_speaks_itself_too_says_it_after_its_model_calls() -> None:
    """Where the agent's own span holds a message as well (its final answer, as
    OpenInference's smolagents instrumentor records), its model calls are still its
    steps, and its own message comes after them: the last word, not the first."""
    run = Run(1, outcome="failure")
    writer = run.agent("writer", duration_ms=50)
    run.say(writer, "The total is 42.")
    inner = chat(run, writer, "Adding 40 and 2: the total is 42.")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    assert turns[inner]["owner_span_id"] == inner
    assert turns[inner]["agent"] == "writer"
    assert turns[writer]["turn"] > turns[inner]["turn"]


def test_the_words_on_model_calls_carry_the_task_on() -> None:
    """The task's years said on the agents' model calls are carried on: no
    constraint of the input was lost (the calls' words were read as no one's)."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(
        run.root, "Change in East zone breakfasts, April 2025 to April 2026?", direction="input"
    )
    lead = run.agent("coordinator")
    chat(run, lead, '{"brief": "East zone breakfasts in April 2025."}')
    clerk = run.agent("records_clerk", parent=lead)
    chat(run, clerk, "April 2025 East zone breakfasts: 5,650, from last spring's return.")
    run.say(run.tool("read_file", parent=clerk), "month,zone,breakfasts")
    chat(run, lead, "East zone breakfasts were up 14.4% from April 2025 to April 2026.")
    got = attribution(run)[run.trace_id]
    assert got["detector"] != "lost_constraint"


def test_a_step_span_around_a_model_call_is_what_that_call_did() -> None:
    """A span between an agent and its model call that records output of its own
    (smolagents' ``Step`` span: the call wrote code, the step ran it and recorded what
    it printed) is a tool's turn of that call, after it, given what the call wrote; the
    value it printed and the agent delivered is traced to the call that wrote the code."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "What share of South zone lunches were free in Q2?", direction="input")
    lead = run.agent("manager", duration_ms=200)
    analyst = run.agent("analyst", parent=lead, duration_ms=100)
    step = run.span("Step 1", parent=analyst, stage=None, duration_ms=12)
    code = chat(run, step, "Thought: share.\n<code>\nprint(round(100 * (f + r) / t, 1))\n")
    run.say(step, "Execution logs:\n57.7")
    answer = chat(run, lead, "57.7% of South zone lunches in Q2 were free.")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    assert turns[code]["owner_span_id"] == code
    assert turns[step]["is_tool"] and turns[step]["owner_span_id"] == code
    assert turns[step]["input"] == turns[code]["output"]  # it ran what the call wrote
    assert turns[code]["turn"] < turns[step]["turn"] < turns[answer]["turn"]
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("analyst", code)


def test_a_step_span_that_raised_names_the_call_whose_code_it_ran() -> None:
    """A model call's step span that raised and recorded no output (smolagents: the
    code the call wrote failed in its executor) says the error it raised, and the
    failure is the call's, not the step span's."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "What share of South zone lunches were free in Q2?", direction="input")
    analyst = run.agent("analyst", duration_ms=100)
    failing = "Code execution failed at line 'total = sum(r['amount'])': KeyError: 'amount'"
    raised = {"name": "exception", "attributes": {semconv.EXCEPTION_MESSAGE: failing}}
    step = run.span(
        "Step 1",
        parent=analyst,
        stage=None,
        duration_ms=12,
        error="AgentExecutionError",
        events=json.dumps([raised]),
    )
    code = chat(run, step, "Thought: sum.\n<code>\ntotal = sum(r['amount'] for r in rows)\n")
    chat(run, analyst, "The share is 57.7%.")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    assert turns[step]["owner_span_id"] == code
    assert "KeyError" in turns[step]["output"]
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("analyst", code)


def test_an_agent_called_from_a_managers_code_is_no_executor() -> None:
    """A manager whose code calls its team as functions (smolagents' managed agents):
    every member speaks right after code, but one whose words are its model calls
    runs no one's code; the figure it wrote is its own, not the manager's."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "How much match funding must 2026 grantees raise?", direction="input")
    lead = run.agent("manager", duration_ms=300)
    chat(run, lead, "Thought: writer.\n<code>\nnote = report_writer(task='53,750')\n")
    writer = run.agent("report_writer", parent=lead, duration_ms=30)
    wrote = chat(run, writer, "Grantees must raise 57,350 in match funding.")
    chat(run, lead, "Thought: done.\n<code>\nfinal_answer('Grantees must raise 57,350.')\n")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    assert not turns[wrote]["is_exec"] and turns[wrote]["is_call"]
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("report_writer", wrote)


def test_a_tool_run_as_a_sibling_step_is_the_latest_callers() -> None:
    """A workflow engine that runs an agent's step and its tool calls as sibling steps
    (LlamaIndex's AgentWorkflow) puts no agent above the tool: it is the call of the
    agent whose model spoke last before it. A model class's helper under the agent,
    whose output is the prompt it built (history, tracebacks and all), says nothing."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "Days of cover for ceftriaxone?", direction="input")
    coder = run.agent("coder")
    code = chat(run, coder, 'run_python({"code": "print(usable / net)"})')
    step = run.span("call_tool", stage=None)
    tool = run.tool("run_python", parent=step)
    run.say(tool, "Traceback (most recent call last):\nKeyError: 'qty'")
    again = run.agent("coder")
    helper = run.span("prepare_chat", parent=again, stage=None)
    run.say(helper, "history: ... KeyError: 'qty' ...")
    chat(run, again, "Cover works out at about 21.0 days.")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    assert (turns[tool]["agent"], turns[tool]["owner_span_id"]) == ("coder", code)
    failure = attribution(run)[run.trace_id]
    assert (failure["agent"], failure["span_id"]) == ("coder", code)
    con = prepared(run)
    con.execute(queries.sql("detector_messages"), builtin.params("detector_messages"))
    read = {s for (s,) in con.execute("SELECT span_id FROM cg_msg").fetchall()}
    assert tool in read and helper not in read


def test_a_delegation_call_says_its_brief_and_the_reply_is_the_members() -> None:
    """A leader's delegation call that brings its member's reply back (Agno's
    ``delegate_task_to_member``, a handoff whose output is the reply) says what it
    handed the member; the reply's figure is the member's word, said where the member
    said it, not the leader's at the call's start."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "How much is Fenwick Farm owed for September?", direction="input")
    lead = run.agent("lead", duration_ms=300)
    chat(run, lead, 'delegate({"member_id": "clerk", "task": "Find Fenwick\'s dockets."})')
    call = run.handoff("lead", "clerk", parent=lead, duration_ms=40)
    run.say(call, '{"member_id": "clerk", "task": "Find Fenwick\'s dockets."}', direction="input")
    run.say(call, "One docket, D0802: 640 kg.")
    clerk = run.agent("clerk", parent=lead, duration_ms=30)
    wrote = chat(run, clerk, "One docket, D0802: 640 kg.")
    chat(run, lead, "Fenwick Farm delivered 640 kg (D0802).")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    assert "Find Fenwick" in turns[call]["output"] and "640" not in turns[call]["output"]
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("clerk", wrote)


def test_a_tool_node_that_failed_names_the_call_that_asked_for_it() -> None:
    """A graph node that runs tools and calls no model (LangGraph's ToolNode, an agent
    span whose actor is a tool) is no agent of its own: its turn and the tools under
    it are the calls of the model call that asked for them. A read of a file that is
    not there failed, in the system's own words."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "How many 2026 priority-1 work orders were late?", direction="input")
    analyst = run.agent("records_analyst", duration_ms=20)
    asked = chat(run, analyst, 'read_file({"name": "work_orders_26.csv"})')
    node = run.agent("records_analyst_tools", actor="tool", duration_ms=20)
    tool = run.tool("read_file", parent=node)
    missing = "no such file: work_orders_26.csv. Files: work_orders_2026.csv"
    run.say(node, missing)
    run.say(tool, missing)
    again = run.agent("records_analyst", duration_ms=20)
    chat(run, again, "Nothing comes back for 2026, so none can be late.")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    for span in (node, tool):
        assert (turns[span]["agent"], turns[span]["owner_span_id"]) == ("records_analyst", asked)
        assert turns[span]["fails"]
    got = attribution(run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("records_analyst", asked)


def test_an_agent_span_recording_its_calls_history_is_no_crash_of_its_own() -> None:
    """A framework's record of an agent's turn on the agent's span (CrewAI's task output:
    the whole conversation, a failed run's traceback among the tool results) is no
    message of the agent's where its words are its model calls; a crash is read on
    the calls and tools. An agent whose own message ends in a traceback still is one."""
    crash = "Traceback (most recent call last):\nTypeError: unsupported operand"
    run = Run(1, outcome="failure")
    analyst = run.agent("analyst", duration_ms=50)
    chat(run, analyst, "Action: run_python")
    chat(run, analyst, "Final Answer: 27 tickets.")
    run.say(analyst, json.dumps({"raw": "27 tickets.", "messages": [{"content": crash}]}))
    plain = Run(2, outcome="failure")
    plain.turn("writer", f"Writing it up.\n{crash}")
    got = signal_rows(builtin.crash_in_turn, run, plain)
    assert run.trace_id not in got
    assert [r["agent"] for r in got[plain.trace_id]] == ["writer"]


def test_another_agents_clean_tool_answer_does_not_mend_a_failed_run() -> None:
    """A coder's program failed; later the checker reads a file and gets a clean
    answer. That mends nothing: the failure stands unrecovered (score 1), unlike a
    later clean run of the coder's own."""

    def failed_run(n: int, *, fixed: bool) -> Run:
        run = Run(n, outcome="failure", outcome_reason="graded wrong")
        coder = run.agent("coder", duration_ms=60)
        chat(run, coder, "run_python(print(sum(rows)))")
        run.say(run.tool("run_python", parent=coder), "exit code 1\nTypeError: bad operand")
        if fixed:
            chat(run, coder, "run_python(print(27))")
            run.say(run.tool("run_python", parent=coder), "exit code 0\n27")
        chat(run, coder, "27 tickets.")
        checker = run.agent("checker", duration_ms=30)
        chat(run, checker, 'read_file({"name": "sales.csv"})')
        run.say(run.tool("read_file", parent=checker), "order,seats\nS1,11")
        chat(run, checker, "27 stands.")
        return run

    unmended, mended = failed_run(1, fixed=False), failed_run(2, fixed=True)
    rows = feature_rows(features.failed_code_author, unmended, mended)
    scores = {
        r["trace_id"]: max(x["score"] for x in rows if x["trace_id"] == r["trace_id"]) for r in rows
    }
    assert scores == {unmended.trace_id: 1.0, mended.trace_id: 0.3}


def test_a_model_call_deep_under_its_agent_span_is_the_agents_step() -> None:
    """LangChain nests a LangGraph agent's model call under runnables of no operation
    (the react loop's node, ``call_model``, a ``RunnableSequence``): the call still
    speaks for the agent span above them, and the tool it asked for is its own."""
    run = Run(1, outcome="failure", outcome_reason="graded wrong")
    run.say(run.root, "What share of March loads were rejected?", direction="input")
    clerk = run.agent("records_clerk")
    loop = run.span("execute_task agent", parent=clerk, stage=None)
    step = run.span("execute_task call_model", parent=loop, stage=None)
    seq = run.span("execute_task RunnableSequence", parent=step, stage=None)
    call = run.span("DeskChatModel.chat", parent=seq, actor="model", stage=None)
    run.say(call, '{"name": "collections_2026_04.csv"}')
    tool = run.tool("read_file", parent=clerk)
    run.say(tool, "M001,2026-04-02,F01,8530,accepted")
    turns = {r["span_id"]: r for r in suspect_context(run).turns.to_dicts()}
    assert turns[call]["agent"] == "records_clerk"
    assert turns[call]["owner_span_id"] == call
    assert turns[tool]["owner_span_id"] == call
