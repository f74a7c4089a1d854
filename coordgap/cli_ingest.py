"""`coordgap ingest` and `coordgap pull`: traces from files and backends into DuckDB."""

from __future__ import annotations

import functools
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import duckdb
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

import analyzer
from analyzer import pull
from analyzer.pull_limits import PULL_OPTIONS, PullLimits
from analyzer.store import DEFAULT_SPANS_DIR
from coordgap._db import check_db_file, first_line
from coordgap._options import DEMO_HINT, PULL_LIMIT, db_option, plural

__all__ = ["COMMANDS", "ingest_command", "print_result", "pull_group", "run_ingest"]

_err = Console(stderr=True)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[analyzer.IngestProgress], None] | None]:
    """A rich progress bar for ingests that last more than a second, on a terminal.

    Yields the callback for ``Store.ingest`` (None when not on a terminal)."""
    if not enabled:
        yield None
        return
    started = time.monotonic()
    state: dict[str, object] = {}

    def update(event: analyzer.IngestProgress) -> None:
        bar = state.get("bar")
        if bar is None:
            if time.monotonic() - started < 1.0:
                return
            bar = Progress(
                TextColumn("[bold]ingest[/] {task.fields[file]}"),
                BarColumn(),
                DownloadColumn(),
                TextColumn("{task.fields[spans]:,} spans"),
                TimeRemainingColumn(),
                console=_err,
                transient=True,
            )
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task(
                "ingest", total=event.bytes_total, file=Path(event.path).name, spans=0
            )
        assert isinstance(bar, Progress)
        task = state["task"]
        assert isinstance(task, int)
        bar.update(
            TaskID(task),
            completed=event.bytes_done,
            file=f"{Path(event.path).name} ({event.file_index + 1}/{event.files})",
            spans=event.spans_read,
        )

    try:
        yield update
    finally:
        bar = state.get("bar")
        if isinstance(bar, Progress):
            bar.stop()


def print_result(result: analyzer.IngestResult, db: Path) -> None:
    """One summary line on stdout; warnings (torn lines) on stderr."""
    formats = ", ".join(f"{n:,} {fmt}" for fmt, n in sorted(result.by_format.items()))
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"{plural(result.files, 'file')}, {plural(result.spans_read, 'span')} read"
        + (f" ({formats})" if formats else "")
        + f", {result.spans_added:,} added, {result.duplicates:,} already stored"
        + (f", {plural(result.torn_lines, 'torn line')} skipped" if result.torn_lines else "")
        + (f", {plural(result.log_records, 'log record')} read" if result.log_records else "")
        + f" -> {db}"
    )


def _new_paths(db: Path) -> list[Path]:
    """The database file and the folders above it that do not exist yet (deepest last)."""
    missing = [db]
    parent = db.parent
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    return [] if db.exists() else missing


def _remove_new(paths: list[Path]) -> None:
    """Undo the creation of a database whose first ingest failed: its file, DuckDB's
    side files, and the folders made for it (only when left empty)."""
    db = paths[0]
    for path in (db, db.with_name(db.name + ".wal")):
        path.unlink(missing_ok=True)
    shutil.rmtree(db.with_name(db.name + ".tmp"), ignore_errors=True)
    for folder in paths[1:]:
        try:
            folder.rmdir()
        except OSError:
            break


def run_ingest(paths: list[str], db: Path, max_content: int | None = None) -> analyzer.IngestResult:
    """Ingest ``paths`` into ``db`` (message text capped at ``max_content``
    characters a span); expected errors become a ClickException.

    A database this call created is removed again when the ingest fails, so a
    typo in a file name never leaves an empty database behind."""
    check_db_file(db, must_exist=False)
    created = _new_paths(db)
    try:
        try:
            with (
                analyzer.open(db, max_content=max_content) as store,
                progress_bar(_err.is_terminal) as callback,
            ):
                return store.ingest(paths, progress=callback)
        except BaseException:
            if created:
                _remove_new(created)
            raise
    except analyzer.FormatError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or db}: {exc.strerror or exc}") from None
    except ValueError as exc:  # a bad COORDGAP_CONTENT_MAX
        raise click.ClickException(str(exc)) from None
    except duckdb.Error as exc:  # e.g. the database is locked by another process
        raise click.ClickException(f"{db}: {first_line(exc)}") from None


