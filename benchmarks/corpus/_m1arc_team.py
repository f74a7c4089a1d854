"""The Magentic-One team of the archives family and the scripts that drive it.

A real ``MagenticOneGroupChat``: its ``MagenticOneOrchestrator`` asks its model
for the facts, the plan, one JSON progress ledger per step and the final
answer; a ``ReplayChatCompletionClient`` replays those answers. The
participants are AgentChat agents with replay models of their own:
``WebSurfer`` (a ``visit_page`` tool over canned pages, no browser),
``FileSurfer`` (an ``open_path`` tool reading the run's own work folder),
``Coder`` (writes Python) and ``ComputerTerminal`` (``CodeExecutorAgent`` on a
real ``LocalCommandLineCodeExecutor``: the Coder's code runs in a subprocess).

A run is scripted as a :class:`Script`: the facts and plan, then the steps
(who speaks, the orchestrator's instruction to them, what they reply) and the
final answer. :func:`orchestrator_replies` writes the ledgers the orchestrator
parses, keeping its stall count as the orchestrator does, so a replan
(``Replan``) falls where the real orchestrator makes it.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.teams import MagenticOneGroupChat
from autogen_core import FunctionCall
from autogen_core.models import CreateResult, ModelFamily, ModelInfo, RequestUsage
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor
from autogen_ext.models.replay import ReplayChatCompletionClient

from tracer import semconv
from tracer.integrations import autogen as cg_autogen

ORCHESTRATOR = "MagenticOneOrchestrator"
WEB, FILES, CODER, TERMINAL = "WebSurfer", "FileSurfer", "Coder", "ComputerTerminal"
MAX_STALLS = 2
_USAGE = RequestUsage(prompt_tokens=0, completion_tokens=0)
_TOOLS_MODEL = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family=ModelFamily.UNKNOWN,
    structured_output=False,
)
_DESCRIPTIONS = {
    WEB: "A helpful assistant with access to a web browser. Ask them to visit a page "
    "(by URL) and report what it says; they read the page's text.",
    FILES: "An agent that can open and read local files (CSV, text, markdown) in the "
    "working folder and report their contents.",
    CODER: "A helpful and general-purpose AI assistant that has strong language skills, "
    "Python skills, and Linux command line skills.",
    TERMINAL: "A computer terminal that performs no other action than running Python "
    "scripts (provided to it quoted in ```python code blocks).",
}


@dataclass
class Step:
    """One orchestrator instruction and the answer of the agent it names.

    ``call`` is a surfer's tool argument (a URL or a path); ``reply`` is what
    the agent says (after reading the tool's result, for a surfer); the
    terminal says nothing of its own: it runs the Coder's latest code.
    ``progress``/``loop`` are the ledger's judgement before this step.
    """

    who: str
    ask: str
    reply: str = ""
    call: str | None = None
    progress: bool = True
    loop: bool = False


@dataclass
class Replan:
    """A ledger that finds the team stalled, then the updated facts and plan."""

    facts: str
    plan: str
    loop: bool = True


@dataclass
class Script:
    facts: str
    plan: str
    steps: list[Step | Replan]
    final: str
    done_reason: str = "The requested figure has been obtained and checked."


def _ledger(step: Step | None, done_reason: str, progress: bool, loop: bool) -> str:
    satisfied = step is None
    body = {
        "is_request_satisfied": {
            "reason": done_reason if satisfied else "The answer has not been established yet.",
            "answer": satisfied,
        },
        "is_in_loop": {
            "reason": "The same request keeps coming back." if loop else "Each step is new.",
            "answer": loop,
        },
        "is_progress_being_made": {
            "reason": "New information arrived." if progress else "Nothing new since last step.",
            "answer": progress,
        },
        "next_speaker": {
            "reason": "Best placed for the next step.",
            "answer": step.who if step else ORCHESTRATOR,
        },
        "instruction_or_question": {
            "reason": "The next action in the plan.",
            "answer": step.ask if step else "",
        },
    }
    return json.dumps(body, indent=2)


def orchestrator_replies(script: Script) -> list[str]:
    """The orchestrator's model answers in the order it asks for them."""
    out = [script.facts, script.plan]
    stalls = 0
    for item in script.steps:
        if isinstance(item, Replan):
            stalls += 1
            if stalls < MAX_STALLS:
                raise ValueError("a Replan must be the ledger that reaches the stall limit")
            out.append(_ledger(Step(WEB, "(stalled)"), "", False, item.loop))
            out += [item.facts, item.plan]
            continue  # the orchestrator keeps its stall count across a replan
        stalls = stalls + 1 if (not item.progress or item.loop) else max(0, stalls - 1)
        if stalls >= MAX_STALLS:
            raise ValueError(f"step {item.ask[:40]!r} reaches the stall limit: script a Replan")
        out.append(_ledger(item, "", item.progress, item.loop))
    out.append(_ledger(None, script.done_reason, True, False))
    out.append(script.final)
    return out


def _call(tool: str, argument: str, key: str, n: int) -> CreateResult:
    call = FunctionCall(id=f"call_{tool}_{n}", name=tool, arguments=json.dumps({key: argument}))
    return CreateResult(finish_reason="function_calls", content=[call], usage=_USAGE, cached=True)


def agent_replies(script: Script, who: str, tool: str, key: str) -> list[str | CreateResult]:
    """One agent's model answers: a tool call then its reading, or plain text."""
    out: list[str | CreateResult] = []
    steps = [s for s in script.steps if isinstance(s, Step) and s.who == who]
    for n, step in enumerate(steps):
        if step.call is not None:
            out.append(_call(tool, step.call, key, n))
        out.append(step.reply)
    return out


class Pages:
    """The canned web: a URL's text, or an error the tool raises."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages = pages

    def visit_page(self, url: str) -> str:
        """Open a web page by URL and return its visible text."""
        page = self.pages.get(url.strip())
        if page is None:
            raise LookupError(f"404 Not Found: {url}")
        if page.startswith("!"):  # a server error, as a browser would show it
            raise ConnectionError(page[1:])
        return f"Address: {url}\nViewport text:\n{page}"


class Folder:
    """The run's work folder, read by the FileSurfer (and by the Coder's code)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def open_path(self, path: str) -> str:
        """Open a local file by path and return its text."""
        target = (self.root / path.strip().lstrip("/")).resolve()
        if self.root.resolve() not in target.parents:
            raise PermissionError(f"{path}: outside the working folder")
        if not target.is_file():
            raise FileNotFoundError(f"No such file or directory: '{path}'")
        return f"Path: {path}\n" + target.read_text("utf-8")


