"""A freight forwarder's desk on ``langgraph-supervisor``, scripted, traced by coordgap.

    python -m benchmarks.corpus.langgraph_supervisor_freight STORE_DIR RECORDS.json

A supervisor (``create_supervisor``) routes GAIA-style questions about the
desk's own files (rate sheets, bookings, tariff lines, carrier invoices under
``_freight_data/``) to seven specialists (see ``_freight_team``): a planning
lead, a rates analyst and a customs expert with real lookup tools, a Python
coder, a code runner that executes the coder's latest cell in a real
subprocess, a verification expert and a report writer. The models replay a
script (LangChain's fake chat model, tool calls included); the tools, the
handoffs and the code runs are real. The graph is traced the way
``docs/integrations.md`` shows: ``cg_langgraph.instrument(app, verify=[...])``
with content capture on.

Each run's mistake and symptom turns are found among the run's recorded spans
(the agent's turn whose recorded output holds the scripted words), and counted
from them; the delivered answer is checked against the right figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.corpus import _freight_runs_a, _freight_runs_b, _freight_runs_ok
from benchmarks.corpus._common import HEALTHY, Recorder, main
from benchmarks.corpus._freight_team import Run, locate, play, recorded_turns

FRAMEWORK = "langgraph-supervisor-freight"
RUNS: list[Run] = [*_freight_runs_a.RUNS, *_freight_runs_b.RUNS, *_freight_runs_ok.RUNS]
PLACEHOLDER = ("?", 0)  # replaced by the turn found in the recorded spans


def _check(run: Run) -> None:
    healthy = run.mode == HEALTHY
    if (run.expect in run.answer) != healthy:
        raise SystemExit(f"{run.scenario}: answer {run.answer!r} vs right figure {run.expect!r}")


async def scenarios(recorder: Recorder) -> None:
    store = Path(sys.argv[1])
    if len({r.scenario for r in RUNS}) != len(RUNS):
        raise SystemExit("duplicate scenario names")
    for run in RUNS:
        _check(run)
        healthy = run.mode == HEALTHY

        async def body(task: str, run: Run = run) -> str:
            return play(run, task)

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
        turns = recorded_turns(store, record.trace_id)
        root, symptom = locate(run, turns, "root"), locate(run, turns, "symptom")
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
