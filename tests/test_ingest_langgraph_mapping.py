"""LangGraph node spans as OpenInference / OpenLLMetry write them (attributes copied from
what their LangChain instrumentors record), mapped at ingest: agents, graph runs,
handoffs derived from steps, dropped keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.trace import Status, StatusCode

import analyzer
from analyzer import ingest
from tracer.testing import LocalStoreExporter


def _oi_meta(node: str, step: int, push: bool = False) -> str:
    triggers = ["__pregel_push"] if push else [f"branch:to:{node}"]
    return json.dumps(
        {"langgraph_step": step, "langgraph_node": node, "langgraph_triggers": triggers}
    )


def _write(spans_dir: Path, nodes: list[tuple[str, int, dict[str, Any], Any, bool]]) -> None:
    """One OpenInference-shaped graph run: (node, step, input, output, pushed) per node."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    otel = provider.get_tracer("openinference.instrumentation.langchain")
    with otel.start_as_current_span("LangGraph", attributes={"openinference.span.kind": "CHAIN"}):
        for node, step, given, out, pushed in nodes:
            attrs = {
                "openinference.span.kind": "CHAIN",
                "metadata": _oi_meta(node, step, pushed),
                "input.value": json.dumps(given),
                "output.value": out if isinstance(out, str) else json.dumps(out),
            }
            with otel.start_as_current_span(node, attributes=attrs) as span:
                # a router function inherits its node's metadata: not a node
                with otel.start_as_current_span("route", attributes=dict(attrs)):
                    pass
                if out is None:
                    span.set_status(Status(StatusCode.ERROR))
    provider.shutdown()


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return con.execute(sql).fetchall()


def test_nodes_become_agents_with_derived_handoffs_and_dropped_keys(tmp_path: Path) -> None:
    """Node spans -> agents (a helper span with the same metadata is not one), the graph
    span -> workflow, one handoff per step transition, a key nulled on the way flagged."""
    _write(
        tmp_path / "spans",
        [
            ("plan", 1, {"goal": "g"}, {"style": "calm"}, False),
            ("write", 2, {"goal": "g"}, {"draft": "d"}, True),  # a Send branch
            ("edit", 3, {"goal": "g", "style": "calm", "draft": "d"}, {"style": None}, False),
            ("check", 4, {"goal": "g", "style": None, "draft": "d"}, None, False),
        ],
    )
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        con = store.con
        agents = _rows(con, "SELECT agent FROM spans WHERE operation = 'agent' ORDER BY start_ns")
        assert [a for (a,) in agents] == ["plan", "write", "edit", "check"]
        assert _rows(con, "SELECT name FROM spans WHERE operation = 'workflow'") == [("LangGraph",)]
        handoffs = _rows(
            con,
            "SELECT handoff_source, handoff_target, violations FROM spans "
            "WHERE operation = 'handoff' ORDER BY start_ns, handoff_target",
        )
        assert handoffs == [
            ("plan", "write", []),  # a Send target is not checked against the state
            ("write", "edit", []),  # a Send branch hands on what it wrote
            ("edit", "check", ["dropped_key: style"]),
        ]
        # linking again (another ingest) adds nothing
        before = _rows(con, "SELECT count(*) FROM spans")
        ingest.link_spans(con)
        assert _rows(con, "SELECT count(*) FROM spans") == before


def test_values_that_are_not_json_objects_are_not_compared(tmp_path: Path) -> None:
    """An input recorded as plain text (OpenInference flattens one-key states) or a
    truncated JSON output gives a handoff without violations, and ingest goes on."""
    _write(
        tmp_path / "spans",
        [
            ("a", 1, {"goal": "g"}, '{"notes": "trunc', False),
            ("b", 2, {"goal": "g"}, {"x": 1}, False),
        ],
    )
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        rows = _rows(store.con, "SELECT name, violations FROM spans WHERE operation = 'handoff'")
        assert rows == [("handoff a -> b", [])]


