"""Generate the attribution corpus: real frameworks, scripted models, coordgap's integrations.

Each framework module runs in its own process (frameworks keep global state),
offline, with every framework's telemetry off and no stdin, writing coordgap's
local store (content capture on) and a list of run records. This script then
turns each failing run's root step (agent, ordinal turn) into the span id of
that agent's turn, and writes:

- ``tests/corpus/traces/<framework>.jsonl.gz``: the OTLP/JSON lines as written;
- ``tests/corpus/annotations.json``: ``{"runs": {trace_id: {...}}}`` with, for a
  failing run, ``mistake_agent``, ``mistake_step`` (``agent#turn``), ``span_id``,
  ``symptom_step`` and ``symptom_span_id`` (where the failure shows), ``gap``
  (the symptom's position minus the mistake's among the run's agent steps in
  start order) and ``mode``; for a healthy run ``healthy: true``.

    python -m benchmarks.corpus.generate [--out tests/corpus] [--only autogen_magentic]
    python -m benchmarks.corpus.generate --heldout   # the held-out families: tests/corpus/heldout
    python -m benchmarks.corpus.generate --blind MODULE  # tests/corpus/blind/MODULE
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from analyzer import mapping
from benchmarks.corpus._common import SCENARIOS_ENV, TELEMETRY_OFF
from benchmarks.corpus._steps import (
    agent_framework_steps,
    agno_openinference_steps,
    agno_openllmetry_steps,
    autogen_agentchat_openinference_steps,
    beeai_openinference_steps,
    crewai_openllmetry_steps,
    dspy_openinference_steps,
    llamaindex_openllmetry_steps,
    openai_agents_openinference_steps,
    openai_agents_openllmetry_steps,
    semantic_kernel_steps,
    strands_steps,
)
from tracer import semconv

ROOT = Path(__file__).resolve().parents[2]
MODULES = (
    "autogen_magentic",
    "autogen_ag2",
    "autogen_experts",
    "langgraph_graphs",
    "openai_agents_runs",
    "crewai_crews",
    "handwritten",
)
# Families written apart from the analyzer, scored on their own, not in the default corpus.
HELDOUT_MODULES = ("langgraph_newsroom", "autogen_brewery")
HELDOUT_DIR = ROOT / "tests" / "corpus" / "heldout"
# Families written later, blind to the analyzer: each in tests/corpus/blind/<module>/,
# scored on its own (``--corpus``), once blind, then designed on like the others.
BLIND_MODULES: tuple[str, ...] = tuple(
    """
    autogen_gaia openai_agents_magentic langgraph_waterworks
    autogen_magentic_one_archives autogen_captain_specialists
    langgraph_supervisor_freight crewai_hierarchical_solar ag2_openinference_groupchat
    pydanticai_delegation_meals adk_transfer_ferry smolagents_managed_grants
    langgraph_openinference_windfarm llamaindex_openinference_pharmacy
    agno_openinference_orchard strands_swarm_theatre crewai_openinference_boxoffice
    openai_agents_openinference_riverport langgraph_openllmetry_dairy
    autogen_swarm_openinference_gritting agentframework_handoff_libraries
    haystack_openinference_allotments adk_openinference_fellrescue
    llamaindex_openllmetry_kennels beeai_openinference_canallocks
    crewai_openllmetry_apiary pydanticai_openinference_apiary
    openai_agents_openllmetry_bakery dspy_openinference_marathon
    semantickernel_native_tidegauge agno_openllmetry_recycling
    """.split()
)
BLIND_DIR = ROOT / "tests" / "corpus" / "blind"
COORDGAP_SCOPE = "coordgap"
# A family traced by OpenInference has no coordgap agent spans: its turns are the
# spans that hold an agent's message (AG2: ``{agent}.generate_reply`` with an output).
OPENINFERENCE_AG2 = "openinference.instrumentation.ag2"
# Pydantic AI's own instrumentation: its turns are the ``chat`` spans (one model
# response of one agent, named by ``gen_ai.agent.name``), its words in the span's
# ``gen_ai.output.messages``.
PYDANTIC_AI = "pydantic-ai"
# Google ADK's own tracing (scope ``gcp.vertex.agent``): its turns are the
# ``generate_content`` spans (one model response of one agent, named by
# ``gen_ai.agent.name``), its words in the span's ``gen_ai.output.messages``.
GOOGLE_ADK = "gcp.vertex.agent"
# OpenInference's smolagents instrumentor: its turns are the LLM spans (one model
# response each, ``<Model>.generate``); the agent is the one whose ``<agent>.run`` AGENT
# span is the nearest such ancestor (the LLM span names none).
OPENINFERENCE_SMOLAGENTS = "openinference.instrumentation.smolagents"
OPENINFERENCE_SPAN_KIND = "openinference.span.kind"
# OpenInference's LangChain instrumentor on a hand-built LangGraph graph: its turns are
# the LLM spans (one model response each); the agent is the graph node the call ran in,
# ``langgraph_node`` in the span's ``metadata`` (JSON), as LangGraph passes it down.
OPENINFERENCE_LANGCHAIN = "openinference.instrumentation.langchain"
# OpenInference's LlamaIndex instrumentor on a multi-agent ``AgentWorkflow``: its turns are
# the LLM spans that record a response (``llm.output_messages``: ``<LLM>.achat``, one model
# response each; the ``<LLM>._prepare_chat_with_tools`` LLM spans record none); the agent
# is the ``current_agent_name`` of the ``AgentWorkflow.run_agent_step`` CHAIN span the call
# ran in, as the step's recorded ``input.value`` names it (the ``AgentSetup`` event's repr
# ends with it; the step's ``output.value`` is a repr cut at 200 characters).
OPENINFERENCE_LLAMA_INDEX = "openinference.instrumentation.llama_index"
LLAMA_INDEX_AGENT_STEP = "AgentWorkflow.run_agent_step"
# OpenInference's CrewAI instrumentor records a crew's tasks (AGENT spans) but no model
# calls; its OpenAI instrumentor records those (``ChatCompletion`` LLM spans, one model
# response each). The agent is the role the call's system message names, as CrewAI writes
# it ("You are <role>. ..."): a coworker answering a delegation runs inside the
# delegating agent's task span, so the span's parent does not always name it.
OPENINFERENCE_OPENAI = "openinference.instrumentation.openai"
CREWAI_ROLE = re.compile(r"You are (.+?)\. ")
# OpenLLMetry's LangChain instrumentor (Traceloop's ``opentelemetry-instrumentation-langchain``)
# on a LangGraph supervisor whose workers are ``create_react_agent`` subgraphs: its turns are
# the ``chat`` spans (``gen_ai.operation.name``, one model response each); the agent is the
# top-level graph node the call ran in, the first name of the span's LangGraph checkpoint
# namespace (``lead:<id>``, or ``worker:<id>|agent:<id>`` inside a worker's subgraph), which
# OpenLLMetry records as an association property.
OPENLLMETRY_LANGCHAIN = "opentelemetry.instrumentation.langchain"
OPENLLMETRY_CHECKPOINT_NS = "traceloop.association.properties.langgraph_checkpoint_ns"
# OpenInference's Haystack instrumentor on an Agent whose tools are other Agents
# (``AgentTool``): its turns are the LLM spans (``OpenAIChatGenerator.run``, one model
# response each). No span names an agent (every agent's run is a CHAIN span ``Agent.run``);
# the agent is the one its system prompt names, the call's first input message
# ("You are <agent>, ..."), as Haystack's Agent puts it before every call.
OPENINFERENCE_HAYSTACK = "openinference.instrumentation.haystack"
HAYSTACK_AGENT = re.compile(r"You are (\w+)")


def run_module(module: str, work: Path, scenarios: list[str] | None = None) -> tuple[Path, Path]:
    """Run one framework module in a fresh process; its store and records."""
    store, records = work / module / "spans", work / module / "records.json"
    store.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **TELEMETRY_OFF, "PYTHONPATH": str(ROOT)}
    if scenarios:
        env[SCENARIOS_ENV] = ",".join(scenarios)
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.corpus.{module}", str(store), str(records)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{module} failed:\n{done.stderr[-4000:]}")
    return store, records


def read_lines(store: Path) -> list[str]:
    return [
        line
        for path in sorted(store.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _attr(span: dict[str, Any], key: str) -> Any:
    for kv in span.get("attributes", []):
        if kv["key"] == key:
            return next(iter(kv["value"].values()))
    return None


def coordgap_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The agent of one of coordgap's agent steps (any span of its naming an agent)."""
    if scope != COORDGAP_SCOPE:
        return None
    agent = _attr(span, semconv.GEN_AI_AGENT_NAME)
    return None if agent is None else str(agent)


