"""The co-operative's honey desk on Pydantic AI: a lead delegating to four specialists.

A run is a list of :class:`Turn` in the order the agents speak. Each agent is a
Pydantic AI ``Agent`` whose model is a ``FunctionModel`` replaying that agent's turns of
the run, in order: a turn is one model response, its text and at most one tool call. The
lead reaches the others through tools (``ask_records_clerk(brief)`` and the like) that run
the agent with the brief and return its final text, Pydantic AI's agent delegation. The
clerk and the checker read the co-operative's files through ``read_file``; the coder and
the checker run Python through ``run_python``, a real subprocess in a scratch folder
holding a copy of ``_apiary_data/``. The script states what each cell prints last (a
crash: its error line); the player checks it against what really came back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic_ai import Agent, RunContext

from benchmarks.corpus._desk import (
    Run,
    Turn,
    cell,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._pydantic_script import scripted_model

__all__ = ["AGENTS", "CHECKER", "CLERK", "CODER", "LEAD", "Run", "Turn", "WRITER", "cell", "read"]

DATA = Path(__file__).resolve().parent / "_apiary_data"

LEAD = "hive_lead"
CLERK = "records_clerk"
CODER = "py_coder"
CHECKER = "checker"
WRITER = "bulletin_writer"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)

INSTRUCTIONS = {
    LEAD: (
        "You run the honey desk of the Heathfield and Vale Beekeepers' Co-operative. Plan "
        "the question, brief your colleagues through your tools, get the figure checked and "
        "answer the member who asked, with the figure."
    ),
    CLERK: (
        "You are the co-operative's records clerk. Read the apiary register, the honey "
        "returns, the inspection log, the price lists and the grant terms, and quote them."
    ),
    CODER: "You write Python for the desk with run_python and report what it printed.",
    CHECKER: (
        "You check the desk's working before anything goes to a member: re-read a row or "
        "rerun a sum if you need to, then pass it or send it back."
    ),
    WRITER: "You write the desk's figures up for the members' bulletin, briefly.",
}
FILES = (
    "apiaries.csv, honey_2025.csv, honey_2026.csv, inspections_2026.csv, prices_2025.json, "
    "prices_2026.json, treatment_grant.json"
)


def build(run: Run, work: Path) -> Agent[None, str]:
    """The team for one run, every model replaying its agent's turns; the lead."""
    queue: dict[str, list[Turn]] = {a: [t for t in run.turns if t.agent == a] for a in AGENTS}
    agents = {
        a: Agent(scripted_model(a, queue, "honeydesk"), name=a, instructions=INSTRUCTIONS[a])
        for a in AGENTS
    }

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the co-operative's files; for a CSV, only the header and the rows
        containing ``contains`` when it is given."""
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a Python script in the data folder; its exit code and what it printed."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    for name in (CLERK, CHECKER):
        agents[name].tool_plain(read_file)
    for name in (CODER, CHECKER):
        agents[name].tool_plain(run_python)

    def delegate(colleague: str) -> Any:
        async def ask(ctx: RunContext[None], brief: str) -> str:
            result = await agents[colleague].run(brief, usage=ctx.usage)
            return result.output

        ask.__name__ = f"ask_{colleague}"
        ask.__doc__ = f"Brief the {colleague.replace('_', ' ')} and get their reply."
        return ask

    for name in (CLERK, CODER, CHECKER, WRITER):
        agents[LEAD].tool(delegate(name))
    return agents[LEAD]


def play(run: Run) -> str:
    """One scripted run of the team; the lead's final answer."""
    with scratch(run, DATA, "coordgap-apiary-") as work:
        lead = build(run, work)
        return str(lead.run_sync(f"{run.task}\n\nFiles: {FILES}.").output)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, LEAD)


# --- helpers for writing turns ----------------------------------------------------


def ask(colleague: str, brief: str, say: str = "", mark: str = "") -> Turn:
    """A lead's turn briefing a colleague."""
    return Turn(LEAD, say, (f"ask_{colleague}", {"brief": brief}), mark=mark)
