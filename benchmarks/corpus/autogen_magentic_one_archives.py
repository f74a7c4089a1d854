"""Blind family: a real Magentic-One team (AutoGen AgentChat ``MagenticOneGroupChat``)
answering GAIA-style questions over public archives.

The questions ask for a lookup on a canned web page or in a local file plus a
small computation (a count, a date difference, a unit conversion, a ranking):
botanical garden accession records, sports league archives, public library
catalogues, astronomy catalogues, weather and harbour registers. The real
``MagenticOneOrchestrator`` plans and routes from scripted JSON ledgers; the
``WebSurfer`` and ``FileSurfer`` call real function tools; the ``Coder``'s
code runs in a real subprocess through the ``ComputerTerminal``.

Written without reading the analyzer. Each failing run names the agent and
turn whose message made the decisive mistake and the turn where it shows.

    python -m benchmarks.corpus.autogen_magentic_one_archives STORE_DIR RECORDS.json
"""

from __future__ import annotations

import warnings

from benchmarks.corpus import (
    _m1arc_cases_a,
    _m1arc_cases_b,
    _m1arc_cases_c,
    _m1arc_cases_d,
    _m1arc_cases_e,
    _m1arc_cases_f,
)
from benchmarks.corpus._common import Recorder, main
from benchmarks.corpus._m1arc_team import Case, play, resolve

FRAMEWORK = "autogen-m1-archives"
CASES: list[Case] = [
    *_m1arc_cases_a.CASES,
    *_m1arc_cases_b.CASES,
    *_m1arc_cases_c.CASES,
    *_m1arc_cases_d.CASES,
    *_m1arc_cases_e.CASES,
    *_m1arc_cases_f.CASES,
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
            root=resolve(case.script, case.root),
            symptom=resolve(case.script, case.symptom),
            note=case.note,
        )


if __name__ == "__main__":
    # AutoGen warns of every local executor and unapproved code run: here both are meant.
    warnings.filterwarnings("ignore", message="Using LocalCommandLineCodeExecutor")
    warnings.filterwarnings("ignore", message="No approval function set")
    raise SystemExit(main(FRAMEWORK, scenarios))