@click.command("ingest", short_help="Read trace files into the coordgap database.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@db_option
@click.option(
    "--max-content",
    type=click.IntRange(min=0),
    default=None,
    help="Characters of message text kept per span for the detectors (default 16384, "
    "or $COORDGAP_CONTENT_MAX; 0 keeps none).",
)
def ingest_command(paths: tuple[str, ...], db: Path, max_content: int | None) -> None:
    """Read trace files into the coordgap database.

    PATHS are files or directories (default: the local store ./.coordgap/spans/).
    Formats are detected per file: OTLP/JSON (one request or JSON lines; hex or
    base64 ids), OTLP protobuf, Jaeger query-API and UI JSON, Zipkin v2 JSON,
    Phoenix span exports (its REST API's JSON), n8n executions (REST API or
    `n8n execute --rawOutput`), and gzip of any of these.
    Re-ingesting never duplicates spans; a malformed file stops the whole run
    and leaves the database as it was (a new database is not created at all).

    \b
    Examples:
      coordgap ingest                       # the local store
      coordgap ingest traces.jsonl.gz jaeger-export.json --db runs.duckdb
    """
    inputs = list(paths) or [str(DEFAULT_SPANS_DIR)]
    if not paths and not DEFAULT_SPANS_DIR.is_dir():
        raise click.ClickException(
            f"{DEFAULT_SPANS_DIR}: no local store here (a traced program writes it); "
            f"name trace files, or {DEMO_HINT}"
        )
    result = run_ingest(inputs, db, max_content)
    print_result(result, db)


def _pull(fetch: Callable[[Path], list[Path]], db: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="coordgap-pull-") as tmp:
        try:
            files = fetch(Path(tmp))
        except pull.PullError as exc:
            raise click.ClickException(str(exc)) from None
        result = run_ingest([str(f) for f in files], db)
    print_result(result, db)


def _pull_limits(func: Callable[..., None]) -> Callable[..., None]:
    """The options of :data:`analyzer.pull_http.PULL_OPTIONS`, handed to the command
    as one ``limits`` (option, else environment variable, else default)."""

    @functools.wraps(func)
    def command(**kwargs: object) -> None:
        given = {option.name: kwargs.pop(option.name) for option in PULL_OPTIONS}
        try:
            limits = PullLimits.resolve(given)  # type: ignore[arg-type]  # click gives str | None
        except pull.PullError as exc:
            raise click.ClickException(str(exc)) from None
        func(limits=limits, **kwargs)

    for option in reversed(PULL_OPTIONS):
        command = click.option(
            option.flag,
            option.name,
            default=None,
            metavar=option.metavar,
            help=f"{option.help} [env {option.env}; default: {option.default}]",
        )(command)
    return command


_lookback = click.option(
    "--lookback", default="1h", show_default=True, help="How far back: 90s, 15m, 1h, 2d, 1w."
)


_limit = click.option(
    "--limit", default=PULL_LIMIT, show_default=True, help="At most this many traces."
)


@click.group("pull", short_help="Fetch traces from Jaeger, Tempo, Phoenix or n8n.")
def pull_group() -> None:
    """Fetch traces from a running Jaeger, Tempo, Phoenix or n8n into the database.

    Auth headers come from the environment only: COORDGAP_PULL_HEADERS (all
    backends) and COORDGAP_JAEGER_HEADERS / COORDGAP_TEMPO_HEADERS /
    COORDGAP_PHOENIX_HEADERS, each "Name=value,Other=value" (values may be
    URL-encoded); PHOENIX_API_KEY is sent to Phoenix as a bearer token.
    They go only to the backend's own origin: a redirect elsewhere is followed
    without them. Each pull stops at its deadline and its byte cap.
    """


@pull_group.command("jaeger")
@click.argument("url")
@click.option("--service", required=True, help="Service whose traces to fetch.")
@_lookback
@_limit
@db_option
@_pull_limits
def pull_jaeger_command(
    url: str, service: str, lookback: str, limit: int, db: Path, limits: PullLimits
) -> None:
    """Traces of one service from the Jaeger query API.

    \b
    Example:
      coordgap pull jaeger http://localhost:16686 --service checkout --lookback 6h
    """
    _pull(
        lambda d: pull.pull_jaeger(
            url, d, service=service, lookback=lookback, limit=limit, limits=limits
        ),
        db,
    )


@pull_group.command("tempo")
@click.argument("url")
@click.option("--query", default=None, help="TraceQL query (default: every trace, {}).")
@_lookback
@_limit
@db_option
@_pull_limits
def pull_tempo_command(
    url: str, query: str | None, lookback: str, limit: int, db: Path, limits: PullLimits
) -> None:
    """Traces matching a TraceQL search in Grafana Tempo.

    \b
    Example:
      coordgap pull tempo http://localhost:3200 --query '{ span.coordgap.stage = "handoff" }'
    """
    _pull(
        lambda d: pull.pull_tempo(
            url, d, query=query, lookback=lookback, limit=limit, limits=limits
        ),
        db,
    )


@pull_group.command("phoenix")
@click.argument("url")
@click.option("--project", default="default", show_default=True, help="Phoenix project.")
@click.option("--lookback", default=None, help="Only spans this recent (default: all).")
@db_option
@_pull_limits
def pull_phoenix_command(
    url: str, project: str, lookback: str | None, db: Path, limits: PullLimits
) -> None:
    """Spans of one project from Phoenix's REST API.

    \b
    Example:
      coordgap pull phoenix http://localhost:6006 --project agents
    """
    _pull(
        lambda d: pull.pull_phoenix(url, d, project=project, lookback=lookback, limits=limits),
        db,
    )


@pull_group.command("n8n")
@click.argument("url")
@_lookback
@click.option(
    "--limit", default=PULL_LIMIT, show_default=True, help="At most this many executions."
)
@click.option("--workflow", "workflow_id", default=None, help="Only this workflow's executions.")
@db_option
@_pull_limits
def pull_n8n_command(
    url: str, lookback: str, limit: int, workflow_id: str | None, db: Path, limits: PullLimits
) -> None:
    """Executions with their data from n8n's REST API (key in COORDGAP_N8N_API_KEY).

    \b
    Example:
      COORDGAP_N8N_API_KEY=... coordgap pull n8n http://localhost:5678 --lookback 1d
    """
    from analyzer.pull_n8n import pull_n8n

    _pull(
        lambda d: pull_n8n(
            url, d, lookback=lookback, limit=limit, workflow_id=workflow_id, limits=limits
        ),
        db,
    )


COMMANDS: list[click.Command] = [ingest_command, pull_group]
