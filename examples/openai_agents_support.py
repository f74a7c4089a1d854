"""A customer-support team on the OpenAI Agents SDK, traced by one line, run offline.

    python examples/openai_agents_support.py   # three requests, two of them going wrong
    coordgap analyze

``triage`` hands each request to ``billing`` or ``refunds``; ``refunds`` calls
a tool and its answer passes an output guardrail. The models are the SDK's own
``ScriptedModel`` (no API key, no network). Two faults are injected: triage
routes a refund request to billing (coordgap: a handoff failure, thanks to the
``routes`` expectation), and the guardrail waves through an answer that
refuses the refund (coordgap: a verification false accept).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from agents import (
    Agent,
    GuardrailFunctionOutput,
    RunConfig,
    Runner,
    function_tool,
    output_guardrail,
)
from agents.testing import ScriptedModel, assistant_message, function_call

import tracer
from tracer.integrations import openai_agents as cg_agents

ROUTES = {"refund": "refunds", "invoice": "billing"}


def expected_route(metadata: Mapping[str, Any]) -> str | None:
    """Where triage should send a request, from the intent the front end recorded."""
    return ROUTES.get(str(metadata.get("intent")))


@function_tool
def issue_refund(order_id: str) -> str:
    """Refund an order."""
    return f"refunded {order_id}"


@output_guardrail(name="refund-policy")
async def refund_policy(ctx: Any, agent: Any, output: Any) -> GuardrailFunctionOutput:
    # Weak on purpose: it only blocks empty answers, so a refusal slips through.
    return GuardrailFunctionOutput(output_info=None, tripwire_triggered=not str(output).strip())


def build(route_to: str = "refunds", answer: str | None = None) -> Agent[Any]:
    """The team; ``route_to`` and ``answer`` script what the models decide."""
    refunds: Agent[Any] = Agent(
        name="refunds",
        model=ScriptedModel(
            [
                [function_call("issue_refund", {"order_id": "A1"}, call_id="call-refund")],
                [assistant_message(answer or "Your refund for A1 is on its way.")],
            ]
        ),
        tools=[issue_refund],
        output_guardrails=[refund_policy],
    )
    billing: Agent[Any] = Agent(
        name="billing", model=ScriptedModel([[assistant_message("I resent your invoice.")]])
    )
    return Agent(
        name="triage",
        handoffs=[billing, refunds],
        model=ScriptedModel([[function_call(f"transfer_to_{route_to}", {}, call_id="call-route")]]),
    )


async def handle(agent: Agent[Any], intent: str) -> str:
    config = RunConfig(workflow_name="support", trace_metadata={"intent": intent})
    result = await Runner.run(agent, "Refund order A1, please", run_config=config)
    return str(result.final_output)


def main() -> int:
    tracer.configure(service_name="support-agents")
    cg_agents.instrument(routes={"triage": expected_route})  # the one line (plus a route rule)
    for label, team in [
        ("healthy", build()),
        ("misrouted", build(route_to="billing")),
        ("weak guardrail", build(answer="Refunds are not possible.")),
    ]:
        print(f"{label}: {asyncio.run(handle(team, 'refund'))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