def _write_work(spans_dir: Path, nodes: list[tuple[str, str | None]]) -> None:
    """One graph run whose node spans hold (node, what ran inside: 'LLM', 'TOOL' or
    nothing), each inner span carrying its node's metadata as LangChain passes it on."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    otel = provider.get_tracer("openinference.instrumentation.langchain")
    with otel.start_as_current_span("LangGraph", attributes={"openinference.span.kind": "CHAIN"}):
        for step, (node, inner) in enumerate(nodes, start=1):
            meta = {"openinference.span.kind": "CHAIN", "metadata": _oi_meta(node, step)}
            with otel.start_as_current_span(node, attributes=meta):
                if inner is not None:
                    kind = {"openinference.span.kind": inner, "metadata": _oi_meta(node, step)}
                    with otel.start_as_current_span(f"{inner.lower()} call", attributes=kind):
                        pass
    provider.shutdown()


def test_a_node_that_calls_no_model_is_a_tool_or_code(tmp_path: Path) -> None:
    """Beside nodes that call a model, a node that calls none is a function's work: a
    ToolNode (it ran a tool) is a tool, another node code; where no node calls a model,
    nothing is said of who did the work."""
    _write_work(
        tmp_path / "a",
        [("lead", "LLM"), ("lead_tools", "TOOL"), ("runner", None), ("writer", "LLM")],
    )
    _write_work(tmp_path / "b", [("fetch", None), ("parse", "TOOL")])
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "a"])
        sql = "SELECT agent, actor FROM spans WHERE operation = 'agent' ORDER BY start_ns"
        assert _rows(store.con, sql) == [
            ("lead", None),
            ("lead_tools", "tool"),
            ("runner", "code"),
            ("writer", None),
        ]
        store.ingest([tmp_path / "b"])
        assert _rows(store.con, sql)[4:] == [("fetch", None), ("parse", None)]


def _tl(node: str, step: int, ns: str) -> dict[str, Any]:
    """OpenLLMetry's copy of LangGraph's metadata on a span of node ``node``."""
    p = "traceloop.association.properties."
    return {
        p + "langgraph_node": node,
        p + "langgraph_step": step,
        p + "langgraph_checkpoint_ns": ns,
        "traceloop.span.kind": "task",
    }


def _write_nested(spans_dir: Path, inner_models: tuple[str, ...]) -> None:
    """A supervisor graph (OpenLLMetry-shaped): `lead` calls a model; `clerk` runs a
    subgraph whose nodes call models in ``inner_models`` (a react agent: `agent` twice
    around a `tools` node)."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    otel = provider.get_tracer("opentelemetry.instrumentation.langchain")
    chat = {"gen_ai.operation.name": "chat", "gen_ai.request.model": "m"}
    span = otel.start_as_current_span
    with span("desk.workflow", attributes={"traceloop.span.kind": "workflow"}):
        lead = {**_tl("lead", 1, "lead:1"), "traceloop.entity.name": "lead"}
        with span("execute_task lead", attributes=lead):
            with span("M.chat", attributes={**chat, **_tl("lead", 1, "lead:1")}):
                pass
        outer = {**_tl("clerk", 2, "clerk:2"), "traceloop.entity.name": "clerk"}
        with otel.start_as_current_span("execute_task clerk", attributes=outer):
            # the subgraph's own run carries its node's metadata
            with otel.start_as_current_span("execute_task clerk", attributes=outer):
                for i, node in enumerate(("agent", "tools", inner_models[-1]), start=1):
                    ns = f"clerk:2|{node}:{i}"
                    own = {**_tl(node, i, ns), "traceloop.entity.name": node}
                    with otel.start_as_current_span(f"execute_task {node}", attributes=own):
                        if node == "tools":
                            tool = {"gen_ai.operation.name": "execute_tool", **_tl(node, i, ns)}
                            with span("execute_tool read_file", attributes=tool):
                                pass
                            continue
                        model = node if i == 1 else inner_models[-1]
                        inner = {**chat, **_tl(model, i, ns)}
                        with otel.start_as_current_span("call_model", attributes=_tl(model, i, ns)):
                            with otel.start_as_current_span("M.chat", attributes=inner):
                                pass
    provider.shutdown()


def test_a_react_agent_inside_a_node_is_that_nodes_agent(tmp_path: Path) -> None:
    """A subgraph whose model calls all ran in one node (create_react_agent's `agent`
    and `tools` inside a worker node) is that worker's loop: its nodes are no agents,
    no handoffs run between them, and the worker, which called models in it, is no
    code. A subgraph whose calls ran in two nodes is a team: its nodes stay agents."""
    _write_nested(tmp_path / "loop", ("agent",))
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([tmp_path / "loop"])
        sql = "SELECT agent, actor FROM spans WHERE operation = 'agent' ORDER BY start_ns"
        assert _rows(store.con, sql) == [("lead", None), ("clerk", None)]
        handoffs = "SELECT handoff_source, handoff_target FROM spans WHERE operation = 'handoff'"
        assert _rows(store.con, handoffs) == [("lead", "clerk")]
    _write_nested(tmp_path / "team", ("agent", "critic"))
    with analyzer.open(tmp_path / "team.duckdb") as store:
        store.ingest([tmp_path / "team"])
        sql = "SELECT agent FROM spans WHERE operation = 'agent' ORDER BY start_ns"
        agents = [a for (a,) in _rows(store.con, sql)]
        assert agents == ["lead", "clerk", "agent", "tools", "critic"]
