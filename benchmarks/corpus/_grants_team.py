"""A community foundation's grants office as a smolagents team: a manager ``CodeAgent``
whose ``managed_agents`` are five specialists.

A run is a list of :class:`Turn` in the order the agents speak. Every agent's model is a
:class:`ReplayModel`: smolagents' own ``OpenAIModel`` (its ``generate`` unchanged) on a
client that replays that agent's next scripted response of the run instead of calling
an API; a turn is one model response. The manager (``grants_manager``) writes Python
that smolagents' local executor runs, calling its specialists as functions
(``ledger_clerk(task=...)``: smolagents' managed agents). The ledger clerk, the fund
adviser and the panel reviewer are ``ToolCallingAgent``s with a real ``read_file`` tool
over ``_grants_data/``; the data analyst is a ``CodeAgent`` whose Python really runs in
smolagents' local executor, reading the files through the same tool; the report writer
is a ``ToolCallingAgent`` with no tool but ``final_answer``. The script states what each
code step prints last (a crash: part of its error); the player checks it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from smolagents import CodeAgent, LogLevel, OpenAIModel, ToolCallingAgent, tool
from smolagents.memory import ActionStep

from benchmarks.corpus._desk import Run, Turn, read, read_file_in
from benchmarks.corpus._grants_tasks import DATA, FILES

__all__ = [
    "ADVISER",
    "AGENTS",
    "ANALYST",
    "CLERK",
    "MANAGER",
    "REVIEWER",
    "WRITER",
    "Run",
    "Turn",
    "answer",
    "ask",
    "check_run",
    "finish",
    "play",
    "py",
    "read",
    "think",
]

MANAGER = "grants_manager"
CLERK = "ledger_clerk"
ADVISER = "fund_adviser"
ANALYST = "data_analyst"
REVIEWER = "panel_reviewer"
WRITER = "report_writer"
AGENTS = (MANAGER, CLERK, ADVISER, ANALYST, REVIEWER, WRITER)
CODE_AGENTS = (MANAGER, ANALYST)

DESCRIPTIONS = {
    CLERK: (
        "The grants ledger clerk. Reads the foundation's application, payment, fund and "
        "organisation files and reports exact rows. Give it the file and what to look for."
    ),
    ADVISER: (
        "The fund adviser. Knows the funds' rules and the grant policy (match funding, "
        "multi-year awards, rural districts, first-time grantees, success rates)."
    ),
    ANALYST: (
        "The data analyst. Computes figures in Python over the foundation's files and "
        "reports what the code printed."
    ),
    REVIEWER: (
        "The panel reviewer. Checks the team's working before anything goes to the "
        "committee and approves it or sends it back."
    ),
    WRITER: "The report writer. Writes the answer up for the grants committee.",
}
INSTRUCTIONS = {
    MANAGER: (
        "You run the grants office of Kestrel Vale Community Foundation. Plan the question, "
        "put it to the right colleagues, have the figure checked and give the final answer. "
        f"Files: {FILES}."
    ),
    CLERK: "You keep the grants ledger. Quote rows exactly as the files have them.",
    ADVISER: "You advise on the funds' rules. Quote the fund table and the grant policy.",
    ANALYST: (
        "Read files with read_file(name) and parse them with csv and io; print what you "
        "compute and report the printed figure."
    ),
    REVIEWER: "You review figures before they go to the grants committee. Be specific.",
    WRITER: "Write one short paragraph for the grants committee, figures as given to you.",
}


# --- the scripted models ----------------------------------------------------------------

# agent -> its turns left in the run being played (one run at a time)
_QUEUE: dict[str, list[Turn]] = {}


class _Replay:
    """Stands in for an OpenAI client: ``chat.completions.create`` answers with the
    agent's next scripted response, shaped as the API's (choices, message, usage)."""

    def __init__(self, agent: str) -> None:
        self.agent = agent
        self.calls = 0
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self.create))

    def create(self, **request: Any) -> Any:
        mine = _QUEUE.get(self.agent)
        if not mine:
            raise RuntimeError(f"{self.agent} has no scripted turn left")
        turn = mine.pop(0)
        self.calls += 1
        calls = None
        if turn.call:
            name, args = turn.call
            calls = [
                {
                    "id": f"call_{self.agent[:4]}{self.calls:02d}",
                    "type": "function",
                    "function": {"name": name, "arguments": json.dumps(args)},
                }
            ]
        message = SimpleNamespace(role="assistant", content=turn.say or None, tool_calls=calls)
        asked = sum(len(str(m.get("content", ""))) for m in request.get("messages", []))
        usage = SimpleNamespace(prompt_tokens=asked // 4, completion_tokens=len(turn.say) // 4 + 8)
        return SimpleNamespace(choices=[SimpleNamespace(message=message)], usage=usage)


class ReplayModel(OpenAIModel):
    """smolagents' ``OpenAIModel`` on a replaying client (``model_id`` ``replay-<agent>``)."""

    def __init__(self, agent: str) -> None:
        super().__init__(model_id=f"replay-{agent.replace('_', '-')}", client=_Replay(agent))


# --- the team ---------------------------------------------------------------------------


@dataclass
class Played:
    """What one run's code steps did: (agent, printed output or None, error or None)."""

    steps: list[tuple[str, str | None, str | None]] = field(default_factory=list)