def build_team(script: Script, pages: dict[str, str], work: Path) -> MagenticOneGroupChat:
    """A fresh Magentic-One team scripted for one run, its terminal working in ``work``."""
    web = AssistantAgent(
        WEB,
        model_client=ReplayChatCompletionClient(
            agent_replies(script, WEB, "visit_page", "url"), model_info=_TOOLS_MODEL
        ),
        tools=[Pages(pages).visit_page],
        description=_DESCRIPTIONS[WEB],
        reflect_on_tool_use=True,
    )
    files = AssistantAgent(
        FILES,
        model_client=ReplayChatCompletionClient(
            agent_replies(script, FILES, "open_path", "path"), model_info=_TOOLS_MODEL
        ),
        tools=[Folder(work).open_path],
        description=_DESCRIPTIONS[FILES],
        reflect_on_tool_use=True,
    )
    coder = AssistantAgent(
        CODER,
        model_client=ReplayChatCompletionClient(agent_replies(script, CODER, "", "")),
        description=_DESCRIPTIONS[CODER],
    )
    terminal = CodeExecutorAgent(
        TERMINAL,
        code_executor=LocalCommandLineCodeExecutor(work_dir=work, timeout=30),
        description=_DESCRIPTIONS[TERMINAL],
        sources=[CODER],
    )
    team = MagenticOneGroupChat(
        [web, files, coder, terminal],
        model_client=ReplayChatCompletionClient(orchestrator_replies(script)),
        max_stalls=MAX_STALLS,
        max_turns=40,
    )
    return cg_autogen.instrument(team, plan=[ORCHESTRATOR], actors={TERMINAL: semconv.ACTOR_CODE})


PLAN, FINAL = ("plan",), ("final",)


def do(i: int) -> tuple[str, int]:
    """The turn of the agent that answers step ``i``."""
    return ("do", i)


def ask(i: int) -> tuple[str, int]:
    """The orchestrator's instruction of step ``i``."""
    return ("ask", i)


def web(ask: str, url: str | None, reply: str, **kw: Any) -> Step:
    return Step(WEB, ask, reply, call=url, **kw)


def files(ask: str, path: str | None, reply: str, **kw: Any) -> Step:
    return Step(FILES, ask, reply, call=path, **kw)


def code(ask: str, reply: str, **kw: Any) -> Step:
    return Step(CODER, ask, reply, **kw)


def run(ask: str, **kw: Any) -> Step:
    return Step(TERMINAL, ask, **kw)


def turn_keys(script: Script) -> list[tuple[str, tuple[Any, ...]]]:
    """Every chat message of the run in order, as (author, key): the turns coordgap sees.

    The orchestrator's task ledger (facts and plan), then per step its
    instruction and the named agent's reply; a replan's new ledger; the final answer.
    """
    seq: list[tuple[str, tuple[Any, ...]]] = [(ORCHESTRATOR, PLAN)]
    for i, item in enumerate(script.steps):
        if isinstance(item, Replan):
            seq.append((ORCHESTRATOR, ("replan", i)))
        else:
            seq += [(ORCHESTRATOR, ask(i)), (item.who, do(i))]
    seq.append((ORCHESTRATOR, FINAL))
    return seq


def resolve(script: Script, key: tuple[Any, ...] | None) -> tuple[str, int] | None:
    """(agent, that agent's n-th turn) of the message ``key`` names."""
    if key is None:
        return None
    seq = turn_keys(script)
    at = [k for _, k in seq].index(key)
    agent = seq[at][0]
    return agent, [a for a, _ in seq[: at + 1]].count(agent)


@dataclass
class Case:
    """One scenario: its task, world (pages, files) and script, and its label."""

    name: str
    mode: str
    task: str
    script: Script
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    root: tuple[Any, ...] | None = None  # a key of turn_keys: PLAN, FINAL, do(i), ask(i)
    symptom: tuple[Any, ...] | None = None
    note: str = ""


async def play(case: Case, task: str) -> str:
    """Run the case's team on ``task`` in a fresh work folder; the last message."""
    with tempfile.TemporaryDirectory(prefix="m1arc-") as tmp:
        work = Path(tmp)
        for name, text in case.files.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_text(text, "utf-8")
        team = build_team(case.script, case.pages, work)
        result = await team.run(task=task)
    last: Any = result.messages[-1] if result.messages else None
    return str(getattr(last, "content", ""))
