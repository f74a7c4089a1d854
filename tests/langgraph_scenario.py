"""A LangGraph map-reduce scenario with seeded faults, for the end-to-end tests.

planner --Send--> researcher, illustrator (parallel branches) -> editor (assembles)
-> checker, which routes with ``Command`` back to the editor or to the end.

Faults, one per run at most (``FAULTS``), each with the attribution it must get
under the native integration (category, agent):

- ``researcher_raises`` / ``illustrator_raises``: the branch raises RuntimeError;
- ``editor_drops``: the editor empties ``style``, which the checker needs (and
  raises for lacking): the handoff editor -> checker lost it;
- ``checker_rejects``: the checker rejects every draft and gives up after three;
- ``editor_raises``: the editor (the assembly step) raises ValueError.
"""

from __future__ import annotations

import operator
import random
from typing import Annotated, Any, TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.types import Command, Send

FAULTS = ("researcher_raises", "illustrator_raises", "editor_drops", "checker_rejects",
          "editor_raises")  # fmt: skip

#: fault -> (category, agent) the native integration must attribute
NATIVE_TRUTH = {
    "researcher_raises": ("generation", "researcher"),
    "illustrator_raises": ("generation", "illustrator"),
    "editor_drops": ("handoff", "editor"),
    "checker_rejects": ("generation", "editor"),
    "editor_raises": ("assembly", "editor"),
}

#: native integration options the scenario is meant to be traced with
OPTIONS: dict[str, Any] = {
    "plan": ["planner"],
    "verify": ["checker"],
    "roles": {"editor": "assemble"},
    "verdict_key": "approved",
    "expects": {"checker": ["style", "draft"]},
}

MAX_ATTEMPTS = 3


class Story(TypedDict, total=False):
    goal: str
    style: str | None
    subtasks: list[dict[str, str]]
    findings: Annotated[list[str], operator.add]
    images: Annotated[list[str], operator.add]
    draft: str
    attempts: int
    approved: bool


def build(fault: str | None = None, *, retry_once: bool = False) -> Any:
    """The compiled graph with ``fault`` injected (None: healthy). ``retry_once``:
    the checker sends the first draft back once before approving (still healthy)."""

    def planner(state: Story) -> dict[str, Any]:
        return {
            "style": "calm",
            "subtasks": [
                {"id": "facts", "agent": "researcher"},
                {"id": "art", "agent": "illustrator"},
            ],
        }

    def fan_out(state: Story) -> list[Send]:
        topic = state["goal"]
        return [
            Send("researcher", {"goal": topic}),
            Send("illustrator", {"goal": topic, "style": state["style"]}),
        ]

    def researcher(state: Story) -> dict[str, Any]:
        if fault == "researcher_raises":
            raise RuntimeError("search backend unavailable")
        return {"findings": [f"tides on {state['goal']}"]}

    def illustrator(state: Story) -> dict[str, Any]:
        if fault == "illustrator_raises":
            raise RuntimeError("image model refused")
        return {"images": [f"{state['style']} sketch of {state['goal']}"]}

    def editor(state: Story) -> dict[str, Any]:
        if fault == "editor_raises":
            raise ValueError("sections out of order")
        draft = f"{'; '.join(state['findings'])} with {len(state['images'])} image(s)"
        update: dict[str, Any] = {"draft": draft, "attempts": state.get("attempts", 0) + 1}
        if fault == "editor_drops":
            update["style"] = None
        return update

    def checker(state: Story) -> Command[Any]:
        if not state.get("style"):
            raise KeyError("style")
        attempts = state["attempts"]
        if fault == "checker_rejects":
            ok = False
        else:
            ok = attempts >= (2 if retry_once else 1)
        if ok or attempts >= MAX_ATTEMPTS:
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
    return graph.compile()


def plan_runs(n: int, seed: int) -> list[tuple[str | None, bool]]:
    """``n`` runs as (fault or None, retry_once): every fault at least once, the
    rest drawn with a seeded generator, about a third of all runs healthy."""
    rng = random.Random(seed)
    runs: list[tuple[str | None, bool]] = [(f, False) for f in FAULTS]
    while len(runs) < n:
        fault = rng.choice((None, None, None, *FAULTS))
        runs.append((fault, fault is None and rng.random() < 0.5))
    rng.shuffle(runs)
    return runs


def invoke(app: Any, goal: str = "the moon") -> tuple[bool, Any]:
    """Run once; (raised, result or exception). Exceptions are the scenario's own."""
    try:
        return False, app.invoke({"goal": goal, "findings": [], "images": []})
    except (RuntimeError, ValueError, KeyError) as exc:
        return True, exc


def _trace_foreign(instrumentor: str, spans_dir: str, runs: int, seed: int) -> dict[str, Any]:
    """Run the planned faults traced only by ``instrumentor`` into the local store
    format under ``spans_dir``; trace id -> fault. Instrumentors patch LangChain for
    the whole process (OpenLLMetry's uninstrument() leaves LangGraph's Pregel.stream
    wrapped), so the tests call this in a process of its own."""
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from tracer.testing import LocalStoreExporter

    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    roots = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(roots))
    if instrumentor == "openinference":
        from openinference.instrumentation.langchain import LangChainInstrumentor

        LangChainInstrumentor().instrument(tracer_provider=provider)
    else:
        from opentelemetry.instrumentation.langchain import LangchainInstrumentor

        LangchainInstrumentor().instrument(tracer_provider=provider)
    truth: dict[str, Any] = {}
    for fault, retry in plan_runs(runs, seed):
        roots.clear()
        raised, _ = invoke(build(fault, retry_once=retry))
        (root,) = [s for s in roots.get_finished_spans() if s.parent is None]
        truth[f"{root.context.trace_id:032x}"] = {"fault": fault, "raised": raised}
    provider.shutdown()
    return truth


if __name__ == "__main__":
    import json
    import sys

    name, spans, n, seed_arg = sys.argv[1:5]
    print(json.dumps(_trace_foreign(name, spans, int(n), int(seed_arg))))
