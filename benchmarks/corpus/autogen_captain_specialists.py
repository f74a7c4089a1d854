"""Blind family: captain-style specialist teams on AutoGen AgentChat's ``SelectorGroupChat``
at a clinical-trial data desk.

Per task, an algorithm-built team of five experts with role names and a
``Computer_terminal`` (a real ``CodeExecutorAgent`` on ``LocalCommandLineCodeExecutor``)
answers a question on canned trial data files (HT-301, a hypertension trial; AS-112, an
asthma trial): blood pressure change, adverse-event rates, lab values in mixed units,
weight-based dosing, discontinuations, exacerbation rates, lung function, enrolment and
visit windows. Experts and the speaker selector replay scripts
(``ReplayChatCompletionClient``); the code really runs.

Written without reading the analyzer. Each failing run names the agent and turn whose
message made the decisive mistake and the turn where it shows.

    python -m benchmarks.corpus.autogen_captain_specialists STORE_DIR RECORDS.json
"""

from __future__ import annotations

import warnings

from benchmarks.corpus import (
    _captain_cases_asthma,
    _captain_cases_bp,
    _captain_cases_dosing,
    _captain_cases_dropout,
    _captain_cases_labs,
    _captain_cases_lung,
    _captain_cases_more,
    _captain_cases_safety,
    _captain_cases_sites,
)
from benchmarks.corpus._captain_team import Case, play, resolve
from benchmarks.corpus._common import Recorder, main

FRAMEWORK = "autogen-captain-specialists"
CASES: list[Case] = [
    *_captain_cases_bp.CASES,
    *_captain_cases_safety.CASES,
    *_captain_cases_labs.CASES,
    *_captain_cases_dropout.CASES,
    *_captain_cases_dosing.CASES,
    *_captain_cases_asthma.CASES,
    *_captain_cases_lung.CASES,
    *_captain_cases_sites.CASES,
    *_captain_cases_more.CASES,
]


async def scenarios(recorder: Recorder) -> None:
    names = [case.name for case in CASES]
    if len(set(names)) != len(names):
        raise ValueError("scenario names repeat")
    for case in CASES:

        async def body(task: str, case: Case = case) -> str:
            return await play(case, task)

        await recorder.run(
            case.name,
            case.mode,
            case.task,
            body,
            root=resolve(case.steps, case.root),
            symptom=resolve(case.steps, case.symptom),
            note=case.note,
        )


if __name__ == "__main__":
    # AutoGen warns of every local executor and unapproved code run: here both are meant.
    warnings.filterwarnings("ignore", message="Using LocalCommandLineCodeExecutor")
    warnings.filterwarnings("ignore", message="No approval function set")
    raise SystemExit(main(FRAMEWORK, scenarios))
