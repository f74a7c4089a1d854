"""A mountain rescue team's statistics desk as a Google ADK team, traced by OpenInference.

    python -m benchmarks.corpus.adk_openinference_fellrescue STORE_DIR RECORDS.json

Google's Agent Development Kit (``google-adk``, the project's ``adk`` pin): a root
``LlmAgent`` coordinator that calls two specialists as tools (``AgentTool``: a log keeper
with a real ``read_file`` tool, a coder whose ``run_python`` runs in a real subprocess)
and hands the floor to two ``sub_agents`` with ``transfer_to_agent`` (an auditor, and the
secretary whose reply ends the run); every agent's model a scripted ``BaseLlm`` (see
``_fell_team``). No network: a socket audit hook fails the run on any connection that is
not to 127.0.0.1.

Traced as an Arize Phoenix user would, not by coordgap's integrations: an OpenTelemetry SDK
``TracerProvider`` exporting OTLP/HTTP to a ``coordgap collect`` started on 127.0.0.1 (it
writes coordgap's local store at STORE_DIR), set as the global provider, and
``openinference-instrumentation-google-adk``'s ``GoogleADKInstrumentor`` on it (content
recorded, its default). Two of ADK's own telemetry switches are set (see the family's
README): ``ADK_TELEMETRY_SCHEMA_VERSION_OPT_IN=1``, ADK's legacy span schema, the one with
a ``call_llm`` span per model call, onto which the instrumentor writes its LLM attributes
(under ADK 2.x's default schema there is no such span, and every model call of an agent's
stretch is written onto one ``invoke_agent`` span, each over the last); and
``ADK_CAPTURE_MESSAGE_CONTENT_IN_SPANS=false``, so that ADK does not record the same
request and response a second time beside OpenInference's. Each question runs inside a
span of the user's own marking the run (``gen_ai.operation.name`` = ``invoke_workflow``),
graded after it ends with a late ``tracer.outcome(ok, reason, trace_id=...)``.

The turns are the model-call spans (``call_llm``, ``openinference.span.kind`` = LLM, one
model response each), named by their ``gen_ai.agent.name``; after all runs they are read
back from the store and must be the script's, in order.
"""

from __future__ import annotations

import ipaddress
import json
import sys
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    _collected,
    _fell_runs_helped,
    _fell_runs_hours,
    _fell_runs_ok,
    _fell_runs_ok_b,
    _fell_runs_pay,
    _fell_runs_share,
)
from benchmarks.corpus._desk import Run, check_answer, expected_agents, marked
from benchmarks.corpus.generate import adk_openinference_turn, agent_steps, read_lines

# ADK's own telemetry: the legacy schema (a call_llm span per model call), and no second
# copy of the content OpenInference records
ADK_SWITCHES = {
    "ADK_TELEMETRY_SCHEMA_VERSION_OPT_IN": "1",
    "ADK_CAPTURE_MESSAGE_CONTENT_IN_SPANS": "false",
}

FRAMEWORK = "adk-openinference-fellrescue"
SERVICE = "crannock-mrt-stats-desk"
RUNS: list[Run] = [
    *_fell_runs_pay.RUNS,
    *_fell_runs_hours.RUNS,
    *_fell_runs_share.RUNS,
    *_fell_runs_helped.RUNS,
    *_fell_runs_ok.RUNS,
    *_fell_runs_ok_b.RUNS,
]

_AWAY: list[str] = []  # connections attempted to anything but the loopback


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "socket.connect" or len(args) < 2:
        return
    address = args[1]
    host = address[0] if isinstance(address, tuple) and address else None
    if host is None:
        return  # a Unix socket
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        if host == "localhost":
            return
    _AWAY.append(str(address))


def tracing(endpoint: str) -> Any:
    """The user's OpenTelemetry set-up, and OpenInference's ADK instrumentor on it."""
    from openinference.instrumentation.google_adk import GoogleADKInstrumentor

    sys.addaudithook(_audit)
    made = _collected.provider(endpoint, SERVICE)
    GoogleADKInstrumentor().instrument(tracer_provider=made)
    return made


def solve(run: Run) -> str:
    """One question as one run: the user's run span around the team; its trace id."""
    from benchmarks.corpus._fell_team import check_run, play

    def played() -> None:
        check_run(run, play(run))
        if _AWAY:
            raise SystemExit(f"{run.scenario}: connections off the machine: {_AWAY}")

    attrs = {"gen_ai.operation.name": "invoke_workflow", "input.value": run.task}
    return _collected.graded(SERVICE, "invoke_workflow fell-rescue-stats", attrs, run, played)


def recorded(store: Path) -> dict[str, list[str]]:
    """trace id -> the agents of its turns (the LLM ``call_llm`` spans), in start order,
    as ``generate.py`` will count them; no span lost an attribute to OpenTelemetry's
    limit of 128 a span (left at its default)."""
    lines = read_lines(store)
    for line in lines:
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                for span in ss["spans"]:
                    if span.get("droppedAttributesCount"):
                        raise SystemExit(f"{span['name']} dropped attributes")
    steps = agent_steps(lines, adk_openinference_turn)
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
            env=ADK_SWITCHES,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
