"""`coordgap report` and `coordgap grafana`: the reliability-leak report and dashboards."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
import duckdb

from analyzer.analysis import analyze
from coordgap._db import first_line, read_only
from coordgap._options import DEFAULT_REPORT, db_option, plural
from coordgap.cli_analyze import SinceType, content_options, load_detectors, warn
from coordgap.cli_ingest import run_ingest
from coordgap.cli_source import analyze_source, source_option

__all__ = ["COMMANDS", "grafana", "report"]


def _size(path: Path) -> str:
    n = path.stat().st_size
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


@click.command(short_help="Write the reliability-leak report (one HTML file).")
@db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=DEFAULT_REPORT,
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
@source_option
def report(
    db: Path,
    output: Path,
    title: str | None,
    since: datetime | None,
    service: str | None,
    max_runs: int,
    no_content: bool,
    detector_specs: tuple[str, ...],
    source: str | None,
) -> None:
    """Write the reliability-leak report: one self-contained HTML file.

    It opens offline (no network fetch of any kind) and holds aggregates and a
    few example runs only, so it stays a few MB for any number of spans. With
    the default --db, the local store ./.coordgap/spans is read into it first.

    \b
    Examples:
      coordgap report                          # local store -> .coordgap/report.html
      coordgap report --db traces.duckdb -o leak.html
      coordgap report --since 7d --service teaser
    """
    from analyzer.store import DEFAULT_SPANS_DIR
    from dashboards import report as report_mod

    detectors = load_detectors(detector_specs)
    if source is not None:
        analysis = analyze_source(
            source, since=since, service=service, all_runs=True, detectors=detectors
        )
    else:
        ctx = click.get_current_context()
        default_db = ctx.get_parameter_source("db") == click.core.ParameterSource.DEFAULT
        if default_db and DEFAULT_SPANS_DIR.is_dir():
            # the tracer's default folder: bring the database up to date first
            # (re-ingesting never duplicates spans)
            run_ingest([str(DEFAULT_SPANS_DIR)], db)
        try:
            with read_only(db) as con:
                analysis = analyze(
                    con, since=since, service=service, example_runs=max_runs, detectors=detectors
                )
        except (duckdb.Error, ValueError) as exc:
            raise click.ClickException(f"{db}: {first_line(exc)}") from None
    warn(analysis)
    try:
        path = report_mod.render(
            analysis, output, title=title, max_runs=max_runs, content=not no_content
        )
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write: {exc.strerror or exc}") from None
    runs = analysis.runs.height
    click.echo(f"report: {path} ({_size(path)}, {plural(runs, 'run')})")


@click.command(short_help="Write a Grafana dashboard for traces in Tempo.")
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
    Import; without --datasource-uid it asks which Tempo data source to use.

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
