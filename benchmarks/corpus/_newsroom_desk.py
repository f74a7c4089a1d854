"""The newsroom data desk: a ``langgraph-supervisor`` team of six on scripted chat models.

``desk_editor`` (the supervisor) hands the story to ``records_clerk`` (an
open-data portal tool), ``data_reporter`` (writes a Python cell),
``sandbox`` (a graph of its own that runs the latest cell in a real Python
subprocess), ``fact_checker`` (the same portal tool) and ``copy_chief`` (writes
the brief), each through the handoff tools ``create_supervisor`` gives it. The
models are LangChain's fake chat models replaying a script, tool calls included;
the portal is a dict; nothing calls a model API or the network.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Mapping
from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph_supervisor import create_supervisor

from tracer.integrations import langgraph as cg_langgraph

with warnings.catch_warnings():  # langgraph-supervisor still builds its agents with it
    warnings.simplefilter("ignore")
    from langgraph.prebuilt import create_react_agent

SUPERVISOR = "desk_editor"
CLERK = "records_clerk"
DATA = "data_reporter"
SANDBOX = "sandbox"
CHECKER = "fact_checker"
COPY = "copy_chief"
WORKERS = (CLERK, DATA, SANDBOX, CHECKER, COPY)
# who is a model and who runs code, as a user of the integration would say
ACTORS = {
    SUPERVISOR: "model",
    CLERK: "model",
    DATA: "model",
    SANDBOX: "code",
    CHECKER: "model",
    COPY: "model",
}
_CELL = re.compile(r"```(?:python|py)?\s*\n(.*?)```", re.DOTALL)


class Scripted(FakeMessagesListChatModel):
    """Replies from a script, tool calls included."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Scripted:
        return self


def portal_tool(portal: Mapping[tuple[str, str], Mapping[str, Any]], failing: set[str]) -> Any:
    """The city's open-data portal as a function tool (JSON body or an error object)."""

    def pull_record(dataset: str, period: str) -> str:
        """Fetch one published table row from the city's open-data portal."""
        if dataset in failing:
            failing.discard(dataset)  # the outage lasts one call
            return json.dumps({"error": 503, "detail": "portal timed out, try again later"})
        row = portal.get((dataset, period))
        if row is None:
            known = sorted({p for d, p in portal if d == dataset})
            detail = f"no rows for {dataset!r} in period {period!r}"
            return json.dumps({"error": 404, "detail": detail, "periods": known})
        return json.dumps({"dataset": dataset, "period": period, **row})

    return pull_record


def _last_cell(messages: list[BaseMessage]) -> str | None:
    for message in reversed(messages):
        text = message.content if isinstance(message.content, str) else ""
        found = _CELL.findall(text)
        if found:
            return str(found[-1])
    return None


def run_cell(state: MessagesState) -> dict[str, Any]:
    """Run the latest Python cell of the thread in a fresh interpreter, no stdin."""
    code = _last_cell(state["messages"])
    if code is None:
        reply = "nothing to run: no python cell in the thread"
    else:
        with tempfile.TemporaryDirectory(prefix="newsroom-cell-") as tmp:
            done = subprocess.run(
                [sys.executable, "-I", "-c", code],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                cwd=tmp,
                timeout=60,
                check=False,
            )
        out = (done.stdout + done.stderr).strip() or "(no output)"
        reply = f"$ python cell.py\n{out}\n[exit {done.returncode}]"
    return {"messages": [AIMessage(content=reply, name=SANDBOX)]}


def sandbox_graph() -> Any:
    builder = StateGraph(MessagesState)
    builder.add_node("run_cell", run_cell)
    builder.add_edge(START, "run_cell")
    builder.add_edge("run_cell", END)
    return builder.compile(name=SANDBOX)


def build_desk(
    scripts: Mapping[str, list[AIMessage]],
    portal: Mapping[tuple[str, str], Mapping[str, Any]],
    failing: set[str] | None = None,
) -> Any:
    """A fresh traced team whose models replay ``scripts`` (agent -> replies in order)."""
    pull = portal_tool(portal, set(failing or ()))
    tools = {CLERK: [pull], DATA: [], CHECKER: [pull], COPY: []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        agents = [
            create_react_agent(
                Scripted(responses=scripts.get(name) or [AIMessage("ok")]), tools[name], name=name
            )
            for name in (CLERK, DATA, CHECKER, COPY)
        ]
        agents.insert(2, sandbox_graph())
        team = create_supervisor(
            agents,
            model=Scripted(responses=scripts[SUPERVISOR]),
            supervisor_name=SUPERVISOR,
        ).compile(name="newsdesk")
    return cg_langgraph.instrument(team, plan=[SUPERVISOR], verify=[CHECKER], actors=ACTORS)
