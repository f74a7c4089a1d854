"""The turns of a run traced by OpenInference's AutoGen AgentChat instrumentor, for
``generate.py`` (its ``STEPS``) and the family ``autogen_swarm_openinference_gritting``.

The turns are the LLM spans (``OpenAIChatCompletionClient.create``, one model response
each); the agent of a turn is the ``graph.node.id`` of the AGENT span
(``<agent>.on_messages_stream``) the call ran in, its parent. AutoGen's own GenAI spans
(scope ``autogen-core``: ``invoke_agent`` and the like) are not read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

__all__ = ["OPENINFERENCE_AUTOGEN_AGENTCHAT", "autogen_agentchat_openinference_steps"]

OPENINFERENCE_AUTOGEN_AGENTCHAT = "openinference.instrumentation.autogen_agentchat"
_KIND = "openinference.span.kind"


def _attr(span: dict[str, Any], key: str) -> Any:
    for kv in span.get("attributes", []):
        if kv["key"] == key:
            return next(iter(kv["value"].values()))
    return None


def autogen_agentchat_openinference_steps(lines: list[str]) -> dict[str, list[tuple[str, str]]]:
    """trace id -> (agent, span id) of the run's turns in OTLP/JSON ``lines``: the
    instrumentor's LLM spans, by start time, each the ``graph.node.id`` of its parent
    AGENT span."""
    spans: dict[str, dict[str, Any]] = {}
    for line in lines:
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                if ss.get("scope", {}).get("name", "") == OPENINFERENCE_AUTOGEN_AGENTCHAT:
                    spans.update((s["spanId"], s) for s in ss["spans"])
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for span in spans.values():
        if _attr(span, _KIND) != "LLM":
            continue
        parent = spans.get(span.get("parentSpanId", ""))
        if parent is None or _attr(parent, _KIND) != "AGENT":
            continue
        agent = _attr(parent, "graph.node.id")
        if agent:
            found[span["traceId"]].append((int(span["startTimeUnixNano"]), span["spanId"], agent))
    return {k: [(agent, sid) for _, sid, agent in sorted(v)] for k, v in found.items()}
