"""DSPy programs traced by OpenInference's DSPy instrumentor.

The instrumentor records every ``dspy.Module`` call as a ``CHAIN`` span
``<Class>.forward`` (the user's modules and DSPy's own: ``ReAct``,
``ChainOfThought``...), every predictor as ``Predict(<Signature>).forward``, every
adapter call as ``<Adapter>.__call__`` and every LM call as an ``LLM`` span; no span
and no attribute names an agent. A team written in DSPy is the user's modules, one
an agent (``ResultsClerk``, ``TimingCoder``), each holding DSPy's modules and through
them its model calls; a module that another one's ``ReAct`` calls as a tool runs
under the caller's ``ReAct`` span.

After the spans are in (:func:`link`), in a run that has a span of DSPy's predictors
or adapters (:data:`DSPY_MARK`) and no agent span yet: every ``CHAIN`` span
``<Class>.forward`` whose class is not one of DSPy's own modules
(:data:`DSPY_MODULES`) and that holds a model call below it becomes an agent span
named after its class. Each model call is then its nearest such module's (the turns
walk up through spans of no operation to the first agent span), a module called as
a tool is an agent of its own inside its caller, and a user's module that only
wraps the team holds no call of its own: its span is the team's run.

Which spans are DSPy's is read from their names, as the instrumentor writes them;
no message text is read. Idempotent: once the run has agents, linking again
changes nothing. Runs before :mod:`analyzer.mapping_unnamed`, which would otherwise
name each call's agent after DSPy's adapter span above it.
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from analyzer import queries
from analyzer.mapping import OPENINFERENCE_SPAN_KIND

__all__ = ["DSPY_MARK", "DSPY_MODULES", "FORWARD", "LINK_SQL", "link", "params"]

DSPY_MODULES: Final = (
    "BestOfN",
    "ChainOfThought",
    "ChainOfThoughtWithHint",
    "CodeAct",
    "KNN",
    "MultiChainComparison",
    "Parallel",
    "Predict",
    "ProgramOfThought",
    "ReAct",
    "Refine",
    "Retrieve",
    "Retry",
)
"""DSPy's own modules (``dspy.predict``, ``dspy.retrieve``): parts of an agent, no agent."""
FORWARD: Final = r"^([A-Za-z_][A-Za-z0-9_]*)\.forward$"
"""A module call's span name, ``<Class>.forward`` (1 = the class)."""
DSPY_MARK: Final = (
    r"^(?:[A-Za-z_][A-Za-z0-9_]*\(.*\)\.forward|[A-Za-z_][A-Za-z0-9_]*Adapter\.__call__)$"
)
"""A span only DSPy's instrumentor writes: a predictor with its signature
(``Predict(StringSignature).forward``) or an adapter call (``ChatAdapter.__call__``)."""

_PARAMS: dict[str, Any] = {
    "k_kind": OPENINFERENCE_SPAN_KIND,
    "re_forward": FORWARD,
    "re_mark": DSPY_MARK,
    "dspy_modules": list(DSPY_MODULES),
}
"""The mapping's own bound values; the vocabulary's come with :func:`analyzer.queries.bind`."""

LINK_SQL: Final = (
    """
UPDATE spans AS s SET operation = $o_agent, stage = $s_generation,
    agent = regexp_extract(s.name, $re_forward, 1)
FROM (
    WITH RECURSIVE runs AS (
        SELECT DISTINCT trace_id FROM spans
        WHERE upper(attributes[$k_kind]) = 'CHAIN' AND regexp_matches(name, $re_mark)
          AND trace_id NOT IN (SELECT trace_id FROM spans WHERE operation = $o_agent)
    ),
    -- every span above each model call of those runs, with how far up it is
    up(trace_id, call_id, anc, hops) AS (
        SELECT c.trace_id, c.span_id, c.parent_span_id, 1 FROM spans c
        SEMI JOIN runs r ON r.trace_id = c.trace_id
        WHERE upper(c.attributes[$k_kind]) = 'LLM' AND c.parent_span_id IS NOT NULL
        UNION ALL
        SELECT u.trace_id, u.call_id, p.parent_span_id, u.hops + 1 FROM up u
        JOIN spans p ON p.trace_id = u.trace_id AND p.span_id = u.anc
        WHERE p.parent_span_id IS NOT NULL AND u.hops < 64
    ),
    -- the user's modules among them
    held AS (
        SELECT u.trace_id, u.call_id, m.span_id, u.hops FROM up u
        JOIN spans m ON m.trace_id = u.trace_id AND m.span_id = u.anc
        WHERE upper(m.attributes[$k_kind]) = 'CHAIN' AND m.operation IS NULL
          AND regexp_matches(m.name, $re_forward)
          AND NOT list_contains($dspy_modules, regexp_extract(m.name, $re_forward, 1))
    )
    -- each call's nearest one: a module that only wraps others holds no call of its own
    SELECT DISTINCT trace_id, arg_min(span_id, hops) AS span_id FROM held
    GROUP BY trace_id, call_id
) a
WHERE s.trace_id = a.trace_id AND s.span_id = a.span_id
""",
)


def params(statement: str) -> dict[str, Any]:
    """The bound parameters ``statement`` refers to (DuckDB rejects unused ones)."""
    return queries.bind(statement, _PARAMS)


def link(con: duckdb.DuckDBPyConnection) -> None:
    """Make agents of the user's DSPy modules that hold model calls (module docstring);
    a no-op on stores without DSPy's spans."""
    for statement in LINK_SQL:
        con.execute(statement, params(statement))
