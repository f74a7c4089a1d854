"""A town council's allotments office as a Haystack multi-agent team, traced by
OpenInference.

    python -m benchmarks.corpus.haystack_openinference_allotments STORE_DIR RECORDS.json

Haystack (``haystack-ai``): an officer ``Agent`` whose tools are four other ``Agent``s,
each wrapped as a tool with Haystack's ``AgentTool`` (a ``ComponentTool``): a records clerk
with a real ``read_file`` tool, a coder whose ``run_python`` tool runs its Python in a real
subprocess, a checker, and a writer whose reply ends the run (see ``_allot_team``). Every
agent's chat generator is Haystack's ``OpenAIChatGenerator`` pointed at a local stand-in
for the OpenAI API replaying that agent's scripted responses (tool calls included); no
network, Haystack's telemetry off (``HAYSTACK_TELEMETRY_ENABLED=False``).

Traced as a Phoenix user would, not by coordgap's integration: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), set as the global provider, and
``openinference-instrumentation-haystack``'s ``HaystackInstrumentor`` on it (content
recorded, its default). The instrumentor wraps the ``run`` of every Haystack component
class registered when it is instrumented, so the office's own components (the file
reader, the Python runner) are imported first. Haystack 3 has no OpenTelemetry tracer of
its own to switch on. Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are OpenInference's LLM spans (``OpenAIChatGenerator.run``, one model response
each); the instrumentor names no agent on any span, so the agent of a turn is the one its
system prompt names (``llm.input_messages.0``, "You are <agent>, ..."); after all runs they
are read back from the store and must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _allot_runs_a,
    _allot_runs_b,
    _allot_runs_c,
    _allot_runs_d,
    _allot_runs_ok,
    _allot_runs_ok_b,
    _collected,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import agent_steps, haystack_openinference_turn, read_lines

FRAMEWORK = "haystack-openinference-allotments"
SERVICE = "kettlewick-allotments-office"
RUNS: list[Run] = [
    *_allot_runs_a.RUNS,
    *_allot_runs_b.RUNS,
    *_allot_runs_c.RUNS,
    *_allot_runs_d.RUNS,
    *_allot_runs_ok.RUNS,
    *_allot_runs_ok_b.RUNS,
]
ENV = {"HAYSTACK_TELEMETRY_ENABLED": "False"}


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's Haystack instrumentor on it
    (after the office's components are defined, so their ``run`` is wrapped too)."""
    from openinference.instrumentation.haystack import HaystackInstrumentor

    from benchmarks.corpus import _allot_team  # noqa: F401 (registers the components)

    made = _collected.provider(endpoint, SERVICE)
    HaystackInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the officer's run; its trace
    id."""
    from benchmarks.corpus._allot_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow allotments-office", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans, each the agent its
    system prompt names), in start order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), haystack_openinference_turn)
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
            env=ENV,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
