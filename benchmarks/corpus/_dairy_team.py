"""A dairy co-op's milk collections desk as a LangGraph supervisor team.

In the shape of LangGraph's multi-agent supervisor tutorial: a hand-written supervisor
node, ``collections_lead``, plans and routes; its model answers with a
``dispatch(agent, brief)`` tool call, which the node turns into the brief (a
``HumanMessage`` named after the lead, added to the shared ``messages``) and
``Command(goto=agent)``. The five workers are ``langgraph.prebuilt.create_react_agent``
agents, each with its own tools, invoked from a node of their own on the shared
messages: ``records_clerk`` and ``pricing_officer`` read the desk's files through a real
``read_file`` tool, ``coder`` runs Python through ``run_python`` (a real subprocess, no
stdin, in a scratch copy of the files), ``checker`` may do both, and ``writer`` has none.
A worker keeps the floor while it calls its tools and hands back to the lead with its
first answer without one; only that answer (a ``HumanMessage`` named after the worker)
joins the shared messages. The writer's answer ends the run.

A run is a list of :class:`Turn` in the order the agents speak; every agent's model is a
:class:`DeskChatModel` (a LangChain ``BaseChatModel``) replaying that agent's next scripted
response, tool call included; a turn is one model response. The script states what each
``run_python`` call prints last (a crash: its error line); the player checks it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import langgraph.prebuilt as prebuilt
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.tools import tool
from langchain_core.utils.function_calling import convert_to_openai_tool
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.types import Command

from benchmarks.corpus._dairy_tasks import DATA, FILES
from benchmarks.corpus._desk import (
    Run,
    Turn,
    check_cells,
    read,
    read_file_in,
    run_python_in,
    scratch,
)

__all__ = [
    "AGENTS",
    "CHECKER",
    "CLERK",
    "CODER",
    "LEAD",
    "OFFICER",
    "WRITER",
    "Run",
    "Turn",
    "check_flow",
    "check_run",
    "code",
    "dispatch",
    "final",
    "play",
    "read",
    "say",
]

LEAD = "collections_lead"
CLERK = "records_clerk"
OFFICER = "pricing_officer"
CODER = "coder"
CHECKER = "checker"
WRITER = "writer"
WORKERS = (CLERK, OFFICER, CODER, CHECKER, WRITER)
AGENTS = (LEAD, *WORKERS)
TOOLS = {LEAD: {"dispatch"}, CLERK: {"read_file"}, OFFICER: {"read_file"}, CODER: {"run_python"}}
TOOLS |= {CHECKER: {"read_file", "run_python"}, WRITER: set()}
MODEL = "desk-chat-3"

PROMPTS = {
    LEAD: (
        "You run the milk collections desk of Fenmoor Dairy Co-operative (ten member farms, "
        "zones A-C, tankers T1-T3). Plan the question, then send each piece of work with "
        "the dispatch tool: records_clerk (farm register, collection logs), pricing_officer "
        "(price schedule, haulage rates), coder (Python), checker (checks the working), "
        f"writer (the answer to the member). Files: {FILES}."
    ),
    CLERK: "You are the records clerk. Read the register and the collection logs; quote rows.",
    OFFICER: "You are the pricing officer. Read the milk price schedule and haulage rates.",
    CODER: (
        "You are the coder. Compute with the run_python tool (it runs in a folder holding "
        "the desk's files) and report the figure it printed."
    ),
    CHECKER: (
        "You are the checker. Check the team's working against the files (read them or "
        "rerun code if you need to); say whether it can go to the member, or what to fix."
    ),
    WRITER: "You are the writer. Give the answer to the member in two or three sentences.",
}


# --- the scripted models ----------------------------------------------------------------

# agent -> its turns left in the run being played (one run at a time)
_QUEUE: dict[str, list[Turn]] = {}


class DeskChatModel(BaseChatModel):
    """A chat model that answers with its agent's next scripted turn (text and at most
    one tool call) instead of calling an API."""

    agent: str
    model_name: str = MODEL
    calls: int = 0

    @classmethod
    def is_lc_serializable(cls) -> bool:
        return True  # as a provider's chat model is: tracers read its model name from it

    @property
    def _llm_type(self) -> str:
        return "desk-chat"

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
            call_id = f"call_{self.agent[:4]}{self.calls:02d}"
            calls = [{"name": name, "args": args, "id": call_id, "type": "tool_call"}]
        asked = sum(len(str(m.content)) for m in messages) // 4
        said = len(turn.say) // 4 + 12
        usage = {"input_tokens": asked, "output_tokens": said, "total_tokens": asked + said}
        reply = AIMessage(
            content=turn.say,
            tool_calls=calls,  # type: ignore[arg-type]
            usage_metadata=usage,  # type: ignore[arg-type]
            response_metadata={"model_name": self.model_name},
        )
        return ChatResult(generations=[ChatGeneration(message=reply)])

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kwargs)


# --- the tools --------------------------------------------------------------------------


@tool("dispatch")
def dispatch_tool(
    agent: Literal["records_clerk", "pricing_officer", "coder", "checker", "writer"],
    brief: str,
) -> str:
    """Send the next piece of work to a colleague, with what you need back from them."""
    return f"Dispatched to {agent}."


def _tools(run: Run, work: Path) -> dict[str, Any]:
    @tool
    def read_file(name: str, contains: str = "") -> str:
        """Read one of the collections desk's files. For a CSV file with `contains`, only
        the header and the rows containing that text.

        Args:
            name: the file name, e.g. collections_2026_04.csv
            contains: optional text a CSV row must contain to be returned
        """
        return read_file_in(work, name, contains)

    @tool
    def run_python(code: str) -> str:
        """Run a Python script in the desk's folder (the data files are there) and return
        its exit code and what it printed.

        Args:
            code: the whole script
        """
        out = run_python_in(work, code)
        run.ran.append((code, out))
        return out

    return {"read_file": read_file, "run_python": run_python}


# --- the graph --------------------------------------------------------------------------


def build(run: Run, work: Path) -> Any:
    """The desk for one run, compiled: the lead's node and a node per worker agent."""
    tools = _tools(run, work)
    lead_model = DeskChatModel(agent=LEAD).bind_tools([dispatch_tool])

    def collections_lead(state: MessagesState) -> Command[Any]:
        reply = lead_model.invoke([SystemMessage(PROMPTS[LEAD]), *state["messages"]])
        args = reply.tool_calls[0]["args"]
        brief = HumanMessage(args["brief"], name=LEAD)
        return Command(goto=args["agent"], update={"messages": [brief]})

    def worker(agent: str, react: Any) -> Callable[[MessagesState], Command[Any]]:
        def node(state: MessagesState) -> Command[Any]:
            done = react.invoke({"messages": state["messages"]})
            said = HumanMessage(str(done["messages"][-1].content), name=agent)
            return Command(goto=END if agent == WRITER else LEAD, update={"messages": [said]})

        return node

    graph = StateGraph(MessagesState)
    graph.add_node(LEAD, collections_lead, destinations=WORKERS)
    with warnings.catch_warnings():  # create_react_agent moved to langchain in LangGraph 1.0
        warnings.simplefilter("ignore")
        for agent in WORKERS:
            mine = [tools[name] for name in sorted(TOOLS[agent])]
            model = DeskChatModel(agent=agent)
            react = prebuilt.create_react_agent(model, mine, prompt=PROMPTS[agent], name=agent)
            graph.add_node(
                agent, worker(agent, react), destinations=(END if agent == WRITER else LEAD,)
            )
    graph.add_edge(START, LEAD)
    return graph.compile(name="collections_desk")


