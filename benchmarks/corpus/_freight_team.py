"""The freight desk's team on ``langgraph-supervisor``: tools, agents, the script player.

A run is a list of :class:`Turn`: who speaks, the tool calls its model makes,
then what it says. The supervisor's routing turns are implied (before each
specialist's turn it calls ``transfer_to_<agent>``, with a short line of its own
when the turn gives one); the run ends with the supervisor's answer. The
``code_runner`` has no script: it runs the latest ```python block of the
conversation in a real Python subprocess and says what came back.

After a run, the marked turns (``root``, ``symptom``) are found again among the
recorded spans of the run (an agent's turn whose recorded output holds the
turn's words), and their ordinals are counted from those spans.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph_supervisor import create_supervisor
from opentelemetry import trace

import tracer
from tracer import semconv
from tracer.integrations import langgraph as cg_langgraph

with warnings.catch_warnings():  # langgraph-supervisor still builds agents with it
    warnings.simplefilter("ignore")
    from langgraph.prebuilt import create_react_agent

DATA = Path(__file__).resolve().parent / "_freight_data"
SUPERVISOR = "supervisor"
LEAD, RATES, CUSTOMS = "planning_lead", "rates_analyst", "customs_expert"
CODER, RUNNER, VERIFIER, WRITER = (
    "python_coder",
    "code_runner",
    "verification_expert",
    "report_writer",
)
TEAM = (LEAD, RATES, CUSTOMS, CODER, RUNNER, VERIFIER, WRITER)
CODE_TIMEOUT_S = 20


@dataclass
class Turn:
    agent: str
    say: str = ""
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    route: str = ""  # the supervisor's words as it hands this turn over
    mark: str = ""  # "root", "symptom" or "root symptom"


@dataclass
class Run:
    scenario: str
    mode: str
    task: str
    turns: list[Turn]
    answer: str  # the supervisor's final answer
    expect: str  # the right answer's figure: in a healthy run's answer, not a failing one's
    final_mark: str = ""  # "symptom" when the final answer is where the failure shows
    note: str = ""


class Scripted(FakeMessagesListChatModel):
    """Replies from a script, tool calls included."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Scripted:
        return self


# --- tools over the desk's canned files ------------------------------------------


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def rate_sheet(lane: str, container: str, year: int = 2025) -> str:
    """Contract ocean rate (USD per container) and transit days for a lane, by sheet year."""
    path = f"rates_{year}.csv"
    if not (DATA / path).exists():
        return json.dumps({"error": f"no rate sheet for {year}", "sheets": [2024, 2025]})
    for row in _rows(path):
        if row["lane"] == lane and row["container"] == container:
            return json.dumps({"sheet": year, **row})
    return json.dumps({"error": f"no {container} rate on {lane} in the {year} sheet"})


def shipment(ref: str) -> str:
    """The booking record of a shipment (container, lane, weights, HS code, dates)."""
    data = json.loads((DATA / "shipments.json").read_text("utf-8"))
    if ref not in data:
        return json.dumps({"error": f"unknown shipment {ref}"})
    return json.dumps({"shipment": ref, **data[ref]})


def invoice_lines(invoice: str) -> str:
    """The lines of a carrier invoice: item, contracted amount_usd and billed_usd."""
    lines = [r for r in _rows("invoices.csv") if r["invoice"] == invoice]
    if not lines:
        return json.dumps({"error": f"unknown invoice {invoice}"})
    return json.dumps(lines)


def tariff(hs_code: str) -> str:
    """Duty rates (percent of customs value) for an HS code, EU and US."""
    data = json.loads((DATA / "customs.json").read_text("utf-8"))
    if hs_code not in data:
        return json.dumps({"error": f"no tariff line {hs_code}"})
    return json.dumps({"hs_code": hs_code, **data[hs_code]})


TOOLS = {
    LEAD: [],
    RATES: [rate_sheet, shipment, invoice_lines],
    CUSTOMS: [tariff, shipment],
    CODER: [],
    VERIFIER: [rate_sheet, shipment, tariff, invoice_lines],
    WRITER: [],
}

# --- the code runner: a graph of its own that runs the latest cell --------------

_CELL = re.compile(r"```python\n(.*?)```", re.S)


