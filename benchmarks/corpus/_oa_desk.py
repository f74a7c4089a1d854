"""A four-agent refund desk on the OpenAI Agents SDK: a chain of handoffs.

``triage`` hands the request to ``orders`` (looks the order up), which hands
to ``billing`` (issues the refund), which hands to ``customer_care`` (writes
to the customer). Each agent's ``ScriptedModel`` may say something before its
handoff; tools answer like a real order API (error objects, not exceptions).
Mistakes made early (a misread order number, the neighbouring order, an
assumed surcharge) show only in the message to the customer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agents import Agent, RunConfig, Runner, function_tool
from agents.testing import ScriptedModel, assistant_message, function_call

from benchmarks.corpus import _common as c

TRIAGE, ORDERS, BILLING, CARE = "triage", "orders", "billing", "customer_care"
DESK_DB = {
    "A1042": 40.0,
    "A1024": 64.5,
    "B2210": 129.9,
    "B2201": 89.0,
    "C3307": 15.5,
    "C3370": 22.0,
    "D4419": 72.0,
    "D4491": 57.25,
}
CUSTOMER_ORDERS = ("A1042", "B2210", "C3307", "D4419")
NEIGHBOUR = {"A1042": "A1024", "B2210": "B2201", "C3307": "C3370", "D4419": "D4491"}


@function_tool
def find_order(order_id: str) -> str:
    """Find an order by its number."""
    if order_id not in DESK_DB:
        return json.dumps({"ok": False, "code": "NOT_FOUND", "order_id": order_id})
    return json.dumps({"ok": True, "order_id": order_id, "paid_eur": DESK_DB[order_id]})


@function_tool
def issue_refund(order_id: str, amount_eur: float) -> str:
    """Refund an amount on an order (at most what was paid)."""
    paid = DESK_DB.get(order_id)
    if paid is None or amount_eur > paid:
        return json.dumps({"ok": False, "code": "AMOUNT_EXCEEDS_PAYMENT", "paid_eur": paid})
    return json.dumps({"ok": True, "refund_id": f"R-{order_id}", "amount_eur": amount_eur})


Step = list[Any]


@dataclass
class Desk:
    """Each agent's model steps, in order."""

    triage: list[Step] = field(default_factory=list)
    orders: list[Step] = field(default_factory=list)
    billing: list[Step] = field(default_factory=list)
    care: list[Step] = field(default_factory=list)


def build(d: Desk) -> Agent[Any]:
    care: Agent[Any] = Agent(name=CARE, model=ScriptedModel(d.care))
    billing: Agent[Any] = Agent(
        name=BILLING, model=ScriptedModel(d.billing), tools=[issue_refund], handoffs=[care]
    )
    orders: Agent[Any] = Agent(
        name=ORDERS, model=ScriptedModel(d.orders), tools=[find_order], handoffs=[billing]
    )
    return Agent(name=TRIAGE, model=ScriptedModel(d.triage), handoffs=[orders])


def _call(tool: str, call_id: str, **arguments: Any) -> Any:
    return function_call(tool, arguments, call_id=call_id)


def _to(agent: str, n: int) -> Any:
    return function_call(f"transfer_to_{agent}", {}, call_id=f"to-{agent}-{n}")


def desk(
    order: str,
    n: int,
    *,
    looked_up: str | None = None,
    short: bool = False,
    over: bool = False,
    told: float | None = None,
    typo_first: bool = False,
    refund_retry: bool = False,
) -> Desk:
    """One run; the keyword arguments are the slips (all off: a clean run)."""
    looked_up = looked_up or order
    paid = DESK_DB[looked_up]
    amount = round(paid * 0.9, 2) if short else paid
    d = Desk()
    note = (
        f"Refund request, order {order}.",
        f"Customer wants their money back for {order}.",
        f"Damaged item, order {order} - passing to orders.",
    )[n % 3]
    d.triage = [[assistant_message(note), _to(ORDERS, n)]]
    if typo_first:
        d.orders.append([_call("find_order", "o0", order_id=looked_up.lower())])
    d.orders.append([_call("find_order", "o1", order_id=looked_up)])
    said = f"{looked_up}: paid {paid:g} EUR, eligible for a full refund."
    d.orders.append([assistant_message(said), _to(BILLING, n)])
    if refund_retry:
        d.billing.append([_call("issue_refund", "b0", order_id=looked_up, amount_eur=amount + 10)])
    asked = amount + 10 if over else amount
    d.billing.append([_call("issue_refund", "b1", order_id=looked_up, amount_eur=asked)])
    d.billing.append([assistant_message(f"Refund of {amount:g} EUR booked."), _to(CARE, n)])
    shown = amount if told is None else told
    reply = (
        f"Hello, we're sorry about the damaged item. {shown:g} EUR for order {order} is on "
        "its way back to your card.",
        f"Dear customer, your refund of {shown:g} EUR (order {order}) has been issued.",
        f"Hi! Order {order}: {shown:g} EUR refunded. It may take 3-5 days to show up.",
    )[n % 3]
    d.care = [[assistant_message(reply)]]
    return d


# name, mode, slips of the run, (mistake agent, symptom agent)
Slip = Callable[[str], dict[str, Any]]
FAILURES: tuple[tuple[str, str, Slip, tuple[str, str]], ...] = (
    ("wrong-order", c.WRONG_SOURCE, lambda o: {"looked_up": NEIGHBOUR[o]}, (ORDERS, CARE)),
    ("partial", c.WRONG_INPUT, lambda o: {"short": True}, (BILLING, CARE)),
    ("refund-refused", c.TOOL_FAILURE, lambda o: {"over": True}, (BILLING, CARE)),
    ("told-other", c.MISREPORTED, lambda o: {"told": DESK_DB[NEIGHBOUR[o]]}, (CARE, CARE)),
)
NEAR: tuple[tuple[str, Slip], ...] = (
    ("typo-retried", lambda o: {"typo_first": True}),
    ("refund-retried", lambda o: {"refund_retry": True}),
)


async def desk_scenarios(rec: c.Recorder) -> None:
    async def go(name: str, mode: str, order: str, d: Desk, steps: tuple[str, str] | None) -> None:
        task = f"Order {order} arrived broken. Please refund what I paid."

        async def body(task: str) -> str:
            config = RunConfig(workflow_name="refund-desk")
            result = await Runner.run(build(d), task, run_config=config, max_turns=20)
            return str(result.final_output)

        root = (steps[0], 1) if steps else None
        symptom = (steps[1], 1) if steps else None
        await rec.run(f"oa-desk-{name}-{order}", mode, task, body, root=root, symptom=symptom)

    for n, order in enumerate(CUSTOMER_ORDERS):
        await go("clean", c.HEALTHY, order, desk(order, n), None)
        for k, (name, slip) in enumerate(NEAR):
            await go(name, c.HEALTHY, order, desk(order, n + k, **slip(order)), None)
        for k in range(3):
            name, mode, slip_, steps = FAILURES[(3 * n + k) % len(FAILURES)]
            await go(name, mode, order, desk(order, n + k, **slip_(order)), steps)
