"""A solar installer's quoting desk as a hierarchical CrewAI crew, scripted, traced by coordgap.

    python -m benchmarks.corpus.crewai_hierarchical_solar STORE_DIR RECORDS.json

A ``Quoting Desk Manager`` (the ``manager_agent`` of ``Process.hierarchical``)
delegates GAIA-style questions about the desk's own files (site surveys, yield
table, 2025 and 2026 price lists, incentive terms, utility tariffs under
``_solar_data/``) to seven coworkers (see ``_solar_team``): a site surveyor,
an equipment pricer and an incentives analyst with real lookup tools, a Python
coder, a code executor that runs the coder's latest cell in a real subprocess,
a quote verifier and a proposal writer. Every model is a scripted ``BaseLLM``
speaking CrewAI's ReAct text; the tools, the delegations and the code runs are
CrewAI's and real. Traced the way ``docs/integrations.md`` shows:
``cg_crewai.instrument(verify=[...], capture_content=True)``, each run inside a
``@tracer.workflow``.

After each run the recorded agent turns are read back: their agents must be the
script's, in its order, and each ``run_python`` call must have printed what the
script says; the mistake and symptom turns are counted from them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _solar_runs_a,
    _solar_runs_b,
    _solar_runs_c,
    _solar_runs_ok,
    _solar_runs_ok_b,
)
from benchmarks.corpus._common import HEALTHY, Recorder, main
from benchmarks.corpus._solar_team import (
    EXECUTOR,
    VERIFIER,
    Run,
    build,
    expected_agents,
    marked,
)
from tracer import semconv
from tracer.integrations import crewai as cg_crewai

FRAMEWORK = "crewai-hierarchical-solar"
RUNS: list[Run] = [
    *_solar_runs_a.RUNS,
    *_solar_runs_b.RUNS,
    *_solar_runs_c.RUNS,
    *_solar_runs_ok.RUNS,
    *_solar_runs_ok_b.RUNS,
]
PLACEHOLDER = ("?", 0)  # replaced by the turn counted from the recorded spans


def _attrs(span: dict[str, Any]) -> dict[str, Any]:
    return {kv["key"]: next(iter(kv["value"].values())) for kv in span.get("attributes", [])}


def recorded(store: Path, trace_id: str) -> tuple[list[str], list[str]]:
    """The agents of coordgap's agent turns of one run, by start time, and what each
    ``run_python`` call returned, in the same order."""
    import tracer

    tracer.flush()
    turns: list[tuple[int, str]] = []
    runs: list[tuple[int, str]] = []
    for path in sorted(store.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            for rs in json.loads(line)["resourceSpans"] if line.strip() else []:
                for ss in rs["scopeSpans"]:
                    if ss.get("scope", {}).get("name") != "coordgap":
                        continue
                    for span in ss["spans"]:
                        if span["traceId"] != trace_id:
                            continue
                        attrs, start = _attrs(span), int(span["startTimeUnixNano"])
                        if semconv.GEN_AI_AGENT_NAME in attrs:
                            turns.append((start, attrs[semconv.GEN_AI_AGENT_NAME]))
                        elif span["name"] == "execute_tool run_python":
                            runs.append((start, str(attrs.get(semconv.OUTPUT_CONTENT, ""))))
    return [a for _, a in sorted(turns)], [o for _, o in sorted(runs)]


def _check(run: Run) -> None:
    healthy = run.mode == HEALTHY
    if (run.expect in run.answer) != healthy:
        raise SystemExit(f"{run.scenario}: answer {run.answer!r} vs right figure {run.expect!r}")


async def scenarios(recorder: Recorder) -> None:
    store = Path(sys.argv[1])
    if len({r.scenario for r in RUNS}) != len(RUNS):
        raise SystemExit("duplicate scenario names")
    cg_crewai.instrument(verify=[VERIFIER], capture_content=True)
    for run in RUNS:
        _check(run)
        healthy = run.mode == HEALTHY
        crew = build(run)

        async def body(task: str, crew: Any = crew) -> str:
            return str(crew.kickoff(inputs={"task": task}))

        record = await recorder.run(
            run.scenario,
            run.mode,
            run.task,
            body,
            root=None if healthy else PLACEHOLDER,
            symptom=None if healthy else PLACEHOLDER,
            note=run.note,
        )
        if record is None:
            continue
        agents, outputs = recorded(store, record.trace_id)
        if agents != expected_agents(run):
            raise SystemExit(f"{run.scenario}: recorded turns {agents}")
        printed = [t.prints.strip() for t in run.turns if t.agent == EXECUTOR]
        if len(outputs) != len(printed) or any(
            not (out.startswith("exit code: ") and out.endswith(p))
            for out, p in zip(outputs, printed, strict=True)
        ):
            raise SystemExit(f"{run.scenario}: run_python returned {outputs}")
        root, symptom = marked(run, "root"), marked(run, "symptom")
        if healthy:
            if root or symptom:
                raise SystemExit(f"{run.scenario}: a healthy run with marked turns")
            continue
        if root is None or symptom is None:
            raise SystemExit(f"{run.scenario}: mistake or symptom turn not marked")
        record.root_agent, record.root_turn = root
        record.symptom_agent, record.symptom_turn = symptom


if __name__ == "__main__":
    raise SystemExit(main(FRAMEWORK, scenarios))
