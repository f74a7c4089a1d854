"""A regional theatre's box office as a sequential CrewAI crew, traced by OpenInference.

    python -m benchmarks.corpus.crewai_openinference_boxoffice STORE_DIR RECORDS.json

CrewAI (``crewai`` 1.6.1, the project's ``crewai`` extra): a ``Process.sequential`` crew
of six agents whose tasks pass their results on as ``context`` (see ``_box_team``): a
manager's plan, a contracts clerk and a sales ledger clerk with a real ``read_file``
tool, an analyst whose ``run_python`` tool runs its Python in a real subprocess, a
checker that may read files and ask or hand work to a coworker with CrewAI's own
delegation tools, and a writer who gives the final answer. Every agent's model is
CrewAI's ``LLM`` (its native OpenAI provider) pointed at a local stand-in for the OpenAI
API replaying that run's scripted ReAct responses; no network, CrewAI telemetry off.

Traced as a Phoenix user following OpenInference's CrewAI instructions would, not by
coordgap's integrations: an OpenTelemetry SDK ``TracerProvider`` exporting OTLP/HTTP to a
``coordgap collect`` started on 127.0.0.1 (it writes coordgap's local store at
STORE_DIR), ``openinference-instrumentation-crewai``'s ``CrewAIInstrumentor`` on it
(crew kickoff CHAIN span, one AGENT span per task) and, since that instrumentor records
no model calls, ``openinference-instrumentation-openai``'s ``OpenAIInstrumentor`` for the
LLM spans (``ChatCompletion``) of the OpenAI client CrewAI's provider uses. Each question
runs inside a span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), graded after it ends with a late ``tracer.outcome(ok, reason,
trace_id=...)``.

The turns are the LLM spans (one model response each); the agent of a turn is the role
its request's system message names ("You are <role>. ..."): a coworker's answer to a
delegation runs inside the delegating agent's task span, so the span's AGENT parent does
not always name it. After all runs the turns are read back from the store and must be
the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _box_runs_a,
    _box_runs_b,
    _box_runs_c,
    _box_runs_d,
    _box_runs_ok,
    _box_runs_ok_b,
    _collected,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import agent_steps, crewai_openinference_turn, read_lines

FRAMEWORK = "crewai-openinference-boxoffice"
SERVICE = "corran-street-box-office"
RUNS: list[Run] = [
    *_box_runs_a.RUNS,
    *_box_runs_b.RUNS,
    *_box_runs_c.RUNS,
    *_box_runs_d.RUNS,
    *_box_runs_ok.RUNS,
    *_box_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, OpenInference's CrewAI instrumentor on it and its
    OpenAI instrumentor for the model calls. The CrewAI instrumentor declares ``crewai >=
    1.10.1``; on the project's CrewAI 1.6.1 its dependency check is skipped
    (``skip_dep_check=True``, as CrewAI + Phoenix set-ups commonly pass it), else it
    would log the conflict and instrument nothing."""
    from openinference.instrumentation.crewai import CrewAIInstrumentor
    from openinference.instrumentation.openai import OpenAIInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    CrewAIInstrumentor().instrument(tracer_provider=made, skip_dep_check=True)
    OpenAIInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the crew's kickoff; its trace
    id."""
    from benchmarks.corpus._box_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow box-office-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's OpenAI LLM spans, each the role
    its system message names), in start order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), crewai_openinference_turn)
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
