"""A county gritting depot's winter-service desk as an AutoGen AgentChat ``Swarm``,
traced by OpenInference.

    python -m benchmarks.corpus.autogen_swarm_openinference_gritting STORE_DIR RECORDS.json

AutoGen AgentChat (``autogen-agentchat``): a ``Swarm`` of five ``AssistantAgent``s passing
the floor with AgentChat's own handoffs (``handoffs=[...]``, the ``transfer_to_<agent>``
tools): a depot lead who plans and briefs, a records clerk with a real ``read_file`` tool,
a coder whose ``run_python`` tool runs its Python in a real subprocess, a checker, and a
writer whose reply ends the run (see ``_grit_team``). Every agent's model client is
autogen-ext's ``OpenAIChatCompletionClient`` pointed at a local stand-in for the OpenAI
API replaying that agent's scripted responses (handoff calls included); no network.

Traced as a Phoenix user would, not by coordgap's integration: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), set as the global provider, and
``openinference-instrumentation-autogen-agentchat``'s ``AutogenAgentChatInstrumentor`` on
it. The instrumentor records model calls only for autogen-ext's OpenAI clients
(``BaseOpenAIChatCompletionClient.create``), hence the stand-in rather than AgentChat's
``ReplayChatCompletionClient``. AutoGen's own GenAI spans (``create_agent``,
``invoke_agent``, ``execute_tool``, scope ``autogen-core``) go to the global provider too,
as they would for that user; the runtime's own tracing stays off. OpenTelemetry's default
limit of 128 attributes a span is left as it is: the fullest LLM span of these runs holds
49 (its flattened history, tools and response), so none is dropped. Each question runs
inside a span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), graded after it ends with a late ``tracer.outcome(ok, reason,
trace_id=...)``.

The turns are OpenInference's LLM spans (``OpenAIChatCompletionClient.create``, one model
response each); the agent of a turn is the ``graph.node.id`` of its parent AGENT span
(``<agent>.on_messages_stream``); after all runs they are read back from the store and
must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import _collected, _grit_runs_a, _grit_runs_b, _grit_runs_ok
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._steps import autogen_agentchat_openinference_steps
from benchmarks.corpus.generate import read_lines

FRAMEWORK = "autogen-swarm-openinference-gritting"
SERVICE = "ashby-road-gritting-desk"
RUNS: list[Run] = [*_grit_runs_a.RUNS, *_grit_runs_b.RUNS, *_grit_runs_ok.RUNS]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's AgentChat instrumentor on it."""
    from openinference.instrumentation.autogen_agentchat import AutogenAgentChatInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    AutogenAgentChatInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the swarm's run; its trace id."""
    from benchmarks.corpus._grit_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow gritting-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans, each the agent of
    its parent AGENT span), in start order, as ``generate.py`` will count them."""
    steps = autogen_agentchat_openinference_steps(read_lines(store))
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK,
            RUNS,
            check_answer,
            tracing,
            solve,
            recorded,
            expected_agents,
            marked,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
