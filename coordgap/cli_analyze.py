"""`coordgap analyze`, `coordgap explain` and `coordgap check`: attribution on the CLI.

Thin wrappers over :mod:`analyzer.analysis`, :mod:`analyzer.explain` and
:mod:`analyzer.check`; expected errors become one-line click errors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
import duckdb
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from analyzer import check as checks
from analyzer import detectors as detecting
from analyzer import explain as explaining
from analyzer.analysis import Analysis, analyze
from analyzer.store import DEFAULT_DB

__all__ = [
    "COMMANDS",
    "content_options",
    "load_detectors",
    "warn",
    "analyze_command",
    "check_command",
    "explain_command",
    "parse_since",
    "SinceType",
]

_RELATIVE = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)$")
_UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_since(text: str, *, now: datetime | None = None) -> datetime:
    """``2026-01-31``, ``2026-01-31T08:00:00Z`` (naive = UTC), or an age: ``90s``,
    ``30m``, ``12h``, ``7d``, ``2w``. Raises ValueError naming what was expected."""
    text = text.strip()
    match = _RELATIVE.match(text)
    if match:
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
        return (now or datetime.now(UTC)) - timedelta(seconds=seconds)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{text!r} is neither an ISO date/time (2026-01-31T08:00:00Z) nor an age (30m, 12h, 7d)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class SinceType(click.ParamType):
    """``--since``: an ISO date/time or an age, parsed by :func:`parse_since`."""

    name = "TIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, datetime):
            return value
        try:
            return parse_since(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class _BoundType(click.ParamType):
    name = "RATE=BOUND"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, checks.Bound):
            return value
        try:
            return checks.parse_bound(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        help="DuckDB database written by `coordgap ingest`.",
    )(func)


def _scope_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--service", default=None, help="Only runs with a span from this service.")(
        func
    )
    return click.option(
        "--since",
        type=SinceType(),
        default=None,
        help="Only runs started at or after TIME: ISO date/time, or an age such as 24h, 7d.",
    )(func)


@contextmanager
def _connect(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    if not db.is_file():
        raise click.ClickException(f"no database at {db}; run `coordgap ingest` first")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise click.ClickException(f"{db}: cannot open: {_first_line(exc)}") from None
    try:
        yield con
    finally:
        con.close()


def content_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--no-content`` and ``--detector module:function`` (repeatable)."""
    func = click.option(
        "--no-content",
        "no_content",
        is_flag=True,
        default=False,
        help="Keep quotes of message text out of the output (detectors still run).",
    )(func)
    return click.option(
        "--detector",
        "detector_specs",
        multiple=True,
        metavar="MODULE:FUNCTION",
        help="Add a detector of your own (same signature as the built-in ones). Repeatable.",
    )(func)


def load_detectors(specs: tuple[str, ...]) -> tuple[detecting.Detector, ...] | None:
    """The built-in detectors plus those named by ``--detector`` (None: defaults)."""
    if not specs:
        return None
    loaded = []
    for spec in specs:
        try:
            loaded.append(detecting.load(spec))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--detector") from None
    return (*detecting.DETECTORS, *loaded)


def warn(analysis: Analysis) -> None:
    """One line on stderr per detector that failed and was skipped."""
    for line in analysis.warnings:
        click.echo(f"warning: {line}", err=True)


def _analyze(db: Path, **scope: Any) -> Analysis:
    with _connect(db) as con:
        try:
            analysis = analyze(con, **scope)
        except (ValueError, duckdb.Error) as exc:
            raise click.ClickException(f"{db}: {_first_line(exc)}") from None
    warn(analysis)
    return analysis


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# -- analyze ------------------------------------------------------------------------------
@click.command("analyze")
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="`json` is the stable contract documented in the README.",
)
@_scope_options
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Failed runs listed in table form (JSON lists all).",
)
@content_options
def analyze_command(
    db: Path,
    fmt: str,
    since: datetime | None,
    service: str | None,
    limit: int,
    no_content: bool,
    detector_specs: tuple[str, ...],
) -> None:
    """Attribute every failed run to its root cause and print the reliability figures.

    \b
    Example:
      coordgap analyze --since 24h
      coordgap analyze --format json > analysis.json
      coordgap analyze --detector my_checks:judge --no-content
    """
    detectors = load_detectors(detector_specs)
    analysis = _analyze(db, since=since, service=service, detectors=detectors)
    summary = analysis.summary(content=not no_content)
    if fmt == "json":
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    _print_tables(Console(), summary, analysis, limit)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold")
    for i, col in enumerate(columns):
        table.add_column(col, justify="left" if i == 0 else "right", overflow="fold")
    for row in rows:
        # Text(), not markup: names and reasons come from traces.
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    return table


