"""A bakery's back office as OpenAI Agents SDK agents: a lead calling colleagues as tools,
then handing the floor on.

``head_baker`` plans each question and briefs the ``ledger_clerk`` and the
``costing_coder`` through tools that run them (``Agent.as_tool``: ``ask_ledger_clerk``,
``ask_costing_coder``, each a nested run of that agent whose last text comes back as the
tool's result); when the figure is in, it hands the floor to the ``checker`` with the SDK's
own handoff (``transfer_to_checker``). The checker re-reads a file or reruns a sum if it
wants, then hands to the ``newsletter_writer`` (whose reply is the run's final answer) or
back to the head baker; the writer may hand a draft back to the checker. The clerk and the
checker read the bakery's files through a real ``read_file`` tool; the coder and the
checker run Python through ``run_python``, a real subprocess with no stdin in a scratch
copy of ``_bakery_data/``.

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is
a :class:`~benchmarks.corpus._agents_script.ScriptedResponses` answering with the
run's next scripted response (a turn is one model response). No network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agents import Agent, RunConfig, Runner, function_tool

from benchmarks.corpus._agents_script import ScriptedResponses
from benchmarks.corpus._desk import Run, Turn, check_cells, read_file_in, run_python_in, scratch

__all__ = ["AGENTS", "CHECKER", "CLERK", "CODER", "LEAD", "WRITER", "Run", "Turn"]

DATA = Path(__file__).resolve().parent / "_bakery_data"
FILES = (
    "shops.csv, bakes_2025.csv, bakes_2026.csv, flour_2026.csv, prices_2025.json, "
    "prices_2026.json, foodbank_credit.json"
)
LEAD = "head_baker"
CLERK = "ledger_clerk"
CODER = "costing_coder"
CHECKER = "checker"
WRITER = "newsletter_writer"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)
MODEL = "bakehouse-desk-1"
WORKFLOW = "bakehouse-office"
MAX_TURNS = 40

BAKERY = "Millbrook Bakehouse"
INSTRUCTIONS = {
    LEAD: (
        f"You are the head baker of {BAKERY} and run its back office. Plan each question, "
        "brief the ledger clerk and the costing coder through your tools, then hand the "
        f"working to the checker. Files: {FILES}."
    ),
    CLERK: (
        "You are the ledger clerk. Read the bakery's files with read_file and quote the "
        "rows and terms the head baker needs, exactly."
    ),
    CODER: (
        "You are the costing coder. Write Python and run it with run_python (it runs in a "
        "folder holding the bakery's files); report the figure it printed."
    ),
    CHECKER: (
        "You are the checker. Check the working against the question and the files; hand "
        "it back to the head baker if it does not stand, otherwise to the newsletter writer."
    ),
    WRITER: (
        "You are the newsletter writer. Give the answer in two or three plain sentences; "
        "hand a draft to the checker when you want a second look."
    ),
}
HANDOFF_DESCRIPTIONS = {
    LEAD: "The head baker: plans the question and redoes work that comes back.",
    CHECKER: "Checks the working before anything is written up.",
    WRITER: "Writes the final answer for the shops' newsletter.",
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []
_SERIAL = [0]  # response ids, numbered across the process


def build(run: Run, work: Path) -> Agent[Any]:
    """The team for one run; the head baker, who starts."""

    @function_tool
    def read_file(name: str, contains: str = "") -> str:
        """Read one of the bakery's files. For a CSV file with `contains`, only the header
        and the rows containing that text.

        Args:
            name: the file name, e.g. bakes_2026.csv
            contains: optional text a CSV row must contain to be returned
        """
        return read_file_in(work, name, contains)

    @function_tool
    def run_python(code: str) -> str:
        """Run a Python script in a folder holding the bakery's files; the exit code and
        what it printed (or its traceback).

        Args:
            code: the whole script
        """
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    def agent(name: str, tools: list[Any]) -> Agent[Any]:
        return Agent(
            name=name,
            instructions=INSTRUCTIONS[name],
            handoff_description=HANDOFF_DESCRIPTIONS.get(name),
            model=ScriptedResponses(name, _SCRIPT, _SERIAL, model=MODEL, created=1_795_000_000),
            tools=tools,
        )

    clerk, coder = agent(CLERK, [read_file]), agent(CODER, [run_python])
    asks = [
        clerk.as_tool(
            tool_name="ask_ledger_clerk",
            tool_description="Brief the ledger clerk to read and quote the bakery's files.",
        ),
        coder.as_tool(
            tool_name="ask_costing_coder",
            tool_description="Brief the costing coder to compute a figure in Python.",
        ),
    ]
    lead, checker = agent(LEAD, asks), agent(CHECKER, [read_file, run_python])
    writer = agent(WRITER, [])
    lead.handoffs = [checker]
    checker.handoffs = [writer, lead]
    writer.handoffs = [checker]
    return lead


def play(run: Run) -> str:
    """One scripted run of the team; the final answer (the writer's reply)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-bakery-", _SCRIPT) as work:
        config = RunConfig(workflow_name=WORKFLOW, trace_include_sensitive_data=True)
        result = Runner.run_sync(
            build(run, work), f"{run.task}\n\nFiles: {FILES}.", run_config=config,
            max_turns=MAX_TURNS,
        )  # fmt: skip
        return str(result.final_output)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, WRITER)
