"""A theatre's box office desk as a Strands Agents ``Swarm``.

Six Strands ``Agent``s in one ``Swarm`` (entry point ``house_manager``) pass the floor to
one another with the swarm's own ``handoff_to_agent(agent_name, message, context)`` tool;
the next agent is given the handoff message, the question, the agents who worked before
it and the shared context the earlier agents handed over. ``house_manager`` plans and
briefs; ``box_office_clerk`` reads the sales files and ``rights_officer`` the rights
agreement and house capacities through a real ``read_file`` tool; ``analyst`` writes
Python and runs it with its ``run_python`` tool (a real subprocess in a scratch copy of
the files); ``auditor`` checks the working (it can read files and rerun code) and hands
the approved figure on, or sends it back; ``report_writer`` writes the answer, and the
swarm ends with it (an agent that hands off to nobody ends the run).

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is a
:class:`ScriptedModel` (Strands' ``Model`` interface, streaming the run's next scripted
response, its tool call included); a turn is one model response. An agent that handed
off is called once more by Strands with the handoff's result and answers in a line
(:func:`hand` writes both turns). No network.
"""

from __future__ import annotations

import json
import math
from collections.abc import AsyncGenerator
from pathlib import Path
from typing import Any

from strands import Agent, tool
from strands.models.model import Model
from strands.multiagent import Swarm
from strands.multiagent.base import Status

from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._stage_tasks import DATA, FILES

__all__ = [
    "ANALYST",
    "AUDITOR",
    "CLERK",
    "LEAD",
    "RIGHTS",
    "WRITER",
    "Run",
    "Turn",
    "cell",
    "check_run",
    "final",
    "hand",
    "play",
    "read",
]

LEAD = "house_manager"
CLERK = "box_office_clerk"
RIGHTS = "rights_officer"
ANALYST = "analyst"
AUDITOR = "auditor"
WRITER = "report_writer"
AGENTS = (LEAD, CLERK, RIGHTS, ANALYST, AUDITOR, WRITER)
MODEL = "box-office-desk-1"

DESCRIPTIONS = {
    LEAD: "Plans the question and briefs the desk.",
    CLERK: "Reads the monthly sales files (performances, tickets, receipts, refunds).",
    RIGHTS: "Reads the 2026 rights agreement and the venues' capacities.",
    ANALYST: "Writes and runs Python over the desk's files to compute figures.",
    AUDITOR: "Checks the working before anything is reported.",
    WRITER: "Writes the desk's final answer.",
}
PROMPTS = {
    LEAD: (
        "You are the house manager of the Lantern Street Theatre's box office desk. Plan "
        "each question and hand it to the right colleague with a clear brief. "
        f"Files: {FILES}."
    ),
    CLERK: (
        "You are the box office clerk. Read the sales files with read_file and quote rows exactly."
    ),
    RIGHTS: (
        "You are the rights officer. Read the rights agreement and the venue files with "
        "read_file and quote terms exactly."
    ),
    ANALYST: (
        "You are the analyst. Write Python and run it with run_python (it runs in a folder "
        "holding the desk's files); report the figure it printed."
    ),
    AUDITOR: (
        "You are the auditor. Check the working (read files or rerun code if you need to), "
        "then hand the approved figure to the report writer or send the work back."
    ),
    WRITER: "You are the report writer. Answer the question in two or three sentences.",
}
TOOLS = {LEAD: (), CLERK: ("read_file",), RIGHTS: ("read_file",), ANALYST: ("run_python",)}
TOOLS |= {AUDITOR: ("read_file", "run_python"), WRITER: ()}
HANDOFF = "handoff_to_agent"

# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


def _tokens(value: Any) -> int:
    return max(1, math.ceil(len(json.dumps(value, default=str)) / 4))


