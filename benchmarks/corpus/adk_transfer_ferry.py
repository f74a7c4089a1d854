"""A ferry operator's operations desk as a Google ADK team, traced by ADK's own spans.

    python -m benchmarks.corpus.adk_transfer_ferry STORE_DIR RECORDS.json

Google's Agent Development Kit (``google-adk`` from PyPI): a root coordinator
``LlmAgent`` that hands the floor to four sub-agents with ADK's ``transfer_to_agent``
and calls a checker wrapped as an ``AgentTool``, every agent's model a scripted
``BaseLlm`` replaying its lines (see ``_ferry_team``), run by ADK's ``InMemoryRunner``;
the analyst's and the checker's Python runs in a real subprocess.

Traced as an ADK user would, not by coordgap's integrations: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1
(it writes coordgap's local store at STORE_DIR), set as the global provider, which
ADK's tracer (``trace.get_tracer("gcp.vertex.agent")``) uses: ``invoke_workflow``,
``invoke_agent``, ``generate_content`` and ``execute_tool`` spans. Message content is
recorded on the spans with the OpenTelemetry GenAI switch
``OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=SPAN_ONLY`` (ADK 2.x records none
by default). Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), and each run is graded after it
ends with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the ``generate_content`` spans (one model response of one agent, its
``gen_ai.agent.name``); after all runs they are read back from the store and must be
the script's, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _ferry_runs_a,
    _ferry_runs_b,
    _ferry_runs_c,
    _ferry_runs_d,
    _ferry_runs_ok,
    _ferry_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._ferry_team import check_run, play
from benchmarks.corpus.generate import adk_turn, agent_steps, read_lines

# ADK records message content on its spans only when asked (before it is imported)
CONTENT = {"OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT": "SPAN_ONLY"}

FRAMEWORK = "adk-transfer-ferry"
SERVICE = "skerrow-ferries-ops-desk"
RUNS: list[Run] = [
    *_ferry_runs_a.RUNS,
    *_ferry_runs_b.RUNS,
    *_ferry_runs_c.RUNS,
    *_ferry_runs_d.RUNS,
    *_ferry_runs_ok.RUNS,
    *_ferry_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up (ADK's tracer is the global provider's)."""
    return _collected.provider(endpoint, SERVICE)


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team; its trace id."""
    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow ferry-ops-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (ADK's ``generate_content`` spans), in start
    order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), adk_turn)
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
            env=CONTENT,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
