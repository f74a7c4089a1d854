"""The allotments office's team as its runs' scripts see it: the agents' names and the
helpers that write their turns. Nothing here imports Haystack (its telemetry setting is
read when it is first imported, after the generator has turned it off)."""

from __future__ import annotations

from benchmarks.corpus._desk import Run, Turn, read

__all__ = [
    "AGENTS",
    "CHECKER",
    "CLERK",
    "CODER",
    "LEAD",
    "WRITER",
    "Run",
    "Turn",
    "ask",
    "cell",
    "final",
    "read",
    "say",
]

LEAD = "allotments_officer"
CLERK = "records_clerk"
CODER = "coder"
CHECKER = "checker"
WRITER = "writer"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)


def ask(to: str, brief: str, say: str = "", mark: str = "") -> Turn:
    """The officer delegating ``brief`` to ``to`` through its ``ask_<agent>`` tool (an
    ``AgentTool``: the brief is the one user message the agent is run on), with ``say``
    as the response's text."""
    call = (f"ask_{to}", {"messages": [{"role": "user", "content": brief}]})
    return Turn(LEAD, say, call, mark=mark)


def say(agent: str, text: str, mark: str = "") -> Turn:
    """A reply with no tool call: the agent's run ends with it (its report, or verdict)."""
    return Turn(agent, text, mark=mark)


def cell(code: str, prints: str, text: str = "", mark: str = "") -> Turn:
    """The coder running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        CODER, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def final(text: str, mark: str = "") -> Turn:
    return Turn(WRITER, text, mark=mark)