def openinference_ag2_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The agent of an OpenInference AG2 reply span that holds the agent's message."""
    if scope != OPENINFERENCE_AG2 or not span["name"].endswith(".generate_reply"):
        return None
    # the chat manager's span: no message of its own
    if _attr(span, semconv.OPENINFERENCE_OUTPUT_VALUE) is None:
        return None
    agent = _attr(span, mapping.OPENINFERENCE_AGENT_NAME)
    return None if agent is None else str(agent)


def genai_model_turn(scope: str, operation: str) -> Callable[[str, dict[str, Any]], str | None]:
    """The turns of an instrumentation of the GenAI conventions that records an agent's
    words on its model calls: a span of ``scope`` whose ``gen_ai.operation.name`` is
    ``operation`` (one model response), named by its ``gen_ai.agent.name``."""

    def turn(span_scope: str, span: dict[str, Any]) -> str | None:
        if span_scope != scope or _attr(span, semconv.GEN_AI_OPERATION_NAME) != operation:
            return None
        agent = _attr(span, semconv.GEN_AI_AGENT_NAME)
        return None if agent is None else str(agent)

    return turn


pydantic_ai_turn = genai_model_turn(PYDANTIC_AI, "chat")
"""A Pydantic AI ``chat`` span (one model response of that agent)."""
adk_turn = genai_model_turn(GOOGLE_ADK, "generate_content")
"""An ADK ``generate_content`` span (one model response of that agent)."""


