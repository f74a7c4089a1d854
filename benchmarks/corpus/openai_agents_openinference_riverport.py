"""A river port's berth office on the OpenAI Agents SDK, handoff-driven, traced by OpenInference.

    python -m benchmarks.corpus.openai_agents_openinference_riverport STORE_DIR RECORDS.json

The OpenAI Agents SDK (``openai-agents`` from PyPI): six ``Agent``s passing the floor with
the SDK's own handoffs (``handoffs=[...]``, the ``transfer_to_<agent>`` tools it makes): a
berth master who plans and hands off, a records clerk and a dues officer with a real
``read_file`` tool, a coder whose ``run_python`` tool runs its Python in a real subprocess,
a checker (``read_file``, and the dues officer as a tool through ``Agent.as_tool``), a
writer whose reply is the answer (see ``_port_team``). Every agent's model is a scripted
SDK ``Model`` replaying that agent's responses; no network.

Traced as a Phoenix user would, not by coordgap's integration: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), and ``openinference-instrumentation-openai-
agents``' ``OpenAIAgentsInstrumentor`` on it. The instrumentor registers its processor in
the SDK's tracing in place of the SDK's own exporter to OpenAI (its default, exclusive), so
nothing is sent anywhere else; ``set_tracing_disabled`` is not called, as it would stop
the instrumentor's processor too. With OpenTelemetry's default limit of 128 attributes a
span, an LLM span late in a run (the history flattened into ``llm.input_messages.*``) lost
its response, so the user's set-up raises the limit (``OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT``).
Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the LLM spans (``response``, one model response each); the agent of a turn
is the ``agent.name`` of the nearest AGENT span above it; after all runs they are read
back from the store and must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _port_runs_a,
    _port_runs_b,
    _port_runs_c,
    _port_runs_d,
    _port_runs_ok,
    _port_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import openai_agents_openinference_steps, read_lines

FRAMEWORK = "openai-agents-openinference-riverport"
# OpenTelemetry's default of 128 attributes a span is too few for an LLM span holding a long
# handoff history (one attribute per field of each message): the SDK evicts the oldest,
# which are the response's, first. The user raises the limit, as OpenTelemetry documents.
ATTRIBUTE_LIMIT = "OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT"
SERVICE = "wendle-reach-berth-office"
RUNS: list[Run] = [
    *_port_runs_a.RUNS,
    *_port_runs_b.RUNS,
    *_port_runs_c.RUNS,
    *_port_runs_d.RUNS,
    *_port_runs_ok.RUNS,
    *_port_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's OpenAI Agents instrumentor on
    it (its processor then the only one the SDK's tracing has)."""
    from openinference.instrumentation.openai_agents import OpenAIAgentsInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    OpenAIAgentsInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team's run; its trace id."""
    from benchmarks.corpus._port_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow berth-office", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans, each the agent of
    the nearest AGENT span above it), in start order, as ``generate.py`` will count them."""
    steps = openai_agents_openinference_steps(read_lines(store))
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
            env={ATTRIBUTE_LIMIT: "1024"},
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
