"""`coordgap report` and `coordgap grafana`: the reliability-leak report and dashboards."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
import duckdb

from coordgap.cli_analyze import SinceType, content_options, load_detectors, warn

__all__ = ["COMMANDS", "grafana", "report"]


def _size(path: Path) -> str:
    n = path.stat().st_size
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


@click.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database to read (default: ./.coordgap/coordgap.duckdb, after reading "
    "./.coordgap/spans into it).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="Where to write the HTML report.",
)
@click.option(
    "--title", default=None, help="Page title (default: coordgap reliability-leak report)."
)
@click.option(
    "--since",
    type=SinceType(),
    default=None,
    help="Only runs started at or after TIME: ISO date/time, or an age such as 24h, 7d.",
)
@click.option("--service", default=None, help="Only runs with a span from this service.")
@click.option(
    "--max-runs",
    type=click.IntRange(0, 50),
    default=5,
    show_default=True,
    help="Failed runs drawn as timelines.",
)
@content_options
def report(
    db: Path | None,
    output: Path,
    title: str | None,
    since: datetime | None,
    service: str | None,
    max_runs: int,
    no_content: bool,
    detector_specs: tuple[str, ...],
) -> None:
    """Write the reliability-leak report: one self-contained HTML file.

    It opens offline (no network fetch of any kind) and holds aggregates and a
    few example runs only, so it stays a few MB for any number of spans.

    \b
    Examples:
      coordgap report                          # local store -> report.html
      coordgap report --db traces.duckdb -o leak.html
      coordgap report --since 7d --service teaser
    """
    import analyzer
    from analyzer.store import DEFAULT_DB, DEFAULT_SPANS_DIR
    from dashboards import report as report_mod

    detectors = load_detectors(detector_specs)
    try:
        if db is None:
            db = DEFAULT_DB
            if DEFAULT_SPANS_DIR.is_dir():
                # the tracer's default folder: bring the database up to date first
                # (re-ingesting never duplicates spans)
                with analyzer.open(db) as store:
                    store.ingest([DEFAULT_SPANS_DIR])
        if not db.is_file():
            raise click.ClickException(
                f"{db}: no database here; run `coordgap ingest FILE...` or `coordgap demo` first"
            )
        with analyzer.open(db, read_only=True) as store:
            analysis = store.analyze(since=since, service=service, detectors=detectors)
            warn(analysis)
            try:
                path = report_mod.render(
                    analysis, output, title=title, max_runs=max_runs, content=not no_content
                )
            except OSError as exc:
                raise click.ClickException(f"{output}: cannot write: {exc.strerror}") from None
    except analyzer.FormatError as exc:
        raise click.ClickException(str(exc)) from None
    except (duckdb.Error, ValueError, OSError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise click.ClickException(f"{db}: {first}") from None
    runs = analysis.runs.height
    click.echo(f"report: {path} ({_size(path)}, {runs:,} runs)")


@click.command()
@click.option(
    "-o",
    "--output",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("grafana"),
    show_default=True,
    help="Directory for the dashboard JSON.",
)
@click.option(
    "--datasource-uid",
    default=None,
    help="uid of the Tempo data source to query (default: a dashboard variable "
    "listing every Tempo data source).",
)
def grafana(directory: Path, datasource_uid: str | None) -> None:
    """Write a Grafana dashboard (JSON) for coordgap traces in Grafana Tempo.

    TraceQL panels: failing handoffs by edge, verification rejects, error spans
    by stage, slowest human steps. Import it in Grafana under Dashboards > New >
    Import (see docs/grafana.md).

    \b
    Examples:
      coordgap grafana                         # ./grafana/coordgap-tempo-dashboard.json
      coordgap grafana -o dashboards --datasource-uid tempo
    """
    from dashboards import grafana as grafana_mod

    try:
        if datasource_uid:
            paths = grafana_mod.write(directory, datasource_uid)
        else:
            paths = grafana_mod.write(directory)
    except OSError as exc:
        raise click.ClickException(f"{directory}: {exc}") from None
    for path in paths:
        click.echo(f"dashboard: {path}")


COMMANDS: list[click.Command] = [report, grafana]
