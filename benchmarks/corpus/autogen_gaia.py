"""GAIA-style expert group chats on AutoGen AgentChat (framework ``autogen-gaia``).

For each question a team of five to seven ``*_Expert`` agents is generated (a domain
expert for the question, a lookup expert with a ``web_search`` tool, a Python expert,
a units, date or QA expert, a verification expert) with a ``Computer_terminal`` that runs
their code blocks. The experts plan, look facts up, write and run code, verify and
end the chat with TERMINATE. Runs vary the question, the failure mode and where the
mistake sits: often in the first plan or the first fact or code, while the symptom
is the verification and sign-off many turns later. See ``_gaia_team`` for the team.

    python -m benchmarks.corpus.generate --blind autogen_gaia
"""

from __future__ import annotations

from benchmarks.corpus import (
    _gaia_runs_a,
    _gaia_runs_b,
    _gaia_runs_c,
    _gaia_runs_d,
    _gaia_runs_e,
    _gaia_runs_f,
    _gaia_runs_g,
)
from benchmarks.corpus._common import HEALTHY, Recorder, main
from benchmarks.corpus._gaia_team import BOTH, MISTAKE, SYMPTOM, Run, play, turn_of

FRAMEWORK = "autogen-gaia"
RUNS: tuple[Run, ...] = (
    *_gaia_runs_a.RUNS,
    *_gaia_runs_b.RUNS,
    *_gaia_runs_c.RUNS,
    *_gaia_runs_d.RUNS,
    *_gaia_runs_e.RUNS,
    *_gaia_runs_f.RUNS,
    *_gaia_runs_g.RUNS,
)


async def record(recorder: Recorder, run: Run) -> None:
    """Play one run under a traced workflow and keep its annotation."""
    root = turn_of(run.steps, MISTAKE, BOTH)
    symptom = turn_of(run.steps, SYMPTOM, BOTH)
    if run.mode == HEALTHY and (root or symptom):
        raise ValueError(f"{run.scenario}: a healthy run marks no step")

    async def body(task: str) -> str:
        return await play(run)

    await recorder.run(
        run.scenario,
        run.mode,
        run.task.question,
        body,
        root=root,
        symptom=symptom,
        note=run.note,
    )


async def scenarios(recorder: Recorder) -> None:
    seen: set[str] = set()
    for run in RUNS:
        if run.scenario in seen:
            raise ValueError(f"scenario {run.scenario} twice")
        seen.add(run.scenario)
        await record(recorder, run)


if __name__ == "__main__":
    raise SystemExit(main(FRAMEWORK, scenarios))