def pydantic_ai_openinference_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The agent of a Pydantic AI model call under OpenInference's span processor, which
    rewrites Pydantic AI's own spans in place (scope ``pydantic-ai``): a ``chat`` span it
    marks an LLM span, named by the ``gen_ai.agent.name`` Pydantic AI left on it."""
    if scope != PYDANTIC_AI or _attr(span, OPENINFERENCE_SPAN_KIND) != "LLM":
        return None
    agent = _attr(span, semconv.GEN_AI_AGENT_NAME)
    return None if agent is None else str(agent)


def adk_openinference_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The agent of a model call under OpenInference's ADK instrumentor, on ADK's legacy
    span schema: ADK's own ``call_llm`` span (scope ``gcp.vertex.agent``), which the
    instrumentor marks an LLM span and writes the request and response onto; ADK names
    its agent (``gen_ai.agent.name``)."""
    if scope != GOOGLE_ADK or _attr(span, OPENINFERENCE_SPAN_KIND) != "LLM":
        return None
    agent = _attr(span, semconv.GEN_AI_AGENT_NAME)
    return None if agent is None else str(agent)


def smolagents_steps(lines: list[str]) -> dict[str, list[tuple[str, str]]]:
    """trace id -> (agent, span id) of the run's turns under OpenInference's smolagents
    instrumentation: its LLM spans by start time, each named after its nearest AGENT
    ancestor (``<agent>.run``)."""
    spans: dict[str, dict[str, Any]] = {}
    for line in lines:
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                scope = ss.get("scope", {}).get("name", "")
                for span in ss["spans"]:
                    spans[span["spanId"]] = {**span, "scope": scope}

    def kind(span: dict[str, Any]) -> Any:
        return span["scope"] == OPENINFERENCE_SMOLAGENTS and _attr(span, OPENINFERENCE_SPAN_KIND)

    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for span in spans.values():
        if kind(span) != "LLM":
            continue
        up = spans.get(span.get("parentSpanId", ""))
        while up is not None and kind(up) != "AGENT":
            up = spans.get(up.get("parentSpanId", ""))
        if up is None:
            continue
        agent = up["name"].removesuffix(".run")
        found[span["traceId"]].append((int(span["startTimeUnixNano"]), span["spanId"], agent))
    return {k: [(agent, sid) for _, sid, agent in sorted(v)] for k, v in found.items()}


