"""A county gritting depot's winter-service desk as an AutoGen AgentChat ``Swarm``.

Five ``AssistantAgent``s pass the floor with AgentChat's own handoffs (``handoffs=[...]``:
the ``transfer_to_<agent>`` tools it makes; a call to one ends the agent's turn with a
``HandoffMessage`` and the target speaks next; without one the speaker keeps the floor).
``depot_lead`` plans the question and briefs whoever it hands to; ``records_clerk`` reads
the depot's files through a real ``read_file`` tool; ``coder`` writes Python and runs it
with its ``run_python`` tool (a real subprocess, no stdin, in a scratch copy of the
files); ``checker`` may read files and hands the work on to the writer or back; the
``writer``'s reply (a text message) ends the run (``TextMessageTermination``).

Every agent's model client is autogen-ext's ``OpenAIChatCompletionClient`` (model
``gritting-desk-chat-1``) pointed at a local stand-in for the OpenAI chat completions API
on 127.0.0.1 that replays the run's turns in order, each a ``ChatCompletion`` with the
turn's text and at most one tool call (a handoff is one too); a turn is one model response,
and the stand-in checks the request's system message is that turn's agent's. No network.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMessageTermination
from autogen_agentchat.messages import TextMessage
from autogen_agentchat.teams import Swarm
from autogen_ext.models.openai import OpenAIChatCompletionClient

from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._grit_tasks import DATA, FILES
from benchmarks.corpus._stand_in import Replay

__all__ = [
    "AGENTS",
    "CHECKER",
    "CLERK",
    "CODER",
    "LEAD",
    "WRITER",
    "Run",
    "Turn",
    "cell",
    "check_run",
    "final",
    "hand",
    "play",
    "read",
    "say",
]

LEAD = "depot_lead"
CLERK = "records_clerk"
CODER = "coder"
CHECKER = "checker"
WRITER = "writer"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)
MODEL = "gritting-desk-chat-1"
HANDOFFS = {
    LEAD: [CLERK, CODER, CHECKER, WRITER],
    CLERK: [LEAD, CODER, CHECKER],
    CODER: [LEAD, CLERK, CHECKER],
    CHECKER: [LEAD, CLERK, CODER, WRITER],
    WRITER: [],
}
DESK = "the winter-service desk of Fellbeck County Council's Ashby Road gritting depot"
SYSTEM = {
    LEAD: (
        f"You are {LEAD}, who leads {DESK}. Plan each question, brief the colleague you "
        "hand it to in the same reply, and hand off with a transfer tool. Files: "
        f"{FILES}."
    ),
    CLERK: (
        f"You are {CLERK} on {DESK}. Read the files with read_file and quote rows exactly, "
        "then hand on with what you found."
    ),
    CODER: (
        f"You are {CODER} on {DESK}. Write Python and run it with run_python (it runs in a "
        "folder holding the depot's files); report the figure it printed and hand on."
    ),
    CHECKER: (
        f"You are {CHECKER} on {DESK}. Check the working against the files and the "
        "question; hand it to the writer if it stands, or back to whoever must fix it."
    ),
    WRITER: (
        f"You are {WRITER} on {DESK}. Write the desk's answer for the depot log in one or "
        "two sentences, with the figure exactly as worked out."
    ),
}
DESCRIPTIONS = {
    LEAD: "Plans the desk's questions and briefs the team.",
    CLERK: "Reads routes, gritting run logs and the contractor's rates from the files.",
    CODER: "Writes and runs Python over the depot's files to compute figures.",
    CHECKER: "Checks the working before the answer goes out.",
    WRITER: "Writes the desk's answer for the depot log.",
}
MODEL_INFO = {
    "vision": False,
    "function_calling": True,
    "json_output": False,
    "family": "unknown",
    "structured_output": False,
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


_STAND_IN = Replay(_SCRIPT, tag="grit", created=1_790_000_000, model=MODEL)


def build(run: Run, work: Path) -> Swarm:
    """The swarm for one run, its tools working in ``work``."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the depot's files. For a CSV file with `contains`, only the header
        and the rows containing that text."""
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a whole Python script in a folder holding the depot's files; the exit code
        and what it printed (or its traceback)."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools: dict[str, list[Any]] = {CLERK: [read_file], CODER: [run_python], CHECKER: [read_file]}
    url = _STAND_IN.url()
    agents = [
        AssistantAgent(
            agent,
            model_client=OpenAIChatCompletionClient(
                model=MODEL,
                base_url=url,
                api_key="not-used",
                model_info=MODEL_INFO,  # type: ignore[arg-type]
                max_retries=0,
            ),
            tools=tools.get(agent),
            handoffs=HANDOFFS[agent] or None,
            description=DESCRIPTIONS[agent],
            system_message=SYSTEM[agent],
        )
        for agent in AGENTS
    ]
    ends = TextMessageTermination(source=WRITER) | MaxMessageTermination(120)
    return Swarm(agents, termination_condition=ends)


def play(run: Run) -> str:
    """One scripted run of the swarm; the writer's answer (the run's last message)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-grit-", _SCRIPT) as work:
        result = asyncio.run(build(run, work).run(task=run.task))
        last = result.messages[-1]
        return last.content if isinstance(last, TextMessage) else repr(last)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (``check_cells``): the writer's answer, the cells' lines."""
    check_cells(run, output, WRITER)


# --- helpers for writing turns ----------------------------------------------------------


def hand(agent: str, to: str, text: str, mark: str = "") -> Turn:
    """``agent`` saying ``text`` (a brief, a report, a verdict) and handing to ``to``."""
    return Turn(agent, text, (f"transfer_to_{to}", {}), mark=mark)


def say(agent: str, text: str, mark: str = "") -> Turn:
    """A reply with no tool call: the speaker keeps the floor."""
    return Turn(agent, text, mark=mark)


def cell(text: str, code: str, prints: str, mark: str = "") -> Turn:
    """The coder running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        CODER, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def final(text: str, mark: str = "") -> Turn:
    return Turn(WRITER, text, mark=mark)
