"""A fruit co-op's intake desk as an Agno ``Team`` (coordinate mode), traced by OpenInference.

    python -m benchmarks.corpus.agno_openinference_orchard STORE_DIR RECORDS.json

Agno (``agno`` from PyPI): a ``Team`` whose leader, ``intake_lead``, plans and delegates
with Agno's own ``delegate_task_to_member`` tool to three member ``Agent``s: a grower
clerk with a real ``read_file`` tool, a coder whose ``run_python`` tool runs its Python
in a real subprocess, a checker; the lead writes the final answer (see ``_orch_team``).
Every agent's model is Agno's ``OpenAIChat`` with a local stand-in client replaying that
agent's scripted responses; no network, Agno telemetry off.

Traced as an Agno / Phoenix user would, not by coordgap's integrations: an OpenTelemetry
SDK ``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1
(it writes coordgap's local store at STORE_DIR), and ``openinference-instrumentation-
agno``'s ``AgnoInstrumentor`` on it: AGENT spans ``<name>.run`` for the team and each
member run (``agent.name``), LLM spans ``OpenAIChat.invoke`` for the model calls, TOOL
spans for the tools. Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the LLM spans (one model response each); the agent of a turn is the
``agent.name`` of the AGENT span it ran in (its parent); after all runs they are read
back from the store and must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import _collected, _orch_runs_a, _orch_runs_b, _orch_runs_ok
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import agno_openinference_steps, read_lines

FRAMEWORK = "agno-openinference-orchard"
SERVICE = "harrow-vale-intake-desk"
RUNS: list[Run] = [*_orch_runs_a.RUNS, *_orch_runs_b.RUNS, *_orch_runs_ok.RUNS]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's Agno instrumentor on it."""
    from openinference.instrumentation.agno import AgnoInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    AgnoInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team's run; its trace id."""
    from benchmarks.corpus._orch_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow intake-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans, each the agent of
    the AGENT span it ran in), in start order, as ``generate.py`` will count them."""
    steps = agno_openinference_steps(read_lines(store))
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
            env={"AGNO_TELEMETRY": "false"},
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