def langchain_openinference_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The graph node of an OpenInference LangChain LLM span (one model response)."""
    if scope != OPENINFERENCE_LANGCHAIN or _attr(span, OPENINFERENCE_SPAN_KIND) != "LLM":
        return None
    node = json.loads(_attr(span, "metadata") or "{}").get("langgraph_node")
    return None if node is None else str(node)


def llamaindex_openinference_steps(lines: list[str]) -> dict[str, list[tuple[str, str]]]:
    """trace id -> (agent, span id) of the run's turns under OpenInference's LlamaIndex
    instrumentation: its LLM spans holding a response, by start time, each the agent
    its ``AgentWorkflow.run_agent_step`` parent names (``current_agent_name='...'``)."""
    spans: dict[str, dict[str, Any]] = {}
    for line in lines:
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                if ss.get("scope", {}).get("name", "") != OPENINFERENCE_LLAMA_INDEX:
                    continue
                for span in ss["spans"]:
                    spans[span["spanId"]] = span
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for span in spans.values():
        if _attr(span, OPENINFERENCE_SPAN_KIND) != "LLM":
            continue
        keys = {kv["key"] for kv in span.get("attributes", [])}
        if not any(k.startswith("llm.output_messages.") for k in keys):
            continue
        step = spans.get(span.get("parentSpanId", ""))
        if step is None or step["name"] != LLAMA_INDEX_AGENT_STEP:
            continue
        named = re.findall(r"current_agent_name='([^']+)'", _attr(step, "input.value") or "")
        if named:
            start = int(span["startTimeUnixNano"])
            found[span["traceId"]].append((start, span["spanId"], named[-1]))
    return {k: [(agent, sid) for _, sid, agent in sorted(v)] for k, v in found.items()}


def crewai_openinference_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The CrewAI agent of an OpenInference OpenAI LLM span (one model response): the role
    its first input message, CrewAI's system message, names."""
    if scope != OPENINFERENCE_OPENAI or _attr(span, OPENINFERENCE_SPAN_KIND) != "LLM":
        return None
    named = CREWAI_ROLE.match(str(_attr(span, "llm.input_messages.0.message.content") or ""))
    return named.group(1) if named else None


