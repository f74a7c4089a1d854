"""A community foundation's grants office as a smolagents team, traced by OpenInference.

    python -m benchmarks.corpus.smolagents_managed_grants STORE_DIR RECORDS.json

Hugging Face smolagents (``smolagents`` from PyPI): a manager ``CodeAgent`` whose
``managed_agents`` are a ledger clerk, a fund adviser, a data analyst (a ``CodeAgent``
of its own), a panel reviewer and a report writer; the manager's Python, run by
smolagents' local executor, calls them as functions. Every agent's model is
smolagents' ``OpenAIModel`` on a client replaying that agent's lines (see
``_grants_team``); no network.

Traced as a smolagents user would, not by coordgap's integrations: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1
(it writes coordgap's local store at STORE_DIR), ``openinference-instrumentation-
smolagents``'s ``SmolagentsInstrumentor`` on it (content recorded, OpenInference's
default): ``<agent>.run`` AGENT spans, ``Step N`` CHAIN spans, ``ReplayModel.generate``
LLM spans and tool spans. Each question runs inside a span of the user's own marking the
run (``gen_ai.operation.name`` = ``invoke_workflow``), and each run is graded after it
ends with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the LLM spans (one model response; the agent is the ``<agent>.run`` span
above it); after all runs they are read back from the store and must be the script's,
in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _grants_runs_a,
    _grants_runs_b,
    _grants_runs_c,
    _grants_runs_d,
    _grants_runs_ok,
    _grants_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import read_lines, smolagents_steps

FRAMEWORK = "smolagents-managed-grants"
SERVICE = "kestrel-vale-grants-office"
# no Hugging Face Hub calls, no telemetry
OFFLINE = {"HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}
RUNS: list[Run] = [
    *_grants_runs_a.RUNS,
    *_grants_runs_b.RUNS,
    *_grants_runs_c.RUNS,
    *_grants_runs_d.RUNS,
    *_grants_runs_ok.RUNS,
    *_grants_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's smolagents instrumentor on it."""
    from openinference.instrumentation.smolagents import SmolagentsInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    SmolagentsInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the manager; its trace id."""
    from benchmarks.corpus._grants_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow grants-office", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans, each the agent's
    whose ``.run`` span holds it), in start order, as ``generate.py`` will count them."""
    steps = smolagents_steps(read_lines(store))
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
            env=OFFLINE,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
