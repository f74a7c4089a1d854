"""The values the ClickHouse port binds, and the attribute keys it handles itself.

The port (``clickhouse.sql``) reads coordgap's own and plain GenAI keys; a span
carrying any other key an ingest mapping reads leaves its trace to the exact local
mapping. The tests check these lists against the mappings' parameters.
"""

from __future__ import annotations

import re
from typing import Any

from analyzer import mapping, mapping_langgraph, queries

__all__ = ["FIGURE_FREE_KEYS", "HANDLED_KEYS", "READ_KEYS", "foreign_keys", "query_params"]

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
_ATTRIBUTE_READ = re.compile(r"attributes\[\$(k_[a-z0-9_]+)\]")


def query_params(statement: str, **extra: Any) -> dict[str, Any]:
    """The bound values a ClickHouse statement of ``clickhouse.sql`` names: the
    vocabulary, the mapping's keys and patterns, then ``extra``."""
    values: dict[str, Any] = dict(mapping.params())
    values["foreign_keys"] = foreign_keys()
    values.update(extra)
    return queries.bind(statement, values, pattern=queries.CLICKHOUSE_PARAM)


def foreign_keys() -> list[str]:
    """The attribute keys the ingest mappings read (:mod:`analyzer.mapping`, and the
    LangGraph one's ``attributes[...]`` reads) that the ClickHouse port does not handle:
    a span holding one leaves its trace to the exact local mapping."""
    keys = {k: v for k, v in mapping.params().items() if k.startswith("k_")}
    handled = {keys[k] for k in HANDLED_KEYS}
    langgraph = "\n".join(mapping_langgraph.LINK_SQL)
    read = mapping_langgraph.params(langgraph)
    extra = {read[k] for k in set(_ATTRIBUTE_READ.findall(langgraph)) if k in read}
    return sorted(({*keys.values()} | extra) - handled)
