"""A theatre's box office desk as a Strands Agents ``Swarm``, traced by Strands' own spans.

    python -m benchmarks.corpus.strands_swarm_theatre STORE_DIR RECORDS.json

Strands Agents (``strands-agents`` from PyPI): six ``Agent``s in a ``Swarm`` passing the
floor with the swarm's own ``handoff_to_agent`` tool (a house manager who plans, a box
office clerk and a rights officer with a real ``read_file`` tool, an analyst whose
``run_python`` tool runs its Python in a real subprocess, an auditor, a report writer; see
``_stage_team``). Every agent's model is a scripted Strands ``Model`` replaying that
agent's responses; no network.

Traced as a Strands user would from Strands' docs, not by coordgap's integrations:
``StrandsTelemetry().setup_otlp_exporter(endpoint=...)`` (an SDK ``TracerProvider`` set as
the global provider, a ``BatchSpanProcessor`` exporting OTLP/HTTP) to a ``coordgap
collect`` started on 127.0.0.1 (it writes coordgap's local store at STORE_DIR), with
Strands' default GenAI conventions (``OTEL_SEMCONV_STABILITY_OPT_IN`` unset: message
content recorded as span events). Strands' tracer writes ``invoke_swarm``, ``invoke_agent
<name>``, ``execute_event_loop_cycle``, ``chat`` and ``execute_tool <tool>`` spans. Each
question runs inside a span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), graded after it ends with a late ``tracer.outcome(ok, reason,
trace_id=...)``.

The turns are the ``chat`` spans (one model response each); the agent of a turn is the
``gen_ai.agent.name`` of the ``invoke_agent`` span it ran under; after all runs they are
read back from the store and must be the script's, in order.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _stage_runs_eve,
    _stage_runs_occ,
    _stage_runs_ok,
    _stage_runs_ok_b,
    _stage_runs_roy,
    _stage_runs_week,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import read_lines, strands_steps

FRAMEWORK = "strands-swarm-theatre"
SERVICE = "lantern-street-box-office"
# Strands' docs: the conventions it has always emitted unless the user opts in to the latest
OPT_IN = "OTEL_SEMCONV_STABILITY_OPT_IN"
RUNS: list[Run] = [
    *_stage_runs_roy.RUNS,
    *_stage_runs_eve.RUNS,
    *_stage_runs_occ.RUNS,
    *_stage_runs_week.RUNS,
    *_stage_runs_ok.RUNS,
    *_stage_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's set-up from Strands' docs: ``StrandsTelemetry`` with its OTLP exporter."""
    from strands.telemetry import StrandsTelemetry

    os.environ.pop(OPT_IN, None)
    return StrandsTelemetry().setup_otlp_exporter(endpoint=endpoint).tracer_provider


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the swarm; its trace id."""
    from benchmarks.corpus._stage_team import check_run, play

    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow box-office-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (Strands' ``chat`` spans, each the agent of the
    ``invoke_agent`` span above it), in start order, as ``generate.py`` will count them."""
    steps = strands_steps(read_lines(store))
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
            env={"OTEL_SERVICE_NAME": SERVICE},
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
