"""The solar quoting desk's crew: tools over canned files, the agents, the script player.

A run is a list of :class:`Turn`: the coworker the manager delegates to (with the
brief it writes), the tool calls that coworker's model makes, then what it says.
The manager (CrewAI's hierarchical process, a ``manager_agent`` of our own)
delegates each turn with CrewAI's "Delegate work to coworker" tool and ends the
run with its final answer. The ``Code Executor``'s model replays a script too:
it calls ``run_python`` with the latest fenced block the coder wrote (a real
Python subprocess) and reports ``exit code: N`` and what came back; the run's
script states what each cell prints (a crash: the error line), and the player
checks it against what the cell really printed before the crew starts.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.corpus import _common as c

for _key, _value in c.TELEMETRY_OFF.items():  # before CrewAI is imported
    os.environ.setdefault(_key, _value)
os.environ.setdefault("CREWAI_STORAGE_DIR", tempfile.mkdtemp(prefix="coordgap-solar-crewai-"))

from crewai import Agent, Crew, Process, Task  # noqa: E402
from crewai.llms.base_llm import BaseLLM  # noqa: E402
from crewai.tools import tool  # noqa: E402
from opentelemetry import trace  # noqa: E402

from tracer import semconv  # noqa: E402

DATA = Path(__file__).resolve().parent / "_solar_data"
MANAGER = "Quoting Desk Manager"
SURVEYOR, PRICER, INCENTIVES = "Site Surveyor", "Equipment Pricer", "Incentives Analyst"
CODER, EXECUTOR, VERIFIER, WRITER = (
    "Python Coder",
    "Code Executor",
    "Quote Verifier",
    "Proposal Writer",
)
COWORKERS = (SURVEYOR, PRICER, INCENTIVES, CODER, EXECUTOR, VERIFIER, WRITER)
CODE_TIMEOUT_S = 20


@dataclass
class Turn:
    agent: str
    say: str = ""
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    brief: str = ""  # the manager's delegated task; a default one per agent when empty
    prints: str = ""  # the Code Executor's turn: what the cell prints (a crash: its last line)
    mark: str = ""  # "root", "symptom" or "root symptom"


@dataclass
class Run:
    scenario: str
    mode: str
    task: str
    turns: list[Turn]
    answer: str  # the manager's final answer
    expect: str  # the right figure: in a healthy run's answer, not in a failing one's
    manager_mark: str = ""  # "root" when the manager's own split or briefs are the mistake
    note: str = ""


class ScriptedLLM(BaseLLM):
    """Replies in order, in CrewAI's ReAct text."""

    def __init__(self, replies: Sequence[str]) -> None:
        super().__init__(model="scripted")
        self.replies = list(replies)

    def call(self, messages: Any, *args: Any, **kwargs: Any) -> str:
        return self.replies.pop(0) if self.replies else "Final Answer: (no reply left)"

    def supports_function_calling(self) -> bool:
        return False


# --- tools over the desk's canned files ------------------------------------------


def _json(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text("utf-8"))


@tool("site_survey")
def site_survey(job: str) -> str:
    """The site survey of a quote job: roof faces (azimuth, tilt, panels that fit,
    shading loss), region, utility, annual use, chosen panel and inverter."""
    data = _json("surveys.json")
    if job not in data:
        return json.dumps({"error": f"no survey for job {job}"})
    return json.dumps({"job": job, **data[job]})


@tool("yield_table")
def yield_table(region: str) -> str:
    """Specific yield (kWh per kWp per year) of a region and the orientation factors."""
    data = _json("yields.json")
    if region not in data["specific_yield_kwh_per_kwp"]:
        return json.dumps({"error": f"no yield for region {region}"})
    return json.dumps(
        {
            "region": region,
            "specific_yield_kwh_per_kwp": data["specific_yield_kwh_per_kwp"][region],
            "orientation_factor_by_azimuth": data["orientation_factor_by_azimuth"],
            "note": data["note"],
        }
    )


