"""A tide-gauge network's data desk as a Semantic Kernel team, traced by Semantic Kernel.

    python -m benchmarks.corpus.semantickernel_native_tidegauge STORE_DIR RECORDS.json

Semantic Kernel (``semantic-kernel`` from PyPI): a lead ``ChatCompletionAgent`` whose
kernel holds four other ``ChatCompletionAgent``s as plugins (an agent added as a plugin is
a kernel function that runs it), every agent's chat completion service a ``ScriptedChat``
replaying its lines (see ``_tide_team``); the coder's and the checker's Python runs in a
real subprocess.

Traced by Semantic Kernel's own OpenTelemetry diagnostics, not by coordgap's integrations:
switched on by ``SEMANTICKERNEL_EXPERIMENTAL_GENAI_ENABLE_OTEL_DIAGNOSTICS`` and
``..._SENSITIVE`` (set before Semantic Kernel is imported: its settings are read then),
through the global OpenTelemetry SDK ``TracerProvider`` with a ``BatchSpanProcessor`` and,
for the messages Semantic Kernel sends as log records, the global ``LoggerProvider`` with
a ``BatchLogRecordProcessor`` fed by the ``LoggingHandler`` of Semantic Kernel's telemetry
samples (:func:`logging_to`), both exporting OTLP/HTTP to a ``coordgap collect`` started on
127.0.0.1 (it writes coordgap's local store at STORE_DIR, spans and log records). Each
question runs inside a span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), and each run is graded after it ends with a late
``tracer.outcome(ok, reason, trace_id=...)``.

The turns are Semantic Kernel's ``chat <model>`` spans (one model response), each the
agent of its parent ``invoke_agent <agent>`` span; after all runs they are read back from
the store and must be the script's, in order.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _tide_runs_a,
    _tide_runs_b,
    _tide_runs_c,
    _tide_runs_ok,
    _tide_runs_ok_b,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import read_lines, semantic_kernel_steps

FRAMEWORK = "semantickernel-native-tidegauge"
SERVICE = "firth-tide-desk"
RUNS: list[Run] = [
    *_tide_runs_a.RUNS,
    *_tide_runs_b.RUNS,
    *_tide_runs_c.RUNS,
    *_tide_runs_ok.RUNS,
    *_tide_runs_ok_b.RUNS,
]
# Semantic Kernel's documented switches for its GenAI telemetry, the sensitive one with
# message content (agents' input and output messages, tool arguments and results)
TELEMETRY = {
    "SEMANTICKERNEL_EXPERIMENTAL_GENAI_ENABLE_OTEL_DIAGNOSTICS": "true",
    "SEMANTICKERNEL_EXPERIMENTAL_GENAI_ENABLE_OTEL_DIAGNOSTICS_SENSITIVE": "true",
}


class Providers:
    """The tracer and the logger provider, shut down (flushed) together at the end."""

    def __init__(self, *providers: Any) -> None:
        self.providers = providers

    def shutdown(self) -> None:
        for provider in self.providers:
            provider.shutdown()


def logging_to(endpoint: str) -> Any:
    """Semantic Kernel's messages go out as log records (its ``logging`` records with an
    ``event.name``, emitted in the chat span's context): the logs set-up of Semantic
    Kernel's telemetry sample, an SDK ``LoggerProvider`` with a ``BatchLogRecordProcessor``
    exporting OTLP/HTTP to the receiver's ``/v1/logs``, set as the global one, and the
    SDK's ``LoggingHandler`` on the root logger with a filter to Semantic Kernel's loggers
    (``logging.Filter("semantic_kernel")``). The root at ``INFO``, as Semantic Kernel's
    docs set it (its demo's ``NOTSET`` also sends its ``DEBUG`` records: over this
    family's size budget); the message events are ``INFO``."""
    import warnings

    from opentelemetry._logs import set_logger_provider
    from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
    from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
    from opentelemetry.sdk._logs.export import BatchLogRecordProcessor
    from opentelemetry.sdk.resources import Resource

    made = LoggerProvider(resource=Resource.create({"service.name": SERVICE}))
    made.add_log_record_processor(BatchLogRecordProcessor(OTLPLogExporter(endpoint=endpoint)))
    set_logger_provider(made)
    with warnings.catch_warnings():  # the SDK's handler is deprecated; the sample uses it
        warnings.simplefilter("ignore", DeprecationWarning)
        handler = LoggingHandler()
    handler.addFilter(logging.Filter("semantic_kernel"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return made


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up as Semantic Kernel's telemetry samples show it,
    before Semantic Kernel is imported: logs (:func:`logging_to`) and an SDK tracer
    provider exporting OTLP, set as the global provider Semantic Kernel traces to."""
    if "semantic_kernel" in sys.modules:
        raise SystemExit("Semantic Kernel was imported before its telemetry was set up")
    logs = logging_to(endpoint.removesuffix("/v1/traces") + "/v1/logs")
    return Providers(_collected.provider(endpoint, SERVICE), logs)


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team; its trace id."""
    from benchmarks.corpus._tide_team import check_run, play

    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow tide-desk", attrs, run, lambda: check_run(run, play(run))
    )


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (Semantic Kernel's chat spans), in start
    order, as ``generate.py`` will count them."""
    steps = semantic_kernel_steps(read_lines(store))
    return {k: [agent for agent, _ in v] for k, v in steps.items()}


def main() -> int:
    return _collected.main(
        _collected.Family(
            FRAMEWORK,
            RUNS,
            check_answer,
            tracing,
            solve,
            recorded,
            expected_agents,
            marked,
            env=TELEMETRY,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
