"""Blind family: the OpenAI Agents SDK playing a Magentic-One team (openai-agents-magentic).

An ``Orchestrator`` runs Magentic-One's outer loop, one ``Runner.run`` per step,
asking a ``WebSurfer`` (search and page tools over canned pages), a ``FileSurfer``
(files in a local workspace), a ``Coder`` and a ``ComputerTerminal`` (real Python
in a subprocess), each called as a tool (``Agent.as_tool``), on assistant-benchmark
tasks: look a figure up, read a file, compute, answer. Models are the SDK's
``ScriptedModel``; coordgap's OpenAI Agents integration records the runs with
content capture on. See ``_oam_team`` for the team, ``_oam_script`` for how a
scenario marks its mistake and symptom.

    python -m benchmarks.corpus.openai_agents_magentic STORE_DIR RECORDS.json
"""

from __future__ import annotations

from benchmarks.corpus._common import Recorder, main
from benchmarks.corpus._oam_script import Scenario, turn_of
from benchmarks.corpus._oam_tasks_extra import SCENARIOS as EXTRA
from benchmarks.corpus._oam_tasks_files import SCENARIOS as FILE_SCENARIOS
from benchmarks.corpus._oam_tasks_files2 import SCENARIOS as MORE_FILES
from benchmarks.corpus._oam_tasks_more import SCENARIOS as LAST
from benchmarks.corpus._oam_tasks_web import SCENARIOS as WEB_SCENARIOS
from benchmarks.corpus._oam_tasks_web2 import SCENARIOS as MORE_WEB
from benchmarks.corpus._oam_team import TERMINAL, body
from tracer import semconv
from tracer.integrations import openai_agents as cg_agents

FRAMEWORK = "openai-agents-magentic"
ALL: tuple[Scenario, ...] = (*WEB_SCENARIOS, *MORE_WEB, *FILE_SCENARIOS, *MORE_FILES, *LAST, *EXTRA)


async def play(recorder: Recorder, scenario: Scenario) -> None:
    root = symptom = None
    if scenario.mistake is not None:
        root = turn_of(scenario.steps, scenario.mistake)
        symptom = turn_of(scenario.steps, scenario.symptom)
    await recorder.run(
        scenario.name,
        scenario.mode,
        scenario.task,
        body(scenario.world, scenario.steps, scenario.final),
        root=root,
        symptom=symptom,
        note=scenario.note,
    )


async def scenarios(recorder: Recorder) -> None:
    cg_agents.instrument(capture_content=True, actors={TERMINAL: semconv.ACTOR_CODE})
    names = [s.name for s in ALL]
    if len(set(names)) != len(names):
        raise ValueError("scenario names must be unique")
    for scenario in ALL:
        await play(recorder, scenario)


if __name__ == "__main__":
    raise SystemExit(main(FRAMEWORK, scenarios))
