"""A bakery's back office on the OpenAI Agents SDK, agents as tools and handoffs, traced by
OpenLLMetry.

    python -m benchmarks.corpus.openai_agents_openllmetry_bakery STORE_DIR RECORDS.json

The OpenAI Agents SDK (``openai-agents`` from PyPI): a head baker who briefs a ledger clerk
(a real ``read_file`` tool) and a costing coder (``run_python``, a real subprocess) through
tools that run them (``Agent.as_tool``), then hands the floor to a checker (``read_file``,
``run_python``) with the SDK's handoff; the checker hands to a newsletter writer, whose
reply is the answer, or back to the head baker (see ``_bakery_team``). Every agent's model
is a scripted SDK ``Model`` replaying that agent's responses; no network.

Traced as OpenLLMetry's instrumentation documents, not by coordgap's integrations: an
OpenTelemetry SDK ``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started
on 127.0.0.1 (it writes coordgap's local store at STORE_DIR), and
``opentelemetry-instrumentation-openai-agents``' ``OpenAIAgentsInstrumentor`` on it, with
``replace_existing_processors=True`` so that its processor is the SDK's only one (the SDK's
default exporter to OpenAI is dropped; nothing is sent anywhere else). Prompts and
responses are recorded (``TRACELOOP_TRACE_CONTENT`` left at its default, true). Each
question runs inside a span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), graded after it ends with a late ``tracer.outcome(ok, reason,
trace_id=...)``.

The turns are the ``openai.response`` spans (``gen_ai.operation.name`` = ``chat``, one
model response each); the agent of a turn is the ``gen_ai.agent.name`` of its parent
``<agent>.agent`` span; after all runs they are read back from the store and must be the
script's, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _bakery_runs_a,
    _bakery_runs_b,
    _bakery_runs_c,
    _bakery_runs_ok,
    _bakery_runs_ok_b,
    _collected,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._steps import openai_agents_openllmetry_steps
from benchmarks.corpus.generate import read_lines

FRAMEWORK = "openai-agents-openllmetry-bakery"
SERVICE = "millbrook-bakehouse-office"
RUNS: list[Run] = [
    *_bakery_runs_a.RUNS,
    *_bakery_runs_b.RUNS,
    *_bakery_runs_c.RUNS,
    *_bakery_runs_ok.RUNS,
    *_bakery_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenLLMetry's OpenAI Agents instrumentor on it
    (its processor the only one the SDK's tracing has)."""
    from opentelemetry.instrumentation.openai_agents import OpenAIAgentsInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    OpenAIAgentsInstrumentor(replace_existing_processors=True).instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team's run; its trace id."""
    from benchmarks.corpus._bakery_team import check_run, play

    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow bakehouse-office", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (the ``openai.response`` spans, each its parent
    agent span's agent), in start order, as ``generate.py`` will count them."""
    steps = openai_agents_openllmetry_steps(read_lines(store))
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
            env={"TRACELOOP_TELEMETRY": "false"},
        )  # fmt: skip
    )


if __name__ == "__main__":
    raise SystemExit(main())
