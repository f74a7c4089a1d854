"""A manager-led CrewAI crew: the hierarchical process delegating to four coworkers.

CrewAI's manager (scripted ``manager_llm``) delegates with its own "Delegate work
to coworker" tool, in order: the researcher (dataset lookup), the analyst
(``run_python``, a real Python subprocess), the writer and the reviewer, then
answers. Each coworker's turn is a span of its own after the manager's; the
manager's span opens first, so its mistakes are its delegation briefs, and the
symptom is a coworker's later turn.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crewai import Agent, Crew, Process, Task

from benchmarks.corpus._crew_topics import Topic

MANAGER = "Crew Manager"  # CrewAI's name for the hierarchical process's manager
RESEARCHER, ANALYST, WRITER, REVIEWER = (
    "Desk Researcher",
    "Numbers Analyst",
    "Brief Writer",
    "Senior Reviewer",
)
COWORKERS = (RESEARCHER, ANALYST, WRITER, REVIEWER)


@dataclass
class Managed:
    """The manager's delegation briefs and each coworker's replies."""

    briefs: list[tuple[str, str]] = field(default_factory=list)  # (coworker, task text)
    final: str = ""
    replies: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in COWORKERS})


def _delegate(coworker: str, task: str, context: str) -> str:
    arguments = json.dumps({"task": task, "context": context, "coworker": coworker})
    return (
        f"Thought: {coworker} should handle this next\n"
        f"Action: Delegate work to coworker\nAction Input: {arguments}"
    )


def build_managed(
    script: Managed,
    llm: Callable[[list[str]], Any],
    tools: dict[str, list[Any]],
) -> Crew:
    """The crew that plays ``script``; ``llm`` makes a scripted model from replies."""
    agents = [
        Agent(
            role=role,
            goal=f"Do the {role.split()[-1].lower()}'s part well",
            backstory="Part of the analytics desk.",
            llm=llm(script.replies[role]),
            tools=tools.get(role, []),
            allow_delegation=False,
        )
        for role in COWORKERS
    ]
    manager_replies = [_delegate(c, t, "see the task") for c, t in script.briefs]
    manager_replies.append(f"Thought: all parts are in\nFinal Answer: {script.final}")
    task = Task(
        name="answer",
        description="Answer for the business: {task}",
        expected_output="a short, correct answer",
    )
    return Crew(
        name="analytics-desk",
        agents=agents,
        tasks=[task],
        process=Process.hierarchical,
        manager_llm=llm(manager_replies),
    )


def managed_script(
    t: Topic,
    *,
    brief_id: str,
    fetched: str,
    rows: tuple[float, ...],
    result: str,
    stated: str,
    review: str,
    act: Callable[[str, dict[str, str], str], str],
    final: Callable[[str], str],
    code: str,
    extra: tuple[list[str], list[str]] = ([], []),
) -> Managed:
    """One run: the manager briefs each coworker in turn; ``extra`` are the researcher's
    and the analyst's tool calls before their last one (a 404, a failing script)."""
    s = Managed()
    s.briefs = [
        (RESEARCHER, f"Pull dataset {brief_id} for: {t.task}"),
        (ANALYST, f"Compute {t.what} from the rows the researcher returned."),
        (WRITER, f"Write two sentences stating {t.what}."),
        (REVIEWER, "Review the statement against the question before it goes out."),
    ]
    shown = ", ".join(f"{r:g}" for r in rows)
    s.replies[RESEARCHER] = [
        *extra[0],
        act("lookup_dataset", {"dataset_id": fetched}, "look it up"),
        final(f"{fetched}: {shown}"),
    ]
    s.replies[ANALYST] = [
        *extra[1],
        act("run_python", {"code": code}, "compute it"),
        final(f"{t.what}: {result}{t.unit}"),
    ]
    s.replies[WRITER] = [final(f"{t.what[:1].upper()}{t.what[1:]} was {stated}{t.unit}.")]
    s.replies[REVIEWER] = [final(review)]
    s.final = f"{t.what[:1].upper()}{t.what[1:]}: {stated}{t.unit}."
    return s
