"""The tide-gauge network's data desk on Semantic Kernel: a lead agent that calls four
colleagues as plugins.

A run is a list of :class:`Turn` in the order the agents speak. Each agent is a Semantic
Kernel ``ChatCompletionAgent`` whose chat completion service is a :class:`ScriptedChat`
(a ``ChatCompletionClientBase`` subclass of ours) replaying that agent's turns of the run,
in order: a turn is one model response, its text or one tool call. The lead's kernel holds
the four colleagues as plugins (Semantic Kernel exposes an agent as a kernel function
named after it, taking ``messages``), so the lead's tool call ``data_clerk-data_clerk``
runs the clerk on the brief and returns its reply. The clerk and the checker read the
network's files through ``desk_files-read_file``; the coder and the checker run Python
through ``desk_python-run_python``, a real subprocess in a scratch folder holding a copy
of ``_tide_data/``. The script states what each cell prints last (a crash: its error
line); the player checks it against what really came back.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any, ClassVar

from semantic_kernel.agents import ChatCompletionAgent
from semantic_kernel.connectors.ai.chat_completion_client_base import ChatCompletionClientBase
from semantic_kernel.connectors.ai.function_choice_behavior import FunctionChoiceBehavior
from semantic_kernel.connectors.ai.prompt_execution_settings import PromptExecutionSettings
from semantic_kernel.contents import ChatHistory, ChatMessageContent, FunctionCallContent
from semantic_kernel.contents.utils.author_role import AuthorRole
from semantic_kernel.contents.utils.finish_reason import FinishReason
from semantic_kernel.functions import KernelArguments, kernel_function
from semantic_kernel.utils.telemetry.model_diagnostics import trace_chat_completion

from benchmarks.corpus._desk import Run, Turn, check_cells, read_file_in, run_python_in, scratch
from benchmarks.corpus._tide_tasks import AGENTS, CHECKER, CLERK, CODER, LEAD, WRITER

__all__ = ["build", "check_run", "play"]

DATA = Path(__file__).resolve().parent / "_tide_data"
PROVIDER = "scripted"

INSTRUCTIONS = {
    LEAD: (
        "You run the data desk of the Firth Coast tide-gauge network. Plan the question, "
        "brief colleagues through your tools, get the figure checked, answer with it."
    ),
    CLERK: "You are the network's data clerk: read the gauge files and quote them.",
    CODER: "You write Python for the desk with run_python and report what it printed.",
    CHECKER: "You check the desk's working before it goes out; pass it or send it back.",
    WRITER: "You write the desk's figures up for the harbour notice board, briefly.",
}
DESCRIPTIONS = {
    CLERK: "The data clerk: reads the network's files.",
    CODER: "The Python coder: runs code over the files.",
    CHECKER: "The checker: checks working before it goes out.",
    WRITER: "The notice writer: writes figures up for the notice board.",
}
FILES = (
    "gauges.csv, readings_2025.csv, readings_2026.csv, surges_2026.csv, thresholds.json, "
    "upkeep_contract.json"
)
TOOL_NAMES = {
    "read_file": "desk_files-read_file",
    "run_python": "desk_python-run_python",
    **{f"ask_{a}": f"{a}-{a}" for a in AGENTS},
}


class ScriptedChat(ChatCompletionClientBase):
    """A chat completion service replaying one agent's turns: each request answers with
    the next turn, its text or its one tool call. Traced as Semantic Kernel's own
    connectors are, by its ``trace_chat_completion`` decorator."""

    SUPPORTS_FUNCTION_CALLING: ClassVar[bool] = True
    queue: Any  # the run's list of this agent's turns (Any: pydantic keeps it, not a copy)
    serial: Any

    @trace_chat_completion(PROVIDER)
    async def _inner_get_chat_message_contents(
        self, chat_history: ChatHistory, settings: PromptExecutionSettings
    ) -> list[ChatMessageContent]:
        if not self.queue:
            raise RuntimeError(f"{self.ai_model_id}: no scripted turn left")
        turn: Turn = self.queue.pop(0)
        self.serial[0] += 1
        meta = {"id": f"resp-{self.serial[0]:05d}"}
        if turn.call is None:
            return [
                ChatMessageContent(
                    role=AuthorRole.ASSISTANT,
                    content=turn.say,
                    ai_model_id=self.ai_model_id,
                    finish_reason=FinishReason.STOP,
                    metadata=meta,
                )
            ]
        tool, args = turn.call
        plugin, function = TOOL_NAMES[tool].split("-")
        call = FunctionCallContent(
            id=f"call-{self.serial[0]:05d}",
            plugin_name=plugin,
            function_name=function,
            arguments=json.dumps(args),
        )
        items: list[Any] = [call]
        return [
            ChatMessageContent(
                role=AuthorRole.ASSISTANT,
                items=items,
                content=turn.say or None,
                ai_model_id=self.ai_model_id,
                finish_reason=FinishReason.TOOL_CALLS,
                metadata=meta,
            )
        ]


class DeskFiles:
    def __init__(self, work: Path) -> None:
        self.work, self.name = work, "desk_files"  # the plugin's name

    @kernel_function(
        description=(
            "Read one of the network's files (a CSV: the header and the rows containing "
            "`contains`, when given)."
        )
    )
    def read_file(
        self, name: Annotated[str, "file name"], contains: Annotated[str, "filter"] = ""
    ) -> str:
        return read_file_in(self.work, name, contains)


class DeskPython:
    def __init__(self, work: Path, run: Run) -> None:
        self.work, self.run, self.name = work, run, "desk_python"

    @kernel_function(
        description="Run a Python script in the data folder; its exit code and output."
    )
    def run_python(self, code: Annotated[str, "the script"]) -> str:
        out = run_python_in(self.work, code)
        self.run.ran.append((code, out))
        return out


def build(run: Run, work: Path, serial: list[int]) -> ChatCompletionAgent:
    """The team for one run, every service replaying its agent's turns; the lead."""
    queue = {a: [t for t in run.turns if t.agent == a] for a in AGENTS}

    def agent(name: str, plugins: list[Any]) -> ChatCompletionAgent:
        service = ScriptedChat(ai_model_id=f"tidedesk-{name}", queue=queue[name], serial=serial)
        settings = PromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto())
        return ChatCompletionAgent(
            service=service,
            name=name,
            description=DESCRIPTIONS.get(name),
            instructions=INSTRUCTIONS[name],
            plugins=plugins,
            arguments=KernelArguments(settings=settings),
        )

    files, python = DeskFiles(work), DeskPython(work, run)
    team = {
        CLERK: agent(CLERK, [files]),
        CODER: agent(CODER, [python]),
        CHECKER: agent(CHECKER, [files, python]),
        WRITER: agent(WRITER, []),
    }
    lead = agent(LEAD, [team[CLERK], team[CODER], team[CHECKER], team[WRITER]])
    run.queue = queue  # type: ignore[attr-defined]
    return lead


SERIAL = [0]


def play(run: Run) -> str:
    """One scripted run of the team; the lead's final answer."""
    with scratch(run, DATA, "coordgap-tide-") as work:
        lead = build(run, work, SERIAL)
        reply = asyncio.run(lead.get_response(messages=f"{run.task}\n\nFiles: {FILES}."))
        left = [a for a, turns in run.queue.items() if turns]  # type: ignore[attr-defined]
        if left:
            raise SystemExit(f"{run.scenario}: turns left unplayed by {left}")
        return str(reply.content)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, LEAD)
