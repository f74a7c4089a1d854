"""AutoGen's own GenAI spans beside coordgap's AutoGen integration: framework spans.

autogen-core writes GenAI-convention spans of its own through
``trace.get_tracer("autogen-core")`` on the global provider, whatever
``AUTOGEN_DISABLE_RUNTIME_TRACING`` says (that switch silences only the runtime's
message-passing spans): ``create_agent {agent}`` when an agent is built,
``invoke_agent {agent}`` around each turn an agent takes in a team (and around
``run``/``run_stream`` of an agent run alone), ``execute_tool {tool}`` around each
tool call. Each carries ``gen_ai.system=autogen``, the operation, and the agent's or
tool's name and description: no messages, no verdict, no handoff.

In a run that coordgap's AutoGen integration recorded (a span with
``coordgap.integration=autogen``), the integration's spans already stand for those
turns and tool calls, with their content. AutoGen's copies would be counted as
extra, empty turns of the same agents (and its ``execute_tool`` as a tool of an
agent of its own), so :func:`link` makes them plain spans: no operation, stage,
agent, actor or handoff. Their raw attributes, status and events stay as written.
Where the integration did not run, AutoGen's spans are all there is, and they stay
agent and tool spans.
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from analyzer import queries
from analyzer.mapping import OP_CREATE_AGENT
from tracer import semconv

__all__ = ["LINK_SQL", "link", "params"]

_PARAMS: dict[str, Any] = {
    "k_system": semconv.GEN_AI_SYSTEM,
    "k_op": semconv.GEN_AI_OPERATION_NAME,
    "k_integration": semconv.INTEGRATION,
    "system": semconv.AUTOGEN_SYSTEM,
    "integration": semconv.INTEGRATION_AUTOGEN,
    "ops": [semconv.OP_INVOKE_AGENT, OP_CREATE_AGENT, semconv.OP_EXECUTE_TOOL],
}

LINK_SQL: Final = (
    """
UPDATE spans SET operation = NULL, stage = NULL, agent = NULL, actor = NULL,
    handoff_source = NULL, handoff_target = NULL
WHERE attributes[$k_system] = $system
  AND list_contains($ops, lower(attributes[$k_op]))
  AND operation IS NOT NULL
  AND trace_id IN (SELECT trace_id FROM spans WHERE attributes[$k_integration] = $integration)
""",
)


def params(statement: str | None = None) -> dict[str, Any]:
    """The bound parameters of :data:`LINK_SQL`: all, or those ``statement`` uses."""
    if statement is None:
        return dict(_PARAMS)
    return queries.bind(statement, _PARAMS)


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Make autogen-core's GenAI spans plain spans in the runs coordgap's AutoGen
    integration recorded (module docstring); idempotent, a no-op on other stores."""
    for statement in LINK_SQL:
        con.execute(statement, params(statement))
