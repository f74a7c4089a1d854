"""A school district's meals desk as a Pydantic AI team, traced by Pydantic AI's own spans.

    python -m benchmarks.corpus.pydanticai_delegation_meals STORE_DIR RECORDS.json

Pydantic AI (``pydantic-ai-slim`` from PyPI): a coordinator agent delegating to five
specialists through tools that run them (agent delegation), every agent's model a
``FunctionModel`` replaying its lines (see ``_meals_team``); the analyst's and the
reviewer's Python runs in a real subprocess.

Traced as a Pydantic AI user would, not by coordgap's integrations: an OpenTelemetry
SDK ``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on
127.0.0.1 (it writes coordgap's local store at STORE_DIR), Pydantic AI's own
instrumentation on it for every agent (``Agent.instrument_all(InstrumentationSettings(
tracer_provider=..., include_content=True))``: GenAI ``invoke_agent``, ``chat`` and
``execute_tool`` spans), each question inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), and each run graded after it ends
with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the ``chat`` spans (one model response of one agent, its
``gen_ai.agent.name``); after all runs they are read back from the store and must be
the script's, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _meals_runs_a,
    _meals_runs_b,
    _meals_runs_c,
    _meals_runs_d,
    _meals_runs_ok,
    _meals_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._meals_team import check_run, play
from benchmarks.corpus.generate import agent_steps, pydantic_ai_turn, read_lines

FRAMEWORK = "pydanticai-delegation-meals"
SERVICE = "harlow-valley-meals-desk"
RUNS: list[Run] = [
    *_meals_runs_a.RUNS,
    *_meals_runs_b.RUNS,
    *_meals_runs_c.RUNS,
    *_meals_runs_d.RUNS,
    *_meals_runs_ok.RUNS,
    *_meals_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and Pydantic AI's instrumentation of every agent
    with content."""
    from pydantic_ai import Agent
    from pydantic_ai.models.instrumented import InstrumentationSettings

    made = _collected.provider(endpoint, SERVICE)
    Agent.instrument_all(InstrumentationSettings(tracer_provider=made, include_content=True))
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team; its trace id."""
    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow meals-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (Pydantic AI's ``chat`` spans), in start
    order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), pydantic_ai_turn)
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK, RUNS, check_answer, tracing, solve, recorded, expected_agents, marked
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