def langchain_openllmetry_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The top-level graph node of an OpenLLMetry LangChain ``chat`` span."""
    if scope != OPENLLMETRY_LANGCHAIN or _attr(span, semconv.GEN_AI_OPERATION_NAME) != "chat":
        return None
    namespace = str(_attr(span, OPENLLMETRY_CHECKPOINT_NS) or "")
    return namespace.split("|")[0].split(":")[0] or None


def haystack_openinference_turn(scope: str, span: dict[str, Any]) -> str | None:
    """The agent of an OpenInference Haystack LLM span (one model response): the one its
    system prompt, the first input message, names."""
    if scope != OPENINFERENCE_HAYSTACK or _attr(span, OPENINFERENCE_SPAN_KIND) != "LLM":
        return None
    named = HAYSTACK_AGENT.match(str(_attr(span, "llm.input_messages.0.message.content") or ""))
    return named.group(1) if named else None


# how a run's turns are found from all its lines, where a span alone cannot tell
STEPS: dict[str, Callable[[list[str]], dict[str, list[tuple[str, str]]]]] = {
    "smolagents_managed_grants": smolagents_steps,
    "llamaindex_openinference_pharmacy": llamaindex_openinference_steps,
    "agno_openinference_orchard": agno_openinference_steps,
    "strands_swarm_theatre": strands_steps,
    "openai_agents_openinference_riverport": openai_agents_openinference_steps,
    # OpenInference's AgentChat instrumentor: the LLM spans, each its parent AGENT span's agent
    "autogen_swarm_openinference_gritting": autogen_agentchat_openinference_steps,
    # Agent Framework's own spans: the chat spans, each its parent invoke_agent span's agent
    "agentframework_handoff_libraries": agent_framework_steps,
    # OpenLLMetry's LlamaIndex instrumentor: the chat spans, each its parent step's agent
    "llamaindex_openllmetry_kennels": llamaindex_openllmetry_steps,
    # OpenInference's BeeAI instrumentor: the LLM spans, each its parent AGENT span's agent.name
    "beeai_openinference_canallocks": beeai_openinference_steps,
    # OpenLLMetry's CrewAI + OpenAI instrumentors: the openai.chat spans, each its parent
    # <role>.agent span's gen_ai.agent.name
    "crewai_openllmetry_apiary": crewai_openllmetry_steps,
    # OpenLLMetry's OpenAI Agents instrumentor: the openai.response spans, each its parent
    # <agent>.agent span's gen_ai.agent.name
    "openai_agents_openllmetry_bakery": openai_agents_openllmetry_steps,
    # OpenInference's DSPy instrumentor: the LLM spans, each its nearest user module's class
    "dspy_openinference_marathon": dspy_openinference_steps,
    # Semantic Kernel's own telemetry: the chat spans, each its invoke_agent span's agent
    "semantickernel_native_tidegauge": semantic_kernel_steps,
    # OpenLLMetry's Agno instrumentor: no model spans; the tool spans (each its parent run
    # span's agent) and each agent's or team's run span (its final response, at its end)
    "agno_openllmetry_recycling": agno_openllmetry_steps,
}

# how a module's turns are found in its spans (coordgap's agent steps unless named here)
TURNS: dict[str, Callable[[str, dict[str, Any]], str | None]] = {
    "ag2_openinference_groupchat": openinference_ag2_turn,
    "pydanticai_delegation_meals": pydantic_ai_turn,
    "adk_transfer_ferry": adk_turn,
    "langgraph_openinference_windfarm": langchain_openinference_turn,
    "crewai_openinference_boxoffice": crewai_openinference_turn,
    "langgraph_openllmetry_dairy": langchain_openllmetry_turn,
    "haystack_openinference_allotments": haystack_openinference_turn,
    "adk_openinference_fellrescue": adk_openinference_turn,
    # OpenInference's Pydantic AI span processor: Pydantic AI's chat spans marked LLM
    "pydanticai_openinference_apiary": pydantic_ai_openinference_turn,
}


def agent_steps(
    lines: list[str], turn: Callable[[str, dict[str, Any]], str | None] = coordgap_turn
) -> dict[str, list[tuple[str, str]]]:
    """trace id -> (agent, span id) of the run's turns (``turn`` names a span's agent,
    None for a span that is no turn; coordgap's agent steps by default), by start time."""
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for line in lines:
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                scope = ss.get("scope", {}).get("name", "")
                for span in ss["spans"]:
                    agent = turn(scope, span)
                    if agent is not None:
                        start = int(span["startTimeUnixNano"])
                        found[span["traceId"]].append((start, span["spanId"], agent))
    return {k: [(agent, sid) for _, sid, agent in sorted(v)] for k, v in found.items()}


def _locate(steps: list[tuple[str, str]], agent: str, turn: int, scenario: str) -> tuple[int, str]:
    """Position in the run and span id of ``agent``'s ``turn``-th step."""
    mine = [(i, sid) for i, (who, sid) in enumerate(steps) if who == agent]
    if not 1 <= turn <= len(mine):
        raise SystemExit(f"{scenario}: no turn {turn} of {agent} in its trace")
    return mine[turn - 1]