def play(run: Run) -> str:
    """One scripted run of the desk; the writer's answer."""
    _QUEUE.clear()
    _QUEUE.update({a: [t for t in run.turns if t.agent == a] for a in AGENTS})
    with scratch(run, DATA, "coordgap-dairy-", _QUEUE) as work:
        state = build(run, work).invoke(
            {"messages": [HumanMessage(run.task)]}, {"recursion_limit": 60}
        )
    return str(state["messages"][-1].content)


def check_flow(run: Run) -> None:
    """The script is one the graph can play: the lead speaks first and every lead turn
    dispatches; a dispatched worker speaks next and keeps the floor while it calls its own
    tools; a worker's plain answer goes back to the lead, the writer's ends the run."""
    floor = LEAD
    for at, turn in enumerate(run.turns):
        name = turn.call[0] if turn.call else None
        if turn.agent != floor or (name is not None and name not in TOOLS[turn.agent]):
            raise SystemExit(f"{run.scenario}: turn {at} ({turn.agent}) does not fit the graph")
        if turn.agent == LEAD:
            if name != "dispatch":
                raise SystemExit(f"{run.scenario}: turn {at}: the lead must dispatch")
            floor = turn.call[1]["agent"]  # type: ignore[index]
        elif name is None:
            if turn.agent == WRITER and at != len(run.turns) - 1:
                raise SystemExit(f"{run.scenario}: the writer's answer is not the last turn")
            floor = LEAD
    if run.turns[-1].agent != WRITER or run.turns[-1].call:
        raise SystemExit(f"{run.scenario}: the run does not end with the writer's answer")


def check_run(run: Run, output: str) -> None:
    """The run went as scripted: the writer's answer as written, every ``run_python``
    call printing (or failing with) what the script says."""
    check_cells(run, output, WRITER)


# --- helpers for writing turns ----------------------------------------------------------


def dispatch(agent: str, brief: str, say: str = "", mark: str = "") -> Turn:
    """The lead sending work to ``agent``."""
    return Turn(LEAD, say, ("dispatch", {"agent": agent, "brief": brief}), mark=mark)


def code(src: str, prints: str, say: str = "", agent: str = CODER, mark: str = "") -> Turn:
    """A ``run_python`` call; ``prints`` its last printed line (a crash: its error line)."""
    return Turn(agent, say, ("run_python", {"code": src.strip() + "\n"}), prints=prints, mark=mark)


def say(agent: str, text: str, mark: str = "") -> Turn:
    """A plain reply (for a worker: its report back to the lead)."""
    return Turn(agent, text, mark=mark)


def final(text: str, mark: str = "") -> Turn:
    return Turn(WRITER, text, mark=mark)
