"""The tables `coordgap analyze` and `coordgap check` print, sized for an 80-column log.

Trace ids appear as their shortest unique prefix (:mod:`analyzer.trace_ids`),
reasons as an indented block under their run, cut at :data:`REASON_CHARS`
(``--format json`` has them whole). Every string from a trace goes into
:class:`rich.text.Text` as plain text, never parsed as markup.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from analyzer import explain as explaining
from analyzer.analysis import Analysis
from analyzer.suspects import calibration

__all__ = ["REASON_CHARS", "pct", "print_tables", "pts", "table"]

#: reasons longer than this are cut in table form (the JSON form has them whole)
REASON_CHARS = 200


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def pts(value: float | None) -> str:
    """A difference of two reliabilities, in percentage points."""
    return "n/a" if value is None else f"{value * 100:.1f} pts"


def table(
    title: str, columns: list[str], rows: list[list[Any]], caption: str | None = None
) -> Table:
    out = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        title_style="bold",
        caption=caption,
        caption_justify="left",
    )
    for i, col in enumerate(columns):
        out.add_column(col, justify="left" if i == 0 else "right", overflow="fold")
    for row in rows:
        # Text(), not markup: names and reasons come from traces.
        out.add_row(*(Text("" if v is None else str(v)) for v in row))
    return out


def _shorten(text: str, limit: int = REASON_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def print_tables(
    console: Console, s: dict[str, Any], a: Analysis, limit: int, short: dict[str, str]
) -> None:
    console.print(
        table(
            "Runs",
            ["runs", "failed", "end-to-end", "predicted", "coordination gap"],
            [
                [
                    s["runs"],
                    s["failed"],
                    pct(s["end_to_end_reliability"]),
                    pct(s["predicted_reliability"]),
                    pts(s["coordination_gap"]),
                ]
            ],
        )
    )
    console.print(
        table(
            "Failed runs by root-cause category",
            ["category", "runs"],
            [[k, v] for k, v in s["by_category"].items()],
        )
    )
    console.print(
        table(
            "Stages",
            ["stage", "runs", "failures", "reliability"],
            [[r["stage"], r["runs"], r["failures"], pct(r["reliability"])] for r in s["stages"]],
        )
    )
    console.print(
        table(
            "Agents",
            ["agent", "actor", "calls", "failures", "reliability"],
            [
                [r["agent"], r["actor"], r["calls"], r["failures"], pct(r["reliability"])]
                for r in s["agents"]
            ],
        )
    )
    inferred = dict(
        zip(
            zip(a.edges["source"].to_list(), a.edges["target"].to_list(), strict=True),
            a.edges["inferred"].to_list(),
            strict=True,
        )
    )
    any_inferred = any(inferred.get((r["source"], r["target"])) for r in s["edges"])
    console.print(
        table(
            "Handoffs",
            ["source -> target", "n", "violations", "failed", "rate", "p50"],
            [
                [
                    f"{r['source']} -> {r['target']}"
                    + (" *" if inferred.get((r["source"], r["target"])) else ""),
                    r["handoffs"],
                    r["violations"],
                    r["failed_runs"],
                    pct(r["failure_rate"]),
                    explaining.format_ms(r["p50_ms"]),
                ]
                for r in s["edges"]
            ],
            caption="failed: failed runs that passed the edge; rate: their share of its runs"
            + (
                "\n* inferred: consecutive agent calls, no handoff span recorded"
                if any_inferred
                else ""
            ),
        )
    )
    v = s["verification"]
    console.print(
        table(
            "Verification",
            ["checks", "rejects", "false accepts", "catch", "recovery", "latency"],
            [
                [
                    v["checks"],
                    v["rejects"],
                    v["false_accepts"],
                    pct(v["catch_rate"]),
                    pct(v["recovery_rate"]),
                    pct(v["share_of_latency"]),
                ]
            ],
            caption="catch: rejects of bad output; recovery: rejected runs that then "
            "succeeded; latency: share of run time spent verifying",
        )
    )
    _print_failures(console, s["failures"], a.failures.height, limit, short)
    contained = a.span_errors.filter(~a.span_errors["run_failed"].fill_null(False))
    if contained.height:
        console.print(
            table(
                "Errors inside runs that still succeeded",
                ["trace", "span", "agent", "stage", "error"],
                [
                    [
                        short.get(r["trace_id"], r["trace_id"]),
                        r["span_name"],
                        r["agent"],
                        r["stage"],
                        r["error_type"],
                    ]
                    for r in contained.head(limit).to_dicts()
                ],
            )
        )


def _print_failures(
    console: Console,
    failures: list[dict[str, Any]],
    total: int,
    limit: int,
    short: dict[str, str],
) -> None:
    """One line per failed run (short id, category, agent, root-cause span), its
    reason below as an indented block, so nothing wraps into one-word lines.
    ``failures``: at least the first ``limit`` of the ``total`` failed runs."""
    shown = failures[:limit]
    title = "Failed runs" + (
        f" (first {len(shown)} of {total}; --format json lists all)" if len(shown) < total else ""
    )
    console.print(Text(title, style="bold"))
    if not total:
        console.print(Text("  none", style="dim"))
    for f in shown:
        head = Text("  ")
        head.append(short.get(f["trace_id"], f["trace_id"]), style="bold")
        head.append(f"  {f['category']}", style="red")
        head.append(f"  {f['agent'] or '?'}")
        head.append(f"  at {f['span_name']}", style="dim")
        head.append(_confidence(f))
        console.print(head)
        console.print(
            Padding(Text(_shorten(str(f["reason"] or "no reason recorded"))), (0, 0, 0, 6))
        )
        if f.get("quote"):  # absent under --no-content
            quote = Text(f"{f['detector']}: ", style="dim")
            quote.append(_shorten(f'"{f["quote"]}"'))
            console.print(Padding(quote, (0, 0, 0, 6)))
        if f.get("suspect") and f.get("suspects"):
            why = Text("suspect: ", style="yellow")
            why.append(_shorten(str((f["suspects"][0]["evidence"] or ["no evidence"])[0])))
            console.print(Padding(why, (0, 0, 0, 6)))
    console.print()


def _confidence(f: dict[str, Any]) -> Text:
    """`  [suspect, low confidence 8%]`: how sure the named agent is; a suspect the
    rules did not name, or one under the low mark, says so."""
    if not f.get("agent"):
        return Text("")
    conf = float(f.get("confidence") or 0.0)
    words = ["suspect"] if f.get("suspect") else []
    if conf < calibration.LOW:
        words.append(f"low confidence {conf:.0%}")
    else:
        words.append(f"confidence {conf:.0%}")
    return Text(f"  [{', '.join(words)}]", style="yellow" if conf < calibration.LOW else "dim")
