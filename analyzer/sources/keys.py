"""The values the ClickHouse port binds, and the attribute keys it handles itself.

The port (``clickhouse.sql``) reads coordgap's own and plain GenAI keys; a span
carrying any other key an ingest mapping reads (:mod:`analyzer.mapping`, and every
framework mapping of :data:`LINK_MAPPINGS`) leaves its trace to the exact local
mapping. The tests check these lists against every ``analyzer/mapping*.py`` module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from analyzer import (
    mapping,
    mapping_autogen,
    mapping_langgraph,
    mapping_llamaindex,
    mapping_n8n,
    mapping_unnamed,
    queries,
)
from tracer import semconv

__all__ = [
    "FIGURE_FREE_KEYS",
    "GUARDED_KEYS",
    "HANDLED_KEYS",
    "LINK_MAPPINGS",
    "READ_KEYS",
    "foreign_keys",
    "query_params",
]

#: Mapping keys (parameter names of :func:`analyzer.mapping.params`) the ClickHouse
#: port reads itself, in ``clickhouse.sql``.
READ_KEYS = frozenset(
    {
        "k_op", "k_workflow", "k_agent", "k_tool", "k_stage", "k_actor", "k_h_source",
        "k_h_target", "k_gh_source", "k_gh_target", "k_violations", "k_verdict",
        "k_outcome", "k_outcome_trace", "k_eval_label", "k_system",
    }
)  # fmt: skip
#: Mapping keys that only fill columns no figure of a simple run reads: the rules of
#: failed runs (error types, plan defects and assignees, attempts, outcome reasons),
#: or an evaluation's name (a trace with an evaluation event is never simple).
FIGURE_FREE_KEYS = frozenset(
    {
        "k_attempt", "k_outcome_reason", "k_plan_assignees", "k_plan_unassigned",
        "k_plan_duplicates", "k_plan_overlaps", "k_error_type", "k_eval_name", "k_exc_type",
    }
)  # fmt: skip
HANDLED_KEYS = READ_KEYS | FIGURE_FREE_KEYS
"""Mapping keys the ClickHouse port handles; any other key an ingest mapping reads
(another instrumentation's), on a span, leaves its trace to the exact local mapping."""
#: The framework mappings ingest runs besides :mod:`analyzer.mapping`
#: (:func:`analyzer.ingest.link_spans`): each one's statements and the parameters a
#: statement binds. Every attribute key their SQL reads is foreign to the port.
LINK_MAPPINGS: tuple[tuple[tuple[str, ...], Callable[[str], dict[str, Any]]], ...] = (
    (mapping_n8n.N8N_SQL, mapping_n8n.params),
    (mapping_langgraph.LINK_SQL, mapping_langgraph.params),
    (mapping_autogen.LINK_SQL, mapping_autogen.params),
    (mapping_llamaindex.LINK_SQL, mapping_llamaindex.params),
    (mapping_unnamed.LINK_SQL, mapping_unnamed.params),
)
#: Keys a framework mapping reads only on spans whose trace the port leaves local by
#: a key it reads itself: analyzer.mapping_autogen changes only spans whose
#: ``gen_ai.system`` is autogen-core's (``odd`` in clickhouse.sql), and reads
#: ``coordgap.integration`` to decide how; alone, it changes nothing.
#: The mapping reads a tool call's arguments only on Google ADK's ``transfer_to_agent``
#: span, a transfer tool, whose trace the port leaves local (``odd``: a transfer
#: tool's name and no explicit handoff target).
GUARDED_KEYS = frozenset({semconv.INTEGRATION, semconv.GEN_AI_TOOL_CALL_ARGUMENTS})
_ATTRIBUTE_READ = re.compile(r"attributes\[\$([a-z0-9_]+)\]")


def query_params(statement: str, **extra: Any) -> dict[str, Any]:
    """The bound values a ClickHouse statement of ``clickhouse.sql`` names: the
    vocabulary, the mapping's keys and patterns, then ``extra``."""
    values: dict[str, Any] = dict(mapping.params())
    values["foreign_keys"] = foreign_keys()
    values.update(extra)
    return queries.bind(statement, values, pattern=queries.CLICKHOUSE_PARAM)


def foreign_keys() -> list[str]:
    """The attribute keys the ingest mappings read (every key parameter of
    :mod:`analyzer.mapping`, and the ``attributes[...]`` reads of
    :data:`LINK_MAPPINGS`) that the ClickHouse port does not handle: a span holding
    one leaves its trace to the exact local mapping."""
    keys = {k: v for k, v in mapping.params().items() if k.startswith("k_")}
    handled = {keys[k] for k in HANDLED_KEYS} | GUARDED_KEYS
    extra: set[str] = set()
    for statements, params in LINK_MAPPINGS:
        for statement in statements:
            read = params(statement)
            extra |= {read[k] for k in _ATTRIBUTE_READ.findall(statement)}
    return sorted(({*keys.values()} | extra) - handled)
