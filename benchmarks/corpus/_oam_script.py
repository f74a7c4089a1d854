"""How a scenario of ``openai_agents_magentic`` is written down and where its steps land.

A scenario is the orchestrator's steps (who it asks, what, and what comes back)
and its final answer. The mistake and the symptom are marked on a step: ``ask``
is the orchestrator's turn that asked, ``reply`` the specialist's turn that
answered, and ``FINAL`` the orchestrator's last turn (the final answer).
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.corpus._oam_team import ORCHESTRATOR, TERMINAL, Call, Step, World

ASK, REPLY = "ask", "reply"
FINAL = (-1, ASK)


@dataclass(frozen=True)
class Scenario:
    name: str
    mode: str
    task: str
    world: World
    steps: tuple[Step, ...]
    final: str
    mistake: tuple[int, str] | None = None  # (step index, ASK | REPLY); None when healthy
    symptom: tuple[int, str] = FINAL
    note: str = ""


def turn_of(steps: tuple[Step, ...], mark: tuple[int, str]) -> tuple[str, int]:
    """(agent, ordinal turn of that agent) of a marked step."""
    index, part = mark
    if index < 0:
        index = len(steps)
    if part == ASK:
        return ORCHESTRATOR, index + 1
    agent = steps[index].to
    return agent, sum(1 for s in steps[: index + 1] if s.to == agent)


def run_code(code: str, ask: str, expect: str, note: str = "") -> Step:
    """The orchestrator hands ``code`` to the terminal, which runs it as given."""
    code = code.strip() + "\n"
    return Step(
        to=TERMINAL,
        ask=f"{ask}\n\n```python\n{code}```",
        calls=(Call("run_python", {"code": code}),),
        note=note or "Output received.",
        expect=expect,
    )


def write_code(ask: str, code: str, comment: str, note: str = "") -> Step:
    """The coder answers ``ask`` with ``code`` and a line about it."""
    return Step(
        to="Coder",
        ask=ask,
        reply=f"{comment}\n\n```python\n{code.strip()}\n```",
        note=note or "Script ready; next the terminal runs it.",
    )


def search(query: str) -> Call:
    return Call("web_search", {"query": query})


def visit(url: str) -> Call:
    return Call("visit_page", {"url": url})


def open_file(name: str) -> Call:
    return Call("open_file", {"name": name})


LIST = Call("list_files", {})
