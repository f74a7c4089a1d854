"""A municipal library's interlibrary-loan desk as a Microsoft Agent Framework handoff
workflow, traced by the framework's own OpenTelemetry instrumentation.

    python -m benchmarks.corpus.agentframework_handoff_libraries STORE_DIR RECORDS.json

Microsoft Agent Framework (``agent-framework-core``, ``agent-framework-orchestrations``,
``agent-framework-openai``): a ``HandoffBuilder`` workflow of five ``Agent``s passing the
floor with the builder's own ``handoff_to_<agent>`` tools: a supervisor who plans and
briefs, a circulation clerk with a real ``read_file`` tool, an analyst whose
``run_python`` tool runs its Python in a real subprocess, a cross-checker, and a notice
writer whose reply ends the run (see ``_ill_team``). Every agent's chat client is the
framework's ``OpenAIChatCompletionClient`` pointed at a local stand-in for the OpenAI API
replaying that agent's scripted responses (handoff calls included); no network.

Traced as the framework's observability docs have a user do it: its own
``configure_otel_providers(exporters=[OTLPSpanExporter(...)], enable_sensitive_data=True)``
(an SDK tracer provider set as the global one, OTLP/HTTP to a ``coordgap collect`` started
on 127.0.0.1 that writes coordgap's store at STORE_DIR; only a span exporter, so no log or
metric providers), which switches on the framework's instrumentation with message content
recorded. The framework then records its workflow (``workflow.build``, ``invoke_workflow``,
``executor.process``, ``edge_group.process``, ``message.send``), agent (``invoke_agent``),
model (``chat``) and tool (``execute_tool``) spans under scope ``agent_framework``. Each
question runs inside a span of the user's own marking the run (``gen_ai.operation.name`` =
``invoke_workflow``), graded after it ends with a late ``tracer.outcome(ok, reason,
trace_id=...)``; the workflow is built inside it, so its ``workflow.build`` span is in the
run's trace.

The turns are the ``chat`` spans (one model response each); the agent of a turn is the
``gen_ai.agent.name`` of its parent ``invoke_agent`` span (the ``chat`` span names none);
after all runs they are read back from the store and must be the script's, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import _collected, _ill_runs_a, _ill_runs_b, _ill_runs_c, _ill_runs_ok
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus._steps import agent_framework_steps
from benchmarks.corpus.generate import read_lines

FRAMEWORK = "agentframework-handoff-libraries"
SERVICE = "kestrel-vale-ill-desk"
RUNS: list[Run] = [*_ill_runs_a.RUNS, *_ill_runs_b.RUNS, *_ill_runs_c.RUNS, *_ill_runs_ok.RUNS]
# the framework's own phone-home: the user-agent telemetry header it adds to model calls
ENV = {"AGENT_FRAMEWORK_USER_AGENT_DISABLED": "true"}


def tracing(endpoint: str) -> Any:
    """The framework's own observability set-up, exporting spans to ``endpoint``, with
    message content (sensitive data) recorded; the global tracer provider it made."""
    from agent_framework.observability import configure_otel_providers
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    configure_otel_providers(
        service_name=SERVICE,
        exporters=[OTLPSpanExporter(endpoint=endpoint)],
        enable_sensitive_data=True,
    )
    return trace.get_tracer_provider()


def solve(run: Run) -> str:
    """One question as one run: the user's run span around building and running the
    workflow; its trace id."""
    import json

    from benchmarks.corpus._ill_team import check_run, play

    question = json.dumps([{"role": "user", "parts": [{"type": "text", "content": run.task}]}])
    attrs = {"gen_ai.operation.name": "invoke_workflow", "gen_ai.input.messages": question}
    return _collected.graded(
        SERVICE, "invoke_workflow kestrel-vale-ill-desk", attrs, run,
        lambda: check_run(run, play(run)),
    )  # fmt: skip


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (the framework's ``chat`` spans, each the agent
    of its parent ``invoke_agent`` span), in start order, as ``generate.py`` counts them."""
    steps = agent_framework_steps(read_lines(store))
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
            env=ENV,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
