"""A tide-gauge network's data desk as a Semantic Kernel team, traced by Semantic Kernel.

    python -m benchmarks.corpus.semantickernel_native_tidegauge STORE_DIR RECORDS.json

Semantic Kernel (``semantic-kernel`` from PyPI): a lead ``ChatCompletionAgent`` whose
kernel holds four other ``ChatCompletionAgent``s as plugins (an agent added as a plugin is
a kernel function that runs it), every agent's chat completion service a ``ScriptedChat``
replaying its lines (see ``_tide_team``); the coder's and the checker's Python runs in a
real subprocess.

Traced by Semantic Kernel's own OpenTelemetry diagnostics, not by coordgap's integrations:
switched on by ``SEMANTICKERNEL_EXPERIMENTAL_GENAI_ENABLE_OTEL_DIAGNOSTICS`` and
``..._SENSITIVE`` (set before Semantic Kernel is imported: its settings are read then),
through the global OpenTelemetry SDK ``TracerProvider`` with a ``BatchSpanProcessor``
exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it writes coordgap's
local store at STORE_DIR). Each question runs inside a span of the user's own marking the
run (``gen_ai.operation.name`` = ``invoke_workflow``), and each run is graded after it ends
with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are Semantic Kernel's ``chat <model>`` spans (one model response), each the
agent of its parent ``invoke_agent <agent>`` span; after all runs they are read back from
the store and must be the script's, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _tide_runs_a,
    _tide_runs_b,
    _tide_runs_c,
    _tide_runs_ok,
    _tide_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import read_lines, semantic_kernel_steps

FRAMEWORK = "semantickernel-native-tidegauge"
SERVICE = "firth-tide-desk"
RUNS: list[Run] = [
    *_tide_runs_a.RUNS,
    *_tide_runs_b.RUNS,
    *_tide_runs_c.RUNS,
    *_tide_runs_ok.RUNS,
    *_tide_runs_ok_b.RUNS,
]
# Semantic Kernel's documented switches for its GenAI telemetry, the sensitive one with
# message content (agents' input and output messages, tool arguments and results)
TELEMETRY = {
    "SEMANTICKERNEL_EXPERIMENTAL_GENAI_ENABLE_OTEL_DIAGNOSTICS": "true",
    "SEMANTICKERNEL_EXPERIMENTAL_GENAI_ENABLE_OTEL_DIAGNOSTICS_SENSITIVE": "true",
}


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up as Semantic Kernel's telemetry samples show it: an
    SDK provider exporting OTLP, set as the global provider Semantic Kernel traces to."""
    return _collected.provider(endpoint, SERVICE)


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team; its trace id."""
    from benchmarks.corpus._tide_team import check_run, play

    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow tide-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (Semantic Kernel's chat spans), in start
    order, as ``generate.py`` will count them."""
    steps = semantic_kernel_steps(read_lines(store))
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
            env=TELEMETRY,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