def annotate(records: list[dict[str, Any]], steps: dict[str, list[tuple[str, str]]]) -> dict:
    out: dict[str, Any] = {}
    for r in records:
        entry: dict[str, Any] = {
            "framework": r["framework"],
            "scenario": r["scenario"],
            "mode": r["mode"],
            "task": r["task"],
        }
        if r["healthy"]:
            entry["healthy"] = True
        else:
            run = steps.get(r["trace_id"], [])
            agent, turn = r["root_agent"], r["root_turn"]
            at, span_id = _locate(run, agent, turn, r["scenario"])
            seen_by, seen_turn = r["symptom_agent"], r["symptom_turn"]
            shown, symptom_span = _locate(run, seen_by, seen_turn, r["scenario"])
            if shown < at:
                raise SystemExit(f"{r['scenario']}: the symptom precedes the mistake")
            entry |= {
                "mistake_agent": agent,
                "mistake_step": f"{agent}#{turn}",
                "span_id": span_id,
                "symptom_step": f"{seen_by}#{seen_turn}",
                "symptom_span_id": symptom_span,
                "gap": shown - at,
            }
        out[r["trace_id"]] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="default: tests/corpus")
    parser.add_argument(
        "--only", action="append", choices=MODULES + HELDOUT_MODULES, help="modules to run"
    )
    parser.add_argument(
        "--blind",
        choices=BLIND_MODULES,
        help="generate one blind family (default --out tests/corpus/blind/MODULE)",
    )
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="generate the held-out families (default --out tests/corpus/heldout)",
    )
    parser.add_argument("--scenario", action="append", help="run only these scenarios")
    parser.add_argument("--jobs", type=int, default=2, help="framework processes at once")
    args = parser.parse_args(argv)
    modules = args.only or list(HELDOUT_MODULES if args.heldout else MODULES)
    if args.blind:
        modules = [args.blind]
        args.out = args.out or BLIND_DIR / args.blind
    if args.out is None:
        args.out = HELDOUT_DIR if args.heldout else ROOT / "tests" / "corpus"
    traces_dir = args.out / "traces"
    traces_dir.mkdir(parents=True, exist_ok=True)
    annotations_path = args.out / "annotations.json"
    runs: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    if (
        args.only or args.scenario
    ) and annotations_path.exists():  # keep the other frameworks' runs
        kept = json.loads(annotations_path.read_text("utf-8"))["runs"]
    with tempfile.TemporaryDirectory(prefix="coordgap-corpus-") as tmp:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:  # one process per module
            outputs = list(pool.map(lambda m: run_module(m, Path(tmp), args.scenario), modules))
        for module, (store, records_path) in zip(modules, outputs, strict=True):
            lines = read_lines(store)
            records = json.loads(records_path.read_text("utf-8"))
            if not records:  # --scenario named none of this module's runs
                print(f"{module}: no runs")
                continue
            if module in STEPS:
                steps = STEPS[module](lines)
            else:
                steps = agent_steps(lines, TURNS.get(module, coordgap_turn))
            runs.update(annotate(records, steps))
            name = records[0]["framework"]
            with gzip.open(traces_dir / f"{name}.jsonl.gz", "wt", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            failing = sum(1 for r in records if not r["healthy"])
            print(f"{module}: {len(records)} runs ({failing} failing), {len(lines)} lines")
    regenerated = {v["framework"] for v in runs.values()}
    runs |= {k: v for k, v in kept.items() if v["framework"] not in regenerated}
    annotations_path.write_text(
        json.dumps({"runs": dict(sorted(runs.items()))}, indent=1, ensure_ascii=False) + "\n",
        "utf-8",
    )
    deep = sum(1 for v in runs.values() if v.get("gap", 0) >= 2)
    print(f"{len(runs)} runs -> {annotations_path}; {deep} whose symptom is >= 2 turns on")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