def _print_tables(console: Console, s: dict[str, Any], a: Analysis, limit: int) -> None:
    console.print(
        _table(
            "Runs",
            ["runs", "failed", "end-to-end", "predicted", "coordination gap"],
            [
                [
                    s["runs"],
                    s["failed"],
                    _pct(s["end_to_end_reliability"]),
                    _pct(s["predicted_reliability"]),
                    _pct(s["coordination_gap"]),
                ]
            ],
        )
    )
    console.print(
        _table(
            "Failed runs by root-cause category",
            ["category", "runs"],
            [[k, v] for k, v in s["by_category"].items()],
        )
    )
    console.print(
        _table(
            "Stages",
            ["stage", "runs", "failures", "reliability"],
            [[r["stage"], r["runs"], r["failures"], _pct(r["reliability"])] for r in s["stages"]],
        )
    )
    console.print(
        _table(
            "Agents",
            ["agent", "actor", "calls", "failures", "reliability"],
            [
                [r["agent"], r["actor"], r["calls"], r["failures"], _pct(r["reliability"])]
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
    console.print(
        _table(
            "Handoffs",
            ["source -> target", "handoffs", "violations", "failed runs", "failure rate", "p50"],
            [
                [
                    f"{r['source']} -> {r['target']}"
                    + (" (inferred)" if inferred.get((r["source"], r["target"])) else ""),
                    r["handoffs"],
                    r["violations"],
                    r["failed_runs"],
                    _pct(r["failure_rate"]),
                    explaining.format_ms(r["p50_ms"]),
                ]
                for r in s["edges"]
            ],
        )
    )
    v = s["verification"]
    console.print(
        _table(
            "Verification",
            ["checks", "rejects", "false accepts", "catch rate", "recovery rate", "latency share"],
            [
                [
                    v["checks"],
                    v["rejects"],
                    v["false_accepts"],
                    _pct(v["catch_rate"]),
                    _pct(v["recovery_rate"]),
                    _pct(v["share_of_latency"]),
                ]
            ],
        )
    )
    failures = s["failures"]
    shown = failures[:limit]
    title = "Failed runs" + (
        f" (first {len(shown)} of {len(failures)}; --format json lists all)"
        if len(shown) < len(failures)
        else ""
    )
    console.print(
        _table(
            title,
            ["trace", "category", "root-cause span", "agent", "reason"],
            [
                [
                    f["trace_id"],
                    f["category"],
                    f["span_name"],
                    f["agent"],
                    f["reason"] + (f' [{f["detector"]}: "{f["quote"]}"]' if f["quote"] else ""),
                ]
                for f in shown
            ],
        )
    )
    contained = a.span_errors.filter(~a.span_errors["run_failed"].fill_null(False))
    if contained.height:
        console.print(
            _table(
                "Errors inside runs that still succeeded",
                ["trace", "span", "agent", "stage", "error"],
                [
                    [r["trace_id"], r["span_name"], r["agent"], r["stage"], r["error_type"]]
                    for r in contained.head(limit).to_dicts()
                ],
            )
        )


# -- explain ------------------------------------------------------------------------------
@click.command("explain")
@click.argument("trace_id")
@_db_option
@content_options
def explain_command(
    trace_id: str, db: Path, no_content: bool, detector_specs: tuple[str, ...]
) -> None:
    """Show one run as a tree with durations, its root cause, evidence and reason.

    \b
    Example:
      coordgap explain 4bf92f3577b34da6a3ce929d0e0e4736
    """
    if not re.fullmatch(r"[0-9a-fA-F]{1,32}", trace_id.strip()):
        raise click.BadParameter("a trace id is up to 32 hex digits", param_hint="TRACE_ID")
    trace = trace_id.strip().lower().rjust(32, "0")
    detectors = load_detectors(detector_specs)
    with _connect(db) as con:
        try:
            explanation = explaining.explain(con, trace, detectors=detectors)
        except LookupError as exc:
            raise click.ClickException(f"{db}: {exc}") from None
        except (ValueError, duckdb.Error) as exc:
            raise click.ClickException(f"{db}: {_first_line(exc)}") from None
    for line in explanation.warnings:
        click.echo(f"warning: {line}", err=True)
    Console().print(explaining.render(explanation, content=not no_content))


# -- check --------------------------------------------------------------------------------
@click.command("check")
@_db_option
@click.option(
    "--max",
    "bounds",
    type=_BoundType(),
    multiple=True,
    help="Upper bound on a failure rate, e.g. handoff=0.05 or end_to_end=10%. Repeatable. "
    f"Rates: {', '.join(checks.KEYS)}.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Another database: fail when a rate is higher than there.",
)
@click.option(
    "--tolerance",
    type=click.FloatRange(min=0.0, max=1.0),
    default=0.0,
    show_default=True,
    help="How much higher than the baseline a rate may be (absolute share).",
)
@_scope_options
@content_options
def check_command(
    db: Path,
    bounds: tuple[checks.Bound, ...],
    baseline: Path | None,
    tolerance: float,
    since: datetime | None,
    service: str | None,
    no_content: bool,
    detector_specs: tuple[str, ...],
) -> None:
    """Exit 1 when a failure rate exceeds its bound or regressed against a baseline.

    \b
    Example (gate a deploy):
      coordgap check --max handoff=0.05 --max end_to_end=0.15 --baseline last-release.duckdb
    """
    if not bounds and baseline is None:
        raise click.UsageError("give at least one --max RATE=BOUND or a --baseline")
    detectors = load_detectors(detector_specs)
    current = _analyze(db, since=since, service=service, detectors=detectors)
    base = (
        _analyze(baseline, since=since, service=service, detectors=detectors)
        if baseline is not None
        else None
    )
    findings = checks.evaluate(current, bounds, base, tolerance=tolerance)
    console = Console()
    console.print(
        _table(
            f"check {db}" + (f" against {baseline}" if baseline else ""),
            ["rate", "value", "bound", "baseline", "status"],
            [
                [
                    f.key,
                    _pct(f.value),
                    _pct(f.limit) if f.limit is not None else "",
                    _pct(f.baseline) if baseline is not None else "",
                    "ok" if f.ok else "FAIL",
                ]
                for f in findings
            ],
        )
    )
    failed = [f for f in findings if not f.ok]
    if failed:
        for f in failed:
            click.echo(f"check failed: {f.message()}", err=True)
        click.get_current_context().exit(1)
    click.echo(f"check passed: {len(findings)} rate(s) within bounds ({current.n_runs} runs)")


COMMANDS: list[click.Command] = [analyze_command, explain_command, check_command]
