"""A council recycling depot's figures desk as an Agno ``Team`` in coordinate mode.

The team leader ``depot_lead`` plans each question and delegates one task at a time with
Agno's own ``delegate_task_to_member(member_id, task)`` tool; the member's reply comes
back to it as the tool's result, and the lead writes the final answer itself (a reply
with no tool call ends the run). ``records_clerk`` reads the depot's files through a real
``read_file`` tool; ``py_analyst`` writes Python and runs it with its ``run_python`` tool
(a real subprocess in a scratch copy of the files); ``checker`` may read files too and
says whether the working stands; ``bulletin_writer`` words the line for the council's
monthly recycling bulletin.

Every agent's model is a :class:`ScriptedModel`: Agno's ``Model`` base class subclassed
to replay the run's next scripted turn (one model response: a text, or one tool call
and no text) for its own agent only. No network.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agno.agent import Agent
from agno.models.base import Model
from agno.models.response import ModelResponse
from agno.team import Team

from benchmarks.corpus._desk import Run, Turn, check_cells, read_file_in, run_python_in, scratch
from benchmarks.corpus._recy_tasks import DATA, FILES

__all__ = ["AGENTS", "ANALYST", "CHECKER", "CLERK", "LEAD", "WRITER", "check_run", "play"]

LEAD = "depot_lead"
CLERK = "records_clerk"
ANALYST = "py_analyst"
CHECKER = "checker"
WRITER = "bulletin_writer"
AGENTS = (LEAD, CLERK, ANALYST, CHECKER, WRITER)
MODEL = "depot-desk-chat-1"

ROLES = {
    CLERK: "Reads weighbridge tickets, audits, price lists and the depot rules from the files.",
    ANALYST: "Writes and runs Python over the depot's files to compute figures.",
    CHECKER: "Checks the team's working against the files before the lead answers.",
    WRITER: "Words the figure for the council's monthly recycling bulletin.",
}
INSTRUCTIONS = {
    LEAD: (
        "You lead the figures desk of Ashby Bridge recycling depot. Plan each question, "
        "delegate one task at a time, then give the final answer in two or three "
        f"sentences. Files: {FILES}."
    ),
    CLERK: "You are the records clerk. Read the files with read_file and quote rows exactly.",
    ANALYST: (
        "You are the analyst. Write Python and run it with run_python (it runs in a folder "
        "holding the depot's files); report the figure it printed."
    ),
    CHECKER: "You are the checker. Check the working (read files if you need to) and say "
    "plainly whether it stands.",
    WRITER: "You write one short paragraph for the council's recycling bulletin.",
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


@dataclass
class ScriptedModel(Model):
    """Agno's ``Model`` answering from the run's script; it must be its agent's turn."""

    agent: str = ""
    calls: int = 0

    def _next(self) -> ModelResponse:
        if not _SCRIPT or _SCRIPT[0].agent != self.agent:
            due = _SCRIPT[0].agent if _SCRIPT else "nobody"
            raise RuntimeError(f"{self.agent} was asked to speak; the script has {due}")
        turn = _SCRIPT.pop(0)
        self.calls += 1
        made = ModelResponse(role="assistant", content=turn.say or None)
        if turn.call:
            name, args = turn.call
            fn = {"name": name, "arguments": json.dumps(args)}
            made.tool_calls = [
                {"id": f"call_{self.agent}_{self.calls:02d}", "type": "function", "function": fn}
            ]
        return made

    def invoke(self, *args: Any, **kwargs: Any) -> ModelResponse:
        return self._next()

    async def ainvoke(self, *args: Any, **kwargs: Any) -> ModelResponse:
        return self._next()

    def invoke_stream(self, *args: Any, **kwargs: Any) -> Iterator[ModelResponse]:
        yield self._next()

    async def ainvoke_stream(self, *args: Any, **kwargs: Any) -> AsyncIterator[ModelResponse]:
        yield self._next()

    def _parse_provider_response(self, response: Any, **kwargs: Any) -> ModelResponse:
        return response

    def _parse_provider_response_delta(self, response: Any) -> ModelResponse:
        return response


def build(run: Run, work: Path) -> Team:
    """The team for one run."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the depot's files. For a CSV file with `contains`, only the header
        and the rows containing that text.

        Args:
            name: the file name, e.g. weighbridge_2026-10.csv
            contains: optional text a CSV row must contain to be returned
        """
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a Python script in a folder holding the depot's files; the exit code and
        what it printed (or its traceback).

        Args:
            code: the whole script
        """
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools: dict[str, list[Any]] = {
        CLERK: [read_file],
        ANALYST: [run_python],
        CHECKER: [read_file],
        WRITER: [],
    }
    members = [
        Agent(
            name=agent,
            id=agent,
            role=ROLES[agent],
            instructions=INSTRUCTIONS[agent],
            model=ScriptedModel(id=MODEL, agent=agent),
            tools=tools[agent],
            telemetry=False,
        )
        for agent in (CLERK, ANALYST, CHECKER, WRITER)
    ]
    return Team(
        name=LEAD,
        id=LEAD,
        members=list(members),
        model=ScriptedModel(id=MODEL, agent=LEAD),
        mode="coordinate",
        instructions=INSTRUCTIONS[LEAD],
        telemetry=False,
    )


def play(run: Run) -> str:
    """One scripted run of the team; the lead's final answer (its last response)."""
    for turn in run.turns:
        if turn.call and turn.say:
            raise SystemExit(f"{run.scenario}: a tool call with text (the trace keeps no text)")
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-recy-", _SCRIPT) as work:
        out = build(run, work).run(run.task)
        return str(out.content or "")


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, LEAD)
