"""A council recycling depot's figures desk as an Agno ``Team``, traced by OpenLLMetry.

    python -m benchmarks.corpus.agno_openllmetry_recycling STORE_DIR RECORDS.json

Agno (``agno`` from PyPI): a ``Team`` in coordinate mode whose leader, ``depot_lead``,
plans and delegates with Agno's own ``delegate_task_to_member`` tool to four member
``Agent``s: a records clerk with a real ``read_file`` tool, an analyst whose
``run_python`` tool runs its Python in a real subprocess, a checker, and a bulletin
writer; the lead writes the final answer (see ``_recy_team``). Every agent's model is a
subclass of Agno's ``Model`` replaying that agent's scripted responses; no network, Agno
telemetry off.

Traced as an OpenLLMetry user would, not by coordgap's integrations: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), and OpenLLMetry's Agno instrumentor
(``opentelemetry-instrumentation-agno``'s ``AgnoInstrumentor``, no traceloop-sdk) on it,
its content on (``TRACELOOP_TRACE_CONTENT=true``) and its telemetry off
(``TRACELOOP_TELEMETRY=false``). It records ``<team>.team`` spans for ``Team.run``,
``<agent>.agent`` spans for each member's ``Agent.run`` and ``<tool>.tool`` spans for each
tool call, but no model call. Each question runs inside a span of the user's own marking
the run (``gen_ai.operation.name`` = ``invoke_workflow``), graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns (one model response each) are the tool spans (a response calling that tool,
the agent of the run span it ran in) and the run spans themselves (the response that
ended that run), ordered by a tool span's start and a run span's end
(``_steps.agno_openllmetry_steps``); after all runs they are read back from the store and
must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import _collected, _recy_runs_a, _recy_runs_b, _recy_runs_ok
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._steps import agno_openllmetry_steps
from benchmarks.corpus.generate import read_lines

FRAMEWORK = "agno-openllmetry-recycling"
SERVICE = "ashby-bridge-depot-desk"
RUNS: list[Run] = [*_recy_runs_a.RUNS, *_recy_runs_b.RUNS, *_recy_runs_ok.RUNS]
ENV = {"AGNO_TELEMETRY": "false", "TRACELOOP_TELEMETRY": "false", "TRACELOOP_TRACE_CONTENT": "true"}


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenLLMetry's Agno instrumentor on it."""
    from opentelemetry.instrumentation.agno import AgnoInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    AgnoInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team's run; its trace id."""
    from benchmarks.corpus._recy_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "traceloop.entity.input": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow depot-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns, in order, as ``generate.py`` will count them."""
    steps = agno_openllmetry_steps(read_lines(store))
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
            env=ENV,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
