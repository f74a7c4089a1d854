"""An algorithm-generated expert team on AutoGen AgentChat, answering one GAIA-like question.

A task names its experts (five to seven ``*_Expert`` agents, picked for the question),
the reference pages its lookup expert can search and the small data files its code
reads. A run is a script of steps: who speaks and what they say (a lookup expert may
first call ``web_search``). Every expert is an ``AssistantAgent`` on AutoGen's own
``ReplayChatCompletionClient`` replaying its lines; ``Computer_terminal`` is a
``CodeExecutorAgent`` on a real ``LocalCommandLineCodeExecutor``, so the code blocks
the experts write really run, in a fresh directory holding the task's files. The
speaker order comes from the script (``SelectorGroupChat`` with a selector function,
or ``RoundRobinGroupChat`` when the script follows the team's cycle). The team is
traced by coordgap's AutoGen integration, as a user would wire it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat, SelectorGroupChat
from autogen_core import FunctionCall
from autogen_core.models import CreateResult, ModelFamily, ModelInfo, RequestUsage
from autogen_core.tools import FunctionTool
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor
from autogen_ext.models.replay import ReplayChatCompletionClient

from tracer import semconv
from tracer.integrations import autogen as cg_autogen

TERMINAL = "Computer_terminal"
SIGN_OFF = "TERMINATE"
MISTAKE, SYMPTOM, BOTH = "mistake", "symptom", "both"
_MODEL = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family=ModelFamily.UNKNOWN,
    structured_output=False,
)
_NO_USAGE = RequestUsage(prompt_tokens=0, completion_tokens=0)


@dataclass(frozen=True)
class Task:
    """One question and the team generated for it."""

    key: str
    question: str
    experts: dict[str, str]  # name -> system message, in the team's order
    verifiers: tuple[str, ...]  # whose sign-off closes the chat
    pages: dict[str, str] = field(default_factory=dict)  # search keyword -> page text
    files: dict[str, str] = field(default_factory=dict)  # file name -> content

    def prompt(self) -> str:
        listing = "".join(f"\n- {name}" for name in self.files)
        attached = f"\n\nFiles in the working directory:{listing}" if self.files else ""
        return (
            "You are given: (1) a task and advice from your manager, (2) a team of experts.\n"
            f"# Task\n{self.question}{attached}\n\n"
            "# Manager's advice\nSolve the task step by step, run any code through "
            f"{TERMINAL}, verify the result, then end the conversation with {SIGN_OFF}."
        )


@dataclass(frozen=True)
class Step:
    """One turn: ``speaker`` says ``text`` (the terminal's text is what the code prints)."""

    speaker: str
    text: str = ""
    search: str | None = None  # a web_search query made before the text
    mark: str = ""  # MISTAKE, SYMPTOM or BOTH
    prints: str = ""  # for the terminal: a substring its real output must contain


@dataclass(frozen=True)
class Run:
    """One scripted run of a task's team, with its failure mode (or ``healthy``)."""

    scenario: str
    mode: str
    task: Task
    steps: tuple[Step, ...]
    round_robin: bool = False
    note: str = ""


def say(speaker: str, text: str, mark: str = "", search: str | None = None) -> Step:
    return Step(speaker, text.strip("\n"), search=search, mark=mark)


def run_code(prints: str = "", mark: str = "") -> Step:
    return Step(TERMINAL, prints=prints, mark=mark)


def turn_of(steps: Sequence[Step], *marks: str) -> tuple[str, int] | None:
    """(agent, that agent's ordinal turn) of the first step carrying one of ``marks``."""
    for at, step in enumerate(steps):
        if step.mark in marks:
            return step.speaker, sum(1 for s in steps[: at + 1] if s.speaker == step.speaker)
    return None


def _search_tool(pages: dict[str, str]) -> FunctionTool:
    def web_search(query: str) -> str:
        """Search the web; returns the best matching page's text."""
        words = query.lower()
        for keyword, page in pages.items():
            if keyword.lower() in words:
                return page
        return f"Error: no results found for '{query}'. Try a shorter or different query."

    return FunctionTool(web_search, description="Search the web and return the top page's text.")


def _replies(name: str, steps: Sequence[Step]) -> list[str | CreateResult]:
    """The model outputs ``name`` produces, in order (a search is a call, then the text)."""
    out: list[str | CreateResult] = []
    for n, step in enumerate(s for s in steps if s.speaker == name):
        if step.search is not None:
            call = FunctionCall(
                id=f"call_{name.lower()}_{n}",
                name="web_search",
                arguments=json.dumps({"query": step.search}),
            )
            out.append(
                CreateResult(
                    finish_reason="function_calls", content=[call], usage=_NO_USAGE, cached=False
                )
            )
        out.append(step.text)
    return out


def _expert(name: str, system: str, task: Task, steps: Sequence[Step]) -> AssistantAgent:
    searches = any(s.search is not None for s in steps if s.speaker == name)
    return AssistantAgent(
        name,
        model_client=ReplayChatCompletionClient(_replies(name, steps), model_info=_MODEL),
        tools=[_search_tool(task.pages)] if searches else None,
        reflect_on_tool_use=searches,
        description=system.split(".")[0],
        system_message=system,
    )


def _terminal(work_dir: Path) -> CodeExecutorAgent:
    with warnings.catch_warnings():  # the local executor's advice to use Docker
        warnings.simplefilter("ignore", UserWarning)
        executor = LocalCommandLineCodeExecutor(work_dir=work_dir, timeout=30)
        return CodeExecutorAgent(TERMINAL, code_executor=executor)


def _cycle(names: list[str], steps: Sequence[Step]) -> list[str]:
    """The round-robin order the script follows; raises if it follows none."""
    order = list(dict.fromkeys(s.speaker for s in steps))
    order += [n for n in names if n not in order]
    for at, step in enumerate(steps):
        if step.speaker != order[at % len(order)]:
            raise ValueError(f"step {at} ({step.speaker}) breaks the round-robin cycle {order}")
    return order


def build_team(task: Task, steps: Sequence[Step], work_dir: Path, round_robin: bool) -> Any:
    """The task's experts and the terminal, speaking in the script's order, traced."""
    agents: dict[str, Any] = {
        name: _expert(name, system, task, steps) for name, system in task.experts.items()
    }
    agents[TERMINAL] = _terminal(work_dir)
    spoken = {s.speaker for s in steps}
    if not spoken <= set(agents):
        raise ValueError(f"{task.key}: no such agent {sorted(spoken - set(agents))}")
    said_by = list(task.experts)  # the task text names the sign-off word too
    stop = TextMentionTermination(SIGN_OFF, sources=said_by) | MaxMessageTermination(len(steps) + 1)
    if round_robin:
        order = _cycle(list(agents), steps)
        team: Any = RoundRobinGroupChat([agents[n] for n in order], termination_condition=stop)
    else:
        speakers = iter([s.speaker for s in steps])

        def next_speaker(thread: Sequence[Any]) -> str | None:
            return next(speakers, None)

        team = SelectorGroupChat(
            list(agents.values()),
            model_client=ReplayChatCompletionClient([TERMINAL], model_info=_MODEL),
            selector_func=next_speaker,
            allow_repeated_speaker=True,
            termination_condition=stop,
        )
    return cg_autogen.instrument(
        team,
        verify=task.verifiers,
        approve=(SIGN_OFF,),
        actors={TERMINAL: semconv.ACTOR_CODE},
        capture_content=True,
    )


async def play(run: Run) -> str:
    """Run the script once; returns the last message. Raises if the script went astray."""
    task, steps = run.task, run.steps
    # one fixed directory per scenario: tracebacks quote its path, so a rerun reads the same
    work_dir = Path(tempfile.gettempdir()) / f"coordgap-{run.scenario}"
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir()
    try:
        for name, content in task.files.items():
            (work_dir / name).write_text(content, "utf-8")
        team = build_team(task, steps, work_dir, run.round_robin)
        result = await team.run(task=task.prompt())
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    said = [m for m in result.messages if getattr(m, "source", "user") != "user"]
    spoken = [m for m in said if hasattr(m, "to_model_message")]
    if [m.source for m in spoken] != [s.speaker for s in steps]:
        raise RuntimeError(f"{task.key}: ran {[m.source for m in spoken]}")
    for step, message in zip(steps, spoken, strict=True):
        if step.speaker == TERMINAL and step.prints not in str(message.content):
            raise RuntimeError(f"{task.key}: terminal printed {message.content!r}")
    return str(spoken[-1].content)
