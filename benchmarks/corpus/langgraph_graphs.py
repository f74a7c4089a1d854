"""A LangGraph research pipeline whose nodes call LangChain's fake chat models.

planner -> researcher -> writer -> reviewer, and reviewer -> writer while the
reviewer rejects (at most three drafts). Each node asks its own
``FakeListChatModel`` (scripted replies, no network); the researcher also calls
a local fetch function. Traced by coordgap's LangGraph integration.

    python -m benchmarks.corpus.langgraph_graphs STORE_DIR RECORDS.json
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langgraph.graph import START, StateGraph

from benchmarks.corpus import _common as c
from tracer.integrations import langgraph as cg_langgraph

PLANNER, RESEARCHER, WRITER, REVIEWER = "planner", "researcher", "writer", "reviewer"
MAX_DRAFTS = 3


class State(TypedDict, total=False):
    request: str
    notes: str
    draft: str
    review: str
    approved: bool
    drafts: int


@dataclass(frozen=True)
class Job:
    key: str
    task: str  # the user's request, with its constraints
    brief: str  # the planner's faithful restatement
    lossy_brief: str  # the same with one constraint dropped
    notes: str
    draft: str  # an answer that meets every constraint
    lossy_draft: str  # an answer written from the lossy brief
    source: str  # what the researcher fetches


JOBS = (
    Job(
        "lisbon",
        "Plan a 3-day trip to Lisbon for 2 people under 500 EUR, with vegetarian meals only.",
        "Plan a 3-day Lisbon trip for 2 people, budget under 500 EUR, vegetarian meals only.",
        "Plan a 3-day Lisbon trip for 2 people, budget under 500 EUR.",
        "Hostel in Alfama 60 EUR/night; tram pass 6.40 EUR/day; Ao 26 vegan food 15 EUR/meal.",
        "Day 1-3 in Alfama (hostel, 180 EUR), tram passes (38 EUR), vegetarian meals at "
        "Ao 26 (240 EUR): total 458 EUR for 2 people.",
        "Day 1-3 in Alfama (hostel, 180 EUR), tram passes (38 EUR), grilled sardines and "
        "steak dinners (250 EUR): total 468 EUR for 2 people.",
        "https://travel.example.org/lisbon",
    ),
    Job(
        "blurb",
        "Write a 40-word product blurb for the 'Aurora X2' headphones, in French.",
        "Write a 40-word blurb for the 'Aurora X2' headphones, in French.",
        "Write a 40-word blurb for the 'Aurora X2' headphones.",
        "Aurora X2: 38 h battery, active noise cancelling, 250 g, USB-C fast charge.",
        "Les Aurora X2 offrent 38 heures d'autonomie, une réduction de bruit active et "
        "une recharge rapide USB-C, dans un casque de 250 g seulement.",
        "The Aurora X2 give you 38 hours of battery, active noise cancelling and USB-C "
        "fast charging, in a headset of only 250 g.",
        "https://shop.example.org/aurora-x2",
    ),
    Job(
        "retro",
        "Schedule the team retro on Friday at 3 pm in room 'Oak' for 45 minutes.",
        "Schedule the retro: Friday 3 pm, room 'Oak', 45 minutes.",
        "Schedule the retro: Friday 3 pm, 45 minutes.",
        "Calendar: Friday 3-4 pm free for all 6 attendees; rooms Oak and Elm free.",
        "Invite sent: Team retro, Friday 15:00-15:45, room 'Oak', 6 attendees.",
        "Invite sent: Team retro, Friday 15:00-15:45, room 'Elm', 6 attendees.",
        "https://calendar.example.org/week",
    ),
    Job(
        "q3",
        "Summarize the Q3 report in exactly 3 bullet points and mention revenue of 4.2M USD.",
        "Summarize the Q3 report: exactly 3 bullet points, mention revenue of 4.2M USD.",
        "Summarize the Q3 report in a few bullet points.",
        "Q3: revenue 4.2M USD (+12%), churn 3.1%, two new enterprise customers.",
        "- Revenue reached 4.2M USD, up 12%\n- Churn held at 3.1%\n- Two new enterprise "
        "customers signed",
        "- Strong quarter overall\n- Churn held at 3.1%\n- Two new enterprise customers "
        "signed\n- Hiring continues",
        "https://reports.example.org/q3",
    ),
)


def fetch(url: str, fail: str | None) -> str:
    """The researcher's fetch: a JSON body, or the error object a failing API returns."""
    if fail:
        return json.dumps({"status": 500, "error": fail, "url": url})
    return json.dumps({"status": 200, "url": url})


@dataclass
class Script:
    """What each node's model replies, in order; how the researcher's fetch goes."""

    planner: list[str]
    researcher: list[str]
    writer: list[str]
    reviewer: list[str]
    fetch_errors: list[str | None] = field(default_factory=lambda: [None])


