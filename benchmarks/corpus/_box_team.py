"""A regional theatre's box-office desk as a sequential CrewAI crew.

Six agents, one task each, run in order (``Process.sequential``); each task takes earlier
tasks' outputs as its ``context``. The ``Box Office Manager`` plans the question; the
``Contracts Clerk`` reads the performances, price lists and settlement terms and the
``Sales Ledger Clerk`` the monthly sales ledgers, both through a real ``read_file`` tool;
the ``Data Analyst`` writes Python and runs it with its ``run_python`` tool (a real
subprocess in a scratch copy of the files); the ``Settlement Checker`` may read the files
and, with ``allow_delegation=True``, ask a coworker a question or hand a coworker work
(CrewAI's own "Ask question to coworker" / "Delegate work to coworker" tools); the
``Report Writer`` gives the crew's final answer.

Every agent's model is CrewAI's own ``LLM`` (its native OpenAI provider, model
``box-office-chat-1``) pointed at a local stand-in for the OpenAI chat completions API on
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
os.environ.setdefault("CREWAI_STORAGE_DIR", tempfile.mkdtemp(prefix="coordgap-box-crewai-"))

from crewai import LLM, Agent, Crew, Process, Task  # noqa: E402
from crewai.tools import tool  # noqa: E402

from benchmarks.corpus._box_tasks import DATA, FILES  # noqa: E402
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
    "LEDGER",
    "MANAGER",
    "TERMS",
    "WRITER",
    "Run",
    "Turn",
    "answer_of",
    "ask",
    "cell",
    "check_run",
    "delegate",
    "final",
    "play",
    "plan",
    "read",
    "say",
    "words",
]

MANAGER = "Box Office Manager"
TERMS = "Contracts Clerk"
LEDGER = "Sales Ledger Clerk"
ANALYST = "Data Analyst"
CHECKER = "Settlement Checker"
WRITER = "Report Writer"
AGENTS = (MANAGER, TERMS, LEDGER, ANALYST, CHECKER, WRITER)
MODEL = "box-office-chat-1"

BACKSTORY = "You work on the box-office desk of the Corran Street Playhouse, a regional theatre."
GOALS = {
    MANAGER: "Plan each question for the desk: which files, which rows and rules, what to compute",
    TERMS: "Read performances, price lists and settlement terms exactly as the files give them",
    LEDGER: "Read the sales ledger lines a question needs and list them exactly",
    ANALYST: "Compute figures with Python over the desk's files and report what the code printed",
    CHECKER: "Check the desk's working against the files and the question before it goes out",
    WRITER: "Write the desk's answer for the box-office log, with the figure exactly as worked out",
}
TASKS = {
    MANAGER: (
        "plan",
        "A question has come in to the box-office desk: {question}\nThe desk's files: "
        f"{FILES}. Plan the work: what the Contracts Clerk and the Sales Ledger Clerk "
        "should read, which rows and rules matter, and what the Data Analyst should compute.",
        "a short plan for the team",
    ),
    TERMS: (
        "terms",
        "Question: {question}\nFollowing the manager's plan, read the performances, price "
        "list and settlement terms the question needs and report the rows and rates exactly.",
        "the performances, prices and terms that apply, quoted exactly",
    ),
    LEDGER: (
        "ledger",
        "Question: {question}\nFollowing the plan, read the sales ledger lines the question "
        "needs and list the ones that count.",
        "the sales lines that count, with order numbers",
    ),
    ANALYST: (
        "compute",
        "Question: {question}\nWrite Python and run it with run_python (it runs in a folder "
        "holding the desk's files) to compute the figure; report the figure it printed.",
        "the figure and how it was computed",
    ),
    CHECKER: (
        "check",
        "Question: {question}\nCheck the desk's working against the files and the question. "
        "Say plainly whether the figure stands.",
        "a verdict on the figure",
    ),
    WRITER: (
        "answer",
        "Write the desk's answer to this question for the box-office log: {question}\nOne "
        "or two sentences, with the figure.",
        "the answer, with the figure",
    ),
}
CONTEXT = {  # the earlier tasks each task is given
    MANAGER: (),
    TERMS: (MANAGER,),
    LEDGER: (MANAGER, TERMS),
    ANALYST: (MANAGER, TERMS, LEDGER),
    CHECKER: (MANAGER, TERMS, LEDGER, ANALYST),
    WRITER: (MANAGER, ANALYST, CHECKER),
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []
_STAND_IN = ReactReplay(_SCRIPT, tag="box", created=1_790_000_000, model=MODEL)
words = react_words
answer_of = final_answer


def build(run: Run, work: Path) -> Crew:
    """The crew for one run, its tools working in ``work``."""

    @tool("read_file")
    def read_file(name: str, contains: str) -> str:
        """Read one of the box office's files. For a CSV file with a non-empty `contains`,
        only the header and the rows containing that text. Files: performances.csv,
        sales_2026-03.csv, sales_2026-04.csv, prices_2026.json, prices_2025.json,
        settlements.json."""
        return read_file_in(work, name, contains)

    @tool("run_python")
    def run_python(code: str) -> str:
        """Run a whole Python script in a folder holding the box office's files; the exit
        code and what it printed (or its traceback)."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools: dict[str, list[Any]] = {
        TERMS: [read_file],
        LEDGER: [read_file],
        ANALYST: [run_python],
        CHECKER: [read_file],
    }
    url = _STAND_IN.url()
    agents = {
        role: Agent(
            role=role,
            goal=GOALS[role],
            backstory=BACKSTORY,
            llm=LLM(
                model=MODEL, provider="openai", base_url=url, api_key="not-used", max_retries=0
            ),
            tools=tools.get(role, []),
            allow_delegation=role == CHECKER,
            cache=False,
            max_iter=8,
        )
        for role in AGENTS
    }
    tasks: dict[str, Task] = {}
    for role in AGENTS:
        name, description, expected = TASKS[role]
        tasks[role] = Task(
            name=name,
            description=description,
            expected_output=expected,
            agent=agents[role],
            context=[tasks[r] for r in CONTEXT[role]],
        )
    return Crew(
        name="box-office-desk",
        agents=list(agents.values()),
        tasks=list(tasks.values()),
        process=Process.sequential,
    )


