"""A ferry operator's operations desk on Google's Agent Development Kit (ADK).

A run is a list of :class:`Turn` in the order the agents speak. Each agent is an ADK
``LlmAgent`` whose model is a :class:`Scripted` ``BaseLlm`` replaying that agent's turns
of the run, in order: a turn is one model response, its text and at most one function
call. The coordinator is the root agent; the records officer, the analyst, the fleet
superintendent and the writer are its ``sub_agents``, which it hands the floor to with
ADK's ``transfer_to_agent`` (each hands it back the same way); the checker is wrapped
as an ``AgentTool`` the coordinator calls with a request. The records officer, the
superintendent and the checker read the operator's files through ``read_file``; the
analyst and the checker run Python through ``run_python``, a real subprocess in a
scratch folder holding a copy of ``_ferry_data/``. The script states what each cell
prints last (a crash: its error line); the player checks it against what came back.
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

from benchmarks.corpus._desk import Run, Turn, check_cells, read_file_in, run_python_in, scratch
from benchmarks.corpus._desk import cell as cell
from benchmarks.corpus._desk import read as read

DATA = Path(__file__).resolve().parent / "_ferry_data"
APP = "skerrow-ferries-ops"

LEAD = "coordinator"
RECORDS = "records_officer"
ANALYST = "data_analyst"
EXPERT = "fleet_superintendent"
CHECKER = "checker"
WRITER = "writer"
AGENTS = (LEAD, RECORDS, ANALYST, EXPERT, CHECKER, WRITER)
TRANSFER = "transfer_to_agent"

DESCRIPTIONS = {
    LEAD: "Coordinates Skerrow Ferries' operations desk and gives the final answer.",
    RECORDS: "Reads the sailing, fuel, route and vessel files and reports exact rows.",
    ANALYST: "Computes figures with run_python and reports what the code printed.",
    EXPERT: "Knows the fares, the lifeline subsidy terms, the routes and the fleet.",
    CHECKER: "Checks the team's working and approves it or sends it back.",
    WRITER: "Writes the answer up for the operations manager.",
}
INSTRUCTIONS = {
    LEAD: (
        "You coordinate Skerrow Ferries' operations desk. Plan the question, hand it to "
        "the right colleague, have the result checked and give the final answer."
    ),
    RECORDS: "You are the records officer. Read the files and report exact rows.",
    ANALYST: "You are the data analyst. Compute with run_python; report what it printed.",
    EXPERT: (
        "You are the fleet superintendent: fares, the lifeline subsidy, routes, seasons "
        "and vessels. Quote the operator's files."
    ),
    CHECKER: "You check the team's working before it goes out. Approve or send it back.",
    WRITER: "You write the answer up for the operations manager in one short paragraph.",
}


# --- the tools --------------------------------------------------------------------


# --- the scripted models ----------------------------------------------------------

# agent -> its turns left in the run being played (one run at a time)
_QUEUE: dict[str, list[Turn]] = {}


class Scripted(BaseLlm):
    """A model that replays its agent's scripted turns (``model`` is ``scripted-<agent>``)."""

    async def generate_content_async(
        self, llm_request: LlmRequest, stream: bool = False
    ) -> AsyncGenerator[LlmResponse, None]:
        agent = self.model.removeprefix("scripted-").replace("-", "_")
        mine = _QUEUE.get(agent)
        if not mine:
            raise RuntimeError(f"{agent} has no scripted turn left")
        turn = mine.pop(0)
        parts = [types.Part(text=turn.say)] if turn.say else []
        if turn.call:
            name, args = turn.call
            parts.append(types.Part(function_call=types.FunctionCall(name=name, args=args)))
        yield LlmResponse(content=types.Content(role="model", parts=parts))


def build(run: Run, work: Path) -> LlmAgent:
    """The team for one run; the root agent (the coordinator)."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the operator's files; for a CSV, only the header and the rows
        containing ``contains`` when it is given."""
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a Python script in the data folder; its exit code and what it printed."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    def agent(name: str, tools: list[Any], subs: list[LlmAgent] | None = None) -> LlmAgent:
        return LlmAgent(
            name=name,
            model=Scripted(model=f"scripted-{name.replace('_', '-')}"),
            description=DESCRIPTIONS[name],
            instruction=INSTRUCTIONS[name],
            tools=tools,
            sub_agents=subs or [],
        )

    reader, coder = FunctionTool(read_file), FunctionTool(run_python)
    checker = agent(CHECKER, [reader, coder])
    subs = [
        agent(RECORDS, [reader]),
        agent(ANALYST, [coder]),
        agent(EXPERT, [reader]),
        agent(WRITER, []),
    ]
    return agent(LEAD, [AgentTool(agent=checker)], subs)


FILES = (
    "routes.csv, vessels.csv, sailings_2025.csv, sailings_2026.csv, fuel_2026.csv, "
    "tariffs_2025.json, tariffs_2026.json, lifeline_subsidy.json"
)


def opening(task: str) -> str:
    return f"{task}\n\nFiles: {FILES}."


async def _play(run: Run, work: Path) -> str:
    runner = InMemoryRunner(agent=build(run, work), app_name=APP)
    session = await runner.session_service.create_session(app_name=APP, user_id="ops-desk")
    message = types.Content(role="user", parts=[types.Part(text=opening(run.task))])
    final = ""
    async for event in runner.run_async(
        user_id="ops-desk", session_id=session.id, new_message=message
    ):
        if event.author == LEAD and event.content and event.content.parts:
            texts = [p.text for p in event.content.parts if p.text]
            calls = [p for p in event.content.parts if p.function_call or p.function_response]
            if texts and not calls:
                final = "".join(texts)
    return final


def play(run: Run) -> str:
    """One scripted run of the team; the coordinator's final answer."""
    _QUEUE.clear()
    _QUEUE.update({a: [t for t in run.turns if t.agent == a] for a in AGENTS})
    with scratch(run, DATA, "coordgap-ferry-", _QUEUE) as work:
        return asyncio.run(_play(run, work))


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, LEAD)


# --- helpers for writing turns ----------------------------------------------------


def to(agent: str, say: str, mark: str = "") -> Turn:
    """The coordinator handing the floor to a sub-agent, saying what it wants."""
    return Turn(LEAD, say, (TRANSFER, {"agent_name": agent}), mark=mark)


def back(agent: str, say: str, mark: str = "") -> Turn:
    """A sub-agent's report, handing the floor back to the coordinator."""
    return Turn(agent, say, (TRANSFER, {"agent_name": LEAD}), mark=mark)


def check(request: str, say: str = "", mark: str = "") -> Turn:
    """The coordinator calling the checker (an ``AgentTool``)."""
    return Turn(LEAD, say, (CHECKER, {"request": request}), mark=mark)


def final(say: str, mark: str = "") -> Turn:
    return Turn(LEAD, say, mark=mark)
