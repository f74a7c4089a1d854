"""A captain-style specialist team on AutoGen AgentChat's ``SelectorGroupChat``.

Each task gets its own team, as an algorithm that builds teams per task would: five
experts with role names (``Biostatistics_Expert``, ``ClinicalData_Expert``,
``Verification_Expert`` ...) and a ``Computer_terminal``, a real
``CodeExecutorAgent`` on a ``LocalCommandLineCodeExecutor`` that runs the experts'
Python in a fresh temporary directory holding the clinical data desk's canned files
(``_captain_data/``). Every expert and the selector are ``ReplayChatCompletionClient``
models replaying a script: the selector replays the name of each next speaker.

A script is a list of :class:`Step`. The terminal's steps carry no text (it runs what
was written); ``expect`` is a piece of its output the script's later words rely on,
checked after the run, so every figure quoted from the terminal is one it printed.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import SelectorGroupChat
from autogen_core.models import ModelInfo
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor
from autogen_ext.models.replay import ReplayChatCompletionClient

from tracer.integrations import autogen as cg_autogen

TERMINAL = "Computer_terminal"
VERIFIER = "Verification_Expert"
DATA = Path(__file__).resolve().parent / "_captain_data"
CRASHED = "exited with an error"
_INFO = ModelInfo(
    vision=False,
    function_calling=False,
    json_output=False,
    family="unknown",
    structured_output=False,
)
_TERMINAL_ROLE = "Runs the Python code blocks the experts write and reports the output."


@dataclass(frozen=True)
class Step:
    speaker: str
    text: str | None = None  # None: the terminal runs the code above
    expect: str | None = None  # a piece of the terminal's output the script relies on
    crash: bool = False  # the code the terminal runs exits non-zero


@dataclass
class Case:
    name: str
    mode: str
    task: str
    team: dict[str, str]  # expert name -> description (the selector reads them)
    steps: list[Step]
    root: int | None = None  # index of the step that makes the mistake
    symptom: int | None = None  # index of the step where it shows
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def say(speaker: str, text: str) -> Step:
    return Step(speaker, text.strip())


def run(expect: str | None = None, *, crash: bool = False) -> Step:
    return Step(TERMINAL, None, expect, crash)


def resolve(steps: Sequence[Step], index: int | None) -> tuple[str, int] | None:
    """(agent, that agent's ordinal turn) of step ``index``; None for None."""
    if index is None:
        return None
    speaker = steps[index].speaker
    return speaker, sum(1 for s in steps[: index + 1] if s.speaker == speaker)


def _model(replies: list[str]) -> ReplayChatCompletionClient:
    return ReplayChatCompletionClient(list(replies), model_info=_INFO)


def _experts(case: Case) -> list[AssistantAgent]:
    agents = []
    for name, description in case.team.items():
        said = [s.text or "" for s in case.steps if s.speaker == name]
        agents.append(
            AssistantAgent(
                name,
                model_client=_model(said),
                description=description,
                system_message=f"You are {name}. {description}",
            )
        )
    return agents


def build(case: Case, work_dir: Path) -> SelectorGroupChat:
    """The task's team, traced the way the integration's docs show."""
    unknown = {s.speaker for s in case.steps} - set(case.team) - {TERMINAL}
    if unknown:
        raise ValueError(f"{case.name}: speakers outside the team: {sorted(unknown)}")
    executor = LocalCommandLineCodeExecutor(work_dir=work_dir, timeout=30)
    terminal = CodeExecutorAgent(TERMINAL, code_executor=executor, description=_TERMINAL_ROLE)
    selector = _model([s.speaker for s in case.steps])
    stop = TextMentionTermination("TERMINATE") | MaxMessageTermination(len(case.steps) + 1)
    team = SelectorGroupChat(
        [*_experts(case), terminal],
        model_client=selector,
        termination_condition=stop,
        allow_repeated_speaker=True,
    )
    return cg_autogen.instrument(team, verify=[VERIFIER])


def _check(case: Case, said: list[tuple[str, str]]) -> None:
    """The run went as scripted: same speakers, terminal outputs as relied on."""
    speakers = [s.speaker for s in case.steps]
    if [who for who, _ in said] != speakers:
        raise RuntimeError(f"{case.name}: speakers {[w for w, _ in said]} != {speakers}")
    for step, (_, text) in zip(case.steps, said, strict=True):
        if step.speaker != TERMINAL:
            continue
        if (CRASHED in text) != step.crash:
            raise RuntimeError(f"{case.name}: terminal crash={not step.crash}:\n{text}")
        if step.expect is not None and step.expect not in text:
            raise RuntimeError(f"{case.name}: terminal output lacks {step.expect!r}:\n{text}")


async def play(case: Case, task: str) -> str:
    """Run the case's team on ``task`` in a scratch copy of the data desk's files."""
    work_dir = Path(tempfile.mkdtemp(prefix="captain-"))
    try:
        for path in sorted(DATA.glob("*.csv")):
            shutil.copy(path, work_dir / path.name)
        team = build(case, work_dir)
        result = await team.run(task=task)
        said = [
            (str(m.source), str(getattr(m, "content", "")))
            for m in result.messages
            if m.source != "user" and hasattr(m, "to_model_message")
        ]
        _check(case, said)
        return said[-1][1] if said else ""
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def brief(question: str, files: str) -> str:
    """The task as the team receives it: the question and the desk's files to use."""
    return (
        "# General Task\n"
        f"{question}\n\n"
        "# Data\n"
        f"Files in the working directory: {files}.\n\n"
        "# Working rules\n"
        "Plan first, let the Computer_terminal run every computation, and have the "
        "Verification_Expert check the answer before the session is closed."
    )
