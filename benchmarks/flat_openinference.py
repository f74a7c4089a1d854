"""OpenInference model calls read as the GenAI conventions' (for ``corpus_flat``).

OpenInference's smolagents instrumentor records an agent's words on its model calls
(``LLM`` spans: ``llm.output_messages.N.message.*``) under an ``AGENT`` span that names
no agent (its span name is ``<agent>.run``) and holds only the final answer, each call
inside a step span (``CHAIN``) whose output is what the call's code printed, or that
raised its error. ``corpus_flat`` reads the GenAI conventions' shape: a ``chat`` span
of a named agent holding the response, with the tools it ran beside or under it.
:func:`as_genai` gives such runs that shape, in copies of the spans:

- an ``LLM`` span whose nearest ``AGENT`` span is not a turn of its own (it records no
  name) is a ``chat`` span of that agent, its response as GenAI message parts (text,
  tool calls); that agent's span no longer speaks (its output is the calls' last word);
- the step span around such a call, when it recorded output or raised, and the tool
  spans in it, are tool calls of the call: under it, their output the result.

OpenInference's LangChain instrumentor records a LangGraph node run as a ``CHAIN`` span
named after the node (LangGraph's ``langgraph_node`` in its ``metadata``), the node's
model call as an ``LLM`` span in it, a ``ToolNode``'s tools as ``TOOL`` spans in a node
run of their own. There:

- an ``LLM`` span in a node run is a ``chat`` span of that node's agent;
- a ``TOOL`` span in a node run that made no model call is a tool call of the latest
  model call before it (the response that asked for it), under it;
- a node run that made no model call and ran no tool (a code runner) speaks its output
  (the messages it added) as a turn of its own.

OpenInference's LlamaIndex instrumentor records an ``AgentWorkflow`` as sibling step
spans (``CHAIN``): the step that runs an agent names it in its input event
(``current_agent_name``) and holds the model call (an ``LLM`` span with messages; the
model class's helpers record none); the tools run in steps of their own. There:

- such a model call is a ``chat`` span of that agent;
- a tool with no model call above it is a tool call of the latest model call before it
  (the handoff tool aside: the call that asked for it shows it), its result the text
  of the blocks it returned.

Other spans are returned as they are.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from analyzer import mapping, mapping_llamaindex
from analyzer.suspects.messages import readable
from benchmarks.flat_text import attrs_of
from tracer import semconv

_OUT = semconv.OPENINFERENCE_OUTPUT_MESSAGES + ".0.message."
_TEXT = re.compile(re.escape(_OUT) + r"contents\.(\d+)\.message_content\.text$")
_CALL = re.compile(
    re.escape(_OUT) + r"tool_calls\.(\d+)\.tool_call\.(function\.name|function\.arguments|id)$"
)


def _set(span: dict[str, Any], key: str, value: str) -> None:
    span.setdefault("attributes", []).append({"key": key, "value": {"stringValue": value}})


def _kind(attrs: dict[str, Any]) -> str:
    return str(attrs.get(mapping.OPENINFERENCE_SPAN_KIND) or "").upper()


def _agent_name(span: dict[str, Any], attrs: dict[str, Any]) -> str:
    """OpenInference's agent name, else the GenAI one (Pydantic AI's, under OpenInference's
    span processor), else the span name without its method suffixes (``coder.run``;
    CrewAI's ``Data Analyst.compute._execute_core``: role, task, method)."""
    named = attrs.get(mapping.OPENINFERENCE_AGENT_NAME) or attrs.get(semconv.GEN_AI_AGENT_NAME)
    if named:
        return str(named)
    name = span.get("name") or ""
    for _ in range(2):
        name = re.sub(mapping.RE_METHOD_SUFFIX, "", name)
    return name


def _parts(attrs: dict[str, Any]) -> list[dict[str, Any]]:
    """The GenAI message parts of an OpenInference model call's first output message."""
    texts: dict[int, str] = {}
    calls: dict[int, dict[str, Any]] = {}
    content = attrs.get(_OUT + "content")
    for key, value in attrs.items():
        if m := _TEXT.match(key):
            texts[int(m.group(1))] = str(value)
        elif m := _CALL.match(key):
            field = {"function.name": "name", "function.arguments": "arguments"}.get(m.group(2))
            calls.setdefault(int(m.group(1)), {"type": "tool_call"})[field or "id"] = value
    parts = [{"type": "text", "content": content}] if content else []
    thought = _thought(attrs)
    if thought and not content and not texts:
        parts.append({"type": "text", "content": thought})
    parts += [{"type": "text", "content": texts[i]} for i in sorted(texts)]
    return parts + [calls[i] for i in sorted(calls)]


def _thought(attrs: dict[str, Any]) -> str:
    """What a model call said beside the tools it asked for, where only its recorded
    result holds it (AutoGen's ``CreateResult.thought``; OpenInference's AutoGen
    AgentChat instrumentor records the calls alone in ``llm.output_messages``)."""
    try:
        result = json.loads(str(attrs.get(semconv.OPENINFERENCE_OUTPUT_VALUE) or ""))
    except ValueError:
        return ""
    thought = result.get("thought") if isinstance(result, dict) else None
    return thought if isinstance(thought, str) else ""


def as_genai(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``spans`` (one run) with OpenInference model calls in the GenAI shape (see the
    module's description); the input is not changed."""
    out = [copy.deepcopy(s) for s in spans]
    by_id = {s["spanId"]: s for s in out}
    attrs = {s["spanId"]: attrs_of(s) for s in out}
    _graph_nodes(out, by_id, attrs)
    _workflow_steps(out, attrs)
    calls: dict[str, list[dict[str, Any]]] = {}
    for span in out:
        if _kind(attrs[span["spanId"]]) != "LLM":
            continue
        step, agent = None, by_id.get(span.get("parentSpanId") or "")
        if agent is not None and _kind(attrs[agent["spanId"]]) != "AGENT":
            step, agent = agent, by_id.get(agent.get("parentSpanId") or "")
        if agent is None or _kind(attrs[agent["spanId"]]) != "AGENT":
            continue
        named = bool(attrs[agent["spanId"]].get(mapping.OPENINFERENCE_AGENT_NAME))
        parts = _parts(attrs[span["spanId"]])
        if named and not parts:
            continue  # the agent's span is a turn of its own
        _as_chat(span, _agent_name(agent, attrs[agent["spanId"]]), parts)
        agent["attributes"] = [
            a for a in agent.get("attributes") or []
            if a["key"] != semconv.OPENINFERENCE_OUTPUT_VALUE
        ]  # fmt: skip
        span["parentSpanId"] = agent["spanId"]
        if step is not None:
            _step_as_tools(out, step, span, attrs)
        else:
            calls.setdefault(agent["spanId"], []).append(span)
    _sibling_tools(out, calls, attrs)
    return out


def _sibling_tools(
    out: list[dict[str, Any]], calls: dict[str, list[dict[str, Any]]], attrs: dict
) -> None:
    """A tool span beside an agent's model calls (Agno runs a member's tools under its run,
    beside its calls; AutoGen AgentChat an agent's under its ``on_messages_stream``) as a
    tool call of the latest call before it."""
    for span in out:
        made = calls.get(span.get("parentSpanId") or "")
        a = attrs[span["spanId"]]
        if not made or _kind(a) != "TOOL":
            continue
        start = int(span["startTimeUnixNano"])
        before = [c for c in made if int(c["startTimeUnixNano"]) <= start]
        if before:
            result = str(a.get(semconv.OPENINFERENCE_OUTPUT_VALUE) or "")
            latest = max(before, key=lambda c: int(c["startTimeUnixNano"]))
            _tool_call_of(span, latest, result)


def _step_as_tools(
    out: list[dict[str, Any]], step: dict[str, Any], call: dict[str, Any], attrs: dict
) -> None:
    """The step span around ``call`` and the tool spans in it, as tool calls of ``call``."""
    for span in [step, *(s for s in out if s.get("parentSpanId") == step["spanId"])]:
        a = attrs[span["spanId"]]
        if span is not step and _kind(a) != "TOOL":
            continue
        result = a.get(semconv.OPENINFERENCE_OUTPUT_VALUE)
        if span is step and not result and not span.get("events"):
            continue
        _set(span, semconv.GEN_AI_OPERATION_NAME, semconv.OP_EXECUTE_TOOL)
        if result:
            _set(span, semconv.GEN_AI_TOOL_CALL_RESULT, str(result))
        span["parentSpanId"] = call["spanId"]
    # what the step printed or raised comes after what its tools returned
    step["startTimeUnixNano"] = step["endTimeUnixNano"]


def _as_chat(span: dict[str, Any], agent: str, parts: list[dict[str, Any]]) -> None:
    """``span`` as a GenAI ``chat`` span of ``agent`` whose response is ``parts``."""
    _set(span, semconv.GEN_AI_OPERATION_NAME, semconv.OP_CHAT)
    _set(span, semconv.GEN_AI_AGENT_NAME, agent)
    message = [{"role": "assistant", "parts": parts}]
    _set(span, semconv.GEN_AI_OUTPUT_MESSAGES, json.dumps(message))


def _tool_call_of(span: dict[str, Any], call: dict[str, Any], result: str) -> None:
    """``span`` as a tool call of the model call ``call`` (under it) that returned
    ``result`` (in place of its recorded output)."""
    span["attributes"] = [
        x for x in span.get("attributes") or [] if x["key"] != semconv.OPENINFERENCE_OUTPUT_VALUE
    ]
    _set(span, semconv.GEN_AI_OPERATION_NAME, semconv.OP_EXECUTE_TOOL)
    _set(span, semconv.GEN_AI_TOOL_CALL_RESULT, result)
    span["parentSpanId"] = call["spanId"]


def _node(span: dict[str, Any], attrs: dict[str, Any]) -> str | None:
    """The LangGraph node a span ran in (``langgraph_node`` of its metadata)."""
    try:
        meta = json.loads(str(attrs.get(semconv.OPENINFERENCE_METADATA) or "{}"))
    except ValueError:
        return None
    node = meta.get(semconv.LANGGRAPH_NODE) if isinstance(meta, dict) else None
    return str(node) if node else None


def _graph_nodes(out: list[dict[str, Any]], by_id: dict[str, Any], attrs: dict) -> None:
    """LangGraph node runs' model calls, tools and code runners in the GenAI shape (the
    module's description)."""
    runs = {
        s["spanId"]: node
        for s in out
        if _kind(attrs[s["spanId"]]) == "CHAIN"
        and (node := _node(s, attrs[s["spanId"]]))
        and node == s.get("name")
    }
    if not runs:
        return
    called: set[str] = set()
    asked: dict[str, dict[str, Any]] = {}  # node run -> the model call before it
    last_call = None
    for span in sorted(out, key=lambda s: int(s["startTimeUnixNano"])):
        a, parent = attrs[span["spanId"]], str(span.get("parentSpanId") or "")
        if _kind(a) == "LLM" and parent in runs:
            _as_chat(span, runs[parent], _parts(a))
            called.add(parent)
            last_call = span
        elif span["spanId"] in runs and last_call is not None:
            asked[span["spanId"]] = last_call
    tooled: set[str] = set()
    for span in out:
        a, parent = attrs[span["spanId"]], str(span.get("parentSpanId") or "")
        if _kind(a) == "TOOL" and parent in asked and parent not in called:
            result = readable(str(a.get(semconv.OPENINFERENCE_OUTPUT_VALUE) or "")) or ""
            _tool_call_of(span, asked[parent], result)
            tooled.add(parent)
    for run_id, node in runs.items():
        said = readable(str(attrs[run_id].get(semconv.OPENINFERENCE_OUTPUT_VALUE) or ""))
        if run_id not in called | tooled and called and said and said.strip():
            span = by_id[run_id]
            _as_chat(span, node, [{"type": "text", "content": said}])


def _blocks_text(value: str) -> str:
    """A LlamaIndex tool output's text (``{"blocks": [{"text": ...}], ...}``), else the
    value as it is."""
    try:
        found = json.loads(value)
    except ValueError:
        return value
    blocks = found.get("blocks") if isinstance(found, dict) else None
    if not isinstance(blocks, list):
        return value
    return "\n".join(str(b.get("text")) for b in blocks if isinstance(b, dict) and b.get("text"))


def _workflow_steps(out: list[dict[str, Any]], attrs: dict) -> None:
    """LlamaIndex workflow steps' model calls and tools in the GenAI shape (the
    module's description)."""
    steps = {
        s["spanId"]: m.group(1)
        for s in out
        if _kind(attrs[s["spanId"]]) == "CHAIN"
        and (
            m := re.search(
                mapping_llamaindex.RE_CURRENT_AGENT,
                str(attrs[s["spanId"]].get(semconv.OPENINFERENCE_INPUT_VALUE) or ""),
            )
        )
    }
    if not steps:
        return
    last_call = None
    for span in sorted(out, key=lambda s: int(s["startTimeUnixNano"])):
        a, parent = attrs[span["spanId"]], str(span.get("parentSpanId") or "")
        if _kind(a) == "LLM" and parent in steps and any(k.startswith(_OUT) for k in a):
            _as_chat(span, steps[parent], _parts(a))
            last_call = span
        elif _kind(a) == "TOOL" and last_call is not None and parent not in steps:
            if a.get(mapping.OPENINFERENCE_TOOL_NAME) == mapping_llamaindex.HANDOFF_TOOL:
                continue
            result = _blocks_text(str(a.get(semconv.OPENINFERENCE_OUTPUT_VALUE) or ""))
            _tool_call_of(span, last_call, result)
