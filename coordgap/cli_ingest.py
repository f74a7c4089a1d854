"""`coordgap ingest` and `coordgap pull`: traces from files and backends into DuckDB."""

from __future__ import annotations

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
from analyzer.store import DEFAULT_DB, DEFAULT_SPANS_DIR

__all__ = ["COMMANDS", "db_option", "ingest_command", "print_result", "pull_group", "run_ingest"]

_err = Console(stderr=True)


def db_option(func: Callable[..., object]) -> Callable[..., object]:
    """The shared ``--db FILE`` option."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        help="DuckDB database file (created when missing).",
    )(func)


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
        f"{result.files} file(s), {result.spans_read:,} spans read"
        + (f" ({formats})" if formats else "")
        + f", {result.spans_added:,} added, {result.duplicates:,} already stored"
        + (f", {result.torn_lines} torn line(s) skipped" if result.torn_lines else "")
        + f" -> {db}"
    )


def run_ingest(paths: list[str], db: Path, max_content: int | None = None) -> analyzer.IngestResult:
    """Ingest ``paths`` into ``db`` (message text capped at ``max_content``
    characters a span); expected errors become a ClickException."""
    try:
        with (
            analyzer.open(db, max_content=max_content) as store,
            progress_bar(_err.is_terminal) as callback,
        ):
            return store.ingest(paths, progress=callback)
    except analyzer.FormatError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or db}: {exc.strerror or exc}") from None
    except ValueError as exc:  # a bad COORDGAP_CONTENT_MAX
        raise click.ClickException(str(exc)) from None
    except duckdb.Error as exc:  # e.g. the database is locked by another process
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise click.ClickException(f"{db}: {first}") from None


@click.command("ingest")
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
    base64 ids), OTLP protobuf, Jaeger query-API and UI JSON, Zipkin v2 JSON, and
    gzip of any of these. Re-ingesting never duplicates spans; a malformed file
    stops the whole run and leaves the database as it was.

    \b
    Examples:
      coordgap ingest                       # the local store
      coordgap ingest traces.jsonl.gz jaeger-export.json --db runs.duckdb
    """
    inputs = list(paths) or [str(DEFAULT_SPANS_DIR)]
    if not paths and not DEFAULT_SPANS_DIR.is_dir():
        raise click.ClickException(
            f"{DEFAULT_SPANS_DIR}: no local store here; run a traced program first or name files"
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


_lookback = click.option(
    "--lookback", default="1h", show_default=True, help="How far back: 90s, 15m, 1h, 2d, 1w."
)


@click.group("pull")
def pull_group() -> None:
    """Fetch traces from a running Jaeger, Tempo or Phoenix into the database.

    Auth headers come from the environment only: COORDGAP_PULL_HEADERS (all
    backends) and COORDGAP_JAEGER_HEADERS / COORDGAP_TEMPO_HEADERS /
    COORDGAP_PHOENIX_HEADERS, each "Name=value,Other=value" (values may be
    URL-encoded); PHOENIX_API_KEY is sent to Phoenix as a bearer token.
    """


@pull_group.command("jaeger")
@click.argument("url")
@click.option("--service", required=True, help="Service whose traces to fetch.")
@_lookback
@click.option("--limit", default=1000, show_default=True, help="At most this many traces.")
@db_option
def pull_jaeger_command(url: str, service: str, lookback: str, limit: int, db: Path) -> None:
    """Traces of one service from the Jaeger query API.

    \b
    Example:
      coordgap pull jaeger http://localhost:16686 --service checkout --lookback 6h
    """
    _pull(lambda d: pull.pull_jaeger(url, d, service=service, lookback=lookback, limit=limit), db)


@pull_group.command("tempo")
@click.argument("url")
@click.option("--query", default=None, help="TraceQL query (default: every trace, {}).")
@_lookback
@click.option("--limit", default=100, show_default=True, help="At most this many traces.")
@db_option
def pull_tempo_command(url: str, query: str | None, lookback: str, limit: int, db: Path) -> None:
    """Traces matching a TraceQL search in Grafana Tempo.

    \b
    Example:
      coordgap pull tempo http://localhost:3200 --query '{ span.coordgap.stage = "handoff" }'
    """
    _pull(lambda d: pull.pull_tempo(url, d, query=query, lookback=lookback, limit=limit), db)


@pull_group.command("phoenix")
@click.argument("url")
@click.option("--project", default="default", show_default=True, help="Phoenix project.")
@click.option("--lookback", default=None, help="Only spans this recent (default: all).")
@db_option
def pull_phoenix_command(url: str, project: str, lookback: str | None, db: Path) -> None:
    """Spans of one project from Phoenix's REST API.

    \b
    Example:
      coordgap pull phoenix http://localhost:6006 --project agents
    """
    _pull(lambda d: pull.pull_phoenix(url, d, project=project, lookback=lookback), db)


COMMANDS: list[click.Command] = [ingest_command, pull_group]