@tool
def read_file(name: str, contains: str | None = None) -> str:
    """Read one of the foundation's files. For a CSV file with `contains`, only the
    header and the rows containing that text.

    Args:
        name: the file name, e.g. applications_2026.csv
        contains: optional text a CSV row must contain to be returned
    """
    return read_file_in(DATA, name, contains or "")


def _recorder(played: Played, agent: str) -> Callable[..., None]:
    def record(step: Any, agent_obj: Any = None, **_: Any) -> None:
        if isinstance(step, ActionStep):
            error = None if step.error is None else str(step.error)
            played.steps.append((agent, step.observations, error))

    return record


def build(played: Played) -> CodeAgent:
    """The team for one run; the manager."""
    quiet = {"verbosity_level": LogLevel.OFF, "max_steps": 12}

    def talker(name: str, tools: list[Any]) -> ToolCallingAgent:
        return ToolCallingAgent(
            tools=tools,
            model=ReplayModel(name),
            name=name,
            description=DESCRIPTIONS[name],
            instructions=INSTRUCTIONS[name],
            **quiet,
        )

    analyst = CodeAgent(
        tools=[read_file],
        model=ReplayModel(ANALYST),
        name=ANALYST,
        description=DESCRIPTIONS[ANALYST],
        instructions=INSTRUCTIONS[ANALYST],
        additional_authorized_imports=["csv", "io", "json"],
        step_callbacks=[_recorder(played, ANALYST)],
        **quiet,
    )
    team = [
        talker(CLERK, [read_file]),
        talker(ADVISER, [read_file]),
        analyst,
        talker(REVIEWER, [read_file]),
        talker(WRITER, []),
    ]
    return CodeAgent(
        tools=[],
        model=ReplayModel(MANAGER),
        managed_agents=team,
        name=MANAGER,
        description="Runs the grants office and answers the committee's questions.",
        instructions=INSTRUCTIONS[MANAGER],
        step_callbacks=[_recorder(played, MANAGER)],
        **quiet,
    )


def play(run: Run) -> str:
    """One scripted run of the team; the manager's final answer."""
    _QUEUE.clear()
    _QUEUE.update({a: [t for t in run.turns if t.agent == a] for a in AGENTS})
    played = Played()
    try:
        output = build(played).run(run.task)
    finally:
        left = [a for a, turns in _QUEUE.items() if turns]
        if left:
            raise SystemExit(f"{run.scenario}: turns left unplayed for {left}")
    run.ran[:] = [(agent, out or err or "") for agent, out, err in played.steps]
    _check_code(run, played)
    return str(output)


def _check_code(run: Run, played: Played) -> None:
    """Every code step ran as the script says (each agent's steps in its turns' order; a
    manager's step ends after the specialists it called): a crash where it says one (its
    error holding the scripted text), else the scripted last printed line."""
    for agent in CODE_AGENTS:
        turns = [t for t in run.turns if t.agent == agent]
        steps = [(out, error) for who, out, error in played.steps if who == agent]
        if len(turns) != len(steps):
            raise SystemExit(f"{run.scenario}: {agent} took {len(steps)} code steps")
        for turn, (out, error) in zip(turns, steps, strict=True):
            crash = "Error" in turn.prints.split(":")[0]
            if crash != (error is not None) or (crash and turn.prints not in str(error)):
                raise SystemExit(f"{run.scenario}: {agent}'s step gave {error or out!r}")
            if turn.prints and not crash:
                logs = (out or "").split("Last output from code snippet:")[0]
                lines = [ln.strip() for ln in logs.splitlines() if ln.strip()]
                if not lines or lines[-1] != turn.prints:
                    raise SystemExit(f"{run.scenario}: {agent}'s step printed {out!r}")


def check_run(run: Run, output: str) -> None:
    """The manager's final answer is the script's."""
    last = run.turns[-1]
    if last.agent != MANAGER or f"final_answer({output!r})" not in last.say:
        raise SystemExit(f"{run.scenario}: the manager answered {output!r}")


# --- helpers for writing turns ----------------------------------------------------------


def think(agent: str, thought: str, code: str, prints: str = "", mark: str = "") -> Turn:
    """A code agent's response: its thought and a code block (the closing tag is the
    stop sequence, so the model never writes it)."""
    return Turn(agent, f"Thought: {thought}\n<code>\n{code.strip()}\n", prints=prints, mark=mark)


def ask(thought: str, *asks: tuple[str, str, str], after: str = "", mark: str = "") -> Turn:
    """The manager calling one or more specialists in one code block: each ask is
    (variable, agent, task); every result is printed."""
    lines = [f"{var} = {agent}(task={task!r})\nprint({var})" for var, agent, task in asks]
    return think(MANAGER, thought, "\n".join(lines) + (f"\n{after}" if after else ""), mark=mark)


def py(thought: str, code: str, prints: str, mark: str = "") -> Turn:
    """The analyst's code step."""
    return think(ANALYST, thought, code, prints, mark)


def finish(thought: str, text: str, agent: str = MANAGER, mark: str = "") -> Turn:
    """A code agent ending its run with ``final_answer``."""
    return think(agent, thought, f"final_answer({text!r})", mark=mark)


def answer(agent: str, text: str, say: str = "", mark: str = "") -> Turn:
    """A tool-calling agent's ``final_answer`` call (its report to the manager)."""
    return Turn(agent, say, ("final_answer", {"answer": text}), mark=mark)
