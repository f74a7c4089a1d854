"""Each built-in detector alone, on tiny built runs with content."""

from __future__ import annotations

import json

from analyzer_builders import Run, signal_rows

from analyzer.detectors import builtin

CODE = "Run this:\n```python\nimport pandas as pd\nprint(pd.read_csv('x.csv'))\n```"
FAILED = (
    "exitcode: 1 (execution failed)\nCode output: Traceback (most recent call last):\n"
    '  File "x.py", line 2\nFileNotFoundError: x.csv'
)


def _ledger(progress: bool, loop: bool, why: str) -> str:
    return "Updated Ledger:\n" + json.dumps(
        {
            "is_request_satisfied": {"reason": "not yet", "answer": False},
            "is_in_loop": {"reason": why, "answer": loop},
            "is_progress_being_made": {"reason": why, "answer": progress},
            "next_speaker": {"reason": "go on", "answer": "WebSurfer"},
        },
        indent=2,
    )


def test_failed_code_run_blames_the_agent_that_wrote_the_code() -> None:
    """An executor's non-zero exit names the earlier turn that holds the code."""
    run = Run(1, outcome="failure")
    run.turn("Planner", "Plan: load the file and count rows, then report the number.")
    coder = run.turn("Coder", CODE)
    terminal = run.turn("Terminal", FAILED)
    run.turn("Coder", "The answer is 42.")
    (got,) = signal_rows(builtin.code_failure, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("Coder", coder, terminal)
    assert (got["detector"], got["stage"]) == ("code_failure", "generation")
    assert got["quote"] == "exitcode: 1 (execution failed) … FileNotFoundError: x.csv"


def test_failed_code_relayed_in_a_brief_blames_who_wrote_it() -> None:
    """A lead quotes the coder's cell in its brief to the executor (JSON-escaped, as a
    delegation tool sends it): the coder wrote the code, the lead only relayed it."""
    run = Run(1, outcome="failure")
    coder = run.turn("Coder", CODE)
    run.turn("Lead", json.dumps({"context": CODE, "task": "Run the coder's cell."}))
    terminal = run.turn("Terminal", FAILED)
    (got,) = signal_rows(builtin.code_failure, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("Coder", coder, terminal)


def test_changed_code_in_a_later_message_is_its_writer_s() -> None:
    """A lead that sends a program of its own (not the coder's, changed) wrote it."""
    run = Run(1, outcome="failure")
    run.turn("Coder", CODE)
    lead = run.turn("Lead", json.dumps({"context": CODE.replace("x.csv", "y.csv")}))
    run.turn("Terminal", FAILED)
    (got,) = signal_rows(builtin.code_failure, run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("Lead", lead)


def test_failed_tool_output_blames_the_calling_agent() -> None:
    """An HTTP error in a tool's output names the agent the tool ran under."""
    run = Run(1, outcome="failure")
    researcher = run.agent("researcher")
    tool = run.tool("fetch", parent=researcher)
    run.say(tool, '{"status": 404, "body": "HTTP 404 Not Found"}')
    (got,) = signal_rows(builtin.code_failure, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == (
        "researcher",
        researcher,
        tool,
    )
    assert "404" in got["quote"]


def test_successful_runs_and_quoted_tracebacks_are_not_code_failures() -> None:
    """exitcode 0 is success; a traceback inside an agent's own message is not a tool's output."""
    run = Run(1, outcome="failure")
    run.turn("Coder", CODE)
    run.turn("Terminal", "exitcode: 0 (execution succeeded)\nCode output: 4")
    run.turn("WebSurfer", "I clicked it.\nTraceback (most recent call last):\nValueError: x")
    assert signal_rows(builtin.code_failure, run) == {}


def test_a_failure_the_team_recovered_from_is_not_the_mistake() -> None:
    """The same executor ran the fixed code clean later: the first failure is not blamed;
    a later reply that ran no code is no recovery."""
    run = Run(1, outcome="failure")
    run.turn("Coder", CODE)
    run.turn("Terminal", FAILED)
    run.turn("Coder", CODE.replace("x.csv", "data.csv"))
    run.turn("Terminal", "exitcode: 0 (execution succeeded)\nCode output: 12")
    run.turn("Orchestrator", "The answer is 42.")
    assert signal_rows(builtin.code_failure, run) == {}
    again = Run(2, outcome="failure")
    coder = again.turn("Coder", CODE)
    again.turn("Terminal", FAILED)
    again.turn("Coder", "The file is missing, so the answer is 42.")
    again.turn("Terminal", "There is no code from the last 1 message for me to execute.")
    (got,) = signal_rows(builtin.code_failure, again)[again.trace_id]
    assert (got["agent"], got["span_id"]) == ("Coder", coder)


def test_repetition_blames_the_first_occurrence() -> None:
    """The same long message again (case and spacing aside): root is the first one."""
    run = Run(1, outcome="failure")
    ask = "Please search for martial arts schools near the stock exchange and list them."
    first = run.turn("Orchestrator", ask)
    run.turn("WebSurfer", "I typed the query into the search box and here is the page.")
    again = run.turn("Orchestrator", ask.upper().replace(" ", "  "))
    (got,) = signal_rows(builtin.repetition, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("Orchestrator", first, again)


def test_repetition_across_line_breaks_and_tabs_but_not_moved_blanks() -> None:
    """Tabs and line breaks count as spaces; the same letters with blanks elsewhere
    are another message (removing every blank is only a first, cheap pass)."""
    run = Run(1, outcome="failure")
    ask = "Please search for martial arts schools near the stock exchange and list them."
    first = run.turn("Orchestrator", ask)
    run.turn("WebSurfer", "I typed the query into the search box and here is the page.")
    again = run.turn("Orchestrator", ask.replace(" ", "\n\t", 3))
    (got,) = signal_rows(builtin.repetition, run)[run.trace_id]
    assert (got["span_id"], got["symptom_span_id"]) == (first, again)
    moved = Run(2, outcome="failure")
    moved.turn("Orchestrator", ask)
    moved.turn("WebSurfer", "I typed the query into the search box and here is the page.")
    moved.turn("Orchestrator", ask.replace("martial arts", "martialarts").replace("list", "li st"))
    assert signal_rows(builtin.repetition, moved) == {}


def test_a_message_echoed_right_after_itself_is_no_repetition() -> None:
    """The same agent's reply logged twice in a row (once as its tool's reply, once as
    its own) is an echo; said again after someone else spoke, it is a repeat."""
    page = "Address: https://data.example.org/sales-2023\nQuarterly unit sales: Q1 120, Q2 135."
    run = Run(1, outcome="failure")
    run.turn("Orchestrator", "Plan: web_surfer opens the sales page, coder averages it.")
    run.turn("web_surfer", page)
    run.turn("web_surfer", page)
    run.turn("Orchestrator", "The figures are there, so the task is done. TERMINATE")
    assert signal_rows(builtin.repetition, run) == {}
    looped = Run(2, outcome="failure")
    first = looped.turn("web_surfer", page)
    looped.turn("Orchestrator", "Open the page again, please.")
    again = looped.turn("web_surfer", page)
    (got,) = signal_rows(builtin.repetition, looped)[looped.trace_id]
    assert (got["span_id"], got["symptom_span_id"]) == (first, again)


def test_the_reply_a_handoff_brought_back_is_no_repeat_of_its_source() -> None:
    """A leader's delegation records the member's reply as its output (Agno's
    ``delegate_task_to_member`` under OpenLLMetry); the leader then gives that reply as
    the answer. The reply is the member's word: the leader did not repeat itself."""
    answer = "Ashby Bridge sent 41.62 tonnes of cardboard to its buyers in October 2026."
    run = Run(1, outcome="failure")
    lead = run.agent("depot_lead", duration_ms=500.0)  # holds its members' turns
    run.say(run.handoff("depot_lead", "py_analyst", parent=lead), "41.62 tonnes, 6 loads.")
    run.turn("py_analyst", "41.62 tonnes, 6 loads.", parent=lead)
    run.say(run.handoff("depot_lead", "bulletin_writer", parent=lead), answer)
    run.turn("bulletin_writer", answer, parent=lead)
    run.say(lead, answer)
    assert signal_rows(builtin.repetition, run) == {}


def test_short_acknowledgements_are_not_repetition() -> None:
    """TERMINATE twice is an acknowledgement, not a loop."""
    run = Run(1, outcome="failure")
    run.turn("Expert", "TERMINATE")
    run.turn("Expert", "TERMINATE")
    assert signal_rows(builtin.repetition, run) == {}


def test_team_reported_trouble_blames_the_step_it_reacts_to() -> None:
    """Saying in plain words that no progress is made names the last other agent's step."""
    run = Run(1, outcome="failure")
    run.turn("Orchestrator", _ledger(True, False, "We are just starting."))
    surfer = run.turn("WebSurfer", "I clicked 'Details'. Here is a screenshot of an advert.")
    ledger = run.turn("Orchestrator", "We are stuck, clicking unrelated links. Try the search.")
    (got,) = signal_rows(builtin.self_reported, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("WebSurfer", surfer, ledger)
    assert got["quote"] == "We are stuck, clicking unrelated links"


def test_framework_ledger_keys_and_executor_phrases_are_not_signals() -> None:
    """A ledger's `is_progress_being_made: false` or `is_request_satisfied: true` keys,
    and an executor's fixed sentences, are one framework's wording: no signal."""
    run = Run(1, outcome="failure")
    run.turn("WebSurfer", "I clicked 'Details'. Here is a screenshot of an advert.")
    run.turn("Orchestrator", _ledger(False, True, "Clicking unrelated links."))
    run.turn(
        "Orchestrator",
        json.dumps({"is_request_satisfied": {"reason": "Surfer found it.", "answer": True}}),
    )
    assert signal_rows(builtin.self_reported, run) == {}
    assert signal_rows(builtin.accepted_result, run) == {}


def test_an_agent_that_could_not_do_its_step_blames_the_step_it_reacts_to() -> None:
    """A first-person failure is the symptom; the instruction it got is the cause."""
    run = Run(1, outcome="failure")
    orch = run.turn("Orchestrator", "Find the 2019 annual report in the shared folder, please.")
    surfer = run.turn("FileSurfer", "I could not find the annual report in the folder.")
    (got,) = signal_rows(builtin.self_reported, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("Orchestrator", orch, surfer)
    assert got["quote"].startswith("I could not find the annual report")


def test_a_first_turn_that_could_not_do_its_step_blames_itself() -> None:
    """Nothing came before it: the speaker is the cause."""
    run = Run(1, outcome="failure")
    surfer = run.turn("FileSurfer", "I was unable to open the file you named.")
    (got,) = signal_rows(builtin.self_reported, run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("FileSurfer", surfer)


def test_progress_ledgers_alone_are_not_trouble() -> None:
    """A ledger reporting progress says nothing is wrong."""
    run = Run(1, outcome="failure")
    run.turn("WebSurfer", "I typed the query and here is the result page.")
    run.turn("Orchestrator", _ledger(True, False, "Making progress."))
    assert signal_rows(builtin.self_reported, run) == {}


def test_made_up_values_consumed_later_blame_their_author() -> None:
    """Simulated data handed on: the agent that made it up is blamed."""
    run = Run(1, outcome="failure")
    analyst = run.turn("Analyst", "Since the API is down, here are simulated results: 12, 15.")
    writer = run.turn("Writer", "The totals are 12 and 15, as the analyst found.")
    (got,) = signal_rows(builtin.made_up_data, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("Analyst", analyst, writer)
    assert "simulated results" in got["quote"]


def test_made_up_values_nobody_consumed_are_not_signalled() -> None:
    """No later agent went on with them: nothing to attribute."""
    run = Run(1, outcome="failure")
    run.turn("Analyst", "Here is some example data to show the format: a, b.")
    assert signal_rows(builtin.made_up_data, run) == {}


def test_constraints_of_the_input_that_no_agent_carries_are_a_lost_handoff() -> None:
    """The run's input names places and dates no message ever mentions."""
    run = Run(1, outcome="failure")
    task = (
        "Which secretaries of Homeland Security served before April 2019? Give the "
        '"westernmost city" first.'
    )
    run.say(run.root, task, direction="input")
    first = run.turn("Debugger", "exitcode debugging plan: review the code and fix it.")
    run.turn("Verifier", "The code works now. TERMINATE")
    (got,) = signal_rows(builtin.lost_constraint, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["stage"]) == ("Debugger", first, "handoff")
    assert got["quote"].startswith("input says ")
    assert "Homeland Security" in got["quote"]


def test_constraints_carried_by_the_agents_are_not_lost() -> None:
    """An agent restating the task keeps its constraints."""
    run = Run(1, outcome="failure")
    task = "Which secretaries of Homeland Security served before April 2019?"
    run.say(run.root, task, direction="input")
    run.turn("Historian", "Secretaries of Homeland Security before April 2019: five of them.")
    assert signal_rows(builtin.lost_constraint, run) == {}


def test_a_traceback_in_an_agents_message_blames_that_turn() -> None:
    """The run crashed on the turn whose message ends in an unhandled traceback."""
    run = Run(1, outcome="failure")
    run.turn("Orchestrator", "Please open the page of the museum and read the opening hours.")
    surfer = run.turn(
        "WebSurfer",
        "I clicked 'Hours'.\nError processing publish message\nTraceback (most recent call "
        'last):\n  File "runtime.py", line 4\nopenai.BadRequestError: Error code: 400',
    )
    (got,) = signal_rows(builtin.crash_in_turn, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("WebSurfer", surfer, surfer)
    assert got["quote"] == "openai.BadRequestError: Error code: 400"


def test_an_accepted_result_blames_its_producer() -> None:
    """Declaring the request satisfied names the step it accepted."""
    run = Run(1, outcome="failure")
    run.say(run.root, "How many stops are between A and B?", direction="input")
    run.turn("human", "How many stops are between A and B?\n")
    run.turn("Orchestrator", "Please count the stops, Assistant.")
    assistant = run.turn("Assistant", "There are 12 stops between A and B.")
    ledger = run.turn("Orchestrator", "The request is satisfied: Assistant counted 12.")
    (got,) = signal_rows(builtin.accepted_result, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == (
        "Assistant",
        assistant,
        ledger,
    )
    assert got["quote"] == "The request is satisfied: Assistant counted 12"


def test_an_acceptance_with_no_other_producer_blames_the_acceptor() -> None:
    """Only the task was restated before: the agent that accepted its own result is named."""
    run = Run(1, outcome="failure")
    run.say(run.root, "Translate 'I like apples'.", direction="input")
    run.turn("human", "Translate 'I like apples'. Use the rules below.")
    orch = run.turn("Orchestrator", "I have verified the translation: Maktay Zapple Mato.")
    (got,) = signal_rows(builtin.accepted_result, run)[run.trace_id]
    assert (got["agent"], got["span_id"]) == ("Orchestrator", orch)


def test_an_agent_passing_on_a_failed_calls_reply_is_blamed() -> None:
    """A message that opens with an HTTP error names its author, the next turn the symptom."""
    run = Run(1, outcome="failure")
    run.turn("orchestrator", "web_surfer, open https://data.example.org/sales-2023 please.")
    surfer = run.turn("web_surfer", "HTTP 404 Not Found: https://data.exmaple.org/sales-2023")
    after = run.turn("orchestrator", "From general knowledge the average is about 50.")
    (got,) = signal_rows(builtin.code_failure, run)[run.trace_id]
    assert (got["agent"], got["span_id"], got["symptom_span_id"]) == ("web_surfer", surfer, after)
    assert got["quote"] == "HTTP 404 Not Found: https://data.exmaple.org/sales-2023"


def test_an_error_mentioned_deep_in_a_page_is_not_a_failed_call() -> None:
    """Only the opening of a message counts: a page that mentions a 404 is not one."""
    run = Run(1, outcome="failure")
    run.turn("web_surfer", "I clicked 'Help'. " + "The page text. " * 30 + "HTTP 404 Not Found")
    assert signal_rows(builtin.code_failure, run) == {}


def test_a_failed_call_the_agent_retried_cleanly_is_not_blamed() -> None:
    """An agent's message opening with a 404 it got back is a code failure unless the
    same agent's later call came back clean."""
    run = Run(1, outcome="failure")
    surfer = run.turn("WebSurfer", "HTTP 404 Not Found: https://data.exmaple.org/sales")
    run.turn("Orchestrator", "That address does not exist; open https://data.example.org/sales.")
    run.turn("WebSurfer", "Address: https://data.example.org/sales\nQ1 120, Q2 135.")
    run.turn("Orchestrator", "The average is 50.")
    assert signal_rows(builtin.code_failure, run) == {}
    once = Run(2, outcome="failure")
    surfer = once.turn("WebSurfer", "HTTP 404 Not Found: https://data.exmaple.org/sales")
    once.turn("Orchestrator", "The average is 50.")
    (got,) = signal_rows(builtin.code_failure, once)[once.trace_id]
    assert (got["agent"], got["span_id"]) == ("WebSurfer", surfer)


def test_a_tool_call_retried_clean_is_no_code_failure() -> None:
    """A 404 from a tool, then the same tool answering 200: the agent recovered."""
    run = Run(1, outcome="failure")
    orders = run.agent("orders")
    first = run.tool("lookup_order", parent=orders)
    run.say(first, '{"status": 404, "error": "order a1 not found"}')
    again = run.tool("lookup_order", parent=orders)
    run.say(again, '{"status": 200, "order": "A1", "total": 40.0}')
    assert signal_rows(builtin.code_failure, run) == {}
