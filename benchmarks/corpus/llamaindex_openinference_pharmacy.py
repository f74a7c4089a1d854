"""A hospital pharmacy's stock desk as a LlamaIndex ``AgentWorkflow``, traced by OpenInference.

    python -m benchmarks.corpus.llamaindex_openinference_pharmacy STORE_DIR RECORDS.json

LlamaIndex (``llama-index-core`` from PyPI): a multi-agent ``AgentWorkflow`` of six
``FunctionAgent``s handing the floor to each other with the workflow's own ``handoff``
tool, the root agent a pharmacy lead; a stock clerk and a formulary pharmacist with a
real ``read_file`` tool, a coder whose ``run_python`` tool runs its Python in a real
subprocess, a checker, a writer (see ``_pharm_team``). Every agent's model is a scripted
LlamaIndex ``FunctionCallingLLM`` replaying that agent's lines; no network.

Traced as a LlamaIndex / Phoenix user would, not by coordgap's integrations: an
OpenTelemetry SDK ``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect``
started on 127.0.0.1 (it writes coordgap's local store at STORE_DIR), and
``openinference-instrumentation-llama-index``'s ``LlamaIndexInstrumentor`` on it (content
recorded, OpenInference's default): CHAIN spans for the workflow and its steps, LLM spans
for the model calls, TOOL spans for the tools. Each question runs inside a span of the
user's own marking the run (``gen_ai.operation.name`` = ``invoke_workflow``), and each
run is graded after it ends with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the LLM spans that record a response (``<LLM>.achat``: one model response
each; the agent is the ``current_agent_name`` of the ``AgentWorkflow.run_agent_step``
span it ran in); after all runs they are read back from the store and must be the
script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _pharm_runs_a,
    _pharm_runs_b,
    _pharm_runs_c,
    _pharm_runs_ok,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import llamaindex_openinference_steps, read_lines

FRAMEWORK = "llamaindex-openinference-pharmacy"
SERVICE = "st-aldhelms-pharmacy-stock-desk"
RUNS: list[Run] = [
    *_pharm_runs_a.RUNS,
    *_pharm_runs_b.RUNS,
    *_pharm_runs_c.RUNS,
    *_pharm_runs_ok.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's LlamaIndex instrumentor on it."""
    from openinference.instrumentation.llama_index import LlamaIndexInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    LlamaIndexInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the workflow; its trace id."""
    from benchmarks.corpus._pharm_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow stock-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans holding a response,
    each the agent of the workflow step it ran in), in start order, as ``generate.py``
    will count them."""
    steps = llamaindex_openinference_steps(read_lines(store))
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK, RUNS, check_answer, tracing, solve, recorded, expected_agents, marked
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
