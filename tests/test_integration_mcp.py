"""MCP integration: client tool calls against real MCP servers (in-process and over stdio)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from integration_support import need

need("mcp")

from mcp import Client, StdioServerParameters  # noqa: E402
from mcp.server.mcpserver import Context, MCPServer  # noqa: E402
from opentelemetry import trace  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)
from opentelemetry.trace import SpanKind, StatusCode  # noqa: E402

from tracer import semconv  # noqa: E402
from tracer.integrations import mcp as cg_mcp  # noqa: E402

SERVER_SCRIPT = Path(__file__).resolve().parent.parent / "examples" / "mcp_lookup_server.py"


@pytest.fixture
def memory(
    memory: tuple[TracerProvider, InMemorySpanExporter],
) -> Iterator[tuple[TracerProvider, InMemorySpanExporter]]:
    """conftest's, with the integration taken off afterwards."""
    yield memory
    cg_mcp.uninstrument()


def _in_process_server() -> MCPServer:
    server = MCPServer("test-tools", log_level="CRITICAL")

    @server.tool()
    def shout(text: str) -> str:
        """Upper-case the text."""
        return text.upper()

    @server.tool()
    def broken(text: str) -> str:
        """Always fails."""
        raise ValueError("backend down")

    return server


def _echo_meta(ctx: Context) -> str:
    """Return the request's `_meta` keys this test looks at."""
    meta = ctx.request_context.meta or {}
    return json.dumps({k: meta.get(k) for k in ("traceparent", "mine")})


def _call(server: Any, tool: str, arguments: dict[str, Any]) -> Any:
    async def go() -> Any:
        async with Client(server) as client:
            return await client.call_tool(tool, arguments)

    return asyncio.run(go())


def test_tool_call_becomes_a_client_tool_span(memory: Any) -> None:
    """call_tool -> `execute_tool {name}`, kind CLIENT, actor tool; arguments not recorded."""
    provider, exporter = memory
    cg_mcp.instrument(tracer_provider=provider)
    result = _call(_in_process_server(), "shout", {"text": "quiet secret"})
    assert result.content[0].text == "QUIET SECRET"
    (span,) = [s for s in exporter.get_finished_spans() if s.name == "execute_tool shout"]
    assert span.kind is SpanKind.CLIENT
    assert span.attributes[semconv.GEN_AI_OPERATION_NAME] == semconv.OP_EXECUTE_TOOL
    assert span.attributes[semconv.GEN_AI_TOOL_NAME] == "shout"
    assert span.attributes[semconv.ACTOR] == semconv.ACTOR_TOOL
    assert span.attributes[semconv.INTEGRATION] == "mcp"
    assert span.status.status_code is StatusCode.UNSET
    assert "secret" not in repr(dict(span.attributes)).lower()


def test_error_result_marks_the_span_failed(memory: Any) -> None:
    """A tool result with isError -> span status ERROR, error.type tool_error."""
    provider, exporter = memory
    cg_mcp.instrument(tracer_provider=provider)
    result = _call(_in_process_server(), "broken", {"text": "x"})
    assert result.is_error is True
    (span,) = [s for s in exporter.get_finished_spans() if s.name == "execute_tool broken"]
    assert span.status.status_code is StatusCode.ERROR
    assert span.attributes[semconv.ERROR_TYPE] == cg_mcp.TOOL_ERROR


def test_content_recorded_only_with_capture(memory: Any) -> None:
    """With capture_content, arguments and result are on the span."""
    provider, exporter = memory
    cg_mcp.instrument(tracer_provider=provider, capture_content=True)
    _call(_in_process_server(), "shout", {"text": "loud"})
    (span,) = [s for s in exporter.get_finished_spans() if s.name == "execute_tool shout"]
    assert json.loads(span.attributes[semconv.INPUT_CONTENT]) == {"text": "loud"}
    assert "LOUD" in span.attributes[semconv.OUTPUT_CONTENT]


def test_uninstrument_restores_the_session(memory: Any) -> None:
    """After uninstrument() no spans are written and call_tool is the SDK's own."""
    provider, exporter = memory
    cg_mcp.instrument(tracer_provider=provider)
    assert cg_mcp.is_instrumented()
    cg_mcp.uninstrument()
    assert not cg_mcp.is_instrumented()
    _call(_in_process_server(), "shout", {"text": "x"})
    assert [s for s in exporter.get_finished_spans() if s.name.startswith("execute_tool")] == []


def test_caller_meta_is_kept_and_trace_context_added(memory: Any) -> None:
    """The `_meta` the server receives holds the caller's keys plus `traceparent`."""
    provider, exporter = memory
    cg_mcp.instrument(tracer_provider=provider)
    server = MCPServer("meta-echo", log_level="CRITICAL")
    server.add_tool(_echo_meta)

    async def go() -> Any:
        async with Client(server) as client:
            return await client.call_tool("_echo_meta", {}, meta={"mine": "kept"})

    received = json.loads(asyncio.run(go()).content[0].text)
    (span,) = [s for s in exporter.get_finished_spans() if s.name == "execute_tool _echo_meta"]
    assert received["mine"] == "kept"
    trace_hex = format(span.context.trace_id, "032x")
    assert received["traceparent"].split("-")[1] == trace_hex


def _read_local_store(directory: Path) -> list[dict[str, Any]]:
    out = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            for rs in json.loads(line)["resourceSpans"]:
                for ss in rs["scopeSpans"]:
                    out.extend(ss["spans"])
    return out


def test_stdio_server_using_coordgap_continues_the_trace(memory: Any, tmp_path: Path) -> None:
    """A real stdio MCP server that traces with coordgap writes its spans into our trace."""
    provider, exporter = memory
    cg_mcp.instrument(tracer_provider=provider)
    store = tmp_path / "spans"
    params = StdioServerParameters(
        command=sys.executable,
        args=[str(SERVER_SCRIPT)],
        env={"COORDGAP_PATH": str(store), "PYTHONPATH": os.pathsep.join(sys.path)},
    )

    async def go() -> Any:
        async with Client(params) as client:
            return await client.call_tool("lookup", {"term": "tides"})

    result = asyncio.run(go())
    assert "Moon" in result.content[0].text
    (client_span,) = [s for s in exporter.get_finished_spans() if s.name == "execute_tool lookup"]
    trace_hex = format(client_span.context.trace_id, "032x")
    server_spans = _read_local_store(store)  # the server flushed its store at exit
    (catalog,) = [s for s in server_spans if s["name"] == "execute_tool catalog"]
    assert catalog["traceId"] == trace_hex
    by_id = {s["spanId"]: s for s in server_spans}
    # Walk up the server's spans to the parent that lives in the client process.
    span = catalog
    while span.get("parentSpanId") in by_id:
        span = by_id[span["parentSpanId"]]
    assert span["traceId"] == trace_hex
    # Its parent: our tool span, or, when a global provider records the SDK's own
    # spans, the SDK's client span under it (written to that provider, not ours).
    ours = format(client_span.context.span_id, "016x")
    if isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider):
        assert span["parentSpanId"] == ours
    else:
        assert span["parentSpanId"] and span["parentSpanId"] not in by_id
