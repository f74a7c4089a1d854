"""A boarding kennels' bookings desk as a LlamaIndex ``AgentWorkflow`` of ``FunctionAgent``s.

Five agents hand the floor to each other with LlamaIndex's own ``handoff`` tool (the
workflow adds it to every agent whose ``can_handoff_to`` names someone): the root agent
``bookings_manager`` plans and briefs each colleague in the handoff's ``reason``;
``kennel_clerk`` reads the desk's files through a real ``read_file`` tool; ``tally_coder``
writes Python and runs it with its ``run_python`` tool (a real subprocess in a scratch
copy of the files); ``second_reader`` may read files too and approves (a handoff to the
owner liaison) or sends the work back; ``owner_liaison`` may hand a draft to the second
reader and gives the final answer, a reply with no tool call, which ends the run. The
workflow keeps one shared memory: every agent reads what the others said and what their
tools returned.

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is a
:class:`ScriptedDeskLLM` (a LlamaIndex ``FunctionCallingLLM``) replaying the run's next
scripted response, its tool call included; a turn is one model response.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent
from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseAsyncGen,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseAsyncGen,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
    TextBlock,
    ToolCallBlock,
)
from llama_index.core.llms.callbacks import llm_chat_callback
from llama_index.core.llms.function_calling import FunctionCallingLLM
from llama_index.core.llms.llm import ToolSelection
from llama_index.core.tools import FunctionTool

from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._kennel_tasks import DATA, FILES

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
]

LEAD = "bookings_manager"
CLERK = "kennel_clerk"
CODER = "tally_coder"
CHECKER = "second_reader"
WRITER = "owner_liaison"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)
MODEL = "kennel-desk-2"

DESCRIPTIONS = {
    LEAD: "Runs the bookings desk: plans each question and briefs one colleague at a time.",
    CLERK: "Looks up bookings, dogs, jabs, extras, payments and tariffs in the desk's files.",
    CODER: "Writes and runs Python over the desk's files to work out figures.",
    CHECKER: "Reads the team's working over before anything goes to an owner.",
    WRITER: "Writes the reply to the owner or colleague who asked.",
}
PROMPTS = {
    LEAD: (
        "You run the bookings desk at Hollowbrook Boarding Kennels. Work out what the "
        "question needs, then hand off to one colleague at a time and put the brief in "
        f"the reason. Desk files: {FILES}."
    ),
    CLERK: "You are the kennel clerk. Look things up with read_file and quote what it shows.",
    CODER: (
        "You are the tally coder. Write a Python script and run it with run_python (it "
        "runs next to the desk files), then report what it printed."
    ),
    CHECKER: (
        "You are the second reader. Go over the working (re-read files if needed): hand "
        "off to the owner liaison if it holds, back to the manager with the fix if not."
    ),
    WRITER: (
        "You are the owner liaison. Reply with the answer in one to three sentences; for "
        "a balance or a refund, hand a draft to the second reader first."
    ),
}
HANDOFFS = {
    LEAD: [CLERK, CODER, CHECKER, WRITER],
    CLERK: [LEAD, CODER, CHECKER],
    CODER: [LEAD, CHECKER],
    CHECKER: [LEAD, CLERK, CODER, WRITER],
    WRITER: [CHECKER],
}


# --- the scripted models ----------------------------------------------------------------

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


class ScriptedDeskLLM(FunctionCallingLLM):
    """A function-calling LLM that answers with the run's next scripted turn (text and at
    most one tool call, as LlamaIndex's own provider classes return them: a
    ``ToolCallBlock`` in the message's blocks) instead of calling an API; it must be its
    agent's turn. ``model`` and ``temperature`` are the fields a provider's LLM has."""

    agent: str
    model: str = MODEL
    temperature: float = 0.2
    calls: int = 0

    @classmethod
    def class_name(cls) -> str:
        return "ScriptedDeskLLM"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(
            context_window=128_000,
            num_output=1024,
            is_chat_model=True,
            is_function_calling_model=True,
            model_name=self.model,
        )

    def _reply(self) -> ChatResponse:
        if not _SCRIPT or _SCRIPT[0].agent != self.agent:
            due = _SCRIPT[0].agent if _SCRIPT else "nobody"
            raise RuntimeError(f"{self.agent} was asked to speak; the script has {due}")
        turn = _SCRIPT.pop(0)
        self.calls += 1
        blocks: list[Any] = [TextBlock(text=turn.say)] if turn.say else []
        if turn.call:
            name, args = turn.call
            call_id = f"call_{self.agent}_{self.calls:02d}"
            blocks.append(ToolCallBlock(tool_call_id=call_id, tool_name=name, tool_kwargs=args))
        message = ChatMessage(role=MessageRole.ASSISTANT, blocks=blocks)
        done = "tool_calls" if turn.call else "stop"
        raw = {
            "id": f"resp_{self.agent}_{self.calls:02d}",
            "model": self.model,
            "choices": [{"index": 0, "finish_reason": done}],
        }
        return ChatResponse(message=message, raw=raw)

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        return self._reply()

    @llm_chat_callback()
    async def achat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        return self._reply()

    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        raise NotImplementedError("the desk's agents do not stream")

    async def astream_chat(
        self, messages: Sequence[ChatMessage], **kwargs: Any
    ) -> ChatResponseAsyncGen:
        raise NotImplementedError("the desk's agents do not stream")

    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        raise NotImplementedError("chat only")

    def stream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseGen:
        raise NotImplementedError("chat only")

    async def acomplete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponse:
        raise NotImplementedError("chat only")

    async def astream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseAsyncGen:
        raise NotImplementedError("chat only")

    def _prepare_chat_with_tools(
        self,
        tools: Sequence[Any],
        user_msg: str | ChatMessage | None = None,
        chat_history: list[ChatMessage] | None = None,
        verbose: bool = False,
        allow_parallel_tool_calls: bool = False,
        tool_required: bool = False,
        **kwargs: Any,
    ) -> dict[str, Any]:
        messages = list(chat_history or [])
        if user_msg:
            user = ChatMessage(role=MessageRole.USER, content=user_msg)
            messages.append(user if isinstance(user_msg, str) else user_msg)
        return {"messages": messages, "tools": [t.metadata.to_openai_tool() for t in tools]}

    def get_tool_calls_from_response(
        self, response: ChatResponse, error_on_no_tool_call: bool = False, **kwargs: Any
    ) -> list[ToolSelection]:
        return [
            ToolSelection(
                tool_id=b.tool_call_id or "", tool_name=b.tool_name, tool_kwargs=b.tool_kwargs
            )
            for b in response.message.blocks
            if isinstance(b, ToolCallBlock) and isinstance(b.tool_kwargs, dict)
        ]


# --- the team ---------------------------------------------------------------------------


def build(run: Run, work: Path) -> AgentWorkflow:
    """The team for one run."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the bookings desk's files. For a CSV file with `contains`, only
        the header and the rows containing that text.

        Args:
            name: the file name, e.g. bookings_2026.csv
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

    reader = FunctionTool.from_defaults(read_file)
    runner = FunctionTool.from_defaults(run_python)
    tools: dict[str, list[Any]] = {
        CLERK: [reader],
        CODER: [runner],
        CHECKER: [reader],
    }
    agents = [
        FunctionAgent(
            name=agent,
            description=DESCRIPTIONS[agent],
            system_prompt=PROMPTS[agent],
            llm=ScriptedDeskLLM(agent=agent),
            tools=tools.get(agent, []),
            can_handoff_to=HANDOFFS[agent],
            streaming=False,
        )
        for agent in AGENTS
    ]
    return AgentWorkflow(agents=agents, root_agent=LEAD, timeout=120)


async def _run(run: Run, work: Path) -> str:
    handler = build(run, work).run(user_msg=run.task, max_iterations=80)
    result = await handler
    return str(result)


def play(run: Run) -> str:
    """One scripted run of the team; the writer's final answer."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-kennel-", _SCRIPT) as work:
        return asyncio.run(_run(run, work))


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, WRITER)


# --- helpers for writing turns ----------------------------------------------------------


def hand(agent: str, to: str, reason: str, say: str = "", mark: str = "") -> Turn:
    """``agent`` handing the floor to ``to`` with LlamaIndex's handoff tool."""
    return Turn(agent, say, ("handoff", {"to_agent": to, "reason": reason}), mark=mark)


def cell(text: str, code: str, prints: str, mark: str = "") -> Turn:
    """The coder running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        CODER, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def final(text: str, mark: str = "") -> Turn:
    return Turn(WRITER, text, mark=mark)
