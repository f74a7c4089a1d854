"""A mountain rescue team's statistics desk on Google's Agent Development Kit (ADK).

A run is a list of :class:`Turn` in the order the agents speak, one model response each
(its text and at most one function call). Every agent is an ADK ``LlmAgent`` whose model
is a :class:`Scripted` ``BaseLlm`` answering from the run's script; it refuses a request
when the turn due is another agent's, so the run plays in exactly the scripted order.

``duty_coordinator`` is the root agent and plans. It calls two specialists as tools
(``AgentTool``: the request it writes is the tool's one argument, the specialist's last
words come back as the tool's result): ``log_keeper`` reads the team's files through a
real ``read_file`` function tool, ``stats_coder`` writes Python and runs it with
``run_python`` (a real subprocess, no stdin, in a scratch copy of the files). Its
``sub_agents`` are ``auditor`` and ``secretary``: it hands the floor to them with ADK's
``transfer_to_agent``. The auditor (with ``read_file``) hands the floor on to the
secretary, or back to the coordinator; the secretary has no transfer tool, and its reply
is the desk's answer and ends the run. No network: nothing here calls a model service.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from pathlib import Path
from typing import Any

from google.adk.agents import LlmAgent
from google.adk.models.base_llm import BaseLlm
from google.adk.models.llm_request import LlmRequest
from google.adk.models.llm_response import LlmResponse
from google.adk.runners import InMemoryRunner
from google.adk.tools import FunctionTool
from google.adk.tools.agent_tool import AgentTool
from google.genai import types

from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._fell_tasks import DATA, FILES

__all__ = [
    "AGENTS",
    "AUDITOR",
    "CODER",
    "KEEPER",
    "LEAD",
    "SECRETARY",
    "Run",
    "Turn",
    "ask",
    "cell",
    "check_run",
    "final",
    "hand",
    "play",
    "read",
    "say",
]

APP = "crannock-mrt-stats"
USER = "stats-desk"
LEAD = "duty_coordinator"
KEEPER = "log_keeper"
CODER = "stats_coder"
AUDITOR = "auditor"
SECRETARY = "secretary"
AGENTS = (LEAD, KEEPER, CODER, AUDITOR, SECRETARY)
TRANSFER = "transfer_to_agent"

DESK = "the statistics desk of Crannock Valley Mountain Rescue Team"
DESCRIPTIONS = {
    LEAD: "Plans the desk's questions and gives out the work.",
    KEEPER: "Reads the call-out logs, the members list, mileage claims and expense rules.",
    CODER: "Writes and runs Python over the team's files and reports what it printed.",
    AUDITOR: "Checks the working against the files before the answer goes out.",
    SECRETARY: "Writes the desk's answer for the team's annual return.",
}
INSTRUCTIONS = {
    LEAD: (
        f"You run {DESK}. Plan the question, ask log_keeper or stats_coder for what you "
        f"need, then hand the working to the auditor. Files: {FILES}."
    ),
    KEEPER: "You keep the team's logs. Read the files asked for and quote rows exactly.",
    CODER: "You write Python for the desk, run it with run_python and report what it printed.",
    AUDITOR: (
        "You audit the desk's working. Pass it to the secretary if it stands; send it back "
        "to duty_coordinator if it does not."
    ),
    SECRETARY: "You are the team secretary. Write the answer in one or two sentences.",
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


class Scripted(BaseLlm):
    """A model replaying the run's script (``model`` is ``scripted-<agent>``): the next
    turn, if it is this agent's."""

    async def generate_content_async(
        self, llm_request: LlmRequest, stream: bool = False
    ) -> AsyncGenerator[LlmResponse, None]:
        agent = self.model.removeprefix("scripted-").replace("-", "_")
        if not _SCRIPT or _SCRIPT[0].agent != agent:
            due = _SCRIPT[0].agent if _SCRIPT else "nobody"
            raise RuntimeError(f"{agent} was asked for a turn; the script has {due}")
        turn = _SCRIPT.pop(0)
        parts = [types.Part(text=turn.say)] if turn.say else []
        if turn.call:
            name, args = turn.call
            parts.append(types.Part(function_call=types.FunctionCall(name=name, args=args)))
        yield LlmResponse(content=types.Content(role="model", parts=parts))


def build(run: Run, work: Path) -> LlmAgent:
    """The team for one run, its tools working in ``work``; the root agent."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the team's files. For a CSV file with `contains`, only the header
        and the rows containing that text."""
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a whole Python script in a folder holding the team's files; the exit code
        and what it printed (or its traceback)."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    def agent(name: str, tools: list[Any], **more: Any) -> LlmAgent:
        return LlmAgent(
            name=name,
            model=Scripted(model=f"scripted-{name.replace('_', '-')}"),
            description=DESCRIPTIONS[name],
            instruction=INSTRUCTIONS[name],
            tools=tools,
            **more,
        )

    reader = FunctionTool(read_file)
    keeper = agent(KEEPER, [reader])
    coder = agent(CODER, [FunctionTool(run_python)])
    auditor = agent(AUDITOR, [reader])
    secretary = agent(
        SECRETARY, [], disallow_transfer_to_parent=True, disallow_transfer_to_peers=True
    )
    return agent(
        LEAD, [AgentTool(agent=keeper), AgentTool(agent=coder)], sub_agents=[auditor, secretary]
    )


async def _play(run: Run, work: Path) -> str:
    runner = InMemoryRunner(agent=build(run, work), app_name=APP)
    session = await runner.session_service.create_session(app_name=APP, user_id=USER)
    message = types.Content(role="user", parts=[types.Part(text=run.task)])
    final = ""
    async for event in runner.run_async(user_id=USER, session_id=session.id, new_message=message):
        if event.author == SECRETARY and event.content and event.content.parts:
            final = "".join(p.text for p in event.content.parts if p.text)
    return final


def play(run: Run) -> str:
    """One scripted run of the team; the secretary's answer."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-fell-", _SCRIPT) as work:
        return asyncio.run(_play(run, work))


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (``check_cells``): the secretary's answer, the cells' lines."""
    check_cells(run, output, SECRETARY)


# --- helpers for writing turns ----------------------------------------------------------


def ask(agent: str, request: str, say: str = "", mark: str = "") -> Turn:
    """The coordinator calling ``agent`` (an ``AgentTool``) with ``request``."""
    return Turn(LEAD, say, (agent, {"request": request}), mark=mark)


def hand(agent: str, to: str, text: str, mark: str = "") -> Turn:
    """``agent`` saying ``text`` and handing the floor to ``to`` (``transfer_to_agent``)."""
    return Turn(agent, text, (TRANSFER, {"agent_name": to}), mark=mark)


def say(agent: str, text: str, mark: str = "") -> Turn:
    """A reply with no call: a specialist's report (its tool's result), or the answer."""
    return Turn(agent, text, mark=mark)


def cell(text: str, code: str, prints: str, mark: str = "") -> Turn:
    """The coder running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        CODER, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def final(text: str, mark: str = "") -> Turn:
    return Turn(SECRETARY, text, mark=mark)
