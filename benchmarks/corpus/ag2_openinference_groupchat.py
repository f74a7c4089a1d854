"""A bike-share operator's analytics team as an AG2 group chat, traced by OpenInference.

    python -m benchmarks.corpus.ag2_openinference_groupchat STORE_DIR RECORDS.json

Classic AG2 (``ag2`` from PyPI, imported as ``autogen``): four to seven
``*_Expert`` agents per question and a ``Computer_terminal`` that runs their
fenced Python in a real subprocess (``LocalCommandLineCodeExecutor``), in a
``GroupChat`` whose speakers follow the script (see ``_bike_team``). Every
expert's model is a scripted client registered with ``register_model_client``.

Traced as a user of a third-party instrumentation would, not by coordgap's
integrations: an OpenTelemetry SDK ``TracerProvider`` exporting OTLP/HTTP to a
``coordgap collect`` started on 127.0.0.1 (it writes coordgap's local store at
STORE_DIR), ``openinference-instrumentation-ag2``'s ``AG2Instrumentor`` on it
(message content recorded, OpenInference's default), each question inside a
span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), and each run graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the OpenInference spans that hold an expert's or the terminal's
message (``{agent}.generate_reply`` with an ``output.value``); after all runs
their agents are read back from the store and must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _bike_runs_a,
    _bike_runs_b,
    _bike_runs_c,
    _bike_runs_ok,
    _bike_runs_ok_b,
    _collected,
)
from benchmarks.corpus._bike_team import Run, check_chat, expected_agents, marked, play
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus.generate import agent_steps, openinference_ag2_turn, read_lines

FRAMEWORK = "ag2-openinference-groupchat"
SERVICE = "riverton-bikes-desk"
RUNS: list[Run] = [
    *_bike_runs_a.RUNS,
    *_bike_runs_b.RUNS,
    *_bike_runs_c.RUNS,
    *_bike_runs_ok.RUNS,
    *_bike_runs_ok_b.RUNS,
]


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's AG2 instrumentor on it."""
    from openinference.instrumentation.ag2 import AG2Instrumentor

    made = _collected.provider(endpoint, SERVICE)
    AG2Instrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the chat; its trace id."""
    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow bikes-analytics", attrs, run, lambda: check_chat(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (the OpenInference reply spans holding a
    message), in start order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), openinference_ag2_turn)
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def _check(run: Run) -> None:
    healthy = run.mode == HEALTHY
    if (run.expect in run.answer) != healthy or not run.answer and healthy:
        raise SystemExit(f"{run.scenario}: answer {run.answer!r} vs right figure {run.expect!r}")
    root, symptom = marked(run, "root"), marked(run, "symptom")
    if healthy != (root is None) or healthy != (symptom is None):
        raise SystemExit(f"{run.scenario}: mistake and symptom marks do not fit the mode")


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK, RUNS, _check, tracing, solve, recorded, expected_agents, marked
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
