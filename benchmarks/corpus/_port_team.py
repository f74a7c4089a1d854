"""A river port's berth office as a team of OpenAI Agents SDK agents passing the floor by
handoffs.

``berth_master`` plans each question and hands the floor on with the SDK's own handoffs
(the ``transfer_to_<agent>`` tools the SDK makes from ``handoffs=[...]``); every agent
but the writer ends its part the same way, so the floor passes along a chain whose next
agent each one picks. ``records_clerk`` reads the port's files through a real
``read_file`` tool; ``dues_officer`` reads the tariffs and rules and says which rates and
rules apply (it is also the checker's ``ask_dues_officer`` tool: ``Agent.as_tool``);
``coder`` writes Python and runs it with its ``run_python`` tool (a real subprocess with no
stdin in a scratch copy of the files); ``checker`` re-reads files, asks the dues officer,
sends work back or hands it to ``writer``, whose reply is the run's final answer.

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is
a :class:`~benchmarks.corpus._agents_script.ScriptedResponses` answering with the
run's next scripted response (a turn is one model response). No network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agents import Agent, RunConfig, Runner, function_tool

from benchmarks.corpus._agents_script import ScriptedResponses
from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._port_tasks import DATA, FILES

__all__ = [
    "AGENTS",
    "CHECKER",
    "CLERK",
    "CODER",
    "DUES",
    "LEAD",
    "WRITER",
    "Run",
    "Turn",
    "answer",
    "ask_dues",
    "cell",
    "check_run",
    "final",
    "hand",
    "play",
    "read",
]

LEAD = "berth_master"
CLERK = "records_clerk"
DUES = "dues_officer"
CODER = "coder"
CHECKER = "checker"
WRITER = "writer"
AGENTS = (LEAD, CLERK, DUES, CODER, CHECKER, WRITER)
MODEL = "berth-desk-1"
WORKFLOW = "berth-office"
MAX_TURNS = 60

PORT = "Wendle Reach Port Authority"
INSTRUCTIONS = {
    LEAD: (
        f"You are the berth master of the {PORT}'s berth office. Plan each question, say "
        "in a few lines who does what, then hand over to the agent who starts. Files: "
        f"{FILES}."
    ),
    CLERK: (
        "You are the records clerk. Read the port's files with read_file, quote rows "
        "exactly, then hand over to whoever needs them next."
    ),
    DUES: (
        "You are the dues officer. Read the tariff and the port rules and say which rates, "
        "surcharges and rules apply to the question; then hand over."
    ),
    CODER: (
        "You are the coder. Write Python and run it with run_python (it runs in a folder "
        "holding the port's files); report the figure it printed, then hand to the checker."
    ),
    CHECKER: (
        "You are the checker. Check the working against the question and the files; send "
        "it back if it does not stand, otherwise hand to the writer."
    ),
    WRITER: "You are the writer. Give the final answer in two or three sentences.",
}
HANDOFF_DESCRIPTIONS = {
    LEAD: "The berth master: plans the question and re-plans when work comes back.",
    CLERK: "Reads vessel, berth and call records from the port's files.",
    DUES: "Reads the tariffs and port rules and says which apply.",
    CODER: "Writes and runs Python over the port's files to compute figures.",
    CHECKER: "Checks the working before anything is written up.",
    WRITER: "Writes the final answer.",
}
HANDS_TO = {
    LEAD: (CLERK, DUES, CODER),
    CLERK: (DUES, CODER, LEAD, CHECKER),
    DUES: (CODER, CLERK, LEAD, CHECKER),
    CODER: (CHECKER, CLERK, DUES),
    CHECKER: (WRITER, CODER, CLERK, LEAD),
    WRITER: (),
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []
_SERIAL = [0]  # response ids, numbered across the process


def build(run: Run, work: Path) -> Agent[Any]:
    """The team for one run; the berth master, who starts."""

    @function_tool
    def read_file(name: str, contains: str = "") -> str:
        """Read one of the port's files. For a CSV file with `contains`, only the header
        and the rows containing that text.

        Args:
            name: the file name, e.g. calls_2026-10.csv
            contains: optional text a CSV row must contain to be returned
        """
        return read_file_in(work, name, contains)

    @function_tool
    def run_python(code: str) -> str:
        """Run a Python script in a folder holding the port's files; the exit code and what
        it printed (or its traceback).

        Args:
            code: the whole script
        """
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools: dict[str, list[Any]] = {
        LEAD: [],
        CLERK: [read_file],
        DUES: [read_file],
        CODER: [run_python],
        CHECKER: [read_file],
        WRITER: [],
    }
    team = {
        name: Agent(
            name=name,
            instructions=INSTRUCTIONS[name],
            handoff_description=HANDOFF_DESCRIPTIONS[name],
            model=ScriptedResponses(name, _SCRIPT, _SERIAL, model=MODEL, created=1_790_000_000),
            tools=list(tools[name]),
        )
        for name in AGENTS
    }
    for name, agent in team.items():
        agent.handoffs = [team[to] for to in HANDS_TO[name]]
    team[CHECKER].tools.append(
        team[DUES].as_tool(
            tool_name="ask_dues_officer",
            tool_description="Ask the dues officer a question on the tariff or the port rules.",
        )
    )
    return team[LEAD]


def play(run: Run) -> str:
    """One scripted run of the team; the final answer (the writer's reply)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-port-", _SCRIPT) as work:
        config = RunConfig(workflow_name=WORKFLOW, trace_include_sensitive_data=True)
        result = Runner.run_sync(build(run, work), run.task, run_config=config, max_turns=MAX_TURNS)
        return str(result.final_output)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, WRITER)


# --- helpers for writing turns ----------------------------------------------------------


def hand(agent: str, to: str, say: str, mark: str = "") -> Turn:
    """``agent`` saying ``say`` and handing the floor to ``to`` (the SDK's handoff tool)."""
    return Turn(agent, say, (f"transfer_to_{to}", {}), mark=mark)


def cell(text: str, code: str, prints: str, mark: str = "") -> Turn:
    """The coder running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        CODER, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def ask_dues(question: str, say: str = "", mark: str = "") -> Turn:
    """The checker asking the dues officer through its ``ask_dues_officer`` tool."""
    return Turn(CHECKER, say, ("ask_dues_officer", {"input": question}), mark=mark)


def answer(text: str, mark: str = "") -> Turn:
    """The dues officer's reply when asked as the checker's tool (no handoff)."""
    return Turn(DUES, text, mark=mark)


def final(text: str, mark: str = "") -> Turn:
    return Turn(WRITER, text, mark=mark)
