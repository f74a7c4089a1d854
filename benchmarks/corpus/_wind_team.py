"""A wind-farm maintenance desk as a hand-built LangGraph ``StateGraph`` team.

Six agents are graph nodes sharing one ``messages`` state (and the lead's latest
``brief``): ``site_lead`` routes the work with an ``assign`` tool call that its node turns
into ``Command(goto=...)``; ``records_analyst`` and ``reliability_engineer`` read the
desk's files through a real ``read_file`` tool (each has a ``ToolNode`` of its own,
reached by a conditional edge); ``coder`` writes Python in a fenced block, which the
``code_runner`` node (no model) runs in a real subprocess, handing back the exit code
and what it printed; ``verifier`` may read files too and ends its check with a
``verdict`` tool call (approved: on to the writer; else back to the lead); ``writer``
gives the final answer and ends the run.

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is a
:class:`ScriptedChatModel` (a LangChain ``BaseChatModel``) replaying that agent's next
scripted response, tool calls included; a turn is one model response. The script
states what each cell prints last (a crash: its error line); the player checks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, TypedDict

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    AnyMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.tools import tool
from langchain_core.utils.function_calling import convert_to_openai_tool
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode, tools_condition
from langgraph.types import Command

from benchmarks.corpus._desk import Run, Turn, read_file_in, run_python_in, scratch
from benchmarks.corpus._wind_tasks import DATA, FILES

__all__ = [
    "AGENTS",
    "ANALYST",
    "CODER",
    "ENGINEER",
    "LEAD",
    "RUNNER",
    "VERIFIER",
    "WRITER",
    "Run",
    "Turn",
    "assign",
    "check_run",
    "cell",
    "final",
    "play",
    "read",
    "say",
    "verdict",
]

LEAD = "site_lead"
ANALYST = "records_analyst"
ENGINEER = "reliability_engineer"
CODER = "coder"
RUNNER = "code_runner"
VERIFIER = "verifier"
WRITER = "writer"
AGENTS = (LEAD, ANALYST, ENGINEER, CODER, VERIFIER, WRITER)
WORKERS = (ANALYST, ENGINEER, CODER, VERIFIER, WRITER)
MODEL = "desk-chat-2"
FENCE = re.compile(r"```python\n(.*?)```", re.S)

PROMPTS = {
    LEAD: (
        "You lead the maintenance desk of Carrow Hill Renewables (wind farms North Ridge, "
        "Hilltop Moss and West Fell). Plan the question, then assign each piece of work "
        "with the assign tool: records_analyst (work orders, downtime, production, "
        f"stock), reliability_engineer (policy, turbines, warranty), coder (Python), "
        f"verifier (checks), writer (final answer). Files: {FILES}."
    ),
    ANALYST: "You are the records analyst. Read the files and quote rows exactly.",
    ENGINEER: "You are the reliability engineer. Read the policy and turbine register.",
    CODER: (
        "You are the coder. Write one ```python block per message; it runs in a folder "
        "holding the desk's files. Report the figure it printed."
    ),
    VERIFIER: (
        "You are the verifier. Check the team's working (read files if you need to) and "
        "call verdict: approved, or not with what to fix."
    ),
    WRITER: "You are the writer. Give the final answer in two or three sentences.",
}


class State(TypedDict):
    messages: Annotated[list[AnyMessage], add_messages]
    brief: str


# --- the scripted models ----------------------------------------------------------------

# agent -> its turns left in the run being played (one run at a time)
_QUEUE: dict[str, list[Turn]] = {}


class ScriptedChatModel(BaseChatModel):
    """A chat model that answers with its agent's next scripted turn (text and at most
    one tool call) instead of calling an API."""

    agent: str
    model_name: str = MODEL
    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "scripted-chat"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name}

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        mine = _QUEUE.get(self.agent)
        if not mine:
            raise RuntimeError(f"{self.agent} has no scripted turn left")
        turn = mine.pop(0)
        self.calls += 1
        calls = []
        if turn.call:
            name, args = turn.call
            calls = [
                {"name": name, "args": args, "id": f"call_{self.calls:02d}", "type": "tool_call"}
            ]
        asked = sum(len(str(m.content)) for m in messages) // 4
        said = len(turn.say) // 4 + 12
        usage = {"input_tokens": asked, "output_tokens": said, "total_tokens": asked + said}
        reply = AIMessage(content=turn.say, tool_calls=calls, usage_metadata=usage)  # type: ignore[arg-type]
        return ChatResult(generations=[ChatGeneration(message=reply)])

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> Any:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kwargs)


# --- the tools --------------------------------------------------------------------------


@tool
def read_file(name: str, contains: str = "") -> str:
    """Read one of the maintenance desk's files. For a CSV file with `contains`, only the
    header and the rows containing that text.

    Args:
        name: the file name, e.g. work_orders_2026.csv
        contains: optional text a CSV row must contain to be returned
    """
    return read_file_in(DATA, name, contains)


@tool("assign")
def assign_tool(
    agent: Literal["records_analyst", "reliability_engineer", "coder", "verifier", "writer"],
    instructions: str,
) -> str:
    """Hand the next piece of work to a colleague, with what you need from them."""
    return f"Assigned to {agent}."


@tool("verdict")
def verdict_tool(approved: bool, notes: str) -> str:
    """Record your verdict on the team's working: approved, or not and what to fix."""
    return "Approved." if approved else "Sent back."


