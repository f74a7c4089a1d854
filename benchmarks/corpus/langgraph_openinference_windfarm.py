"""A wind-farm maintenance desk as a hand-built LangGraph team, traced by OpenInference.

    python -m benchmarks.corpus.langgraph_openinference_windfarm STORE_DIR RECORDS.json

LangGraph (``langgraph`` from PyPI), no prebuilt multi-agent package: a ``StateGraph``
whose nodes are a site lead (routing with ``Command(goto=...)``), a records analyst and a
reliability engineer with a real ``read_file`` tool (``ToolNode``s), a coder, a code
runner node that runs the coder's Python in a real subprocess, a verifier and a writer,
sharing one ``messages`` state. Every agent's model is a scripted LangChain chat model
replaying that agent's lines (see ``_wind_team``); no network.

Traced as a LangChain / Phoenix user would, not by coordgap's integrations: an
OpenTelemetry SDK ``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect``
started on 127.0.0.1 (it writes coordgap's local store at STORE_DIR), and
``openinference-instrumentation-langchain``'s ``LangChainInstrumentor`` on it (content
recorded, OpenInference's default): CHAIN spans for the graph and its nodes, LLM spans for
the model calls, TOOL spans for the tools. Each question runs inside a span of the user's
own marking the run (``gen_ai.operation.name`` = ``invoke_workflow``), and each run is
graded after it ends with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the LLM spans (one model response; the agent is the graph node it ran in,
``langgraph_node`` in the span's ``metadata``); after all runs they are read back from
the store and must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _wind_runs_a,
    _wind_runs_b,
    _wind_runs_c,
    _wind_runs_ok,
    _wind_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import agent_steps, langchain_openinference_turn, read_lines

FRAMEWORK = "langgraph-openinference-windfarm"
SERVICE = "carrow-hill-maintenance-desk"
RUNS: list[Run] = [
    *_wind_runs_a.RUNS,
    *_wind_runs_b.RUNS,
    *_wind_runs_c.RUNS,
    *_wind_runs_ok.RUNS,
    *_wind_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's LangChain instrumentor on it."""
    from openinference.instrumentation.langchain import LangChainInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    LangChainInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the graph; its trace id."""
    from benchmarks.corpus._wind_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow maintenance-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans, each the graph
    node's it ran in), in start order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), langchain_openinference_turn)
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK, RUNS, check_answer, tracing, solve, recorded, expected_agents, marked
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
