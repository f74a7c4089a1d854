"""`coordgap demo`: the simulated studio pipeline, end to end, in one command.

Runs a few hundred seeded runs of a small studio producing a 90-second teaser,
with known faults injected; writes their spans to the local store (or sends
them over OTLP); ingests and analyzes them; prints the summary and the
analyzer's attribution beside the ground truth; writes the HTML report.
"""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import BrokenExecutor
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from coordgap._options import Console, plural
from coordgap.demo import FAULTS, FaultRates
from coordgap.demo.runner import EXPORTS, DemoConfig, PipelineResult, run_pipeline
from coordgap.demo.truth import Comparison, compare, confusion_table, write_ground_truth

__all__ = ["COMMANDS", "demo"]


def _parse_rates(values: tuple[str, ...]) -> FaultRates:
    overrides: dict[str, float] = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            if not sep:
                raise ValueError
            overrides[name.strip()] = float(number)
        except ValueError:
            raise click.BadParameter(
                f"{value!r} is not NAME=PROBABILITY, e.g. handoff=0.2", param_hint="--rate"
            ) from None
    try:
        return FaultRates().with_overrides(overrides)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--rate") from None


def _otlp_destination() -> str:
    for name in ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"):
        value = os.environ.get(name, "").strip()
        if value:
            return f"{value} ({name})"
    return "the OTLP default endpoint (OTEL_EXPORTER_OTLP_ENDPOINT is not set)"


# Why a fault's attribution can legitimately differ from its ground truth.
_WHY = {
    "silent_ordering": "raises nothing; the trace shows only the verifier's accept",
}


def _disagreements(comparison: Comparison) -> Table | None:
    table = Table(
        title="where attribution differs from ground truth",
        title_justify="left",
        caption="why: what the trace lacks to tell the injected fault apart",
        caption_justify="left",
    )
    table.add_column("injected fault")
    table.add_column("ground truth")
    table.add_column("attribution")
    table.add_column("runs", justify="right")
    table.add_column("why")
    rows = 0
    for fault, said_counts in sorted(comparison.by_fault.items()):
        truth = FAULTS[fault].category
        for said, count in sorted(said_counts.items()):
            if said != truth:
                table.add_row(fault, truth, said, str(count), _WHY.get(fault, ""))
                rows += 1
    return table if rows else None


def _injected_table(result: PipelineResult) -> Table:
    counts = Counter(record.plan.fault for record in result.records if record.plan.fault)
    table = Table(title="injected faults", title_justify="left")
    table.add_column("fault")
    table.add_column("ground truth")
    table.add_column("runs", justify="right")
    for fault, count in sorted(counts.items()):
        table.add_row(fault, FAULTS[fault].category, str(count))
    return table


@click.command("demo")
@click.option(
    "--runs",
    default=300,
    show_default=True,
    type=click.IntRange(min=1),
    help="How many runs of the studio pipeline.",
)
@click.option(
    "--seed",
    default=7,
    show_default=True,
    type=int,
    help="Seed of the injected faults: the same seed gives the same ground truth.",
)
@click.option(
    "--out",
    "out",
    default=".coordgap",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="coordgap folder: spans/, coordgap.duckdb, report.html.",
)
@click.option(
    "--export",
    "export",
    default="local",
    show_default=True,
    type=click.Choice(EXPORTS),
    help="local: the local store, then analysis and report; "
    "otlp: send spans to OTEL_EXPORTER_OTLP_ENDPOINT.",
)
@click.option(
    "--rate",
    "rates",
    multiple=True,
    metavar="NAME=P",
    help="Override a fault rate (decomposition, handoff, generation, verification, "
    "assembly, send_back, retry, silent_assembly). Repeatable.",
)
def demo(runs: int, seed: int, out: Path, export: str, rates: tuple[str, ...]) -> None:
    """Run the simulated studio pipeline, then attribute its failures.

    A supervisor plans a 90-second teaser, specialist agents generate (on a
    thread pool and in a second process), a human director reviews, a verifier
    checks against the brief, an assembler cuts. Seeded faults are injected,
    so every run's true root cause is known and shown beside the analyzer's.

    \b
    Example:
      coordgap demo                          # 300 runs -> .coordgap/report.html
      coordgap demo --runs 1000 --seed 42 --rate handoff=0.2
      OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 coordgap demo --export otlp
    """
    console = Console()
    try:
        config = DemoConfig(runs=runs, seed=seed, out=out, export=export, rates=_parse_rates(rates))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    console.print(
        f"[bold]coordgap demo[/bold]: {plural(runs, 'run')} of a studio producing "
        "a 90-second teaser "
        f"(seed {seed}, faults in {config.rates.total:.0%} of runs)"
    )
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("running the studio", total=runs)
        try:
            result = run_pipeline(config, on_run=lambda _record: progress.advance(task))
        except BrokenExecutor as exc:
            raise click.ClickException(
                f"the render-farm process stopped unexpectedly ({exc}); no analysis was run"
            ) from None
    failed = sum(1 for record in result.records if record.plan.category != "none")
    console.print(
        f"{plural(len(result.records), 'run')} in {result.seconds:.1f} s; "
        f"{failed:,} carry a failing fault (ground truth)"
    )
    try:
        truth_path = write_ground_truth(result.records, config.truth_path)
    except OSError as exc:
        raise click.ClickException(f"cannot write {config.truth_path}: {exc}") from None
    if not result.flushed:
        console.print("[yellow]warning:[/yellow] some spans could not be flushed in time")

    if export == "otlp":
        console.print(f"spans sent over OTLP to {_otlp_destination()}")
        console.print(_injected_table(result))
        console.print(
            f"ground truth (trace id -> injected fault): {truth_path}\n"
            "nothing was ingested locally; to analyze, pull the traces back from the "
            "backend (`coordgap pull phoenix URL`, `coordgap pull jaeger URL --service "
            f"{config.service_name}`, `coordgap pull tempo URL`), then `coordgap analyze`"
        )
        return

    import analyzer
    from coordgap.demo.analysis import ingest_and_analyze, summary_table
    from dashboards import report

    with analyzer.open(config.db_path) as store:
        ingested, analysis = ingest_and_analyze(store, config, result)
        console.print(
            f"ingested {plural(ingested.spans_added, 'span')} from "
            f"{plural(ingested.files, 'file')} "
            f"into {config.db_path}"
        )
        console.print(summary_table(analysis))
        comparison = compare(result.records, analysis.runs)
        console.print(confusion_table(comparison))
        console.print(f"[bold]{comparison.headline()}[/bold]")
        differing = _disagreements(comparison)
        if differing is not None:
            console.print(differing)
        path = report.render(analysis, config.report_path, title="coordgap demo: studio teaser")
    console.print(f"ground truth: {truth_path}")
    console.print(f"report: [bold]{path}[/bold]")


COMMANDS: list[click.Command] = [demo]