def run_cell(state: MessagesState) -> dict[str, Any]:
    cells = [c for m in state["messages"] for c in _CELL.findall(str(m.content))]
    if not cells:
        return {"messages": [AIMessage(content="nothing to run", name=RUNNER)]}
    with tempfile.TemporaryDirectory(prefix="freight-cell-") as tmp:
        path = Path(tmp) / "cell.py"
        path.write_text(cells[-1], "utf-8")
        try:
            done = subprocess.run(
                [sys.executable, str(path)],
                cwd=tmp,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=CODE_TIMEOUT_S,
                check=False,
            )
            code, out = done.returncode, (done.stdout + done.stderr).replace(tmp, ".")
        except subprocess.TimeoutExpired:
            code, out = 124, f"timed out after {CODE_TIMEOUT_S} s"
    trace.get_current_span().set_attribute(semconv.PROCESS_EXIT_CODE, code)
    text = f"exit code: {code}\n{out.strip()}"
    return {"messages": [AIMessage(content=text, name=RUNNER)]}


def _runner() -> Any:
    graph = StateGraph(MessagesState)
    graph.add_node("run_cell", run_cell)
    graph.add_edge(START, "run_cell")
    graph.add_edge("run_cell", END)
    return graph.compile(name=RUNNER)


# --- building and playing a run ---------------------------------------------------


def _call(tool: str, n: int, args: dict[str, Any]) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": tool, "args": args, "id": f"call_{n}"}])


def build(run: Run) -> Any:
    replies: dict[str, list[AIMessage]] = {a: [] for a in TEAM if a != RUNNER}
    boss: list[AIMessage] = []
    n = 0
    for turn in run.turns:
        n += 1
        boss.append(
            AIMessage(
                content=turn.route,
                tool_calls=[{"name": f"transfer_to_{turn.agent}", "args": {}, "id": f"route_{n}"}],
            )
        )
        if turn.agent == RUNNER:
            continue
        for tool, args in turn.calls:
            n += 1
            replies[turn.agent].append(_call(tool, n, args))
        replies[turn.agent].append(AIMessage(content=turn.say))
    boss.append(AIMessage(content=run.answer))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        agents = [
            create_react_agent(Scripted(responses=replies[a] or [AIMessage("-")]), TOOLS[a], name=a)
            for a in TEAM
            if a != RUNNER
        ]
        agents.insert(TEAM.index(RUNNER), _runner())
        team = create_supervisor(agents, model=Scripted(responses=boss), supervisor_name=SUPERVISOR)
    return cg_langgraph.instrument(team.compile(name="freight_desk"), verify=[VERIFIER])


def play(run: Run, task: str) -> str:
    app = build(run)
    out = app.invoke(
        {"messages": [{"role": "user", "content": task}]}, config={"recursion_limit": 300}
    )
    return str(out["messages"][-1].content)


# --- finding the marked turns among the recorded spans -------------------------


def _attrs(span: dict[str, Any]) -> dict[str, Any]:
    return {kv["key"]: next(iter(kv["value"].values())) for kv in span.get("attributes", [])}


def recorded_turns(store: Path, trace_id: str) -> list[tuple[str, str]]:
    """(agent, recorded output) of coordgap's agent turns of one run, by start time."""
    tracer.flush()
    found: list[tuple[int, str, str]] = []
    for path in sorted(store.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            for rs in json.loads(line)["resourceSpans"]:
                for ss in rs["scopeSpans"]:
                    if ss.get("scope", {}).get("name") != "coordgap":
                        continue
                    for span in ss["spans"]:
                        attrs = _attrs(span)
                        agent = attrs.get(semconv.GEN_AI_AGENT_NAME)
                        if span["traceId"] == trace_id and agent is not None:
                            out = str(attrs.get(semconv.OUTPUT_CONTENT, ""))
                            found.append((int(span["startTimeUnixNano"]), agent, out))
    return [(agent, out) for _, agent, out in sorted(found)]


def _expected(run: Run) -> list[tuple[str, str]]:
    """(agent, words) of every turn the script implies, supervisor's included."""
    seq: list[tuple[str, str]] = []
    for turn in run.turns:
        seq += [(SUPERVISOR, turn.route), (turn.agent, turn.say)]
    return seq + [(SUPERVISOR, run.answer)]


def locate(run: Run, turns: list[tuple[str, str]], which: str) -> tuple[str, int] | None:
    """The marked turn as (agent, ordinal among that agent's recorded turns)."""
    seq = _expected(run)
    if [a for a, _ in seq] != [a for a, _ in turns]:
        raise SystemExit(f"{run.scenario}: recorded turns {[a for a, _ in turns]} differ")
    at = None
    for i, turn in enumerate(run.turns):
        if which in turn.mark.split():
            at = 2 * i + 1
    if which in run.final_mark.split():
        at = len(seq) - 1
    if at is None:
        return None
    agent, words = seq[at]
    probe = words.strip()[:60]
    if probe and probe not in turns[at][1] and json.dumps(probe)[1:-1] not in turns[at][1]:
        raise SystemExit(f"{run.scenario}: {agent}'s {which} turn does not hold its words")
    return agent, [a for a, _ in turns[: at + 1]].count(agent)
