"""Build fault-injected runs as rows of the analyzer's ``spans`` table.

A :class:`Run` is one trace: a workflow span plus whatever the test adds, each
span starting 10 ms after the previous one unless told otherwise. Ids are
deterministic (trace ``n`` -> ``f"{n:032x}"``, spans numbered within it), so a
test can name the span it expects as the root cause.

    con = fresh_db()
    run = Run(1)
    writer = run.agent("writer")
    h = run.handoff("writer", "editor", violations=["dropped_key: brand_voice"])
    run.agent("editor", parent=h, error="KeyError", propagate=True)
    insert(con, run)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    from analyzer.suspects.base import Context

__all__ = [
    "COLUMNS",
    "Run",
    "attribution",
    "fresh_db",
    "insert",
    "prepared",
    "rule_rows",
    "signal_rows",
    "write_db",
]

SCHEMA = Path(__file__).resolve().parent.parent / "analyzer" / "schema.sql"
BASE_NS = 1_767_225_600 * 10**9  # 2026-01-01T00:00:00Z
MS = 1_000_000

COLUMNS = (
    "trace_id",
    "span_id",
    "parent_span_id",
    "name",
    "kind",
    "service",
    "start_ns",
    "end_ns",
    "status",
    "source",
    "operation",
    "stage",
    "agent",
    "actor",
    "is_error",
    "error_type",
    "handoff_source",
    "handoff_target",
    "violations",
    "verdict",
    "attempt",
    "outcome",
    "outcome_reason",
    "outcome_trace_id",
    "plan_assignees",
    "plan_defects",
    "events",
)

_DEFAULT_STAGE = {
    "agent": "generation",
    "tool": "generation",
    "plan": "decomposition",
    "handoff": "handoff",
    "verify": "verification",
}


def fresh_db(path: str | Path = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB (in memory unless ``path`` is given) with the analyzer schema."""
    con = duckdb.connect(str(path))
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    return con


def write_db(path: str | Path, *runs: Run) -> Path:
    """A database file at ``path`` holding ``runs`` (closed, ready for the CLI)."""
    con = fresh_db(path)
    insert(con, *runs)
    con.close()
    return Path(path)


def insert(con: duckdb.DuckDBPyConnection, *runs: Run) -> None:
    """Insert the spans of ``runs`` (and their content rows)."""
    rows = [tuple(span[c] for c in COLUMNS) for run in runs for span in run.spans]
    if not rows:
        return
    placeholders = ", ".join("?" for _ in COLUMNS)
    con.executemany(f"INSERT INTO spans ({', '.join(COLUMNS)}) VALUES ({placeholders})", rows)
    attributes = [
        (list(span["attributes"]), list(span["attributes"].values()), span["trace_id"],
         span["span_id"])
        for run in runs
        for span in run.spans
        if span.get("attributes")
    ]  # fmt: skip
    if attributes:
        con.executemany(
            "UPDATE spans SET attributes = map(?::VARCHAR[], ?::VARCHAR[])"
            " WHERE trace_id = ? AND span_id = ?",
            attributes,
        )
    texts = [row for run in runs for row in run.content]
    if texts:
        con.executemany("INSERT INTO content VALUES (?, ?, ?, ?, ?, ?)", texts)


