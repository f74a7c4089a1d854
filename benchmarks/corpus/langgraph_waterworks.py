"""A water utility's planning team on ``langgraph-swarm``, scripted, traced by coordgap.

    python -m benchmarks.corpus.langgraph_waterworks STORE_DIR RECORDS.json

Seven agents of Ashford Valley Water's planning office (see ``_hydro_team``)
answer GAIA-style questions about the utility's own records: a figure looked up
in a document, then a small calculation, unit conversion or date arithmetic
done in Python that a code runner executes for real. The replies are scripted
(LangChain's fake chat model, tool calls included); the tools, the handoffs and
the code runs are real. Runs live in the ``_hydro_runs_*`` modules.
"""

from __future__ import annotations

from benchmarks.corpus import (
    _hydro_runs_assets,
    _hydro_runs_billing,
    _hydro_runs_breaks,
    _hydro_runs_extended,
    _hydro_runs_longer,
    _hydro_runs_plant,
    _hydro_runs_storage,
    _hydro_runs_supply,
)
from benchmarks.corpus._common import Recorder, main
from benchmarks.corpus._hydro_team import Run, marked, play

FRAMEWORK = "langgraph-waterworks"
RUNS: list[Run] = [
    *_hydro_runs_supply.RUNS,
    *_hydro_runs_storage.RUNS,
    *_hydro_runs_breaks.RUNS,
    *_hydro_runs_assets.RUNS,
    *_hydro_runs_billing.RUNS,
    *_hydro_runs_plant.RUNS,
    *_hydro_runs_longer.RUNS,
    *_hydro_runs_extended.RUNS,
]


async def scenarios(recorder: Recorder) -> None:
    for run in RUNS:

        async def body(task: str, run: Run = run) -> str:
            return play(run.turns, task)

        await recorder.run(
            run.scenario,
            run.mode,
            run.task,
            body,
            root=marked(run.turns, "root"),
            symptom=marked(run.turns, "symptom"),
            note=run.note,
        )


if __name__ == "__main__":
    raise SystemExit(main(FRAMEWORK, scenarios))