# --- the graph --------------------------------------------------------------------------


def _ask(model: Any, agent: str, state: State) -> AIMessage:
    system = PROMPTS[agent]
    if agent != LEAD and state.get("brief"):
        system += f"\nYour assignment from the site lead: {state['brief']}"
    reply = model.invoke([SystemMessage(system), *state["messages"]])
    reply.name = agent
    return reply  # type: ignore[no-any-return]


def build(run: Run, work: Path) -> Any:
    """The team for one run, compiled."""
    models = {a: ScriptedChatModel(agent=a) for a in AGENTS}
    lead_model = models[LEAD].bind_tools([assign_tool])
    reader = models[ANALYST].bind_tools([read_file])
    engineer = models[ENGINEER].bind_tools([read_file])
    checker = models[VERIFIER].bind_tools([read_file, verdict_tool])

    def site_lead(state: State) -> Command[Any]:
        reply = _ask(lead_model, LEAD, state)
        call = reply.tool_calls[0]
        target, note = call["args"]["agent"], call["args"]["instructions"]
        done = ToolMessage(f"Assigned to {target}.", tool_call_id=call["id"], name="assign")
        return Command(goto=target, update={"messages": [reply, done], "brief": note})

    def worker(agent: str, model: Any) -> Callable[[State], dict[str, Any]]:
        def node(state: State) -> dict[str, Any]:
            return {"messages": [_ask(model, agent, state)]}

        return node

    def code_runner(state: State) -> dict[str, Any]:
        blocks = FENCE.findall(str(state["messages"][-1].content))
        out = run_python_in(work, blocks[-1]) if blocks else "no ```python block to run"
        run.ran.append((blocks[-1] if blocks else "", out))
        return {"messages": [HumanMessage(out, name=RUNNER)]}

    def after_coder(state: State) -> str:
        return RUNNER if FENCE.search(str(state["messages"][-1].content)) else LEAD

    def verifier(state: State) -> Command[Any]:
        reply = _ask(checker, VERIFIER, state)
        calls = reply.tool_calls
        if calls and calls[0]["name"] == "read_file":
            return Command(goto="verifier_tools", update={"messages": [reply]})
        if not calls:
            return Command(goto=LEAD, update={"messages": [reply]})
        ok = bool(calls[0]["args"]["approved"])
        noted = ToolMessage(
            "Approved." if ok else "Sent back.", tool_call_id=calls[0]["id"], name="verdict"
        )
        return Command(goto=WRITER if ok else LEAD, update={"messages": [reply, noted]})

    graph = StateGraph(State)
    graph.add_node(LEAD, site_lead)
    graph.add_node(ANALYST, worker(ANALYST, reader))
    graph.add_node("records_analyst_tools", ToolNode([read_file]))
    graph.add_node(ENGINEER, worker(ENGINEER, engineer))
    graph.add_node("reliability_engineer_tools", ToolNode([read_file]))
    graph.add_node(CODER, worker(CODER, models[CODER]))
    graph.add_node(RUNNER, code_runner)
    graph.add_node(VERIFIER, verifier)
    graph.add_node("verifier_tools", ToolNode([read_file]))
    graph.add_node(WRITER, worker(WRITER, models[WRITER]))
    graph.add_edge(START, LEAD)
    for agent in (ANALYST, ENGINEER):
        tools = f"{agent}_tools"
        graph.add_conditional_edges(agent, tools_condition, {"tools": tools, END: LEAD})
        graph.add_edge(tools, agent)
    graph.add_conditional_edges(CODER, after_coder, [RUNNER, LEAD])
    graph.add_edge(RUNNER, CODER)
    graph.add_edge("verifier_tools", VERIFIER)
    graph.add_edge(WRITER, END)
    return graph.compile(name="maintenance_desk")