class Run:
    """One trace under construction. ``workflow=None`` leaves out the workflow span."""

    def __init__(
        self,
        n: int,
        *,
        workflow: str | None = "pipeline",
        start_ns: int | None = None,
        service: str = "svc",
        error: str | None = None,
        outcome: str | None = None,
        outcome_reason: str | None = None,
        duration_ms: float = 1000.0,
    ) -> None:
        self.trace_id = f"{n:032x}"
        self.service = service
        self.spans: list[dict[str, Any]] = []
        self._start = BASE_NS + n * 3_600 * 10**9 if start_ns is None else start_ns
        self._clock = self._start
        self.root: str | None = None
        self.content: list[tuple[str, str, str, str | None, int, str]] = []
        if workflow is not None:
            self.root = self.span(
                f"invoke_workflow {workflow}",
                operation="workflow",
                agent=workflow,
                parent=None,
                duration_ms=duration_ms,
                error=error,
                outcome=outcome,
                outcome_reason=outcome_reason,
            )

    # -- generic span -----------------------------------------------------------------
    def span(
        self,
        name: str,
        *,
        parent: str | None = "root",
        operation: str | None = None,
        stage: str | None = "default",
        agent: str | None = None,
        actor: str | None = None,
        error: str | bool | None = None,
        propagate: bool = False,
        at_ms: float | None = None,
        duration_ms: float = 5.0,
        service: str | None = None,
        attributes: dict[str, str] | None = None,
        **columns: Any,
    ) -> str:
        """Add a span and return its id. ``parent="root"`` is the workflow span;
        ``error`` marks it errored (a string is the error type); ``propagate`` also
        marks every ancestor, as an exception passing up through them would;
        ``attributes`` are raw span attributes (text values)."""
        span_id = f"{len(self.spans) + 1:016x}"
        if at_ms is None:
            self._clock += 10 * MS
            start = self._clock
        else:
            start = self._start + int(at_ms * MS)
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        row.update(
            trace_id=self.trace_id,
            span_id=span_id,
            parent_span_id=self.root if parent == "root" else parent,
            name=name,
            kind="INTERNAL",
            service=service or self.service,
            start_ns=start,
            end_ns=start + int(duration_ms * MS),
            status="ERROR" if error else "UNSET",
            source="test",
            operation=operation,
            stage=_DEFAULT_STAGE.get(operation or "") if stage == "default" else stage,
            agent=agent,
            actor=actor,
            is_error=bool(error),
            error_type=error if isinstance(error, str) else None,
        )
        unknown = set(columns) - set(COLUMNS)
        if unknown:
            raise ValueError(f"unknown span columns: {sorted(unknown)}")
        row.update(columns)
        if attributes:
            row["attributes"] = dict(attributes)
        self.spans.append(row)
        if error and propagate:
            self._propagate(row["parent_span_id"], row["error_type"])
        return span_id

    def _propagate(self, span_id: str | None, error_type: str | None) -> None:
        by_id = {s["span_id"]: s for s in self.spans}
        while span_id is not None and span_id in by_id:
            s = by_id[span_id]
            s.update(is_error=True, status="ERROR", error_type=s["error_type"] or error_type)
            span_id = s["parent_span_id"]

    def say(
        self, span_id: str | None, text: str, *, direction: str = "output", role: str | None = None
    ) -> str | None:
        """Give span ``span_id`` a content row (its next message in ``direction``)."""
        assert span_id is not None
        seq = 1 + sum(1 for c in self.content if c[1] == span_id and c[2] == direction)
        self.content.append((self.trace_id, span_id, direction, role, seq, text))
        return span_id

    def turn(self, agent: str, text: str, **kw: Any) -> str:
        """An agent span under the run whose output message is ``text``."""
        span_id = self.agent(agent, **kw)
        self.say(span_id, text)
        return span_id

    # -- coordgap spans -----------------------------------------------------------------
    def agent(self, name: str, *, actor: str = "model", **kw: Any) -> str:
        return self.span(f"invoke_agent {name}", operation="agent", agent=name, actor=actor, **kw)

    def tool(self, name: str, **kw: Any) -> str:
        return self.span(f"execute_tool {name}", operation="tool", agent=name, actor="tool", **kw)

    def plan(
        self,
        name: str,
        assignees: Iterable[str],
        *,
        defects: Iterable[str] = (),
        **kw: Any,
    ) -> str:
        return self.span(
            f"plan {name}",
            operation="plan",
            agent=name,
            actor="model",
            plan_assignees=list(assignees),
            plan_defects=list(defects) or None,
            **kw,
        )

    def handoff(
        self, source: str, target: str, *, violations: Iterable[str] = (), **kw: Any
    ) -> str:
        return self.span(
            f"handoff {source} -> {target}",
            operation="handoff",
            handoff_source=source,
            handoff_target=target,
            violations=list(violations) or None,
            **kw,
        )

    def verify(self, name: str, verdict: str, attempt: int = 1, **kw: Any) -> str:
        return self.span(
            f"verify {name}",
            operation="verify",
            agent=name,
            actor="model",
            verdict=verdict,
            attempt=attempt,
            **kw,
        )

    def outcome(
        self, ok: bool, reason: str | None = None, *, late_ms: float = 3_600_000, **kw: Any
    ) -> str:
        """A late outcome span in this trace (feedback that came in after the run)."""
        return self.span(
            "outcome",
            operation="outcome",
            stage=None,
            parent=None,
            at_ms=late_ms,
            outcome="success" if ok else "failure",
            outcome_reason=reason,
            outcome_trace_id=self.trace_id,
            **kw,
        )


# -- running the analyzer on built runs --------------------------------------------------
def prepared(*runs: Run) -> duckdb.DuckDBPyConnection:
    """A fresh database holding ``runs``, with the analyzer's tables prepared."""
    from analyzer.analysis import prepare

    con = fresh_db()
    insert(con, *runs)
    prepare(con)
    return con


def signal_rows(detector: Any, *runs: Run) -> dict[str, list[dict[str, Any]]]:
    """Call one detector alone on ``runs`` (all their failed runs pending): its
    signal rows by trace id, by root-cause span id (ids follow start order)."""
    from analyzer import queries
    from analyzer.detectors import builtin

    con = prepared(*runs)
    con.execute(queries.sql("detector_messages"), builtin.params("detector_messages"))
    out: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(detector(con).pl().to_dicts(), key=lambda r: r["span_id"] or ""):
        out.setdefault(row["trace_id"], []).append(row)
    return out


def suspect_context(*runs: Run) -> Context:
    """The suspect features' context of ``runs`` after the rules ran (what the
    ranking sees): their turns, what the rules named, their handoffs."""
    from analyzer import rules
    from analyzer.suspects import handoffs, turns
    from analyzer.suspects.base import Context  # noqa: F811 (the type above, at run time)

    con = prepared(*runs)
    rules.attribute(con)
    named = con.sql("SELECT trace_id, agent, span_id, rule, detector FROM cg_attr").pl()
    return Context(turns.load(con), named, handoffs.load(con))


def task_run(task: str) -> Run:
    """A failing run whose task (the run span's input) is ``task``."""
    run = Run(1, outcome="failure")
    run.say(run.root, task, direction="input")
    return run


def feature_rows(feature: Any, *runs: Run) -> list[dict[str, Any]]:
    """One suspect feature's rows on ``runs`` (after the rules), highest score first."""
    return sorted(feature(suspect_context(*runs)).to_dicts(), key=lambda r: -r["score"])


def rule_rows(rule: Any, *runs: Run) -> dict[str, dict[str, Any]]:
    """Call one attribution rule alone on ``runs``: its rows by trace id."""
    con = prepared(*runs)
    return {row["trace_id"]: row for row in rule(con).pl().to_dicts()}


def attribution(*runs: Run) -> dict[str, dict[str, Any]]:
    """The full analysis of ``runs``: failures rows by trace id."""
    from analyzer.analysis import analyze

    con = fresh_db()
    insert(con, *runs)
    return {row["trace_id"]: row for row in analyze(con).failures.to_dicts()}
