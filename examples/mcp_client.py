"""An agent calling tools on an MCP server over stdio, traced end to end.

    python examples/mcp_client.py            # one healthy lookup
    python examples/mcp_client.py --faulty   # the tool backend is down
    coordgap analyze

One line, ``cg_mcp.instrument()``, turns every ``ClientSession.call_tool``
into an ``execute_tool`` span and carries its trace context in ``_meta`` to
the server (examples/mcp_lookup_server.py), whose own spans join this trace.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from mcp import Client, StdioServerParameters

import tracer
from tracer.integrations import mcp as cg_mcp

SERVER = Path(__file__).resolve().parent / "mcp_lookup_server.py"


class ToolFailed(RuntimeError):
    """The tool answered with an error result."""


def server_parameters() -> StdioServerParameters:
    """Start the example server with this interpreter, writing spans where we do."""
    env = {
        key: os.environ[key]
        for key in ("COORDGAP_PATH", "COORDGAP_EXPORTER", "PYTHONPATH")
        if key in os.environ
    }
    return StdioServerParameters(command=sys.executable, args=[str(SERVER)], env=env)


@tracer.agent("researcher")
async def research(client: Client, tool: str, term: str) -> str:
    result = await client.call_tool(tool, {"term": term})
    if result.is_error:
        raise ToolFailed(f"{tool} failed")
    return str(result.content[0].text)  # type: ignore[union-attr]


@tracer.workflow("mcp-research")
async def run(faulty: bool) -> str:
    # Connect inside the run, so the session's own requests share its trace.
    async with Client(server_parameters()) as client:
        try:
            return await research(client, "offline_lookup" if faulty else "lookup", "tides")
        except ToolFailed as exc:  # handled here: the Client's task group would wrap it
            tracer.outcome(False, str(exc))
            return f"run failed: {exc}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faulty", action="store_true", help="call the tool that is down")
    args = parser.parse_args(argv)
    tracer.configure(service_name="mcp-client")
    cg_mcp.instrument()  # the one line
    outcome = asyncio.run(run(args.faulty))
    print(outcome)
    return 1 if outcome.startswith("run failed") else 0


if __name__ == "__main__":
    raise SystemExit(main())