def play(run: Run) -> str:
    """One scripted run of the team; the writer's final answer."""
    _QUEUE.clear()
    _QUEUE.update({a: [t for t in run.turns if t.agent == a] for a in AGENTS})
    with scratch(run, DATA, "coordgap-wind-", _QUEUE) as work:
        state = build(run, work).invoke(
            {"messages": [HumanMessage(run.task)], "brief": ""}, {"recursion_limit": 80}
        )
    return str(state["messages"][-1].content)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted: the writer's answer as written, every cell printing (or
    failing with) what the script says."""
    if output != run.turns[-1].say or run.turns[-1].agent != WRITER:
        raise SystemExit(f"{run.scenario}: the run ended with {output!r}")
    cells = [t for t in run.turns if t.agent == CODER and FENCE.search(t.say)]
    if len(cells) != len(run.ran):
        raise SystemExit(f"{run.scenario}: {len(run.ran)} cells ran, {len(cells)} scripted")
    for turn, (_, out) in zip(cells, run.ran, strict=True):
        lines = [ln.strip() for ln in out.splitlines() if ln.strip()]
        crashed = not out.startswith("exit code 0")
        shown = turn.prints in lines if crashed else lines[-1] == turn.prints
        if crashed != ("Error" in turn.prints.split(":")[0]) or not shown:
            raise SystemExit(f"{run.scenario}: the cell gave {out!r}")


# --- helpers for writing turns ----------------------------------------------------------


def assign(agent: str, instructions: str, say: str = "", mark: str = "") -> Turn:
    """The site lead handing work to ``agent``."""
    return Turn(LEAD, say, ("assign", {"agent": agent, "instructions": instructions}), mark=mark)


def read(agent: str, name: str, contains: str = "", say: str = "", mark: str = "") -> Turn:
    return Turn(agent, say, ("read_file", {"name": name, "contains": contains}), mark=mark)


def say(agent: str, text: str, mark: str = "") -> Turn:
    """A plain reply (for a worker: its report back)."""
    return Turn(agent, text, mark=mark)


def cell(text: str, code: str, prints: str, mark: str = "") -> Turn:
    """The coder's message with one Python block; ``prints`` its last printed line."""
    return Turn(CODER, f"{text}\n\n```python\n{code.strip()}\n```", prints=prints, mark=mark)


def verdict(approved: bool, notes: str, say: str = "", mark: str = "") -> Turn:
    return Turn(VERIFIER, say, ("verdict", {"approved": approved, "notes": notes}), mark=mark)


def final(text: str, mark: str = "") -> Turn:
    return Turn(WRITER, text, mark=mark)
