"""A honey co-operative's season desk as a hierarchical CrewAI crew.

Five agents. The ``Season Desk Lead`` is the crew's ``manager_agent`` under
``Process.hierarchical``: CrewAI runs both of the crew's tasks through it, and it works
them by handing its coworkers pieces of work with CrewAI's own delegation tools ("Delegate
work to coworker", "Ask question to coworker"), the plan and the brief in its words. The
first task works the figure out; the second, given the first's result as its ``context``,
has it checked and written up. The ``Records Clerk`` reads the co-op's canned files
through a real ``read_file`` tool; the ``Data Analyst`` runs its Python with its
``run_python`` tool (a real subprocess in a scratch copy of the files); the
``Quality Checker`` may read the files too; the ``Report Writer`` drafts the answer,
which the lead gives as the crew's final answer.

Every agent's model is CrewAI's own ``LLM`` (its native OpenAI provider, model
``hive-desk-chat-1``) pointed at a local stand-in for the OpenAI chat completions API on
127.0.0.1, which replays the run's turns in order, each in CrewAI's ReAct text; a turn is
one model response, and the stand-in checks the request's system message is that turn's
agent's ("You are <role>."). No network.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.corpus import _common as c

for _key, _value in c.TELEMETRY_OFF.items():  # before CrewAI is imported
    os.environ.setdefault(_key, _value)
os.environ.setdefault("CREWAI_STORAGE_DIR", tempfile.mkdtemp(prefix="coordgap-hive-crewai-"))

from crewai import LLM, Agent, Crew, Process, Task  # noqa: E402
from crewai.tools import tool  # noqa: E402

from benchmarks.corpus._desk import (  # noqa: E402
    Run,
    Turn,
    check_cells,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._stand_in import (  # noqa: E402
    FINAL,
    ReactReplay,
    final_answer,
    react_words,
)

__all__ = [
    "AGENTS",
    "ANALYST",
    "CHECKER",
    "CLERK",
    "FILES",
    "LEAD",
    "WRITER",
    "Run",
    "Turn",
    "answer_of",
    "ask",
    "cell",
    "check_run",
    "delegate",
    "done",
    "play",
    "read",
    "say",
    "words",
]

DATA = Path(__file__).resolve().parent / "_hive_data"
FILES = (
    "members.csv, deliveries_2026-07.csv, deliveries_2026-08.csv, prices_2026.json, "
    "prices_2025.json, inspections_2026.csv"
)
LEAD = "Season Desk Lead"
CLERK = "Records Clerk"
ANALYST = "Data Analyst"
CHECKER = "Quality Checker"
WRITER = "Report Writer"
AGENTS = (LEAD, CLERK, ANALYST, CHECKER, WRITER)
MODEL = "hive-desk-chat-1"

BACKSTORY = (
    "You work on the season desk of the Heatherbank Honey Co-operative, which collects, "
    "extracts and pays for its members' honey and keeps their hive inspection records."
)
GOALS = {
    LEAD: "Plan each question for the desk and brief the right coworker for each piece of it",
    CLERK: "Read the co-op's files and report the rows a question needs exactly as written",
    ANALYST: "Compute figures with Python over the co-op's files and report what the code printed",
    CHECKER: "Check the desk's working against the files and the question before it goes out",
    WRITER: "Write the desk's answer for the season log, with the figure exactly as worked out",
}
TASKS = (
    (
        "work",
        "A member's question has come in to the season desk: {question}\nThe desk's files: "
        f"{FILES}. Work the figure out with the team: have the Records Clerk read what is "
        "needed and the Data Analyst compute it.",
        "the figure and how it was reached",
    ),
    (
        "answer",
        "Question: {question}\nHave the working checked by the Quality Checker, then have "
        "the Report Writer write the answer for the season log; give that answer as it is.",
        "the answer for the season log, with the figure",
    ),
)

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []
_STAND_IN = ReactReplay(_SCRIPT, tag="hive", created=1_788_000_000, model=MODEL)
words = react_words
answer_of = final_answer


def build(run: Run, work: Path) -> Crew:
    """The crew for one run, its tools working in ``work``."""

    @tool("read_file")
    def read_file(name: str, contains: str) -> str:
        """Read one of the co-op's files. For a CSV file with a non-empty `contains`, only
        the header and the rows containing that text. Files: members.csv,
        deliveries_2026-07.csv, deliveries_2026-08.csv, prices_2026.json,
        prices_2025.json, inspections_2026.csv."""
        return read_file_in(work, name, contains)

    @tool("run_python")
    def run_python(code: str) -> str:
        """Run a whole Python script in a folder holding the co-op's files; the exit code
        and what it printed (or its traceback)."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools: dict[str, list[Any]] = {CLERK: [read_file], ANALYST: [run_python], CHECKER: [read_file]}
    url = _STAND_IN.url()

    def llm() -> Any:
        return LLM(model=MODEL, provider="openai", base_url=url, api_key="not-used", max_retries=0)

    lead = Agent(
        role=LEAD,
        goal=GOALS[LEAD],
        backstory=BACKSTORY,
        llm=llm(),
        allow_delegation=True,
        cache=False,
        max_iter=12,
    )
    crew = [
        Agent(
            role=role,
            goal=GOALS[role],
            backstory=BACKSTORY,
            llm=llm(),
            tools=tools.get(role, []),
            allow_delegation=False,
            cache=False,
            max_iter=8,
        )
        for role in AGENTS[1:]
    ]
    work_task = Task(name=TASKS[0][0], description=TASKS[0][1], expected_output=TASKS[0][2])
    answer_task = Task(
        name=TASKS[1][0],
        description=TASKS[1][1],
        expected_output=TASKS[1][2],
        context=[work_task],
    )
    return Crew(
        name="season-desk",
        agents=crew,
        tasks=[work_task, answer_task],
        process=Process.hierarchical,
        manager_agent=lead,
    )


