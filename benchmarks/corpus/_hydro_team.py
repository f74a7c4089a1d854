"""The water utility's planning team as a ``langgraph-swarm`` swarm, replaying a script.

Seven agents hand the conversation to one another through their handoff tools
(``transfer_to_<agent>``), the way an expert group chat passes the floor:

- ``planning_lead`` reads the request and splits it (traced as ``plan``);
- ``records_analyst`` searches and opens the utility's documents (real tools
  over canned local text; an unknown id answers an error object);
- ``hydrology_engineer`` the domain expert (no tools);
- ``python_coder`` writes Python in a fenced block;
- ``code_runner`` a graph of its own that runs the latest fenced block in a
  real Python subprocess (stdin closed, timeout) and posts the console output;
- ``verification_expert`` checks (traced as ``verify``; can open documents);
- ``report_writer`` writes the final answer and ends the chat.

A run is a list of :class:`Turn`; each agent's scripted model gets the
replies of its turns in order, and every turn but the last ends with a
handoff to the agent of the next turn.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.tools import tool
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.types import Command
from langgraph_swarm import create_handoff_tool, create_swarm

from benchmarks.corpus._hydro_docs import DOCUMENTS, search
from tracer.integrations import langgraph as cg_langgraph

with warnings.catch_warnings():  # create_react_agent moved to langchain.agents; still works
    warnings.simplefilter("ignore")
    from langgraph.prebuilt import create_react_agent

LEAD = "planning_lead"
RECORDS = "records_analyst"
ENGINEER = "hydrology_engineer"
CODER = "python_coder"
RUNNER = "code_runner"
VERIFIER = "verification_expert"
WRITER = "report_writer"
AGENTS = (LEAD, RECORDS, ENGINEER, CODER, RUNNER, VERIFIER, WRITER)
MODEL_AGENTS = tuple(a for a in AGENTS if a != RUNNER)
TOOLED = {RECORDS: ("search_records", "open_document"), VERIFIER: ("open_document",)}
CODE_BLOCK = re.compile(r"```(?:python|py)?\n(.*?)```", re.S)


class Scripted(FakeMessagesListChatModel):
    """Replies from a script, tool calls included (tools are bound by the script)."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Scripted:
        return self


@dataclass
class Turn:
    """One agent's turn: the tool calls it makes first, then what it says."""

    agent: str
    says: str = ""
    calls: Sequence[tuple[str, dict[str, Any]]] = field(default_factory=tuple)
    mark: str = ""  # "root", "symptom" or "both": the annotated steps of a failing run


def say(agent: str, text: str, *calls: tuple[str, dict[str, Any]], mark: str = "") -> Turn:
    return Turn(agent, text.strip(), calls, mark)


def run_code(mark: str = "") -> Turn:
    return Turn(RUNNER, mark=mark)


@dataclass
class Run:
    """One scripted run: its scenario name, failure mode (or healthy), task and turns."""

    scenario: str
    mode: str
    task: str
    turns: list[Turn]
    note: str = ""


def marked(turns: Sequence[Turn], which: str) -> tuple[str, int] | None:
    """(agent, that agent's n-th turn) of the turn marked ``which`` (or ``both``)."""
    seen: dict[str, int] = {}
    for turn in turns:
        seen[turn.agent] = seen.get(turn.agent, 0) + 1
        if turn.mark in (which, "both"):
            return turn.agent, seen[turn.agent]
    return None


def find(query: str) -> tuple[str, dict[str, Any]]:
    return ("search_records", {"query": query})


def open_doc(doc_id: str) -> tuple[str, dict[str, Any]]:
    return ("open_document", {"doc_id": doc_id})


# --- tools ---------------------------------------------------------------------------


@tool
def search_records(query: str) -> str:
    """Search the utility's document store; the best matching documents with a snippet."""
    hits = search(query)
    if not hits:
        return json.dumps({"results": [], "note": f"no document matches {query!r}"})
    return json.dumps({"results": hits}, ensure_ascii=False)