class ScriptedModel(Model):
    """Strands' ``Model`` streaming its agent's next scripted response (text, then at most
    one tool call); it must be that agent's turn."""

    def __init__(self, agent: str) -> None:
        self.agent = agent
        self.config: dict[str, Any] = {"model_id": MODEL}
        self.calls = 0

    def update_config(self, **model_config: Any) -> None:
        self.config.update(model_config)

    def get_config(self) -> dict[str, Any]:
        return self.config

    async def structured_output(
        self, output_model: Any, prompt: Any, system_prompt: str | None = None, **kwargs: Any
    ) -> AsyncGenerator[dict[str, Any], None]:
        raise NotImplementedError("the desk's agents answer in text")
        yield {}  # an async generator, as the interface has it

    async def stream(
        self,
        messages: Any,
        tool_specs: Any = None,
        system_prompt: str | None = None,
        **kwargs: Any,
    ) -> AsyncGenerator[dict[str, Any], None]:
        if not _SCRIPT or _SCRIPT[0].agent != self.agent:
            due = _SCRIPT[0].agent if _SCRIPT else "nobody"
            raise RuntimeError(f"{self.agent} was asked to speak; the script has {due}")
        turn = _SCRIPT.pop(0)
        self.calls += 1
        yield {"messageStart": {"role": "assistant"}}
        if turn.say:
            yield {"contentBlockStart": {"start": {}}}
            yield {"contentBlockDelta": {"delta": {"text": turn.say}}}
            yield {"contentBlockStop": {}}
        if turn.call:
            name, args = turn.call
            use = {"name": name, "toolUseId": f"tooluse_{self.agent}_{self.calls:02d}"}
            yield {"contentBlockStart": {"start": {"toolUse": use}}}
            yield {"contentBlockDelta": {"delta": {"toolUse": {"input": json.dumps(args)}}}}
            yield {"contentBlockStop": {}}
        yield {"messageStop": {"stopReason": "tool_use" if turn.call else "end_turn"}}
        given, said = _tokens([system_prompt, messages]), _tokens([turn.say, turn.call])
        usage = {"inputTokens": given, "outputTokens": said, "totalTokens": given + said}
        yield {"metadata": {"usage": usage, "metrics": {"latencyMs": 40 + 3 * said}}}


def build(run: Run, work: Path) -> Swarm:
    """The desk for one run: six agents in a swarm, the house manager first."""

    @tool
    def read_file(name: str, contains: str = "") -> str:
        """Read one of the box office desk's files. For a CSV file with `contains`, only the
        header and the rows containing that text.

        Args:
            name: the file name, e.g. sales_2026-11.csv
            contains: optional text a CSV row must contain to be returned
        """
        return read_file_in(work, name, contains)

    @tool
    def run_python(code: str) -> str:
        """Run a Python script in a folder holding the desk's files; the exit code and what
        it printed (or its traceback).

        Args:
            code: the whole script
        """
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    tools = {"read_file": read_file, "run_python": run_python}
    agents = {
        agent: Agent(
            name=agent,
            description=DESCRIPTIONS[agent],
            system_prompt=PROMPTS[agent],
            model=ScriptedModel(agent),
            tools=[tools[t] for t in TOOLS[agent]],
            callback_handler=None,
        )
        for agent in AGENTS
    }
    return Swarm(list(agents.values()), entry_point=agents[LEAD], id="box_office_desk")


def play(run: Run) -> str:
    """One scripted run of the desk; the report writer's answer (the last response)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-stage-", _SCRIPT) as work:
        result = build(run, work)(run.task)
        if result.status != Status.COMPLETED or result.node_history[-1].node_id != WRITER:
            raise SystemExit(f"{run.scenario}: the swarm ended {result.status}")
        answer = result.results[WRITER].result.message["content"]
        return "".join(block.get("text", "") for block in answer)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (:func:`check_cells`)."""
    check_cells(run, output, WRITER)


# --- helpers for writing turns ----------------------------------------------------------

# what an agent says once its handoff has gone through (Strands calls it again with the
# tool's result), picked by the length of the handoff message
_AFTER = {
    LEAD: ("Handed over.", "Brief sent.", "That's with them now.", "Passed on."),
    CLERK: ("Sent on.", "Rows passed over.", "Done, handed over.", "Over to them."),
    RIGHTS: ("Terms passed on.", "Handed over.", "Sent.", "With them now."),
    ANALYST: ("Handed to the auditor.", "Sent for checking.", "Over to audit.", "Passed on."),
    AUDITOR: ("Passed on.", "Handed over.", "Done.", "Over to them."),
}


def hand(
    agent: str,
    to: str,
    message: str,
    say: str = "",
    context: dict[str, Any] | None = None,
    after: str = "",
    mark: str = "",
) -> list[Turn]:
    """``agent`` handing the floor to ``to`` with the swarm's ``handoff_to_agent`` (its
    ``message``, and ``context`` for the shared context), then its line once the handoff
    went through."""
    args: dict[str, Any] = {"agent_name": to, "message": message}
    if context:
        args["context"] = context
    closing = after or _AFTER[agent][len(message) % len(_AFTER[agent])]
    return [Turn(agent, say, (HANDOFF, args), mark=mark), Turn(agent, closing)]


def cell(text: str, code: str, prints: str, mark: str = "", agent: str = ANALYST) -> Turn:
    """``agent`` (the analyst unless named) running ``code``; ``prints`` its last printed
    line (a crash: its error line)."""
    return Turn(
        agent, text, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def final(text: str, mark: str = "") -> Turn:
    """The report writer's answer: a reply with no tool call, which ends the run."""
    return Turn(WRITER, text, mark=mark)
