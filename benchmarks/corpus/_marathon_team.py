"""A city marathon's results office on DSPy: a lead program calling four colleagues.

A run is a list of :class:`Turn` in the order the agents speak; every turn is one call of
an agent's language model. Each agent is a ``dspy.Module`` of its own class holding a
``dspy.ReAct`` (the bulletin writer a ``dspy.ChainOfThought``) whose LM is a
:class:`ScriptedLM`, a ``dspy.LM`` replaying that agent's turns in DSPy's chat format: a
ReAct step's thought, tool name and tool arguments, or the final fields after ReAct's
``finish``. The director reaches the others through tools (``ask_results_clerk(brief)``
and the like) that run the colleague's module and return its reply. The clerk and the
checker read the office's files through ``read_file``; the coder and the checker run
Python through ``run_python``, a real subprocess in a scratch folder holding a copy of
``_marathon_data/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import dspy
from litellm import ModelResponse

from benchmarks.corpus._desk import (
    Run,
    Turn,
    cell,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)

__all__ = ["AGENTS", "CHECKER", "CLERK", "CODER", "LEAD", "Run", "Turn", "WRITER", "cell", "read"]

DATA = Path(__file__).resolve().parent / "_marathon_data"

LEAD = "RaceDirector"
CLERK = "ResultsClerk"
CODER = "TimingCoder"
CHECKER = "ResultsChecker"
WRITER = "BulletinWriter"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)
FILES = "entrants.csv, results.csv, penalties.csv, rules.json, aid_2025.json, aid_2026.json"


class Question(dspy.Signature):
    """You run the results office of the Kingsford City Marathon. Plan the question, brief
    your colleagues through your tools, get the figure checked and answer with it."""

    question: str = dspy.InputField()
    answer: str = dspy.OutputField()


class ClerkBrief(dspy.Signature):
    """You are the results clerk. Read the entry list, the chip results, the penalty
    sheet, the race rules and the aid-station counts, and quote them."""

    brief: str = dspy.InputField()
    reply: str = dspy.OutputField()


class CoderBrief(dspy.Signature):
    """You write Python for the results office with run_python and report what it
    printed."""

    brief: str = dspy.InputField()
    reply: str = dspy.OutputField()


class CheckerBrief(dspy.Signature):
    """You check the office's working before a figure is published: re-read a row or
    rerun a sum if you need to, then pass it or send it back."""

    brief: str = dspy.InputField()
    verdict: str = dspy.OutputField()


class WriterBrief(dspy.Signature):
    """You write the office's figures up for the runners' bulletin, briefly."""

    brief: str = dspy.InputField()
    notice: str = dspy.OutputField()


OUTPUT = {LEAD: "answer", CLERK: "reply", CODER: "reply", CHECKER: "verdict", WRITER: "notice"}
FINISH = "finish"


def fields(turn: Turn) -> dict[str, str]:
    """The output fields an agent's model writes for one turn."""
    if turn.call is not None:
        name, args = turn.call
        return {
            "next_thought": turn.say,
            "next_tool_name": name,
            "next_tool_args": json.dumps(args),
        }
    if turn.agent == WRITER or not turn.prints:
        return {"reasoning": turn.prints or turn.say, OUTPUT[turn.agent]: turn.say}
    return {"reasoning": turn.prints, OUTPUT[turn.agent]: turn.say}


