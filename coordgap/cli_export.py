"""`coordgap export clickhouse`: the local store into an `otel_traces` table."""

from __future__ import annotations

from pathlib import Path

import click
import duckdb

__all__ = ["COMMANDS", "export_group"]


@click.group("export")
def export_group() -> None:
    """Copy the spans of a coordgap database to another store.

    \b
    Example:
      coordgap export clickhouse --to chdb://./traces.chdb
    """


@export_group.command("clickhouse")
@click.option(
    "--to",
    "url",
    required=True,
    metavar="URL",
    help="clickhouse://USER@HOST:8123/DATABASE?table=otel_traces (password in "
    "$COORDGAP_CLICKHOUSE_PASSWORD) or chdb://PATH.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database to copy (default: ./.coordgap/coordgap.duckdb, after reading "
    "./.coordgap/spans into it).",
)
def export_clickhouse(url: str, db: Path | None) -> None:
    """Load the spans into the OpenTelemetry Collector's `otel_traces` table.

    The table is created with the Collector ClickHouse exporter's own DDL when it is
    missing, and the spans are written as that exporter writes them, so
    `coordgap analyze --source URL` can then read them in place.

    \b
    Examples:
      coordgap export clickhouse --to chdb://./traces.chdb
      COORDGAP_CLICKHOUSE_PASSWORD=... coordgap export clickhouse \\
          --to 'clickhouse://coordgap@ch.internal:8123/otel?table=otel_traces' --db runs.duckdb
    """
    import analyzer
    from analyzer.sources import engines, export
    from analyzer.store import DEFAULT_DB, DEFAULT_SPANS_DIR

    try:
        target = engines.parse_url(url)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        if db is None:
            db = DEFAULT_DB
            if DEFAULT_SPANS_DIR.is_dir():
                with analyzer.open(db) as store:
                    store.ingest([DEFAULT_SPANS_DIR])
        if not db.is_file():
            raise click.ClickException(
                f"{db}: no database here; run `coordgap ingest FILE...` or `coordgap demo` first"
            )
        with analyzer.open(db, read_only=True) as store:
            engine = engines.connect(target)
            try:
                sent = export.export_spans(store.con, engine, target)
            finally:
                if target.scheme != "chdb":  # chDB sessions stay open for the process
                    engine.close()
    except click.ClickException:
        raise
    except (analyzer.FormatError, duckdb.Error, ValueError, OSError) as exc:
        raise click.ClickException(f"{db}: {_first_line(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - a ClickHouse error, one line
        raise click.ClickException(f"{target}: {_first_line(exc)}") from None
    click.echo(f"exported {sent:,} spans from {db} to {target}/{target.table}")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


COMMANDS: list[click.Command] = [export_group]