@tool("price_list")
def price_list(sku: str, year: int = 2026) -> str:
    """A SKU's line on the installer's price list of a year (2025 or 2026)."""
    path = DATA / f"prices_{year}.csv"
    if not path.exists():
        return json.dumps({"error": f"no price list for {year}", "lists": [2025, 2026]})
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["sku"] == sku:
                return json.dumps({"list": int(year), **row})
    return json.dumps({"error": f"no SKU {sku} on the {year} list"})


@tool("incentive")
def incentive(program: str) -> str:
    """The terms of an incentive programme (tax credit, state or utility rebate)."""
    data = _json("incentives.json")
    if program not in data:
        return json.dumps({"error": f"no programme {program}", "programmes": sorted(data)})
    return json.dumps({"program": program, **data[program]})


@tool("tariff")
def tariff(utility: str) -> str:
    """A utility's residential tariff: import price, export credit, fixed charge."""
    data = _json("tariffs.json")
    if utility not in data:
        return json.dumps({"error": f"no tariff for {utility}"})
    return json.dumps({"utility": utility, **data[utility]})


def execute(code: str) -> tuple[int, str]:
    """Run ``code`` in a fresh Python subprocess (stdin closed, timeout)."""
    with tempfile.TemporaryDirectory(prefix="solar-cell-") as tmp:
        path = Path(tmp) / "cell.py"
        path.write_text(code, "utf-8")
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
            return done.returncode, (done.stdout + done.stderr).replace(tmp, ".").strip()
        except subprocess.TimeoutExpired:
            return 124, f"timed out after {CODE_TIMEOUT_S} s"


@tool("run_python")
def run_python(code: str) -> str:
    """Run a Python cell in a fresh subprocess; its exit code and what it printed."""
    code_, out = execute(code)
    trace.get_current_span().set_attribute(semconv.PROCESS_EXIT_CODE, code_)
    return f"exit code: {code_}\n{out}"


TOOLS: dict[str, list[Any]] = {
    SURVEYOR: [site_survey, yield_table],
    PRICER: [price_list],
    INCENTIVES: [incentive, tariff],
    EXECUTOR: [run_python],
    VERIFIER: [site_survey, yield_table, price_list, incentive, tariff],
}
GOALS = {
    SURVEYOR: "Read the site survey and the regional yield data accurately",
    PRICER: "Quote equipment and labour from the right year's price list",
    INCENTIVES: "Find the incentives and the tariff that apply and their exact terms",
    CODER: "Write short Python that computes the figure asked for",
    EXECUTOR: "Run the coder's latest Python cell and report exactly what it printed",
    VERIFIER: "Check the figure against the sources; start with APPROVED or REJECTED",
    WRITER: "State the answer for the customer file, with the figure exactly as computed",
}
MANAGER_GOAL = "Answer quote questions exactly, delegating each part to the right coworker"

# --- building a crew from a run's script -------------------------------------------

_CELL = re.compile(r"```python\n(.*?)```", re.S)


def act(tool_name: str, arguments: dict[str, Any], thought: str) -> str:
    return f"Thought: {thought}\nAction: {tool_name}\nAction Input: {json.dumps(arguments)}"


