"""What the scripted desks on the OpenAI Agents SDK share (``_port_team``, ``_bakery_team``):
an Agents SDK ``Model`` that answers with the run's next scripted response, its tool or
handoff call included, and records it on a ``response`` span as the SDK's own Responses
model records a real one (the response and its input, when sensitive data is included).
A turn is one model response. No network.
"""

from __future__ import annotations

import json
from typing import Any

from agents import Model, ModelResponse, Usage
from agents.handoffs import Handoff
from agents.tracing import response_span
from openai.types.responses import (
    FunctionTool,
    Response,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseOutputText,
)

from benchmarks.corpus._desk import Turn

__all__ = ["ScriptedResponses"]


def _api_tools(tools: list[Any], handoffs: list[Handoff]) -> list[FunctionTool]:
    """The request's tools as the Responses API echoes them back in its response."""
    listed = [
        FunctionTool(
            type="function",
            name=t.name,
            description=t.description,
            parameters=t.params_json_schema,
            strict=t.strict_json_schema,
        )
        for t in tools
    ]
    listed += [
        FunctionTool(
            type="function",
            name=h.tool_name,
            description=h.tool_description,
            parameters=h.input_json_schema,
            strict=h.strict_json_schema,
        )
        for h in handoffs
    ]
    return listed


def _output(turn: Turn, n: int) -> list[Any]:
    """The response's output items: the turn's text, then its tool or handoff call."""
    output: list[Any] = []
    if turn.say:
        text = ResponseOutputText(type="output_text", text=turn.say, annotations=[])
        output.append(
            ResponseOutputMessage(
                id=f"msg_{n:05d}",
                type="message",
                role="assistant",
                status="completed",
                content=[text],
            )
        )
    if turn.call:
        name, args = turn.call
        output.append(
            ResponseFunctionToolCall(
                id=f"fc_{n:05d}",
                call_id=f"call_{n:05d}",
                type="function_call",
                name=name,
                arguments=json.dumps(args),
                status="completed",
            )
        )
    return output


class ScriptedResponses(Model):
    """One agent's model: the next turn of ``script`` (the run's turns left, in order),
    which must be this agent's. ``serial`` numbers the responses across the process (ids
    ``resp_00001``, ...; ``created_at`` is ``created`` plus that number); ``model`` is
    the model name the responses carry."""

    def __init__(
        self, agent: str, script: list[Turn], serial: list[int], *, model: str, created: int
    ) -> None:
        self.agent = agent
        self.script = script
        self.serial = serial
        self.model = model
        self.created = created

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[Any],
        model_settings: Any,
        tools: list[Any],
        output_schema: Any,
        handoffs: list[Handoff],
        tracing: Any,
        **kwargs: Any,
    ) -> ModelResponse:
        with response_span(disabled=tracing.is_disabled()) as span:
            if not self.script or self.script[0].agent != self.agent:
                due = self.script[0].agent if self.script else "nobody"
                raise RuntimeError(f"{self.agent} was asked to speak; the script has {due}")
            turn = self.script.pop(0)
            self.serial[0] += 1
            n = self.serial[0]
            output = _output(turn, n)
            seen = len(json.dumps(input, default=str)) + len(system_instructions or "")
            said = len(turn.say) + len(json.dumps(turn.call or ""))
            usage = {"input_tokens": seen // 4, "output_tokens": max(1, said // 4)}
            response = Response.model_validate(
                {
                    "id": f"resp_{n:05d}",
                    "object": "response",
                    "created_at": self.created + n,
                    "model": self.model,
                    "instructions": system_instructions,
                    "output": [item.model_dump() for item in output],
                    "parallel_tool_calls": False,
                    "tool_choice": "auto",
                    "tools": [t.model_dump() for t in _api_tools(tools, handoffs)],
                    "status": "completed",
                    "usage": {
                        **usage,
                        "total_tokens": sum(usage.values()),
                        "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                        "output_tokens_details": {"reasoning_tokens": 0},
                    },
                }
            )
            if tracing.include_data():
                span.span_data.response = response
                span.span_data.input = input
        return ModelResponse(
            output=output,
            usage=Usage(requests=1, total_tokens=sum(usage.values()), **usage),
            response_id=response.id,
        )

    async def stream_response(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("the scripted desks do not stream")
