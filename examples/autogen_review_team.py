"""An AutoGen AgentChat writer/reviewer team, traced by one line, run offline.

    python examples/autogen_review_team.py
    coordgap analyze

The models are AutoGen's ``ReplayChatCompletionClient`` (scripted replies: no
API key, no network). The writer drafts (calling a lookup tool first), the
reviewer answers ``APPROVE`` or asks for changes with ``REVISE`` (in a round
robin the writer speaks next either way, so only the reviewer's word says it
sent the draft back), and the team stops on ``APPROVE`` or after six messages.
Three runs: one healthy, one where the reviewer never approves (coordgap:
generation, every attempt rejected), and one where the reviewer approves a
draft the client then rejects (coordgap: verification, a false accept).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from typing import Any

from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_core import FunctionCall
from autogen_core.models import CreateResult, ModelInfo, RequestUsage
from autogen_ext.models.replay import ReplayChatCompletionClient

import tracer
from tracer.integrations import autogen as cg_autogen

_INFO = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family="unknown",
    structured_output=False,
)


def _model(replies: Sequence[str | CreateResult]) -> ReplayChatCompletionClient:
    return ReplayChatCompletionClient(list(replies), model_info=_INFO)


def _tool_call(name: str, arguments: str) -> CreateResult:
    return CreateResult(
        finish_reason="function_calls",
        content=[FunctionCall(id="call-1", name=name, arguments=arguments)],
        usage=RequestUsage(prompt_tokens=0, completion_tokens=0),
        cached=False,
    )


def lookup(term: str) -> str:
    """Look a fact up."""
    return f"Tides follow the Moon ({term})."


def build(reviews: Sequence[str] = ("REVISE: add a hook.", "APPROVE")) -> RoundRobinGroupChat:
    """writer <-> reviewer; ``reviews`` scripts the reviewer's answers in order."""
    writer = AssistantAgent(
        "writer",
        model_client=_model(
            [_tool_call("lookup", '{"term": "tides"}'), "Draft 2", "Draft 3", "Draft 4"]
        ),
        tools=[lookup],
    )
    reviewer = AssistantAgent("reviewer", model_client=_model(list(reviews)))
    stop = TextMentionTermination("APPROVE") | MaxMessageTermination(6)
    return RoundRobinGroupChat([writer, reviewer], termination_condition=stop)


async def review(team: Any) -> str:
    result = await team.run(task="Write a teaser about tides")
    return str(result.stop_reason)


def main() -> int:
    # AutoGen's runtime writes its own message-passing spans (each in a trace of
    # its own) to the same provider; they are noise for attribution.
    os.environ.setdefault("AUTOGEN_DISABLE_RUNTIME_TRACING", "true")
    tracer.configure(service_name="autogen-review")
    runs = [
        ("healthy", ["REVISE: add a hook.", "APPROVE"], True),
        ("never approved", ["REVISE: weak.", "REVISE: still weak.", "REVISE: no."], False),
        ("approved a bad draft", ["APPROVE"], False),
    ]
    for label, reviews, client_happy in runs:
        with tracer.workflow("teaser-review"):
            team = cg_autogen.instrument(build(reviews), verify=["reviewer"], reject=["REVISE"])
            print(f"{label}: {asyncio.run(review(team))}")
            tracer.outcome(client_happy, "client verdict")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
