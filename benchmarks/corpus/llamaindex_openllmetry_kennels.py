"""A boarding kennels' bookings desk as a LlamaIndex ``AgentWorkflow``, traced by OpenLLMetry.

    python -m benchmarks.corpus.llamaindex_openllmetry_kennels STORE_DIR RECORDS.json

LlamaIndex (``llama-index-core`` from PyPI, the ``llamaindex`` pin): a multi-agent
``AgentWorkflow`` of five ``FunctionAgent``s handing the floor to each other with the
workflow's own ``handoff`` tool, the root agent a bookings manager; a kennel clerk with a
real ``read_file`` tool, a tally coder whose ``run_python`` tool runs its Python in a real
subprocess, a second reader (also ``read_file``), an owner liaison (see ``_kennel_team``).
Every agent's model is a scripted LlamaIndex ``FunctionCallingLLM`` replaying that
agent's lines; no network.

Traced as a user of Traceloop's OpenLLMetry LlamaIndex instrumentation would without the
full ``traceloop-sdk``, not by coordgap's integrations: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), and ``opentelemetry-instrumentation-llamaindex``'s
``LlamaIndexInstrumentor`` on it with its defaults (content recorded:
``TRACELOOP_TRACE_CONTENT`` unset means on; legacy attributes, no log events). Traceloop's
telemetry is off. Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), and each run is graded after it ends
with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the model-call spans holding a response (``ScriptedDeskLLM.task`` with
``gen_ai.operation.name`` = ``chat``: one model response each); the agent is the
``current_agent_name`` in the recorded output of the workflow step it ran in. After all
runs they are read back from the store and must be the script's, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _kennel_runs_a,
    _kennel_runs_b,
    _kennel_runs_c,
    _kennel_runs_ok,
    _kennel_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._steps import llamaindex_openllmetry_steps
from benchmarks.corpus.generate import read_lines

FRAMEWORK = "llamaindex-openllmetry-kennels"
SERVICE = "hollowbrook-bookings-desk"
RUNS: list[Run] = [
    *_kennel_runs_a.RUNS,
    *_kennel_runs_b.RUNS,
    *_kennel_runs_c.RUNS,
    *_kennel_runs_ok.RUNS,
    *_kennel_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenLLMetry's LlamaIndex instrumentor on it."""
    from opentelemetry.instrumentation.llamaindex import LlamaIndexInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    LlamaIndexInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the workflow; its trace id."""
    from benchmarks.corpus._kennel_team import check_run, play

    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow bookings-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenLLMetry's chat spans, each the agent of
    the workflow step it ran in), in start order, as ``generate.py`` will count them."""
    steps = llamaindex_openllmetry_steps(read_lines(store))
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
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
