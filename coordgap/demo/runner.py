"""The demo's run loop: many seeded runs of the studio pipeline, traced.

:func:`run_pipeline` configures the tracer (local store or OTLP), starts the
render-farm process, runs every :class:`~coordgap.demo.faults.RunPlan` (a few
at a time, so the simulated latencies overlap), sends the client's late
verdicts as late outcomes, and flushes every span before it returns.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Iterator
from concurrent.futures import (
    BrokenExecutor,
    Executor,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    as_completed,
)
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import tracer
from coordgap.demo import remote
from coordgap.demo.faults import FaultRates, RunPlan, draw_plans
from coordgap.demo.pipeline import RunRecord, Studio, produce_teaser

__all__ = ["EXPORTS", "DemoConfig", "PipelineResult", "run_pipeline"]

_log = logging.getLogger(__name__)

EXPORTS = ("local", "otlp")
"""Where ``coordgap demo`` can send its spans."""


@dataclass(frozen=True)
class DemoConfig:
    """One demo: how many runs, which seed, where spans and outputs go.

    ``out`` is the coordgap folder (spans in ``out/spans``, the database
    ``out/coordgap.duckdb``, the report ``out/report.html``). ``farm=False``
    runs the voice-over in this process instead of a separate one.
    """

    runs: int = 300
    seed: int = 7
    out: Path = Path(".coordgap")
    export: str = "local"
    rates: FaultRates = field(default_factory=FaultRates)
    concurrency: int = 4
    service_name: str = "coordgap-demo"
    farm: bool = True

    def __post_init__(self) -> None:
        if self.runs < 1:
            raise ValueError(f"runs must be at least 1, got {self.runs}")
        if self.export not in EXPORTS:
            raise ValueError(f"export must be one of {', '.join(EXPORTS)}, got {self.export!r}")
        if self.concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {self.concurrency}")

    @property
    def spans_dir(self) -> Path:
        return self.out / "spans"

    @property
    def db_path(self) -> Path:
        return self.out / "coordgap.duckdb"

    @property
    def report_path(self) -> Path:
        return self.out / "report.html"

    @property
    def truth_path(self) -> Path:
        return self.out / "demo-ground-truth.jsonl"


@dataclass
class PipelineResult:
    """The runs, in index order, and when the demo started and how long it took."""

    records: list[RunRecord]
    started_ns: int
    seconds: float
    flushed: bool


@contextmanager
def _render_farm(config: DemoConfig) -> Iterator[Executor | None]:
    """The separate process that records voice-overs (spawned, not forked: a
    fork would copy this process's exporter threads and open files)."""
    if not config.farm:
        yield None
        return
    path = str(config.spans_dir) if config.export == "local" else None
    farm = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=remote.start_worker,
        initargs=(config.export, path, config.service_name),
    )
    try:
        yield farm
    finally:
        try:
            delivered = farm.submit(remote.finish).result(timeout=30)
        finally:
            farm.shutdown(wait=True)
        if not delivered:
            _log.warning("the render farm could not deliver all of its spans")


def _run_one(plan: RunPlan, studio: Studio) -> RunRecord:
    record = RunRecord(plan=plan)
    try:
        produce_teaser(plan, studio, record)
    except BrokenExecutor:
        raise  # the demo's machinery broke, not the simulated pipeline
    except Exception as exc:  # the injected faults crash runs, as real ones would
        record.failed = True
        record.reason = f"{type(exc).__name__}: {exc}"
    return record


def run_pipeline(
    config: DemoConfig, on_run: Callable[[RunRecord], None] | None = None
) -> PipelineResult:
    """Run ``config.runs`` teasers and flush their spans; ``on_run`` is called
    once per finished run (from the calling thread), e.g. to advance a progress bar."""
    started_ns = time.time_ns()
    clock = time.perf_counter()
    if config.export == "local":
        tracer.configure(service_name=config.service_name, exporter="local", path=config.spans_dir)
    else:
        tracer.configure(service_name=config.service_name, exporter="otlp")
    plans = draw_plans(config.runs, config.seed, config.rates)
    records: list[RunRecord | None] = [None] * len(plans)
    with (
        _render_farm(config) as farm,
        ThreadPoolExecutor(max_workers=8, thread_name_prefix="studio") as pool,
        ThreadPoolExecutor(max_workers=config.concurrency, thread_name_prefix="run") as runs,
    ):
        studio = Studio(pool=pool, farm=farm)
        futures = {runs.submit(_run_one, plan, studio): plan.index for plan in plans}
        for future in as_completed(futures):
            record = future.result()
            records[futures[future]] = record
            if on_run is not None:
                on_run(record)
    done = [record for record in records if record is not None]
    # The client's verdict on delivered teasers arrives after the runs: a late
    # outcome in each run's trace, as feedback hours later would be.
    for record in done:
        if record.late_reason and record.trace_id:
            tracer.outcome(False, record.late_reason, trace_id=record.trace_id)
    flushed = tracer.flush()
    return PipelineResult(
        records=done,
        started_ns=started_ns,
        seconds=time.perf_counter() - clock,
        flushed=flushed,
    )
