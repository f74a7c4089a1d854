"""A municipal library's interlibrary-loan desk as a Microsoft Agent Framework handoff
workflow.

Five ``Agent``s in one ``HandoffBuilder`` workflow (``agent-framework-orchestrations``)
pass the floor with the framework's own handoff tools (``handoff_to_<agent>``, made by
the builder from ``add_handoff``; a call to one ends the agent's run and the target runs
next, seeing the conversation so far without its tool calls). ``ill_supervisor`` plans
and briefs in the reply that hands off; ``circulation_clerk`` reads the desk's files with
a real ``read_file`` tool; ``py_analyst`` writes Python and runs it with ``run_python``
(a real subprocess, no stdin, in a scratch copy of the files); ``cross_checker`` may
re-read files and hands the work to the writer or back; ``notice_writer``'s reply ends
the run (the workflow's termination condition). Autonomous mode is on, as for a desk
with no user in the loop.

Every agent's chat client is the framework's ``OpenAIChatCompletionClient``
(``agent-framework-openai``, model ``ill-desk-chat-1``) pointed at a local stand-in for
the OpenAI chat completions API on 127.0.0.1 that replays the run's turns in order, each
a ``ChatCompletion`` with the turn's text and at most one tool call (a handoff is one);
it answers only if the request's system message is that turn's agent's. No network.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from agent_framework import Agent
from agent_framework.openai import OpenAIChatCompletionClient
from agent_framework_orchestrations import HandoffBuilder

from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._ill_tasks import DATA, FILES
from benchmarks.corpus._stand_in import Replay

__all__ = [
    "AGENTS",
    "ANALYST",
    "CHECKER",
    "CLERK",
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
]

LEAD = "ill_supervisor"
CLERK = "circulation_clerk"
ANALYST = "py_analyst"
CHECKER = "cross_checker"
WRITER = "notice_writer"
AGENTS = (LEAD, CLERK, ANALYST, CHECKER, WRITER)
MODEL = "ill-desk-chat-1"
WORKFLOW = "ill-desk"
HANDOFFS = {
    LEAD: [CLERK, ANALYST, CHECKER, WRITER],
    CLERK: [LEAD, ANALYST, CHECKER],
    ANALYST: [LEAD, CLERK, CHECKER],
    CHECKER: [LEAD, CLERK, ANALYST, WRITER],
}
DESK = "the interlibrary-loan desk of Kestrel Vale Libraries (central library)"
INSTRUCTIONS = {
    LEAD: (
        f"You are {LEAD}, in charge of {DESK}. Work out how each question should be "
        "answered, brief the colleague you pass it to in that same reply, and pass it with "
        f"a handoff tool. The desk's files: {FILES}."
    ),
    CLERK: (
        f"You are {CLERK} on {DESK}. Look things up with read_file, quote the rows you "
        "rely on as they stand, and hand on what you found."
    ),
    ANALYST: (
        f"You are {ANALYST} on {DESK}. Write Python and run it with run_python (it runs "
        "next to the desk's files); report the figure it printed, then hand on."
    ),
    CHECKER: (
        f"You are {CHECKER} on {DESK}. Test the working against the files, the policy and "
        "the question; pass it to the writer if it holds, or back to whoever has to redo it."
    ),
    WRITER: (
        f"You are {WRITER} on {DESK}. Write the desk's reply for the loans log in one or "
        "two sentences, giving the figure exactly as it was worked out."
    ),
}
DESCRIPTIONS = {
    LEAD: "Runs the interlibrary-loan desk: plans questions and briefs the team.",
    CLERK: "Looks up partner libraries, loan registers and the loans policy in the files.",
    ANALYST: "Writes and runs Python over the desk's files to work out figures.",
    CHECKER: "Checks the working before a reply goes out.",
    WRITER: "Writes the desk's reply for the loans log.",
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


_STAND_IN = Replay(_SCRIPT, tag="ill", created=1_777_000_000, model=MODEL)


def _written_last(conversation: list[Any]) -> bool:
    """The termination condition: the writer has replied."""
    return bool(conversation) and conversation[-1].author_name == WRITER


def build(run: Run, work: Path) -> Any:
    """The handoff workflow for one run, its tools working in ``work``."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the desk's files. For a CSV file with `contains`, only the header
        and the rows containing that text."""
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a whole Python script in a folder holding the desk's files; the exit code
        and what it printed (or its traceback)."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools: dict[str, list[Any]] = {CLERK: [read_file], ANALYST: [run_python], CHECKER: [read_file]}
    url = _STAND_IN.url()
    agents = {
        name: Agent(
            client=OpenAIChatCompletionClient(model=MODEL, base_url=url, api_key="not-used"),
            name=name,
            description=DESCRIPTIONS[name],
            instructions=INSTRUCTIONS[name],
            tools=tools.get(name),
            require_per_service_call_history_persistence=True,
        )
        for name in AGENTS
    }
    builder = HandoffBuilder(name=WORKFLOW, participants=list(agents.values()))
    for source, targets in HANDOFFS.items():
        builder.add_handoff(agents[source], [agents[t] for t in targets])
    return (
        builder.with_start_agent(agents[LEAD])
        .with_termination_condition(_written_last)
        .with_autonomous_mode()
        .build()
    )


def play(run: Run) -> str:
    """One scripted run of the workflow; the writer's answer (the last agent response)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-ill-", _SCRIPT) as work:
        result = asyncio.run(build(run, work).run(run.task))
        outputs = result.get_outputs()
        return str(outputs[-1].text) if outputs else ""


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (``check_cells``): the writer's answer, the cells' lines."""
    check_cells(run, output, WRITER)


# --- helpers for writing turns ----------------------------------------------------------


def hand(agent: str, to: str, text: str, mark: str = "") -> Turn:
    """``agent`` saying ``text`` (a brief, a report, a verdict) and handing to ``to``."""
    return Turn(agent, text, (f"handoff_to_{to}", {}), mark=mark)


def cell(text: str, code: str, prints: str, mark: str = "") -> Turn:
    """The analyst running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        ANALYST, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def final(text: str, mark: str = "") -> Turn:
    return Turn(WRITER, text, mark=mark)
