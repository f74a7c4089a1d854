"""A city marathon's results office as a DSPy team, traced by OpenInference.

    python -m benchmarks.corpus.dspy_openinference_marathon STORE_DIR RECORDS.json

DSPy (``dspy`` from PyPI): a director program (a ``dspy.Module`` holding a ``dspy.ReAct``)
calling four colleagues' modules through its tools, every agent's LM a ``dspy.LM``
subclass replaying its lines in DSPy's chat format (see ``_marathon_team``); the coder's
and the checker's Python runs in a real subprocess.

Traced as the OpenInference README for DSPy shows, not by coordgap's integrations: an
OpenTelemetry SDK ``TracerProvider`` with a ``BatchSpanProcessor`` exporting OTLP/HTTP to a
``coordgap collect`` started on 127.0.0.1 (it writes coordgap's local store at
STORE_DIR), and ``DSPyInstrumentor().instrument(tracer_provider=...)``
(``openinference-instrumentation-dspy``: a CHAIN span for every module call, predictor and
adapter call, an LLM span for every LM call with its messages). Each question runs inside
a span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), and each run is graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the LLM spans (``ScriptedLM.__call__``: one completion of one agent), each
the agent whose module span (``<Agent>.forward``) is its nearest such ancestor; after all
runs they are read back from the store and must be the script's, in order.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("LITELLM_TELEMETRY", "False")

from benchmarks.corpus import (  # noqa: E402
    _collected,
    _marathon_runs_a,
    _marathon_runs_b,
    _marathon_runs_ok,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked  # noqa: E402
from benchmarks.corpus._marathon_team import check_run, play  # noqa: E402
from benchmarks.corpus.generate import dspy_openinference_steps, read_lines  # noqa: E402

FRAMEWORK = "dspy-openinference-marathon"
SERVICE = "kingsford-results-office"
RUNS: list[Run] = [
    *_marathon_runs_a.RUNS,
    *_marathon_runs_b.RUNS,
    *_marathon_runs_ok.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up as OpenInference's README shows it: an OTLP
    exporter behind a batch processor, and DSPy's instrumentor on that provider."""
    from openinference.instrumentation.dspy import DSPyInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    DSPyInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team; its trace id."""
    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow results-office", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans), in start order,
    as ``generate.py`` will count them."""
    steps = dspy_openinference_steps(read_lines(store))
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK, RUNS, check_answer, tracing, solve, recorded, expected_agents, marked
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
