"""A bike-share operator's analytics team as an AG2 group chat, traced by OpenInference.

    python -m benchmarks.corpus.ag2_openinference_groupchat STORE_DIR RECORDS.json

Classic AG2 (``ag2`` from PyPI, imported as ``autogen``): four to seven
``*_Expert`` agents per question and a ``Computer_terminal`` that runs their
fenced Python in a real subprocess (``LocalCommandLineCodeExecutor``), in a
``GroupChat`` whose speakers follow the script (see ``_bike_team``). Every
expert's model is a scripted client registered with ``register_model_client``.

Traced as a user of a third-party instrumentation would, not by coordgap's
integrations: an OpenTelemetry SDK ``TracerProvider`` exporting OTLP/HTTP to a
``coordgap collect`` started on 127.0.0.1 (it writes coordgap's local store at
STORE_DIR), ``openinference-instrumentation-ag2``'s ``AG2Instrumentor`` on it
(message content recorded, OpenInference's default), each question inside a
span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), and each run graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the OpenInference spans that hold an expert's or the terminal's
message (``{agent}.generate_reply`` with an ``output.value``); after all runs
their agents are read back from the store and must be the script's, in order.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _bike_runs_a,
    _bike_runs_b,
    _bike_runs_c,
    _bike_runs_ok,
    _bike_runs_ok_b,
)
from benchmarks.corpus._bike_team import Run, check_chat, expected_agents, marked, play
from benchmarks.corpus._common import HEALTHY, SCENARIOS_ENV, TELEMETRY_OFF, Record
from benchmarks.corpus.generate import agent_steps, openinference_ag2_turn, read_lines

FRAMEWORK = "ag2-openinference-groupchat"
RUNS: list[Run] = [
    *_bike_runs_a.RUNS,
    *_bike_runs_b.RUNS,
    *_bike_runs_c.RUNS,
    *_bike_runs_ok.RUNS,
    *_bike_runs_ok_b.RUNS,
]


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


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up: SDK provider, OTLP/HTTP exporter, OpenInference."""
    from openinference.instrumentation.ag2 import AG2Instrumentor
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": "riverton-bikes-desk"}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(provider)
    AG2Instrumentor().instrument(tracer_provider=provider)
    return provider


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the chat; its trace id."""
    from opentelemetry import trace

    import tracer

    runs = trace.get_tracer("riverton-bikes-desk")
    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    with runs.start_as_current_span("invoke_workflow bikes-analytics", attributes=attrs):
        trace_id = tracer.current_trace_id() or ""
        check_chat(run, play(run))
    healthy = run.mode == HEALTHY
    # the grader's verdict arrives after the run, as a user's would
    reason = "graded correct" if healthy else f"graded wrong ({run.mode.replace('_', ' ')})"
    tracer.outcome(healthy, reason, trace_id=trace_id)
    return trace_id


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (the OpenInference reply spans holding a
    message), in start order, as ``generate.py`` will count them."""
    steps = agent_steps(read_lines(store), openinference_ag2_turn)
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def _check(run: Run) -> None:
    healthy = run.mode == HEALTHY
    if (run.expect in run.answer) != healthy or not run.answer and healthy:
        raise SystemExit(f"{run.scenario}: answer {run.answer!r} vs right figure {run.expect!r}")
    root, symptom = marked(run, "root"), marked(run, "symptom")
    if healthy != (root is None) or healthy != (symptom is None):
        raise SystemExit(f"{run.scenario}: mistake and symptom marks do not fit the mode")


def record(run: Run, trace_id: str) -> Record:
    root, symptom = marked(run, "root"), marked(run, "symptom")
    return Record(
        trace_id=trace_id,
        framework=FRAMEWORK,
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


def main() -> int:
    store, out = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ.update(TELEMETRY_OFF)
    if len({r.scenario for r in RUNS}) != len(RUNS):
        raise SystemExit("duplicate scenario names")
    only = {s.strip() for s in os.environ.get(SCENARIOS_ENV, "").split(",") if s.strip()}
    chosen = [r for r in RUNS if not only or r.scenario in only]
    records: list[Record] = []
    with collector(store) as endpoint:
        provider = tracing(endpoint)
        for run in chosen:
            _check(run)
            records.append(record(run, solve(run)))
        provider.shutdown()  # flushes: the receiver has stored every span it acknowledged
    turns = recorded(store)
    for run, rec in zip(chosen, records, strict=True):
        if turns.get(rec.trace_id) != expected_agents(run):
            raise SystemExit(f"{run.scenario}: recorded turns {turns.get(rec.trace_id)}")
    out.write_text(json.dumps([asdict(r) for r in records], indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
