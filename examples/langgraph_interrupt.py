"""Human in the loop with LangGraph ``interrupt()``: one run across two invocations.

    python examples/langgraph_interrupt.py            # the reviewer approves
    python examples/langgraph_interrupt.py --faulty   # publishing fails after the approval
    coordgap ingest && coordgap analyze               # attribution of the failed runs

write -> approve (asks a human with ``interrupt()``) -> publish, on a checkpointer.
The first invocation stops at the question; the second resumes the same thread
with ``Command(resume=...)``. coordgap records both as one run (one trace): a
handoff approve -> human, a ``human`` agent span (actor human) for the wait, a
handoff human -> approve carrying the answer, then the rest of the graph. The
resumed run is found by the thread id while the process lives; across processes,
resume inside ``with tracer.resume(token):`` with a ``tracer.suspend()`` token.
Nothing here calls a model or the network.
"""

from __future__ import annotations

import argparse
from typing import Any, TypedDict

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import START, StateGraph
from langgraph.types import Command, interrupt

import tracer
from tracer.integrations import langgraph as cg_langgraph


class Post(TypedDict, total=False):
    topic: str
    draft: str
    approval: str


def build(faulty: bool) -> Any:
    def write(state: Post) -> dict[str, Any]:
        return {"draft": f"Ten facts about {state['topic']}"}

    def approve(state: Post) -> dict[str, Any]:
        return {"approval": interrupt({"draft": state["draft"]})}

    def publish(state: Post) -> dict[str, Any]:
        if faulty:
            raise RuntimeError("CMS rejected the upload")
        return {}

    graph = StateGraph(Post)
    graph.add_node("write", write)
    graph.add_node("approve", approve)
    graph.add_node("publish", publish)
    graph.add_edge(START, "write")
    graph.add_edge("write", "approve")
    graph.add_edge("approve", "publish")
    return graph.compile(checkpointer=InMemorySaver(), name="post")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faulty", action="store_true", help="publishing fails after approval")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)

    tracer.configure(service_name="langgraph-interrupt-example")
    app = cg_langgraph.instrument(build(args.faulty))
    for n, topic in enumerate(["tides", "comets", "lichens"][: args.runs]):
        config: Any = {"configurable": {"thread_id": f"post-{n}"}}
        asked = app.invoke({"topic": topic}, config)["__interrupt__"][0].value
        print(f"{topic}: reviewer asked to approve {asked['draft']!r}")
        try:
            app.invoke(Command(resume="approved"), config)  # the human's answer, later
            print(f"{topic}: published")
        except RuntimeError as exc:
            print(f"{topic}: failed after approval ({exc})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
