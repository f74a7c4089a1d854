"""`coordgap collect`: run the OTLP receiver (collector/) in the foreground."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from coordgap.cli_ingest import db_option
from tracer.store_format import DEFAULT_DIRECTORY

__all__ = ["COMMANDS", "collect_command"]

_MB = 1 << 20


def _ingest_hook(spans_dir: Path, db: Path) -> Callable[[], None]:
    """Load the store into ``db`` (called off the event loop; re-ingest never duplicates)."""

    def ingest() -> None:
        import analyzer

        with analyzer.open(db) as store:
            result = store.ingest([str(spans_dir)])
        if result.spans_added:
            logging.getLogger("coordgap.collect").info(
                "ingested %d new span(s) into %s", result.spans_added, db
            )

    return ingest


@click.command("collect")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--http-port", default=4318, show_default=True, help="OTLP/HTTP port (0: off).")
@click.option("--grpc-port", default=4317, show_default=True, help="OTLP/gRPC port (0: off).")
@click.option(
    "--path",
    "spans_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Store directory (default: $COORDGAP_PATH or ./.coordgap/spans).",
)
@click.option(
    "--max-body-mb",
    type=float,
    default=16,
    show_default=True,
    envvar="COORDGAP_COLLECT_MAX_BODY_MB",
    show_envvar=True,
    help="Largest request, after gunzip (413 above).",
)
@click.option(
    "--max-queue",
    default=64,
    show_default=True,
    envvar="COORDGAP_COLLECT_MAX_QUEUE",
    show_envvar=True,
    help="Requests waiting for the disk at most (429).",
)
@click.option(
    "--max-queue-mb",
    type=float,
    default=64,
    show_default=True,
    envvar="COORDGAP_COLLECT_MAX_QUEUE_MB",
    show_envvar=True,
    help="Bytes of lines waiting for the disk at most (429).",
)
@click.option(
    "--max-inflight-mb",
    type=float,
    default=256,
    show_default=True,
    envvar="COORDGAP_COLLECT_MAX_INFLIGHT_MB",
    show_envvar=True,
    help="Bytes being read, decoded or queued across all connections at most.",
)
@click.option(
    "--max-connections",
    default=1000,
    show_default=True,
    envvar="COORDGAP_COLLECT_MAX_CONNECTIONS",
    show_envvar=True,
    help="Open connections per protocol at most (lowered to fit the open-files limit).",
)
@click.option(
    "--read-timeout",
    type=float,
    default=30,
    show_default=True,
    metavar="SECONDS",
    envvar="COORDGAP_COLLECT_READ_TIMEOUT",
    show_envvar=True,
    help="A whole request (headers and body) must arrive within this (408 after).",
)
@click.option(
    "--min-free-mb",
    type=float,
    default=256,
    show_default=True,
    envvar="COORDGAP_COLLECT_MIN_FREE_MB",
    show_envvar=True,
    help="Refuse (503) under this free disk.",
)
@click.option(
    "--ingest-every",
    type=float,
    default=None,
    metavar="SECONDS",
    help="Also load the store into --db every SECONDS (and once at shutdown).",
)
@db_option
def collect_command(
    host: str,
    http_port: int,
    grpc_port: int,
    spans_dir: Path | None,
    max_body_mb: float,
    max_queue: int,
    max_queue_mb: float,
    max_inflight_mb: float,
    max_connections: int,
    read_timeout: float,
    min_free_mb: float,
    ingest_every: float | None,
    db: Path,
) -> None:
    """Receive OTLP traces and append them to the local store.

    OTLP/HTTP on /v1/traces (protobuf or JSON, gzip) and OTLP/gRPC. Each request
    is written whole and fsynced before the client hears it succeeded; `coordgap
    ingest` then reads the files. Listens on loopback only unless a bearer token
    is set in COORDGAP_COLLECT_TOKEN (then every request must carry it). Stops
    cleanly on SIGTERM or Ctrl-C, after writing what it accepted.

    \b
    Examples:
      coordgap collect                             # 127.0.0.1:4318 and :4317
      OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 python my_agents.py
      coordgap collect --ingest-every 30           # keep the database current
      COORDGAP_COLLECT_TOKEN=... coordgap collect --host 0.0.0.0
    """
    try:
        import collector
    except ImportError as exc:
        raise click.ClickException(
            f"coordgap collect needs the collect extra: pip install 'coordgap[collect]' ({exc})"
        ) from None
    directory = spans_dir or Path(os.environ.get("COORDGAP_PATH") or DEFAULT_DIRECTORY)
    try:
        settings = collector.Settings(
            directory=directory,
            host=host,
            http_port=http_port or None,
            grpc_port=grpc_port or None,
            token=os.environ.get(collector.TOKEN_ENV) or None,
            max_body=int(max_body_mb * _MB),
            max_queue=max_queue,
            max_queue_bytes=int(max_queue_mb * _MB),
            max_inflight=int(max_inflight_mb * _MB),
            max_connections=max_connections,
            read_timeout=read_timeout,
            min_free_bytes=int(min_free_mb * _MB),
            tick_every=ingest_every,
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    logging.basicConfig(
        stream=sys.stderr, level=logging.INFO, format="%(asctime)s coordgap collect: %(message)s"
    )
    hook = _ingest_hook(directory, db) if ingest_every else None
    try:
        collector.run(settings, on_tick=hook)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}: {exc.strerror or exc}") from None


COMMANDS: list[click.Command] = [collect_command]