def play(run: Run) -> str:
    """One scripted run of the crew; its final answer (the lead's, the writer's words)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-hive-", _SCRIPT) as work:
        return str(build(run, work).kickoff(inputs={"question": run.task}).raw)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted: the lead's last turn answered ``output``, and every cell
    printed (or failed with) what the script says (``check_cells``)."""
    if output != answer_of(run.turns[-1]):
        raise SystemExit(f"{run.scenario}: the crew answered {output!r}")
    check_cells(run, run.turns[-1].say, LEAD)


# --- helpers for writing turns ----------------------------------------------------------


def delegate(coworker: str, task: str, context: str, thought: str, mark: str = "") -> Turn:
    """The lead handing a coworker work with CrewAI's own tool; the coworker works next."""
    args = {"task": task, "context": context, "coworker": coworker}
    return Turn(LEAD, thought, ("Delegate work to coworker", args), mark=mark)


def ask(coworker: str, question: str, context: str, thought: str, mark: str = "") -> Turn:
    """The lead asking a coworker a question with CrewAI's own tool."""
    args = {"question": question, "context": context, "coworker": coworker}
    return Turn(LEAD, thought, ("Ask question to coworker", args), mark=mark)


def read(agent: str, name: str, contains: str = "", thought: str = "", mark: str = "") -> Turn:
    """A ``read_file`` call (CrewAI's tool schema makes both arguments required)."""
    args = {"name": name, "contains": contains}
    return Turn(agent, thought or f"I need {name}", ("read_file", args), mark=mark)


def say(
    agent: str, text: str, thought: str = "I now know the final answer", mark: str = ""
) -> Turn:
    """An agent's final answer to its task (or to the lead's delegation)."""
    return Turn(agent, f"{thought}{FINAL}{text}", mark=mark)


def cell(thought: str, code: str, prints: str, mark: str = "") -> Turn:
    """The analyst running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    call = ("run_python", {"code": code.strip() + "\n"})
    return Turn(ANALYST, thought, call, prints=prints, mark=mark)


def done(text: str, thought: str = "I now know the final answer", mark: str = "") -> Turn:
    """The lead's final answer to one of the crew's tasks (the last: the crew's answer)."""
    return Turn(LEAD, f"{thought}{FINAL}{text}", mark=mark)