@tool
def open_document(doc_id: str) -> str:
    """Open one document of the store by its id; its full text."""
    doc = DOCUMENTS.get(doc_id)
    if doc is None:
        near = sorted(k for k in DOCUMENTS if k.split("-")[0] == doc_id.split("-")[0])
        return json.dumps(
            {"error": 404, "detail": f"no document {doc_id!r}", "similar_ids": near[:4]}
        )
    return f"[{doc_id}] {doc['title']}\n\n{doc['text']}"


TOOLS = {"search_records": search_records, "open_document": open_document}


def execute(code: str) -> str:
    """Run ``code`` in a fresh interpreter; the console output as a terminal posts it."""
    with tempfile.TemporaryDirectory(prefix="hydro-run-") as tmp:
        try:
            done = subprocess.run(
                [sys.executable, "-I", "-c", code],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                cwd=tmp,
                timeout=20,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return "exitcode: 124 (execution failed)\nCode output: Timeout"
    status = "succeeded" if done.returncode == 0 else "failed"
    out = (done.stdout + done.stderr).strip()
    return f"exitcode: {done.returncode} (execution {status})\nCode output: {out}"


def latest_code(messages: Sequence[BaseMessage]) -> str:
    for message in reversed(messages):
        if message.type == "ai" and isinstance(message.content, str):
            blocks = CODE_BLOCK.findall(message.content)
            if blocks:
                return blocks[-1]
    return ""


# --- the swarm -----------------------------------------------------------------------


class _Ids:
    def __init__(self) -> None:
        self._n = itertools.count(1)

    def __call__(self, prefix: str) -> str:
        return f"call_{prefix[:3]}{next(self._n):03d}"


def _replies(turns: Sequence[Turn]) -> dict[str, list[AIMessage]]:
    """Each model agent's replies across the run, with the handoff to the next turn."""
    ids = _Ids()
    out: dict[str, list[AIMessage]] = {a: [] for a in MODEL_AGENTS}
    for i, turn in enumerate(turns):
        if turn.agent == RUNNER:
            continue
        for name, args in turn.calls:
            call = {"name": name, "args": args, "id": ids(name)}
            out[turn.agent].append(AIMessage(content="", tool_calls=[call]))
        nxt = turns[i + 1].agent if i + 1 < len(turns) else None
        calls = [] if nxt is None else [{"name": f"transfer_to_{nxt}", "args": {}, "id": ids("t")}]
        out[turn.agent].append(AIMessage(content=turn.says, tool_calls=calls, name=turn.agent))
    return out


def _runner_targets(turns: Sequence[Turn]) -> list[str]:
    return [
        turns[i + 1].agent if i + 1 < len(turns) else END
        for i, t in enumerate(turns)
        if t.agent == RUNNER
    ]


def _code_runner(targets: list[str]) -> Any:
    queue = list(targets)

    def run_latest(state: MessagesState) -> Command:
        output = execute(latest_code(state["messages"]))
        reply = AIMessage(content=output, name=RUNNER)
        target = queue.pop(0)
        if target == END:
            return Command(update={"messages": [reply]})
        return Command(
            goto=target,
            graph=Command.PARENT,
            update={"messages": [reply], "active_agent": target},  # appended by the swarm
        )

    graph = StateGraph(MessagesState)
    graph.add_node("run_latest_block", run_latest)
    graph.add_edge(START, "run_latest_block")
    return graph.compile(name=RUNNER)


def build(turns: Sequence[Turn]) -> Any:
    """A compiled, instrumented swarm that plays ``turns`` once."""
    replies = _replies(turns)
    agents = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in MODEL_AGENTS:
            tools = [TOOLS[t] for t in TOOLED.get(name, ())]
            tools += [create_handoff_tool(agent_name=a) for a in AGENTS if a != name]
            model = Scripted(responses=replies[name] or [AIMessage(content="")])
            agents.append(create_react_agent(model, tools, name=name))
    agents.append(_code_runner(_runner_targets(turns)))
    swarm = create_swarm(agents, default_active_agent=turns[0].agent).compile(name="planning_desk")
    return cg_langgraph.instrument(swarm, plan=[LEAD], verify=[VERIFIER])


def play(turns: Sequence[Turn], task: str) -> str:
    """Run the team on ``task``; the last message of the chat."""
    app = build(turns)
    out = app.invoke({"messages": [{"role": "user", "content": task}]}, {"recursion_limit": 200})
    return str(out["messages"][-1].content)
