"""A hospital pharmacy's stock desk as a LlamaIndex ``AgentWorkflow`` of ``FunctionAgent``s.

Six agents hand the floor to each other with LlamaIndex's own ``handoff`` tool (the
workflow adds it to every agent whose ``can_handoff_to`` names someone): the root agent
``pharmacy_lead`` plans and briefs each colleague in the handoff's ``reason``;
``stock_clerk`` and ``formulary_pharmacist`` read the desk's files through a real
``read_file`` tool; ``coder`` writes Python and runs it with its ``run_python`` tool (a
real subprocess in a scratch copy of the files); ``checker`` may read files too and
approves (a handoff to the writer) or sends the work back (a handoff to the lead);
``writer`` gives the final answer, a reply with no tool call, which ends the run. The
workflow keeps one shared memory: every agent reads what the others said and what their
tools returned.

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is a
:class:`ScriptedLLM` (a LlamaIndex ``FunctionCallingLLM``) replaying the run's next
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
from benchmarks.corpus._pharm_tasks import DATA, FILES

__all__ = [
    "AGENTS",
    "CHECKER",
    "CLERK",
    "CODER",
    "LEAD",
    "PHARMACIST",
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

LEAD = "pharmacy_lead"
CLERK = "stock_clerk"
PHARMACIST = "formulary_pharmacist"
CODER = "coder"
CHECKER = "checker"
WRITER = "writer"
AGENTS = (LEAD, CLERK, PHARMACIST, CODER, CHECKER, WRITER)
MODEL = "stockdesk-chat-1"

DESCRIPTIONS = {
    LEAD: "Leads the stock desk: plans each question and briefs the team.",
    CLERK: "Reads stock counts, dispensing logs and deliveries from the desk's files.",
    PHARMACIST: "Reads the formulary and the stock policy; advises on how rules apply.",
    CODER: "Writes and runs Python over the desk's files to compute figures.",
    CHECKER: "Checks the team's working before anything is written up.",
    WRITER: "Writes the final answer for the person who asked.",
}
PROMPTS = {
    LEAD: (
        "You lead the stock desk of St Aldhelm's Hospital pharmacy. Plan each question, "
        "then hand off to one colleague at a time with a clear brief in the reason. "
        f"Files: {FILES}."
    ),
    CLERK: "You are the stock clerk. Read the files with read_file and quote rows exactly.",
    PHARMACIST: (
        "You are the formulary pharmacist. Read formulary.csv and stock_policy.json and "
        "say how the rules apply to the question."
    ),
    CODER: (
        "You are the coder. Write Python and run it with run_python (it runs in a folder "
        "holding the desk's files); report the figure it printed."
    ),
    CHECKER: (
        "You are the checker. Check the team's working (read files if you need to); hand "
        "off to the writer if it is right, back to the lead with what to fix if not."
    ),
    WRITER: "You are the writer. Give the final answer in two or three sentences.",
}
HANDOFFS = {
    LEAD: [CLERK, PHARMACIST, CODER, CHECKER, WRITER],
    CLERK: [LEAD, CODER, CHECKER],
    PHARMACIST: [LEAD, CODER, CHECKER],
    CODER: [LEAD, CHECKER],
    CHECKER: [LEAD, WRITER],
    WRITER: [],
}


# --- the scripted models ----------------------------------------------------------------

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


class ScriptedLLM(FunctionCallingLLM):
    """A function-calling LLM that answers with the run's next scripted turn (text and at
    most one tool call) instead of calling an API; it must be its agent's turn."""

    agent: str
    calls: int = 0

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(
            context_window=128_000,
            num_output=1024,
            is_chat_model=True,
            is_function_calling_model=True,
            model_name=MODEL,
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
        return ChatResponse(message=message, raw={"model": MODEL})

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
        """Read one of the stock desk's files. For a CSV file with `contains`, only the
        header and the rows containing that text.

        Args:
            name: the file name, e.g. stock_count_2026-06-30.csv
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
        PHARMACIST: [reader],
        CODER: [runner],
        CHECKER: [reader],
    }
    agents = [
        FunctionAgent(
            name=agent,
            description=DESCRIPTIONS[agent],
            system_prompt=PROMPTS[agent],
            llm=ScriptedLLM(agent=agent),
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
    with scratch(run, DATA, "coordgap-pharm-", _SCRIPT) as work:
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