def play(run: Run) -> str:
    """One scripted run of the crew; its final answer (the writer's)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-box-", _SCRIPT) as work:
        return str(build(run, work).kickoff(inputs={"question": run.task}).raw)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted: the writer's last turn answered ``output``, and every
    cell printed (or failed with) what the script says (``check_cells``)."""
    if output != answer_of(run.turns[-1]):
        raise SystemExit(f"{run.scenario}: the crew answered {output!r}")
    check_cells(run, run.turns[-1].say, WRITER)


# --- helpers for writing turns ----------------------------------------------------------


def plan(
    text: str, thought: str = "I can plan this from the question and the files", mark: str = ""
) -> Turn:
    """The manager's plan (its task's final answer, the others' context)."""
    return Turn(MANAGER, f"{thought}{FINAL}{text}", mark=mark)


def read(agent: str, name: str, contains: str = "", thought: str = "", mark: str = "") -> Turn:
    """A ``read_file`` call (CrewAI's tool schema makes both arguments required)."""
    args = {"name": name, "contains": contains}
    return Turn(agent, thought or f"I need {name}", ("read_file", args), mark=mark)


def say(
    agent: str, text: str, thought: str = "I now know the final answer", mark: str = ""
) -> Turn:
    """An agent's final answer to its task (or to a coworker's question)."""
    return Turn(agent, f"{thought}{FINAL}{text}", mark=mark)


def cell(thought: str, code: str, prints: str, mark: str = "") -> Turn:
    """The analyst running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    call = ("run_python", {"code": code.strip() + "\n"})
    return Turn(ANALYST, thought, call, prints=prints, mark=mark)


def ask(coworker: str, question: str, context: str, thought: str, mark: str = "") -> Turn:
    """The checker asking a coworker with CrewAI's own tool; the coworker answers next."""
    args = {"question": question, "context": context, "coworker": coworker}
    return Turn(CHECKER, thought, ("Ask question to coworker", args), mark=mark)


def delegate(coworker: str, task: str, context: str, thought: str, mark: str = "") -> Turn:
    """The checker handing a coworker work with CrewAI's own tool."""
    args = {"task": task, "context": context, "coworker": coworker}
    return Turn(CHECKER, thought, ("Delegate work to coworker", args), mark=mark)


def final(text: str, thought: str = "I can write this up for the log", mark: str = "") -> Turn:
    """The writer's answer: the crew's final answer."""
    return Turn(WRITER, f"{thought}{FINAL}{text}", mark=mark)
