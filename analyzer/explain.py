"""One run explained: its spans as a tree, the root cause marked, the evidence and reason.

:func:`explain` gathers what ``coordgap explain TRACE_ID`` shows;
:func:`render` turns it into a rich renderable. Every string from the trace is
put into :class:`rich.text.Text` as plain text, never parsed as markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import polars as pl
from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from analyzer.analysis import analyze, run_spans
from analyzer.detectors import Detector
from analyzer.suspects import calibration, redact
from tracer import semconv

__all__ = ["Explanation", "explain", "format_ms", "render"]


@dataclass(frozen=True)
class Explanation:
    """A run's spans (``Analysis.run_spans`` columns), its run row, its attribution
    (None when the run did not fail) and the spans where exceptions originated
    (``Analysis.span_errors`` rows), failed run or not."""

    trace_id: str
    spans: pl.DataFrame
    run: dict[str, Any] | None
    failure: dict[str, Any] | None
    errors: list[dict[str, Any]]
    warnings: tuple[str, ...] = ()


def explain(
    con: duckdb.DuckDBPyConnection,
    trace_id: str,
    *,
    detectors: Sequence[Detector] | None = None,
) -> Explanation:
    """Analyze one trace (with ``detectors``, default the built-in ones). Raises
    LookupError when the database holds no such trace."""
    trace_id = trace_id.strip().lower()
    spans = run_spans(con, trace_id)
    if spans.height == 0:
        raise LookupError(f"no trace {trace_id} in the database")
    analysis = analyze(con, trace_id=trace_id, detectors=detectors)
    runs = analysis.runs.to_dicts()
    return Explanation(
        trace_id,
        spans,
        runs[0] if runs else None,
        analysis.failure(trace_id),
        analysis.span_errors.to_dicts(),
        analysis.warnings,
    )


def format_ms(ms: float | None) -> str:
    """A duration for people: 850 µs, 12.3 ms, 4.20 s, 3 min 05 s, 2 h 03 min."""
    if ms is None:
        return "?"
    if ms < 1:
        return f"{ms * 1000:.0f} µs"
    if ms < 1000:
        return f"{ms:.1f} ms"
    seconds = ms / 1000
    if seconds < 60:
        return f"{seconds:.2f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def render(explanation: Explanation, *, content: bool = True) -> RenderableType:
    """Header, the span tree (root cause, symptom and evidence marked), then reason,
    the detector's quote (unless ``content`` is False) and evidence."""
    failure = explanation.failure
    root_cause = failure["span_id"] if failure else None
    evidence = set(failure["evidence"] or []) if failure else set()
    rows = explanation.spans.to_dicts()
    ids = {r["span_id"] for r in rows}
    children: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        parent = r["parent_span_id"] if r["parent_span_id"] in ids else None
        children[None if r["span_id"] == parent else parent].append(r)

    header = Text(f"trace {explanation.trace_id}", style="bold")
    run = explanation.run
    if run is not None:
        header.append(f"  {run['workflow']}", style="cyan")
        header.append(f"  {format_ms(run['duration_ms'])}")
        if run["failed"]:
            header.append("  FAILED", style="bold red")
            if failure:
                header.append(f" ({failure['category']})", style="red")
        else:
            header.append("  succeeded", style="green")
    tree = Tree(header)
    seen: set[str] = set()

    def add(node: Tree, parent: str | None) -> None:
        for r in children.get(parent, []):
            if r["span_id"] in seen:  # a parent cycle in broken input
                continue
            seen.add(r["span_id"])
            add(node.add(_label(r, root_cause, evidence)), r["span_id"])

    add(tree, None)
    for r in rows:  # spans caught in a parent cycle (broken input) hang at the top
        if r["span_id"] not in seen:
            seen.add(r["span_id"])
            add(tree.add(_label(r, root_cause, evidence)), r["span_id"])
    parts: list[RenderableType] = [tree]
    if failure:
        parts.append(Text.assemble(("root cause ", "bold"), (str(failure["span_id"]), "red")))
        parts.append(Text.assemble(("reason ", "bold"), str(failure["reason"])))
        if failure.get("detector"):
            parts.append(Text.assemble(("detector ", "bold"), str(failure["detector"])))
        if failure.get("symptom_span_id"):
            parts.append(Text.assemble(("showed in ", "bold"), str(failure["symptom_span_id"])))
        if content and failure.get("quote"):
            parts.append(Text.assemble(("quote ", "bold"), f'"{failure["quote"]}"'))
        parts.append(
            Text.assemble(("evidence ", "bold"), ", ".join(failure["evidence"] or []) or "none")
        )
        parts.extend(_suspect_lines(failure, content=content))
    elif run is not None and run["failed"]:
        parts.append(Text("failed, but no attribution was recorded", style="red"))
    if run is not None and not run["failed"]:
        for e in explanation.errors:
            parts.append(
                Text.assemble(
                    ("contained error ", "bold yellow"),
                    f"`{e['span_name']}` ({e['span_id']}) raised {e['error_type'] or 'an error'}"
                    f" under `{e['agent'] or '?'}` [{e['stage'] or 'no stage'}]; "
                    "it did not escape the run, so the run succeeded",
                )
            )
    return Group(*parts)


def _suspect_lines(failure: dict[str, Any], *, content: bool = True) -> list[Text]:
    """The confidence in the named agent (a suspect the rules did not name, or a low
    one, marked as such) and the ranked suspects with their evidence."""
    ranked = list(failure.get("suspects") or [])
    if not ranked:
        return [Text("suspects none: no agent step in the trace to rank", style="dim")]
    conf = float(failure.get("confidence") or 0.0)
    low = conf < calibration.LOW
    head = Text.assemble(("confidence ", "bold"), f"{conf:.0%}")
    if failure.get("suspect"):
        head.append(
            "  suspect: the ranking named it (no rule named the agent who made the mistake)",
            style="yellow",
        )
    if low:
        head.append("  LOW CONFIDENCE: a lead, not a finding", style="bold yellow")
    lines = [head]
    for i, s in enumerate(ranked, start=1):
        line = Text.assemble(
            (f"suspect {i} ", "bold"), f"{s['agent']} at {s['span_id']} (score {s['score']})"
        )
        for e in s.get("evidence") or []:
            line.append(f"\n    {e if content else redact(e)}", style="dim")
        lines.append(line)
    return lines


def _label(r: dict[str, Any], root_cause: str | None, evidence: set[str]) -> Text:
    label = Text(str(r["name"]), style="bold red" if r["span_id"] == root_cause else "")
    label.append(f"  {format_ms(r['duration_ms'])}", style="dim")
    if r["stage"]:
        label.append(f"  [{r['stage']}]", style="cyan")
    if r["actor"] == semconv.Actor.HUMAN:
        label.append("  human", style="magenta")
    if r["verdict"]:
        accepted = r["verdict"] == semconv.Verdict.ACCEPT
        label.append(f"  {r['verdict']}", style="green" if accepted else "yellow")
    for violation in r["violations"] or []:
        label.append(f"  ! {violation}", style="yellow")
    if r["is_error"]:
        label.append(f"  x {r['error_type'] or 'error'}", style="red")
    if r["span_id"] == root_cause:
        label.append("  <- root cause", style="bold red")
    elif r["span_id"] in evidence:
        label.append("  <- evidence", style="yellow")
    label.append(f"  {r['span_id']}", style="dim")
    return label
