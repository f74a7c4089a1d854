"""A dairy co-op's milk collections desk as a LangGraph supervisor team, traced by
OpenLLMetry.

    python -m benchmarks.corpus.langgraph_openllmetry_dairy STORE_DIR RECORDS.json

LangGraph (``langgraph`` from PyPI): a hand-written supervisor node, ``collections_lead``,
routing with ``Command(goto=...)`` to five workers built with
``langgraph.prebuilt.create_react_agent``, each with its own tools: a records clerk and a
pricing officer with a real ``read_file`` tool, a coder whose ``run_python`` tool runs its
Python in a real subprocess, a checker (both tools) and a writer whose answer ends the run.
Every agent's model is a scripted LangChain chat model replaying that agent's lines (see
``_dairy_team``); no network.

Traced as a user of Traceloop's OpenLLMetry LangChain instrumentation would without the
full ``traceloop-sdk``, not by coordgap's integrations: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), and ``opentelemetry-instrumentation-langchain``'s
``LangchainInstrumentor`` on it with its defaults (content recorded: ``TRACELOOP_TRACE_CONTENT``
unset means on; prompts and completions as ``gen_ai.input.messages`` /
``gen_ai.output.messages``). Traceloop's telemetry is off. Each question runs inside a span of
the user's own marking the run (``gen_ai.operation.name`` = ``invoke_workflow``), and each
run is graded after it ends with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are OpenLLMetry's ``chat`` spans (one model response each); the agent is the
top-level graph node the call ran in, the first name of the span's
``traceloop.association.properties.langgraph_checkpoint_ns``. After all runs they are read
back from the store and must be the script's, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _dairy_runs_a,
    _dairy_runs_b,
    _dairy_runs_c,
    _dairy_runs_ok,
    _dairy_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import agent_steps, langchain_openllmetry_turn, read_lines

FRAMEWORK = "langgraph-openllmetry-dairy"
SERVICE = "fenmoor-collections-desk"
RUNS: list[Run] = [
    *_dairy_runs_a.RUNS,
    *_dairy_runs_b.RUNS,
    *_dairy_runs_c.RUNS,
    *_dairy_runs_ok.RUNS,
    *_dairy_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenLLMetry's LangChain instrumentor on it."""
    from opentelemetry.instrumentation.langchain import LangchainInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    LangchainInstrumentor().instrument(tracer_provider=made)
    return made


def check(run: Run) -> None:
    """The script's answer fits its mode and the graph can play its turns."""
    from benchmarks.corpus._dairy_team import check_flow

    check_answer(run)
    check_flow(run)


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the graph; its trace id."""
    from benchmarks.corpus._dairy_team import check_run, play

    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow collections-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenLLMetry's chat spans, each the graph node's
    it ran in), in start order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), langchain_openllmetry_turn)
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK,
            RUNS,
            check,
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