def with_defaults(tool_name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """The call as a model would write it: CrewAI's `@tool` makes every parameter
    required (a Python default is not carried into its schema), so a call leaving
    `year` out fails validation before the tool runs."""
    if tool_name == "price_list":
        return {"sku": arguments["sku"], "year": arguments.get("year", 2026)}
    return arguments


def final(text: str, thought: str = "I have what was asked") -> str:
    return f"Thought: {thought}\nFinal Answer: {text}"


DEFAULT_BRIEF = {
    SURVEYOR: "Pull the site survey (and the region's yield) for the job in the question.",
    PRICER: "Price the equipment for the job from the price list.",
    INCENTIVES: "Find the incentive and tariff terms that apply to this job.",
    CODER: "Write a Python cell computing the figure from the inputs gathered so far.",
    EXECUTOR: "Run the coder's latest cell and tell me what it printed.",
    VERIFIER: "Check the figure against the sources before it goes out.",
    WRITER: "Write the answer up for the customer file.",
}


def script(run: Run) -> tuple[list[str], dict[str, list[str]]]:
    """The manager's replies and each coworker's, checking what each cell prints."""
    manager: list[str] = []
    replies: dict[str, list[str]] = {a: [] for a in COWORKERS}
    cell, last = "", run.task
    for n, turn in enumerate(run.turns):
        if turn.agent == EXECUTOR:
            if not cell:
                raise SystemExit(f"{run.scenario}: the executor has no cell to run")
            code, out = execute(cell)
            shown = out if code == 0 else out.splitlines()[-1]  # a crash: its error line
            if shown != turn.prints.strip():
                raise SystemExit(f"{run.scenario} turn {n}: the cell prints {out!r}")
            replies[EXECUTOR] += [
                act("run_python", {"code": cell}, "run the cell as given"),
                final(f"exit code: {code}\n{out}", "report what it printed"),
            ]
            said, context = f"exit code: {code}\n{out}", f"```python\n{cell}```"
        else:
            for tool_name, args in turn.calls:
                args = with_defaults(tool_name, args)
                replies[turn.agent].append(act(tool_name, args, f"check {tool_name}"))
            replies[turn.agent].append(final(turn.say))
            said, context = turn.say, last
            found = _CELL.findall(turn.say) if turn.agent == CODER else []
            cell = found[-1].strip() + "\n" if found else cell
        brief = turn.brief or DEFAULT_BRIEF[turn.agent]
        arguments = {"task": brief, "context": context, "coworker": turn.agent}
        manager.append(
            f"Thought: next, {turn.agent}\nAction: Delegate work to coworker\n"
            f"Action Input: {json.dumps(arguments)}"
        )
        last = said
    manager.append(final(run.answer, "all parts are in"))
    return manager, replies


def build(run: Run) -> Crew:
    manager_replies, replies = script(run)
    agents = [
        Agent(
            role=role,
            goal=GOALS[role],
            backstory="On the quoting desk of a residential solar installer.",
            llm=ScriptedLLM(replies[role] or [final("-")]),
            tools=TOOLS.get(role, []),
            allow_delegation=False,
            cache=False,
        )
        for role in COWORKERS
    ]
    manager = Agent(
        role=MANAGER,
        goal=MANAGER_GOAL,
        backstory="Runs the quoting desk; splits each question among the team.",
        llm=ScriptedLLM(manager_replies),
        allow_delegation=True,
        cache=False,
    )
    task = Task(
        name="quote_question",
        description="Answer this question about a quote job: {task}",
        expected_output="the exact figure asked for, stated in one line",
    )
    return Crew(
        name="solar-quoting-desk",
        agents=agents,
        tasks=[task],
        process=Process.hierarchical,
        manager_agent=manager,
    )


def expected_agents(run: Run) -> list[str]:
    """The agent turns a run records, in order: the manager's, then each delegation."""
    return [MANAGER, *(t.agent for t in run.turns)]


def marked(run: Run, which: str) -> tuple[str, int] | None:
    """The turn marked ``which`` as (agent, ordinal among that agent's turns)."""
    seq = expected_agents(run)
    at = 0 if which in run.manager_mark.split() else None
    for i, turn in enumerate(run.turns):
        if which in turn.mark.split():
            at = i + 1
    if at is None:
        return None
    return seq[at], seq[: at + 1].count(seq[at])


def py(body: str, lead: str = "") -> str:
    """A coder's reply: an optional line, then the fenced cell."""
    return f"{lead}\n```python\n{body.strip()}\n```".strip()
