"""A LangGraph writer -> verifier pipeline with a retry edge, traced by one line.

    python examples/langgraph_writer_verifier.py            # healthy runs
    python examples/langgraph_writer_verifier.py --faulty   # the writer drops `brand_voice`
    coordgap analyze                                        # attribution of the failed runs

The verifier sends the draft back to the writer until it carries the brand
voice, at most three times. With ``--faulty`` the writer blanks ``brand_voice``
from the state; every later check fails, and coordgap attributes the failed
run to the handoff writer -> verifier (``dropped_key: brand_voice``), not to
the verifier that caught it. Nothing here calls a model or the network.
"""

from __future__ import annotations

import argparse
from typing import Any, Literal, TypedDict

from langgraph.graph import START, StateGraph

import tracer
from tracer.integrations import langgraph as cg_langgraph

MAX_ATTEMPTS = 3


class Teaser(TypedDict, total=False):
    topic: str
    brand_voice: str | None
    draft: str
    attempts: int
    approved: bool


def build(faulty: bool) -> Any:
    """The graph: writer -> verifier, and verifier -> writer while the draft is off-voice."""

    def writer(state: Teaser) -> dict[str, Any]:
        voice = state.get("brand_voice") or "plain"
        update: dict[str, Any] = {
            "draft": f"[{voice}] Ten facts about {state['topic']}",
            "attempts": state.get("attempts", 0) + 1,
        }
        if faulty:
            update["brand_voice"] = None  # the injected fault: context lost on the way
        return update

    def verifier(state: Teaser) -> dict[str, Any]:
        voice = state.get("brand_voice")
        return {"approved": bool(voice) and state["draft"].startswith(f"[{voice}]")}

    def retry_or_finish(state: Teaser) -> Literal["writer", "__end__"]:
        if state["approved"] or state["attempts"] >= MAX_ATTEMPTS:
            return "__end__"  # langgraph.graph.END
        return "writer"

    graph = StateGraph(Teaser)
    graph.add_node("writer", writer)
    graph.add_node("verifier", verifier)
    graph.add_edge(START, "writer")
    graph.add_edge("writer", "verifier")
    graph.add_conditional_edges("verifier", retry_or_finish)
    return graph.compile(name="teaser")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faulty", action="store_true", help="writer drops brand_voice")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    tracer.configure(service_name="langgraph-example")
    # The one line: nodes -> agent spans, edges -> handoffs, the loop -> verification.
    app = cg_langgraph.instrument(build(args.faulty), verify=["verifier"], verdict_key="approved")
    for topic in ["tides", "comets", "lichens"][: args.runs]:
        result = app.invoke({"topic": topic, "brand_voice": "warm"})
        print(f"{topic}: approved={result['approved']} after {result['attempts']} attempt(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
