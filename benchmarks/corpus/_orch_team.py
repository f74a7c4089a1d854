"""A fruit co-op's intake desk as an Agno ``Team`` in coordinate mode.

The team leader ``intake_lead`` plans each question and delegates one task at a time
with Agno's own ``delegate_task_to_member(member_id, task)`` tool; the member's reply
comes back to it as the tool's result, and the lead writes the final answer itself (a
reply with no tool call ends the run). ``grower_clerk`` reads the desk's files through a
real ``read_file`` tool; ``coder`` writes Python and runs it with its ``run_python`` tool
(a real subprocess in a scratch copy of the files); ``checker`` may read files too and
says whether the working stands. ``share_member_interactions=True``: each member is
shown what the members before it were asked and answered in the run.

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is a
:class:`ScriptedChat` (Agno's ``OpenAIChat`` whose client is a local stand-in returning
the run's next scripted ``ChatCompletion``, its tool call included); a turn is one model
response. No network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from agno.agent import Agent
from agno.models.openai import OpenAIChat
from agno.team import Team
from openai.types.chat import ChatCompletion

from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._orch_tasks import DATA, FILES

__all__ = [
    "AGENTS",
    "CHECKER",
    "CLERK",
    "CODER",
    "LEAD",
    "Run",
    "Turn",
    "cell",
    "check_run",
    "final",
    "ask",
    "play",
    "read",
    "say",
]

LEAD = "intake_lead"
CLERK = "grower_clerk"
CODER = "coder"
CHECKER = "checker"
AGENTS = (LEAD, CLERK, CODER, CHECKER)
MODEL = "intake-desk-chat-1"

ROLES = {
    CLERK: "Reads grower records, intake dockets and the price list from the desk's files.",
    CODER: "Writes and runs Python over the desk's files to compute figures.",
    CHECKER: "Checks the team's working before the lead answers.",
}
INSTRUCTIONS = {
    LEAD: (
        "You lead the intake desk of the Harrow Vale Fruit Co-operative. Plan each "
        "question, delegate one task at a time, then give the final answer in two or "
        f"three sentences. Files: {FILES}."
    ),
    CLERK: "You are the grower clerk. Read the files with read_file and quote rows exactly.",
    CODER: (
        "You are the coder. Write Python and run it with run_python (it runs in a folder "
        "holding the desk's files); report the figure it printed."
    ),
    CHECKER: "You are the checker. Check the working (read files if you need to) and say "
    "plainly whether it stands.",
}

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


class _Completions:
    """Stands in for ``client.chat.completions``: the agent's next scripted response."""

    def __init__(self, agent: str) -> None:
        self.agent = agent
        self.calls = 0

    def create(self, **kwargs: Any) -> ChatCompletion:
        if not _SCRIPT or _SCRIPT[0].agent != self.agent:
            due = _SCRIPT[0].agent if _SCRIPT else "nobody"
            raise RuntimeError(f"{self.agent} was asked to speak; the script has {due}")
        turn = _SCRIPT.pop(0)
        self.calls += 1
        message: dict[str, Any] = {"role": "assistant", "content": turn.say or None}
        if turn.call:
            name, args = turn.call
            fn = {"name": name, "arguments": json.dumps(args)}
            call_id = f"call_{self.agent}_{self.calls:02d}"
            message["tool_calls"] = [{"id": call_id, "type": "function", "function": fn}]
        choice = {
            "index": 0,
            "finish_reason": "tool_calls" if turn.call else "stop",
            "message": message,
        }
        return ChatCompletion.model_validate(
            {
                "id": f"chatcmpl-{self.agent}-{self.calls}",
                "object": "chat.completion",
                "created": 1_790_000_000,
                "model": kwargs.get("model", MODEL),
                "choices": [choice],
            }
        )


class _Client:
    def __init__(self, agent: str) -> None:
        self.chat = self
        self.completions = _Completions(agent)

    def is_closed(self) -> bool:
        return False


class ScriptedChat(OpenAIChat):
    """Agno's ``OpenAIChat`` answering from the run's script instead of an API; it must be
    its agent's turn."""

    def __init__(self, agent: str) -> None:
        super().__init__(id=MODEL, api_key="not-used")
        self.scripted_client = _Client(agent)

    def get_client(self) -> Any:
        return self.scripted_client


def build(run: Run, work: Path) -> Team:
    """The team for one run."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the intake desk's files. For a CSV file with `contains`, only the
        header and the rows containing that text.

        Args:
            name: the file name, e.g. intake_2026-09.csv
            contains: optional text a CSV row must contain to be returned
        """
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a Python script in a folder holding the desk's files; the exit code and
        what it printed (or its traceback).

        Args:
            code: the whole script
        """
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools: dict[str, list[Any]] = {CLERK: [read_file], CODER: [run_python], CHECKER: [read_file]}
    members = [
        Agent(
            name=agent,
            id=agent,
            role=ROLES[agent],
            instructions=INSTRUCTIONS[agent],
            model=ScriptedChat(agent),
            tools=tools[agent],
            telemetry=False,
        )
        for agent in (CLERK, CODER, CHECKER)
    ]
    return Team(
        name=LEAD,
        id=LEAD,
        members=list(members),
        model=ScriptedChat(LEAD),
        mode="coordinate",
        instructions=INSTRUCTIONS[LEAD],
        share_member_interactions=True,
        telemetry=False,
    )


def play(run: Run) -> str:
    """One scripted run of the team; the lead's final answer (its last response)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-orch-", _SCRIPT) as work:
        out = build(run, work).run(run.task)
        content = str(out.content or "")
        last = run.turns[-1].say
        return last if content.endswith(last) else content


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, LEAD)


# --- helpers for writing turns ----------------------------------------------------------


def ask(to: str, task: str, say: str = "", mark: str = "") -> Turn:
    """The lead delegating ``task`` to member ``to`` with Agno's delegation tool."""
    return Turn(LEAD, say, ("delegate_task_to_member", {"member_id": to, "task": task}), mark=mark)


def say(agent: str, text: str, mark: str = "") -> Turn:
    """A member's reply to its task (no tool call): it goes back to the lead."""
    return Turn(agent, text, mark=mark)


def cell(text: str, code: str, prints: str, mark: str = "") -> Turn:
    """The coder running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        CODER, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def final(text: str, mark: str = "") -> Turn:
    return Turn(LEAD, text, mark=mark)
