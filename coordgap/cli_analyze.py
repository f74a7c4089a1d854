"""`coordgap analyze`, `coordgap explain` and `coordgap check`: attribution on the CLI.

Thin wrappers over :mod:`analyzer.analysis`, :mod:`analyzer.explain` and
:mod:`analyzer.check`; expected errors become one-line click errors.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
import duckdb

from analyzer import check as checks
from analyzer import detectors as detecting
from analyzer import explain as explaining
from analyzer import queries, trace_ids
from analyzer.analysis import Analysis, analyze
from coordgap._db import first_line, read_only
from coordgap._options import NO_DATA_HINT, Console, db_option, plural
from coordgap._tables import pct, print_tables, table
from coordgap.cli_source import analyze_source, source_connection, source_option

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


def _analyze(
    db: Path, *, source: str | None = None, **scope: Any
) -> tuple[Analysis, dict[str, str]]:
    """The analysis of ``db`` (or of ``source``, ClickHouse) in scope, and the short
    id of every trace it names."""
    if source is not None:
        analysis = analyze_source(source, **scope)
        warn(analysis)
        return analysis, trace_ids.short_ids(analysis.failures["trace_id"].to_list())
    with read_only(db) as con:
        try:
            analysis = analyze(con, example_runs=0, **scope)
            short = trace_ids.stored_short_ids(con)
        except (ValueError, duckdb.Error) as exc:
            raise click.ClickException(f"{db}: {first_line(exc)}") from None
    warn(analysis)
    return analysis, short


def _no_runs(
    db: Path, since: datetime | None, service: str | None, source: str | None = None
) -> str:
    """Why a window holds no run: the database is empty, or the filters match nothing."""
    if source is not None:
        return f"{source}: no run in scope (check --since, --service and the table)"
    with read_only(db) as con:
        ((stored,),) = con.execute(queries.sql("trace_count")).fetchall()
    if not stored:
        return f"{db} holds no runs; {NO_DATA_HINT}"
    what = "no run"
    if service is not None:
        what += f" has a span of service {service!r}"
    if since is not None:
        what += (" and" if service is not None else "") + (
            f" started at or after {since.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
        )
    return f"{what} ({db} holds {plural(int(stored), 'trace')})"


# -- analyze ------------------------------------------------------------------------------
@click.command("analyze", short_help="Attribute every failed run to its root cause.")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="`json`: every failed run with full ids and reasons, as a stable contract.",
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
@source_option
def analyze_command(
    db: Path,
    fmt: str,
    since: datetime | None,
    service: str | None,
    limit: int,
    no_content: bool,
    detector_specs: tuple[str, ...],
    source: str | None,
) -> None:
    """Attribute every failed run to its root cause and print the reliability figures.

    Tables fit an 80-column log: trace ids are cut to their shortest unique
    prefix (`coordgap explain` takes it) and long reasons are shortened; the
    JSON form has everything in full.

    \b
    Example:
      coordgap analyze --since 24h
      coordgap analyze --format json > analysis.json
      coordgap analyze --detector my_checks:judge --no-content
      coordgap analyze --source 'clickhouse://coordgap@ch.internal:8123/otel' --since 24h
    """
    detectors = load_detectors(detector_specs)
    analysis, short = _analyze(db, since=since, service=service, detectors=detectors, source=source)
    if fmt == "json":
        out = sys.stdout
        analysis.write_json(out, content=not no_content)
        out.write("\n")
        return
    if analysis.n_runs == 0:
        click.echo(_no_runs(db, since, service, source))
        return
    # the tables show the first `limit` failed runs: only those become records
    shown = list(analysis.failure_records(content=not no_content, limit=limit))
    print_tables(Console(), {**analysis.figures(), "failures": shown}, analysis, limit, short)


# -- explain ------------------------------------------------------------------------------
@click.command("explain", short_help="Show one run as a tree, its root cause marked.")
@click.argument("trace_id")
@db_option
@content_options
@source_option
def explain_command(
    trace_id: str, db: Path, no_content: bool, detector_specs: tuple[str, ...], source: str | None
) -> None:
    """Show one run as a tree with durations, its root cause, evidence and reason.

    TRACE_ID is the full id or any unique prefix of it, as `coordgap analyze` prints.

    \b
    Example:
      coordgap explain 4bf92f35
    """
    if not re.fullmatch(r"[0-9a-fA-F]{1,32}", trace_id.strip()):
        raise click.BadParameter("a trace id is up to 32 hex digits", param_hint="TRACE_ID")
    detectors = load_detectors(detector_specs)
    where = source or str(db)
    if source is not None:
        trace = trace_id.strip().lower().rjust(32, "0")
        opened = source_connection(source, trace)
    else:
        opened = read_only(db)
    with opened as con:
        try:
            trace = trace_ids.resolve(con, trace_id)
            explanation = explaining.explain(con, trace, detectors=detectors)
        except LookupError as exc:
            raise click.ClickException(f"{where}: {exc.args[0] if exc.args else exc}") from None
        except (ValueError, duckdb.Error) as exc:
            raise click.ClickException(f"{where}: {first_line(exc)}") from None
    for line in explanation.warnings:
        click.echo(f"warning: {line}", err=True)
    Console().print(explaining.render(explanation, content=not no_content))


# -- check --------------------------------------------------------------------------------
@click.command("check", short_help="Exit 1 when a failure rate is over its bound.")
@db_option
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
@click.option(
    "--min-runs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Fail when the window (and the baseline) holds fewer runs than this.",
)
@_scope_options
@content_options
@source_option
def check_command(
    db: Path,
    bounds: tuple[checks.Bound, ...],
    baseline: Path | None,
    tolerance: float,
    min_runs: int,
    since: datetime | None,
    service: str | None,
    no_content: bool,
    detector_specs: tuple[str, ...],
    source: str | None,
) -> None:
    """Exit 1 when a failure rate exceeds its bound or regressed against a baseline.

    The check also fails, never passes, when there is nothing to check: a
    missing database, a --service or --since that matches no run, or fewer runs
    than --min-runs.

    \b
    Example (gate a deploy):
      coordgap check --max handoff=0.05 --max end_to_end=0.15 --min-runs 100
      coordgap check --baseline last-release.duckdb --tolerance 0.02
    """
    if not bounds and baseline is None:
        raise click.UsageError("give at least one --max RATE=BOUND or a --baseline")
    detectors = load_detectors(detector_specs)
    ctx = click.get_current_context()
    current, _ = _analyze(db, since=since, service=service, detectors=detectors, source=source)
    base = (
        _analyze(baseline, since=since, service=service, detectors=detectors)[0]
        if baseline is not None
        else None
    )
    empty = _too_few(db, current, min_runs, since, service, source)
    if empty is None and baseline is not None and base is not None:
        empty = _too_few(baseline, base, min_runs, since, service)
    if empty is not None:
        click.echo(f"check failed: {empty}", err=True)
        ctx.exit(1)
    findings = checks.evaluate(current, bounds, base, tolerance=tolerance)
    Console().print(
        table(
            f"check {source or db}" + (f" against {baseline}" if baseline else ""),
            ["rate", "value", "bound", "baseline", "status"],
            [
                [
                    f.key,
                    pct(f.value),
                    pct(f.limit) if f.limit is not None else "",
                    pct(f.baseline) if baseline is not None else "",
                    "ok" if f.ok else "FAIL",
                ]
                for f in findings
            ],
        )
    )
    over = f"over {plural(current.n_runs, 'run')}"
    failed = [f for f in findings if not f.ok]
    if failed:
        for f in failed:
            click.echo(f"check failed: {f.message()} ({over})", err=True)
        ctx.exit(1)
    click.echo(f"check passed: {_passed(findings, bounds, baseline, base)} {over}")


def _too_few(
    db: Path,
    a: Analysis,
    min_runs: int,
    since: datetime | None,
    service: str | None,
    source: str | None = None,
) -> str | None:
    """Why ``a`` cannot be checked (no run, or fewer than ``min_runs``), else None."""
    if a.n_runs == 0:
        return _no_runs(db, since, service, source)
    if a.n_runs < min_runs:
        return (
            f"only {plural(a.n_runs, 'run')} in {source or db}"
            + (" in the window" if since is not None or service is not None else "")
            + f", fewer than --min-runs {min_runs}"
        )
    return None


def _passed(
    findings: list[checks.Finding],
    bounds: tuple[checks.Bound, ...],
    baseline: Path | None,
    base: Analysis | None,
) -> str:
    """What was checked, counted: "1 rate within bounds", "7 rates no higher than in X"."""
    parts = []
    if bounds:
        parts.append(f"{plural(len(bounds), 'rate')} within bounds")
    if baseline is not None and base is not None:
        compared = f"no higher than in {baseline} ({plural(base.n_runs, 'run')})"
        if not bounds:
            compared = f"{plural(len(findings), 'rate')} {compared}"
        parts.append(compared)
    return " and ".join(parts)


COMMANDS: list[click.Command] = [analyze_command, explain_command, check_command]
