"""A beekeepers' co-operative's honey desk as a Pydantic AI team, traced by OpenInference.

    python -m benchmarks.corpus.pydanticai_openinference_apiary STORE_DIR RECORDS.json

Pydantic AI (``pydantic-ai-slim`` from PyPI): a lead agent delegating to four colleagues
through tools that run them (agent delegation), every agent's model a ``FunctionModel``
replaying its lines (see ``_apiary_team``); the coder's and the checker's Python runs in
a real subprocess.

Traced as the OpenInference README for Pydantic AI shows, not by coordgap's
integrations: an OpenTelemetry SDK ``TracerProvider`` with OpenInference's
``OpenInferenceSpanProcessor`` (``openinference-instrumentation-pydantic-ai``: it rewrites
each Pydantic AI span as it ends into an OpenInference AGENT, LLM or TOOL span, keeping
Pydantic AI's own attributes) ahead of a ``BatchSpanProcessor`` exporting OTLP/HTTP to a
``coordgap collect`` started on 127.0.0.1 (it writes coordgap's local store at
STORE_DIR); Pydantic AI's instrumentation on for every agent with content
(``Agent.instrument_all(InstrumentationSettings(tracer_provider=..., include_content=True))``).
Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), and each run is graded after it ends
with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the OpenInference LLM spans (one model response of one agent, named by
Pydantic AI's ``gen_ai.agent.name`` on the span); after all runs they are read back from
the store and must be the script's, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _apiary_runs_a,
    _apiary_runs_b,
    _apiary_runs_c,
    _apiary_runs_ok,
    _collected,
)
from benchmarks.corpus._apiary_team import check_run, play
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import agent_steps, pydantic_ai_openinference_turn, read_lines

FRAMEWORK = "pydanticai-openinference-apiary"
SERVICE = "heathfield-honey-desk"
RUNS: list[Run] = [
    *_apiary_runs_a.RUNS,
    *_apiary_runs_b.RUNS,
    *_apiary_runs_c.RUNS,
    *_apiary_runs_ok.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up as OpenInference's README shows it: its span
    processor first, then the exporter; Pydantic AI's instrumentation of every agent with
    content."""
    from openinference.instrumentation.pydantic_ai import OpenInferenceSpanProcessor
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor
    from pydantic_ai import Agent
    from pydantic_ai.models.instrumented import InstrumentationSettings

    made = TracerProvider(resource=Resource.create({"service.name": SERVICE}))
    made.add_span_processor(OpenInferenceSpanProcessor())
    made.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(made)
    Agent.instrument_all(InstrumentationSettings(tracer_provider=made, include_content=True))
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team; its trace id."""
    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow honey-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans), in start order,
    as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), pydantic_ai_openinference_turn)
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK, RUNS, check_answer, tracing, solve, recorded, expected_agents, marked
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
