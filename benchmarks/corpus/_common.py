"""What every framework module of the corpus generator shares.

A module builds a team on a real framework, driven by that framework's own
scripted model, runs it inside a ``@tracer.workflow`` that records the task
(content capture on), then grades the run the way a user's grader would: a late
``tracer.outcome(ok, reason, trace_id=...)``. Each run leaves a record: its
trace id, scenario, failure mode, and for a failing run the root-cause step as
(agent, ordinal turn of that agent), and the step where the failure shows
(the symptom: a wrong answer delivered or accepted, a report of trouble, an
error ignored). ``generate.py`` turns both steps into span ids once the spans
are written.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import tracer

HEALTHY = "healthy"

# Failure modes (the list, plus two no detector is meant to see).
CODE_FAILURE = "code_failure_ignored"
REPETITION = "repetition_loop"
PING_PONG = "ping_pong"
SELF_REPORT = "self_reported_trouble"
MADE_UP = "made_up_data"
LOST_CONSTRAINT = "lost_constraint"
TOOL_FAILURE = "tool_failure_ignored"
PREMATURE = "premature_termination"
WRONG_ACCEPTED = "wrong_answer_accepted"
MISREPORTED = "misreported_result"
# Mistakes whose symptom shows several steps later.
WRONG_INPUT = "wrong_input_carried"  # a wrong figure stated early flows into the answer
WRONG_SOURCE = "wrong_source_chosen"  # a wrong file, page, table or id picked early
BAD_SPLIT = "bad_decomposition"  # the planner's split of the task is wrong
BAD_ASSUMPTION = "bad_assumption"  # an unfounded assumption consumed later

TELEMETRY_OFF = {
    "AUTOGEN_DISABLE_RUNTIME_TRACING": "true",
    "LANGCHAIN_TRACING_V2": "false",
    "LANGSMITH_TRACING": "false",
    "ANONYMIZED_TELEMETRY": "false",
    "DO_NOT_TRACK": "1",
    # CrewAI: no telemetry upload, no tracing prompt (OTEL_SDK_DISABLED stays unset:
    # coordgap itself runs on the OpenTelemetry SDK)
    "CREWAI_DISABLE_TELEMETRY": "true",
    "CREWAI_TRACING_ENABLED": "false",
    "CREWAI_TESTING": "true",
}


@dataclass
class Record:
    trace_id: str
    framework: str
    scenario: str
    mode: str
    healthy: bool
    task: str
    root_agent: str | None = None
    root_turn: int | None = None
    symptom_agent: str | None = None
    symptom_turn: int | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


SCENARIOS_ENV = "COORDGAP_CORPUS_SCENARIOS"  # comma-separated: run only these scenarios


class Recorder:
    """Runs scenarios under a workflow span and keeps one record per run."""

    def __init__(self, framework: str) -> None:
        self.framework = framework
        self.records: list[Record] = []
        only = os.environ.get(SCENARIOS_ENV, "")
        self.only = {name.strip() for name in only.split(",") if name.strip()}

    async def run(
        self,
        scenario: str,
        mode: str,
        task: str,
        body: Callable[[str], Awaitable[str]],
        *,
        root: tuple[str, int] | None = None,
        symptom: tuple[str, int] | None = None,
        note: str = "",
    ) -> Record | None:
        """Run ``body(task)`` as one traced run, then grade it (failed unless healthy)."""
        if self.only and scenario not in self.only:
            return None
        holder: dict[str, str] = {}

        @tracer.workflow(self.framework)
        async def solve(task: str) -> str:
            holder["trace_id"] = tracer.current_trace_id() or ""
            return await body(task)

        await solve(task)
        healthy = mode == HEALTHY
        if (root is None) != healthy or (symptom is None) != healthy:
            raise ValueError(
                f"{scenario}: a failing run needs a root and a symptom step, a healthy one none"
            )
        # The grader's verdict arrives after the run, as it would from a user.
        reason = "graded correct" if healthy else f"graded wrong ({mode.replace('_', ' ')})"
        tracer.outcome(healthy, reason, trace_id=holder["trace_id"])
        record = Record(
            trace_id=holder["trace_id"],
            framework=self.framework,
            scenario=scenario,
            mode=mode,
            healthy=healthy,
            task=task,
            root_agent=root[0] if root else None,
            root_turn=root[1] if root else None,
            symptom_agent=symptom[0] if symptom else None,
            symptom_turn=symptom[1] if symptom else None,
            note=note,
        )
        self.records.append(record)
        return record

    def save(self, path: Path) -> None:
        path.write_text(json.dumps([asdict(r) for r in self.records], indent=1) + "\n", "utf-8")


def configure(framework: str, store: Path) -> None:
    """Telemetry of every framework off; coordgap's local store at ``store``, content on."""
    os.environ.update(TELEMETRY_OFF)
    tracer.configure(
        service_name=f"corpus-{framework}",
        path=store,
        capture_content=True,
        max_content_length=4096,
    )


def main(framework: str, scenarios: Callable[[Recorder], Coroutine[Any, Any, None]]) -> int:
    """``python -m benchmarks.corpus.<module> STORE_DIR RECORDS.json``."""
    store, out = Path(sys.argv[1]), Path(sys.argv[2])
    configure(framework, store)
    recorder = Recorder(framework)
    asyncio.run(scenarios(recorder))
    tracer.flush()
    recorder.save(out)
    return 0
