"""A honey co-operative's season desk as a hierarchical CrewAI crew, traced by OpenLLMetry.

    python -m benchmarks.corpus.crewai_openllmetry_apiary STORE_DIR RECORDS.json

CrewAI (``crewai`` 1.6.1, the project's ``crewai`` extra): a ``Process.hierarchical`` crew
whose ``manager_agent``, the ``Season Desk Lead``, works both of the crew's tasks (the
second given the first's result as ``context``) by handing its four coworkers work with
CrewAI's own delegation tools (see ``_hive_team``): a records clerk with a real
``read_file`` tool, an analyst whose ``run_python`` tool runs its Python in a real
subprocess, a checker (also ``read_file``) and a writer whose draft the lead gives as the
crew's answer. Every agent's model is CrewAI's ``LLM`` (its native OpenAI provider)
pointed at a local stand-in for the OpenAI API replaying that run's scripted ReAct
responses; no network, CrewAI telemetry off.

Traced as an OpenLLMetry user without ``traceloop-sdk`` would, not by coordgap's
integrations: an OpenTelemetry SDK ``TracerProvider`` exporting OTLP/HTTP to a ``coordgap
collect`` started on 127.0.0.1 (it writes coordgap's local store at STORE_DIR), Traceloop's
``opentelemetry-instrumentation-crewai`` on it (a ``crewai.workflow`` span for the kickoff,
a ``<description>.task`` span per task, a ``<role>.agent`` span per ``Agent.execute_task``,
a delegated coworker's under the lead's) and, since that instrumentor records model calls
only through CrewAI's LiteLLM ``LLM.call`` (the native provider bypasses it), Traceloop's
``opentelemetry-instrumentation-openai`` for the ``openai.chat`` spans of the OpenAI client
CrewAI's provider uses. Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the ``openai.chat`` spans (one model response each); the agent of a turn is
the ``gen_ai.agent.name`` of the ``<role>.agent`` span it ran in, its parent. After all
runs the turns are read back from the store and must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import _collected, _hive_runs_a, _hive_runs_b, _hive_runs_ok
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._steps import crewai_openllmetry_steps
from benchmarks.corpus.generate import read_lines

FRAMEWORK = "crewai-openllmetry-apiary"
SERVICE = "heatherbank-season-desk"
RUNS: list[Run] = [*_hive_runs_a.RUNS, *_hive_runs_b.RUNS, *_hive_runs_ok.RUNS]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, OpenLLMetry's CrewAI instrumentor on it and its
    OpenAI instrumentor for the model calls. The CrewAI instrumentor declares ``crewai >=
    1.0.0`` (its ``instruments`` extra: ``crewai < 2``), which the project's 1.6.1 meets;
    no dependency check is skipped."""
    from opentelemetry.instrumentation.crewai import CrewAIInstrumentor
    from opentelemetry.instrumentation.openai import OpenAIInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    CrewAIInstrumentor().instrument(tracer_provider=made)
    OpenAIInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the crew's kickoff; its trace
    id."""
    from benchmarks.corpus._hive_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow season-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (the ``openai.chat`` spans, each the agent of
    its parent ``<role>.agent`` span), in start order, as ``generate.py`` will count them."""
    steps = crewai_openllmetry_steps(read_lines(store))
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
