"""Scripted AutoGen AgentChat teams: who speaks when, and what each model replies.

A script is a list of turns ``(speaker, reply)``. Model-backed agents
(``AssistantAgent`` on AutoGen's ``ReplayChatCompletionClient``) get their
replies in script order; a reply may be a tool call (``Call``), answered by a
real local function tool. The code executor (``CodeExecutorAgent`` on a real
``LocalCommandLineCodeExecutor``) has no reply: it runs the Python blocks the
previous turns wrote. The team is a ``SelectorGroupChat`` whose selector
follows the script, or a ``RoundRobinGroupChat`` when the script is a round.
"""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat, SelectorGroupChat
from autogen_core import FunctionCall
from autogen_core.models import CreateResult, ModelInfo, RequestUsage
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor
from autogen_ext.models.replay import ReplayChatCompletionClient

from tracer.integrations import autogen as cg_autogen

INFO = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family="unknown",
    structured_output=False,
)
EXECUTOR = "executor"


@dataclass(frozen=True)
class Call:
    """A tool call the model makes instead of answering in text."""

    tool: str
    arguments: str


Turn = tuple[str, "str | Call | None"]


def _create(reply: str | Call, n: int) -> str | CreateResult:
    if isinstance(reply, str):
        return reply
    return CreateResult(
        finish_reason="function_calls",
        content=[FunctionCall(id=f"call-{n}", name=reply.tool, arguments=reply.arguments)],
        usage=RequestUsage(prompt_tokens=0, completion_tokens=0),
        cached=False,
    )


def root(script: Sequence[Turn], index: int) -> tuple[str, int]:
    """The (agent, 1-based turn of that agent) of ``script[index]``."""
    speaker = script[index][0]
    return speaker, sum(1 for s, _ in script[: index + 1] if s == speaker)


def build(
    script: Sequence[Turn],
    tools: Mapping[str, Sequence[Callable[..., Any]]] | None = None,
    *,
    executor_name: str = EXECUTOR,
    round_robin: bool = False,
    extra_turns: int = 1,
) -> Any:
    """The team that plays ``script`` (agents in order of first appearance)."""
    tools = tools or {}
    order: list[str] = []
    replies: dict[str, list[str | CreateResult]] = {}
    for n, (speaker, reply) in enumerate(script):
        if speaker not in order:
            order.append(speaker)
        if speaker != executor_name and reply is not None:
            replies.setdefault(speaker, []).append(_create(reply, n))
    agents: list[Any] = []
    for name in order:
        if name == executor_name:
            with warnings.catch_warnings():  # local execution is the point here
                warnings.simplefilter("ignore")
                agents.append(
                    CodeExecutorAgent(
                        name,
                        code_executor=LocalCommandLineCodeExecutor(work_dir=tempfile.mkdtemp()),
                    )
                )
        else:
            client = ReplayChatCompletionClient(replies.get(name, []), model_info=INFO)
            agents.append(
                AssistantAgent(name, model_client=client, tools=list(tools.get(name, [])))
            )
    stop = TextMentionTermination("TERMINATE") | MaxMessageTermination(len(script) + extra_turns)
    if round_robin:
        return RoundRobinGroupChat(agents, termination_condition=stop)
    speakers = iter([s for s, _ in script])
    return SelectorGroupChat(
        agents,
        model_client=ReplayChatCompletionClient(["unused"], model_info=INFO),
        selector_func=lambda _messages: next(speakers, None),
        termination_condition=stop,
        allow_repeated_speaker=True,
    )


async def play(team: Any, task: str, *, executor_name: str = EXECUTOR, **options: Any) -> str:
    """Run an instrumented team on ``task`` (the executor is code); the last message's text."""
    options.setdefault("actors", {executor_name: "code"})
    result = await cg_autogen.instrument(team, capture_content=True, **options).run(task=task)
    last = result.messages[-1] if result.messages else None
    return str(getattr(last, "content", ""))
