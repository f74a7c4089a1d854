"""A support desk on the OpenAI Agents SDK: triage hands refund requests to ``orders``.

``orders`` looks the order up and refunds it through function tools that answer
like a real order API (an error object, not an exception, for an unknown id).
Models are the SDK's own ``ScriptedModel``; traced by coordgap's integration,
which records tool arguments and results with content capture on.

    python -m benchmarks.corpus.openai_agents_runs STORE_DIR RECORDS.json
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from agents import Agent, RunConfig, Runner, function_tool
from agents.testing import ScriptedModel, assistant_message, function_call

from benchmarks.corpus import _common as c
from tracer.integrations import openai_agents as cg_agents

TRIAGE, ORDERS = "triage", "orders"
ORDERS_DB = {"A1": 40.0, "B7": 129.9, "C3": 15.5, "D9": 72.0}


@function_tool
def lookup_order(order_id: str) -> str:
    """Look an order up by id."""
    if order_id not in ORDERS_DB:
        return json.dumps({"status": 404, "error": f"order {order_id} not found"})
    return json.dumps({"status": 200, "order": order_id, "total": ORDERS_DB[order_id]})


@function_tool
def refund(order_id: str, amount: float) -> str:
    """Refund an amount on an order."""
    return json.dumps({"status": 200, "refunded": amount, "order": order_id})


@dataclass(frozen=True)
class Steps:
    """The orders agent's model turns: tool calls, then its answer."""

    calls: Sequence[tuple[str, dict[str, Any]]]
    answer: str


def build(steps: Steps) -> Agent[Any]:
    turns: list[list[Any]] = [
        [function_call(name, args, call_id=f"call-{i}")]
        for i, (name, args) in enumerate(steps.calls)
    ]
    turns.append([assistant_message(steps.answer)])
    orders: Agent[Any] = Agent(
        name=ORDERS, model=ScriptedModel(turns), tools=[lookup_order, refund]
    )
    return Agent(
        name=TRIAGE,
        handoffs=[orders],
        model=ScriptedModel([[function_call(f"transfer_to_{ORDERS}", {}, call_id="route")]]),
    )


def healthy(order: str) -> Steps:
    total = ORDERS_DB[order]
    return Steps(
        [("lookup_order", {"order_id": order}), ("refund", {"order_id": order, "amount": total})],
        f"Done: {total} EUR refunded on order {order}.",
    )


def retried(order: str) -> Steps:
    """Healthy: a mistyped id first, the agent reads the 404 and retries."""
    total = ORDERS_DB[order]
    return Steps(
        [
            ("lookup_order", {"order_id": order.lower()}),
            ("lookup_order", {"order_id": order}),
            ("refund", {"order_id": order, "amount": total}),
        ],
        f"Done: {total} EUR refunded on order {order}.",
    )


def status_only(order: str) -> Steps:
    return Steps(
        [("lookup_order", {"order_id": order})],
        f"Order {order} is on file with a total of {ORDERS_DB[order]} EUR.",
    )


def status_retried(order: str) -> Steps:
    """Healthy: a lookup with a mistyped id, then the right one."""
    return Steps(
        [("lookup_order", {"order_id": f"#{order}"}), ("lookup_order", {"order_id": order})],
        f"Order {order} is on file with a total of {ORDERS_DB[order]} EUR.",
    )


def tool_failure(order: str) -> Steps:
    wrong = f"{order[0]}-{order[1:]}"
    return Steps(
        [("lookup_order", {"order_id": wrong})],
        f"Your refund for order {order} is on its way.",
    )


def made_up(order: str) -> Steps:
    return Steps(
        [("refund", {"order_id": order, "amount": 99.99})],
        f"I assumed a placeholder amount of 99.99 EUR and refunded order {order}.",
    )


async def scenarios(rec: c.Recorder) -> None:
    cg_agents.instrument(capture_content=True)

    async def go(name: str, mode: str, order: str, steps: Steps, root: bool) -> None:
        task = f"Please refund my order {order}."
        if name.startswith("status"):
            task = f"What is the total of my order {order}?"

        async def body(task: str) -> str:
            config = RunConfig(workflow_name="support", trace_metadata={"order": order})
            result = await Runner.run(build(steps), task, run_config=config)
            return str(result.final_output)

        # the orders agent's one turn both makes the mistake and answers the customer
        step = (ORDERS, 1) if root else None
        await rec.run(f"oa-{name}-{order}", mode, task, body, root=step, symptom=step)

    for order in ORDERS_DB:
        await go("healthy", c.HEALTHY, order, healthy(order), False)
        await go("retried", c.HEALTHY, order, retried(order), False)
        await go("tool-failure", c.TOOL_FAILURE, order, tool_failure(order), True)
        await go("status", c.HEALTHY, order, status_only(order), False)
    for order in list(ORDERS_DB)[:2]:
        await go("status-retried", c.HEALTHY, order, status_retried(order), False)
        await go("made-up", c.MADE_UP, order, made_up(order), True)


if __name__ == "__main__":
    raise SystemExit(c.main("openai-agents", scenarios))
