"""What the families traced by another instrumentation share: a ``coordgap collect``
on 127.0.0.1 receiving their OTLP/HTTP, a record per run, and the generator's loop.

A family module (``ag2_openinference_groupchat``, ``pydanticai_delegation_meals``,
``adk_transfer_ferry``) describes itself as a :class:`Family`: its runs, how one run is
played and graded (``solve``), the OpenTelemetry set-up of its instrumentation
(``tracing``), and how its turns are read back from the store (``recorded``).
:func:`main` plays the chosen runs into the store, checks that the recorded turns are
the script's, and writes the records ``generate.py`` annotates.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.corpus._common import HEALTHY, SCENARIOS_ENV, TELEMETRY_OFF, Record

__all__ = ["Family", "collector", "graded", "main", "provider", "record"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def collector(store: Path) -> Iterator[str]:
    """``coordgap collect`` on 127.0.0.1 writing ``store``; its OTLP/HTTP traces URL."""
    http, grpc = _free_port(), _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "coordgap", "collect", "--path", str(store)]
        + ["--host", "127.0.0.1", "--http-port", str(http), "--grpc-port", str(grpc)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", http), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("coordgap collect did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{http}/v1/traces"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def provider(endpoint: str, service: str) -> Any:
    """The user's OpenTelemetry set-up: an SDK provider of ``service`` exporting
    OTLP/HTTP to ``endpoint``, set as the global provider."""
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    made = TracerProvider(resource=Resource.create({"service.name": service}))
    made.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(made)
    return made


def graded(
    service: str, name: str, attributes: dict[str, str], run: Any, play: Callable[[], None]
) -> str:
    """One question as one run: ``play`` inside the user's run span ``name`` (with
    ``attributes``); the grader's verdict after the run, as a user's would arrive, by
    ``tracer.outcome``. The run's trace id."""
    from opentelemetry import trace

    import tracer

    with trace.get_tracer(service).start_as_current_span(name, attributes=attributes):
        trace_id = tracer.current_trace_id() or ""
        play()
    healthy = run.mode == HEALTHY
    reason = "graded correct" if healthy else f"graded wrong ({run.mode.replace('_', ' ')})"
    tracer.outcome(healthy, reason, trace_id=trace_id)
    return trace_id


def record(run: Any, trace_id: str, framework: str, marked: Callable[..., Any]) -> Record:
    """The record of one played run: its mistake and symptom as its script marks them."""
    root, symptom = marked(run, "root"), marked(run, "symptom")
    return Record(
        trace_id=trace_id,
        framework=framework,
        scenario=run.scenario,
        mode=run.mode,
        healthy=run.mode == HEALTHY,
        task=run.task,
        root_agent=root[0] if root else None,
        root_turn=root[1] if root else None,
        symptom_agent=symptom[0] if symptom else None,
        symptom_turn=symptom[1] if symptom else None,
        note=run.note,
    )


@dataclass(frozen=True)
class Family:
    """One family's generator, for :func:`main`."""

    framework: str
    runs: Sequence[Any]
    check: Callable[[Any], None]  # the script's own consistency, before a run is played
    tracing: Callable[[str], Any]  # endpoint -> the provider (shut down to flush)
    solve: Callable[[Any], str]  # play and grade one run; its trace id
    recorded: Callable[[Path], dict[str, list[str]]]  # store -> each trace's turn agents
    expected_agents: Callable[[Any], list[str]]
    marked: Callable[..., Any]
    env: dict[str, str] = field(default_factory=dict)  # set before anything is imported


def main(family: Family, argv: Sequence[str] = ()) -> int:
    """``STORE_DIR RECORDS.json``: play the runs (those named in the scenarios
    variable, else all) into ``coordgap collect``, check the recorded turns, write the
    records."""
    args = list(argv) or sys.argv[1:]
    store, out = Path(args[0]), Path(args[1])
    os.environ.update(TELEMETRY_OFF | family.env)
    runs = family.runs
    if len({r.scenario for r in runs}) != len(runs):
        raise SystemExit("duplicate scenario names")
    only = {s.strip() for s in os.environ.get(SCENARIOS_ENV, "").split(",") if s.strip()}
    chosen = [r for r in runs if not only or r.scenario in only]
    records: list[Record] = []
    with collector(store) as endpoint:
        provider = family.tracing(endpoint)
        for run in chosen:
            family.check(run)
            records.append(record(run, family.solve(run), family.framework, family.marked))
        provider.shutdown()  # flushes: the receiver has stored every span it acknowledged
    turns = family.recorded(store)
    for run, rec in zip(chosen, records, strict=True):
        if turns.get(rec.trace_id) != family.expected_agents(run):
            raise SystemExit(f"{run.scenario}: recorded turns {turns.get(rec.trace_id)}")
    out.write_text(json.dumps([asdict(r) for r in records], indent=1) + "\n", "utf-8")
    return 0
