"""A small MCP server (stdio) that also traces with coordgap.

    python examples/mcp_client.py     # starts this server and calls its tools

Because the client puts its trace context in each request's ``_meta``, the
spans written here (MCP's own ``tools/call`` server span and the
``execute_tool catalog`` span below) land in the client's trace. Spans go to
the local store (``COORDGAP_PATH``, default ``./.coordgap/spans``).
"""

from __future__ import annotations

from mcp.server.mcpserver import MCPServer

import tracer

CATALOG = {
    "tides": "Tides are driven by the Moon's gravity.",
    "comets": "Comets are icy bodies that grow tails near the Sun.",
}

# CRITICAL: the failing tool is expected; its error is in the spans, not on stderr.
server = MCPServer("coordgap-lookup", log_level="CRITICAL")


@tracer.tool("catalog")
def _catalog(term: str) -> str:
    if term not in CATALOG:
        raise KeyError(term)
    return CATALOG[term]


@server.tool()
def lookup(term: str) -> str:
    """Look a term up in the catalog."""
    return _catalog(term)


@server.tool()
def offline_lookup(term: str) -> str:
    """A tool whose backend is down: always fails."""
    raise ConnectionError("catalog backend offline")


if __name__ == "__main__":
    tracer.configure(service_name="mcp-lookup-server")
    server.run()
