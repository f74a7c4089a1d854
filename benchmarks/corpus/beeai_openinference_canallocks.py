"""A canal trust's lock-maintenance desk as a BeeAI team, traced by OpenInference.

    python -m benchmarks.corpus.beeai_openinference_canallocks STORE_DIR RECORDS.json

BeeAI Framework (``beeai-framework``): a lead ``RequirementAgent`` whose tools are
``HandoffTool``s to four other ``RequirementAgent``s (BeeAI's way for an agent to hand
work to another and get its answer back): a works lead who plans and briefs, a log clerk
with a real ``read_file`` tool, an analyst whose ``run_python`` tool runs its Python in a
real subprocess, a verifier, and a notice writer; the lead's ``final_answer`` is the run's
answer (see ``_lock_team``). Every agent's model is BeeAI's ``OpenAIChatModel`` pointed at
a local stand-in for the OpenAI API replaying that run's scripted responses; no network.

Traced as a Phoenix user would, not by coordgap's integration: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), set as the global provider, and
``openinference-instrumentation-beeai``'s ``BeeAIInstrumentor`` on it (content recorded,
its default). OpenTelemetry's default limit of 128 attributes a span is left as it is.
Each question runs inside a span of the user's own marking the run
(``gen_ai.operation.name`` = ``invoke_workflow``), graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

BeeAI cannot share the project's main environment (every beeai-framework release pins a
json-repair that CrewAI 1.6.1's exact pin excludes), so the ``beeai`` extra lives in its
own virtualenv, ``.venv-beeai`` (``make beeai``), as Phoenix does: run from an interpreter
without BeeAI, this module starts itself again under ``$COORDGAP_BEEAI_PYTHON`` or
``.venv-beeai/bin/python``.

The turns are OpenInference's LLM spans (``OpenAIChatModel``, one model response each);
the agent of a turn is the ``agent.name`` of its parent AGENT span (the
``RequirementAgent``'s run); after all runs they are read back from the store and must be
the script's, in order.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _lock_runs_a,
    _lock_runs_b,
    _lock_runs_c,
    _lock_runs_ok,
    _lock_runs_ok_b,
)
from benchmarks.corpus._desk import Run, expected_agents, marked
from benchmarks.corpus._lock_script import check_answer
from benchmarks.corpus._steps import beeai_openinference_steps
from benchmarks.corpus.generate import read_lines

FRAMEWORK = "beeai-openinference-canallocks"
SERVICE = "marsh-lane-lock-desk"
ROOT = Path(__file__).resolve().parents[2]
PYTHON_ENV = "COORDGAP_BEEAI_PYTHON"
RUNS: list[Run] = [
    *_lock_runs_a.RUNS,
    *_lock_runs_b.RUNS,
    *_lock_runs_c.RUNS,
    *_lock_runs_ok.RUNS,
    *_lock_runs_ok_b.RUNS,
]


def beeai_python() -> Path | None:
    """The interpreter of BeeAI's own virtualenv, if there is one."""
    configured = os.environ.get(PYTHON_ENV)
    path = Path(configured) if configured else ROOT / ".venv-beeai" / "bin" / "python"
    return path if path.exists() else None


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's BeeAI instrumentor on it."""
    from openinference.instrumentation.beeai import BeeAIInstrumentor

    made = _collected.provider(endpoint, SERVICE)
    BeeAIInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the lead's run; its trace id."""
    from benchmarks.corpus._lock_team import check_run, play

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(
        SERVICE, "invoke_workflow lock-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (OpenInference's LLM spans, each the agent of
    its parent AGENT span), in start order, as ``generate.py`` will count them."""
    steps = beeai_openinference_steps(read_lines(store))
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    if importlib.util.find_spec("beeai_framework") is None:
        python = beeai_python()
        if python is None:
            raise SystemExit(f"no BeeAI here: run `make beeai` or set {PYTHON_ENV}")
        args = [str(python), "-m", __spec__.name if __spec__ else __name__, *sys.argv[1:]]
        os.execv(str(python), args)
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
            env={"LITELLM_LOCAL_MODEL_COST_MAP": "True"},
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