def build(script: Script) -> Any:
    models = {
        name: FakeListChatModel(responses=list(getattr(script, name)))
        for name in (PLANNER, RESEARCHER, WRITER, REVIEWER)
    }
    errors = iter(script.fetch_errors)

    def ask(name: str, prompt: str) -> str:
        return str(models[name].invoke(prompt).content)

    def planner(state: State) -> dict[str, Any]:
        return {"request": ask(PLANNER, f"Restate as a brief: {state['request']}")}

    def researcher(state: State) -> dict[str, Any]:
        url = ask(RESEARCHER, f"Which source answers: {state['request']}?")
        body = fetch(url, next(errors, None))
        notes = ask(RESEARCHER, f"Notes from {body} for: {state['request']}")
        return {"notes": f"{body}\n{notes}"}

    def writer(state: State) -> dict[str, Any]:
        draft = ask(WRITER, f"Write for: {state['request']}\nNotes: {state['notes']}")
        return {"draft": draft, "drafts": state.get("drafts", 0) + 1}

    def reviewer(state: State) -> dict[str, Any]:
        review = ask(REVIEWER, f"Review for: {state['request']}\n{state['draft']}")
        return {"review": review, "approved": review.startswith("APPROVE")}

    def again(state: State) -> Literal["writer", "__end__"]:
        return "__end__" if state["approved"] or state["drafts"] >= MAX_DRAFTS else "writer"

    graph = StateGraph(State)
    for name, fn in ((PLANNER, planner), (RESEARCHER, researcher), (WRITER, writer)):
        graph.add_node(name, fn)
    graph.add_node(REVIEWER, reviewer)
    graph.add_edge(START, PLANNER)
    graph.add_edge(PLANNER, RESEARCHER)
    graph.add_edge(RESEARCHER, WRITER)
    graph.add_edge(WRITER, REVIEWER)
    graph.add_conditional_edges(REVIEWER, again)
    return graph.compile(name="research")


def healthy(j: Job) -> Script:
    return Script([j.brief], [j.source, j.notes], [j.draft], ["APPROVE: meets the brief."])


def retried(j: Job) -> Script:
    """Healthy: the reviewer sends a rough first draft back, the second one passes."""
    return Script(
        [j.brief],
        [j.source, j.notes],
        [f"Draft: {j.notes}", j.draft],
        ["Too rough: write it for the reader.", "APPROVE: meets the brief."],
    )


def transient(j: Job) -> Script:
    """Healthy: the first fetch fails, the researcher says so and uses the retry."""
    return Script(
        [j.brief],
        [j.source, f"The first request failed and the retry succeeded. {j.notes}"],
        [j.draft],
        ["APPROVE: meets the brief."],
        fetch_errors=[None],
    )


def lost_constraint(j: Job) -> Script:
    return Script([j.lossy_brief], [j.source, j.notes], [j.lossy_draft], ["APPROVE: fine."])


def made_up(j: Job) -> Script:
    notes = (
        "No source returned data, so I assumed example values for now: placeholder "
        "figures 100, 200 and 300 (hypothetical)."
    )
    draft = f"Based on the figures 100, 200 and 300: {j.lossy_draft}"
    return Script([j.brief], [j.source, notes], [draft], ["APPROVE: fine."])


def tool_failure(j: Job) -> Script:
    broken = j.source.replace("https://", "https://api.") + "?v=0"
    return Script(
        [j.brief],
        [broken, "Fetched the source."],
        [j.lossy_draft],
        ["APPROVE: fine."],
        fetch_errors=["Internal Server Error: unknown API version 0"],
    )


def self_report(j: Job) -> Script:
    return Script(
        [j.brief],
        [j.source, ""],
        ["I cannot write this: the notes are empty and I could not find the information."],
        ["APPROVE: nothing to add."],
    )


def repetition(j: Job) -> Script:
    same = f"Draft: {j.lossy_draft}"
    return Script(
        [j.brief],
        [j.source, j.notes],
        [same, same, same],
        ["Does not meet the brief.", "Still does not meet the brief.", "No."],
    )


Step = tuple[str, int]
# name, mode, script, (mistake step, symptom step): the reviewer's approval, the
# writer's report of trouble, the writer's third identical draft
Case = tuple[str, str, Callable[[Job], Script], tuple[Step, Step] | None]
CASES: Sequence[Case] = (
    ("healthy", c.HEALTHY, healthy, None),
    ("retried", c.HEALTHY, retried, None),
    ("transient", c.HEALTHY, transient, None),
    ("lost-constraint", c.LOST_CONSTRAINT, lost_constraint, ((PLANNER, 1), (REVIEWER, 1))),
)
SOME: Sequence[Case] = (
    ("made-up", c.MADE_UP, made_up, ((RESEARCHER, 1), (REVIEWER, 1))),
    ("tool-failure", c.TOOL_FAILURE, tool_failure, ((RESEARCHER, 1), (REVIEWER, 1))),
)
FEW: Sequence[Case] = (
    ("self-report", c.SELF_REPORT, self_report, ((RESEARCHER, 1), (WRITER, 1))),
    ("repetition", c.REPETITION, repetition, ((WRITER, 1), (WRITER, 3))),
)


async def scenarios(rec: c.Recorder) -> None:
    plans = [(j, case) for j in JOBS for case in CASES]
    plans += [(j, case) for j in JOBS[:3] for case in SOME]
    plans += [(j, case) for j in JOBS[2:] for case in FEW]
    for job, (name, mode, make, where) in plans:
        app = cg_langgraph.instrument(
            build(make(job)), verify=[REVIEWER], verdict_key="approved", capture_content=True
        )

        async def body(task: str, app: Any = app) -> str:
            result = await app.ainvoke({"request": task})
            return str(result.get("draft", ""))

        root, symptom = where if where else (None, None)
        await rec.run(f"lg-{name}-{job.key}", mode, job.task, body, root=root, symptom=symptom)


if __name__ == "__main__":
    raise SystemExit(c.main("langgraph", scenarios))
