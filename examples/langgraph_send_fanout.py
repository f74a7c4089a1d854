"""A LangGraph map-reduce graph: a planner fans work out with ``Send``, traced by one line.

    python examples/langgraph_send_fanout.py                      # healthy runs
    python examples/langgraph_send_fanout.py --fault editor_drops # the editor loses `style`
    coordgap ingest && coordgap analyze                           # attribution of the failures

planner --Send--> researcher, illustrator (parallel branches) -> editor -> checker,
which routes with ``Command(goto=...)`` back to the editor or to the end. Each
``Send`` is one handoff from the planner to its branch, checked against what the
planner sent (a branch that gets only ``goal`` has dropped nothing). Faults:
``researcher_raises``, ``editor_drops`` (the checker then lacks ``style``: the
handoff editor -> checker is blamed), ``checker_rejects`` (every draft rejected).
Nothing here calls a model or the network.
"""

from __future__ import annotations

import argparse
import operator
from typing import Annotated, Any, TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.types import Command, Send

import tracer
from tracer.integrations import langgraph as cg_langgraph

FAULTS = ("researcher_raises", "editor_drops", "checker_rejects")
MAX_ATTEMPTS = 3


class Story(TypedDict, total=False):
    goal: str
    style: str | None
    findings: Annotated[list[str], operator.add]
    images: Annotated[list[str], operator.add]
    draft: str
    attempts: int
    approved: bool


def build(fault: str | None) -> Any:
    """The compiled graph with ``fault`` injected (None: healthy)."""

    def planner(state: Story) -> dict[str, Any]:
        return {"style": "calm"}

    def fan_out(state: Story) -> list[Send]:
        # each branch gets its own payload, not the whole state
        return [
            Send("researcher", {"goal": state["goal"]}),
            Send("illustrator", {"goal": state["goal"], "style": state["style"]}),
        ]

    def researcher(state: Story) -> dict[str, Any]:
        if fault == "researcher_raises":
            raise RuntimeError("search backend unavailable")
        return {"findings": [f"notes on {state['goal']}"]}

    def illustrator(state: Story) -> dict[str, Any]:
        return {"images": [f"{state['style']} sketch of {state['goal']}"]}

    def editor(state: Story) -> dict[str, Any]:
        update: dict[str, Any] = {
            "draft": f"{state['findings'][0]} + {len(state['images'])} image(s)",
            "attempts": state.get("attempts", 0) + 1,
        }
        if fault == "editor_drops":
            update["style"] = None  # the injected fault: context lost on the way
        return update

    def checker(state: Story) -> Command[Any]:
        if not state.get("style"):
            raise KeyError("style")
        ok = fault != "checker_rejects"
        if ok or state["attempts"] >= MAX_ATTEMPTS:
            return Command(goto=END, update={"approved": ok})
        return Command(goto="editor", update={"approved": False})

    graph = StateGraph(Story)
    graph.add_node("planner", planner)
    graph.add_node("researcher", researcher)
    graph.add_node("illustrator", illustrator)
    graph.add_node("editor", editor)
    graph.add_node("checker", checker, destinations=("editor", END))
    graph.add_edge(START, "planner")
    graph.add_conditional_edges("planner", fan_out, ["researcher", "illustrator"])
    graph.add_edge("researcher", "editor")
    graph.add_edge("illustrator", "editor")
    graph.add_edge("editor", "checker")
    return graph.compile(name="story")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fault", choices=FAULTS, help="inject one fault in every run")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    tracer.configure(service_name="langgraph-send-example")
    app = cg_langgraph.instrument(
        build(args.fault),
        plan=["planner"],
        verify=["checker"],
        roles={"editor": "assemble"},
        verdict_key="approved",
        expects={"checker": ["style", "draft"]},
    )
    for goal in ["tides", "comets", "lichens"][: args.runs]:
        try:
            result = app.invoke({"goal": goal, "findings": [], "images": []})
            print(f"{goal}: approved={result['approved']} after {result['attempts']} draft(s)")
        except (RuntimeError, KeyError) as exc:
            print(f"{goal}: failed ({type(exc).__name__}: {exc})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
