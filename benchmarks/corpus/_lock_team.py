"""The Wendle Navigation Trust's lock-maintenance desk as a BeeAI team: a lead
``RequirementAgent`` whose tools are ``HandoffTool``s to four other ``RequirementAgent``s.

``works_lead`` plans the question and hands each piece of work to an agent by calling the
``HandoffTool`` named after it with a brief (``{"task": ...}``); the tool runs a clone of
that agent on the lead's conversation so far (its non-system messages up to the last one
that is no tool call) plus the brief as the user's message, and hands its final answer
back to the lead as the tool's result. ``log_clerk`` reads the desk's files through a real
``read_file`` tool; ``py_analyst`` runs its Python with ``run_python`` (a real subprocess,
no stdin, in a scratch copy of the files); ``verifier`` may read files and says whether
the working stands; ``notice_writer`` writes the notice; the lead's own ``final_answer``
ends the run.

Every agent's model is BeeAI's ``OpenAIChatModel`` (LiteLLM underneath, model
``lockdesk-chat-1``) pointed at a local stand-in for the OpenAI chat completions API on
127.0.0.1 that replays the run's turns in order, each a ``ChatCompletion`` with the
turn's text and one tool call; a turn is one model response, and the stand-in checks the
request's system prompt is that turn's agent's ("Assume the role of <agent>, ..."). No
network.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

from beeai_framework.adapters.openai import OpenAIChatModel
from beeai_framework.agents.requirement import RequirementAgent
from beeai_framework.tools import tool
from beeai_framework.tools.handoff import HandoffTool

from benchmarks.corpus._desk import read_file_in, run_python_in, scratch
from benchmarks.corpus._lock_script import (
    ANALYST,
    CLERK,
    LEAD,
    VERIFIER,
    WRITER,
    Run,
    Turn,
    check_cells,
)
from benchmarks.corpus._lock_tasks import DATA, FILES
from benchmarks.corpus._stand_in import Replay

MODEL = "lockdesk-chat-1"
DESK = "the Wendle Navigation Trust's lock-maintenance desk"
ROLES = {
    LEAD: f"{LEAD}, who leads {DESK}",
    CLERK: f"{CLERK}, who keeps the stoppage logs on {DESK}",
    ANALYST: f"{ANALYST}, who works out figures in Python on {DESK}",
    VERIFIER: f"{VERIFIER}, who checks the working on {DESK}",
    WRITER: f"{WRITER}, who writes the desk's notices on {DESK}",
}
INSTRUCTIONS = {
    LEAD: f"Brief each colleague exactly; answer with the notice unchanged. Files: {FILES}.",
    CLERK: "Read the files with read_file and report the rows asked for exactly.",
    ANALYST: "Run a whole Python script with run_python (beside the files); report its figure.",
    VERIFIER: "Check the working against the files and the question; say if it stands.",
    WRITER: "Write the answer for the stoppage register in one or two sentences.",
}
DESCRIPTIONS = {
    LEAD: "Plans the desk's questions and briefs the team.",
    CLERK: "Reads the lock list, the stoppage logs and the contractor's rates.",
    ANALYST: "Runs Python over the desk's files to compute figures.",
    VERIFIER: "Checks the working before the answer goes out.",
    WRITER: "Writes the desk's answer for the stoppage register.",
}
ALL_CHOICES = {"required", "none", "single", "auto"}

_SCRIPT: list[Turn] = []  # the turns left in the run being played
_ROLE = re.compile(r"Assume the role of (\w+)")


def _usage_by_json(body: dict[str, Any], due: Turn, message: dict[str, Any]) -> dict[str, int]:
    """A quarter of the characters of the request's messages and of the reply, as JSON."""
    prompt = len(json.dumps(body["messages"])) // 4
    answer = len(json.dumps(message)) // 4
    return {"prompt_tokens": prompt, "completion_tokens": answer, "total_tokens": prompt + answer}


_STAND_IN = Replay(
    _SCRIPT,
    tag="lock",
    created=1_795_000_000,
    model=MODEL,
    speaker=_ROLE,
    width=80,
    usage=_usage_by_json,
)


def _model() -> OpenAIChatModel:
    # with a base_url BeeAI drops "required" from the tool choices it trusts the endpoint
    # with (and would force tool calls through a response format); the stand-in takes all
    return OpenAIChatModel(
        MODEL, api_key="not-used", base_url=_STAND_IN.url(), tool_choice_support=ALL_CHOICES
    )


def build(run: Run, work: Path) -> RequirementAgent:
    """The lead for one run, its team's tools working in ``work``."""

    @tool
    def read_file(name: str, contains: str = "") -> str:
        """Read one of the desk's files. For a CSV file with `contains`, only the header and
        the rows containing that text."""
        return read_file_in(work, name, contains)

    @tool
    def run_python(code: str) -> str:
        """Run a whole Python script in a folder holding the desk's files; the exit code and
        what it printed (or its traceback)."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    def agent(name: str, tools: list[Any]) -> RequirementAgent:
        return RequirementAgent(
            llm=_model(),
            tools=tools,
            name=name,
            description=DESCRIPTIONS[name],
            role=ROLES[name],
            instructions=INSTRUCTIONS[name],
        )

    team = {
        CLERK: agent(CLERK, [read_file]),
        ANALYST: agent(ANALYST, [run_python]),
        VERIFIER: agent(VERIFIER, [read_file]),
        WRITER: agent(WRITER, []),
    }
    return agent(LEAD, [HandoffTool(member) for member in team.values()])


def play(run: Run) -> str:
    """One scripted run of the team; the lead's final answer."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)

    async def ask(work: Path) -> str:
        out = await build(run, work).run(run.task)
        return out.last_message.text

    with scratch(run, DATA, "coordgap-lock-", _SCRIPT) as work:
        return asyncio.run(ask(work))


def check_run(run: Run, output: str) -> None:
    check_cells(run, output)