class ScriptedLM(dspy.LM):
    """A ``dspy.LM`` whose completions are one agent's scripted turns, in order."""

    def __init__(self, agent: str, turns: list[Turn]) -> None:
        super().__init__(f"replay/{agent}", cache=False)
        self.turns = turns

    def forward(self, prompt: Any = None, messages: Any = None, **kwargs: Any) -> Any:
        from dspy.adapters.chat_adapter import FieldInfoWithName, format_fields

        if not self.turns:
            raise RuntimeError(f"{self.model}: no scripted turn left")
        said = fields(self.turns.pop(0))
        text = format_fields(
            {FieldInfoWithName(name=k, info=dspy.OutputField()): v for k, v in said.items()}
        )
        content = text + "\n\n[[ ## completed ## ]]"
        return ModelResponse(
            model=self.model,
            choices=[{"message": {"role": "assistant", "content": content}}],
            usage={"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        )


class ResultsClerk(dspy.Module):
    def __init__(self, tools: list[Any]) -> None:
        self.react = dspy.ReAct(ClerkBrief, tools=tools, max_iters=8)

    def forward(self, brief: str) -> Any:
        return self.react(brief=brief)


class TimingCoder(dspy.Module):
    def __init__(self, tools: list[Any]) -> None:
        self.react = dspy.ReAct(CoderBrief, tools=tools, max_iters=8)

    def forward(self, brief: str) -> Any:
        return self.react(brief=brief)


class ResultsChecker(dspy.Module):
    def __init__(self, tools: list[Any]) -> None:
        self.react = dspy.ReAct(CheckerBrief, tools=tools, max_iters=8)

    def forward(self, brief: str) -> Any:
        return self.react(brief=brief)


class BulletinWriter(dspy.Module):
    def __init__(self) -> None:
        self.write = dspy.ChainOfThought(WriterBrief)

    def forward(self, brief: str) -> Any:
        return self.write(brief=brief)


class RaceDirector(dspy.Module):
    def __init__(self, tools: list[Any]) -> None:
        self.react = dspy.ReAct(Question, tools=tools, max_iters=12)

    def forward(self, question: str) -> Any:
        return self.react(question=question)


def build(run: Run, work: Path, queue: dict[str, list[Turn]]) -> RaceDirector:
    """The team for one run, every model replaying its agent's turns; the director."""

    def read_file(name: str, contains: str = "") -> str:
        """Read one of the office's files; for a CSV, only the header and the rows
        containing ``contains`` when it is given."""
        return read_file_in(work, name, contains)

    def run_python(code: str) -> str:
        """Run a Python script in the data folder; its exit code and what it printed."""
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    team: dict[str, dspy.Module] = {
        CLERK: ResultsClerk([read_file]),
        CODER: TimingCoder([run_python]),
        CHECKER: ResultsChecker([read_file, run_python]),
        WRITER: BulletinWriter(),
    }

    def delegate(name: str, tool: str) -> Any:
        def ask(brief: str) -> str:
            return str(getattr(team[name](brief=brief), OUTPUT[name]))

        ask.__name__ = tool
        ask.__doc__ = f"Brief the {tool.removeprefix('ask_').replace('_', ' ')}; their reply."
        return ask

    tools = [delegate(n, t) for n, t in ASK.items()]
    team[LEAD] = RaceDirector(tools)
    for name, module in team.items():
        module.set_lm(ScriptedLM(name, queue[name]))
    return team[LEAD]


ASK = {
    CLERK: "ask_results_clerk",
    CODER: "ask_timing_coder",
    CHECKER: "ask_results_checker",
    WRITER: "ask_bulletin_writer",
}


def play(run: Run) -> str:
    """One scripted run of the team; the director's final answer."""
    queue = {a: [t for t in run.turns if t.agent == a] for a in AGENTS}
    with scratch(run, DATA, "coordgap-marathon-", queue) as work:
        lead = build(run, work, queue)
        return str(lead(question=f"{run.task}\n\nFiles: {FILES}.").answer)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, LEAD)


# --- helpers for writing turns ----------------------------------------------------


def ask(colleague: str, brief: str, say: str = "", mark: str = "") -> Turn:
    """A director's ReAct step briefing a colleague."""
    return Turn(LEAD, say, (ASK[colleague], {"brief": brief}), mark=mark)


def done(agent: str, thought: str, reply: str, mark: str = "") -> list[Turn]:
    """ReAct's ``finish`` step (``thought``) and the final fields after it: ``reply``, with
    the reasoning the model gives for it (the thought again). ``mark`` goes on the reply."""
    return [Turn(agent, thought, (FINISH, {})), Turn(agent, reply, None, thought, mark)]


def write(text: str, reasoning: str, mark: str = "") -> Turn:
    """The bulletin writer's one turn: its reasoning and the notice."""
    return Turn(WRITER, text, None, reasoning, mark)
