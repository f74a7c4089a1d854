"""The school meals desk on Pydantic AI: a coordinator delegating to five specialists.

A run is a list of :class:`Turn` in the order the agents speak. Each agent is a
Pydantic AI ``Agent`` whose model is a ``FunctionModel`` replaying that agent's
turns of the run, in order: a turn is one model response, its text and at most one
tool call. The coordinator reaches the specialists through tools
(``ask_records_clerk(brief)`` and the like) that run the specialist with the brief and
return its final text, Pydantic AI's agent delegation. The clerk and the programme
officer read the district's files through ``read_file``; the analyst and the reviewer
run Python through ``run_python``, a real subprocess in a scratch folder holding a copy
of ``_meals_data/``. The script states what each cell prints last (a crash: its error
line); the player checks it against what really came back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic_ai import Agent, RunContext

from benchmarks.corpus._desk import Run, Turn, check_cells, read_file_in, run_python_in, scratch
from benchmarks.corpus._desk import cell as cell
from benchmarks.corpus._desk import read as read
from benchmarks.corpus._pydantic_script import scripted_model

DATA = Path(__file__).resolve().parent / "_meals_data"

LEAD = "coordinator"
CLERK = "records_clerk"
ANALYST = "data_analyst"
OFFICER = "programme_officer"
REVIEWER = "reviewer"
WRITER = "report_writer"
AGENTS = (LEAD, CLERK, ANALYST, OFFICER, REVIEWER, WRITER)

INSTRUCTIONS = {
    LEAD: (
        "You coordinate the Harlow Valley School District meals desk. Split the question, "
        "brief the specialists through your tools, have the result reviewed and give the "
        "final answer with its figure."
    ),
    CLERK: "You are the records clerk. Read the district's files and report exact rows.",
    ANALYST: "You are the data analyst. Compute with run_python and report what it printed.",
    OFFICER: (
        "You are the programme officer: reimbursement rates, labour rates, grant terms and "
        "the serving calendar. Quote the district's files."
    ),
    REVIEWER: "You review the team's working before it goes out. Approve or send it back.",
    WRITER: "You write the answer up for the district office in one short paragraph.",
}


# --- the tools --------------------------------------------------------------------


# --- the scripted models ----------------------------------------------------------


def build(run: Run, work: Path) -> Agent[None, str]:
    """The team for one run, every model replaying its agent's turns; the coordinator."""
    queue: dict[str, list[Turn]] = {a: [t for t in run.turns if t.agent == a] for a in AGENTS}
    agents = {
        a: Agent(scripted_model(a, queue, "scripted"), name=a, instructions=INSTRUCTIONS[a])
        for a in AGENTS
    }

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the district's files; for a CSV, only the header and the rows
        containing ``contains`` when it is given."""
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a Python script in the data folder; its exit code and what it printed."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    for name in (CLERK, OFFICER, REVIEWER):
        agents[name].tool_plain(read_file)
    for name in (ANALYST, REVIEWER):
        agents[name].tool_plain(run_python)

    def delegate(specialist: str) -> Any:
        async def ask(ctx: RunContext[None], brief: str) -> str:
            result = await agents[specialist].run(brief, usage=ctx.usage)
            return result.output

        ask.__name__ = f"ask_{specialist}"
        ask.__doc__ = f"Brief the {specialist.replace('_', ' ')} and get their reply."
        return ask

    for name in (CLERK, ANALYST, OFFICER, REVIEWER, WRITER):
        agents[LEAD].tool(delegate(name))
    return agents[LEAD]


def opening(task: str) -> str:
    return (
        f"{task}\n\nFiles: schools.csv, meals_2025.csv, meals_2026.csv, "
        "kitchen_costs_2026.csv, rates_2025.json, rates_2026.json, produce_grant.json."
    )


def play(run: Run) -> str:
    """One scripted run of the team; the coordinator's final answer."""
    with scratch(run, DATA, "coordgap-meals-") as work:
        lead = build(run, work)
        return str(lead.run_sync(opening(run.task)).output)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, LEAD)


# --- helpers for writing turns ----------------------------------------------------


def ask(specialist: str, brief: str, say: str = "", mark: str = "") -> Turn:
    """A coordinator's turn briefing a specialist."""
    return Turn(LEAD, say, (f"ask_{specialist}", {"brief": brief}), mark=mark)
