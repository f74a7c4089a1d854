"""The Magentic-One-style team of ``openai_agents_magentic`` on the OpenAI Agents SDK.

An ``Orchestrator`` directs four specialists it calls as tools (the SDK's
``Agent.as_tool``): a ``WebSurfer`` with search and page tools over canned pages,
a ``FileSurfer`` reading files in a local workspace, a ``Coder`` that writes
Python, and a ``ComputerTerminal`` whose one tool really runs that Python in a
subprocess. The outer loop is Magentic-One's: each orchestrator step is one
``Runner.run`` of the orchestrator (its turn), which asks one specialist (that
specialist's turn, nested under it); the last step gives the final answer.
Every model is the SDK's ``ScriptedModel``, fed the lines of one scenario.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agents import Agent, FunctionTool, RunConfig, Runner, function_tool
from agents.testing import ScriptedModel, assistant_message, function_call

ORCHESTRATOR = "Orchestrator"
WEB = "WebSurfer"
FILES = "FileSurfer"
CODER = "Coder"
TERMINAL = "ComputerTerminal"
TOOL_OF = {
    WEB: "web_surfer",
    FILES: "file_surfer",
    CODER: "coder",
    TERMINAL: "computer_terminal",
}
WORKFLOW = "magentic-one"


class FetchError(RuntimeError):
    """A page that did not load (the site's error, as the browser shows it)."""


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    text: str


@dataclass
class World:
    """What one task's team can reach: pages, a search index, files; pages that fail once."""

    pages: Sequence[Page] = ()
    files: dict[str, str] = field(default_factory=dict)
    flaky: dict[str, str] = field(default_factory=dict)  # url -> error shown on its first visit
    down: dict[str, str] = field(default_factory=dict)  # url -> error shown on every visit

    def page(self, url: str) -> Page:
        for page in self.pages:
            if page.url == url:
                return page
        raise FetchError(f"404 Not Found: {url}")


@dataclass(frozen=True)
class Call:
    """One tool call a specialist makes: tool name and arguments."""

    tool: str
    args: dict[str, Any]


@dataclass(frozen=True)
class Step:
    """The orchestrator asks ``to``; ``to`` makes its ``calls`` and replies ``reply``.

    ``note`` is the orchestrator's ledger line after the reply; ``expect`` a text the
    terminal's output must contain (a check on the script, not on the team).
    """

    to: str
    ask: str
    calls: tuple[Call, ...] = ()
    reply: str = ""
    note: str = "Noted; updating the ledger."
    expect: str | None = None


def _search_results(world: World, query: str) -> str:
    words = {w.strip(".,?").lower() for w in query.split() if len(w) > 2}
    scored = sorted(
        world.pages,
        key=lambda p: (
            -len(words & {w.strip(".,:()").lower() for w in f"{p.title} {p.url}".split()})
        ),
    )
    lines = [
        f"{i}. {p.title}\n   {p.url}\n   {p.text[:110]}..." for i, p in enumerate(scored[:4], 1)
    ]
    return f"Results for '{query}':\n" + "\n".join(lines)


def _show_error(ctx: Any, error: Exception) -> str:
    """What the model sees when a tool raised: the error, as a browser or shell would say it."""
    return f"Error: {error}"


def web_tools(world: World) -> list[FunctionTool]:
    """``web_search`` and ``visit_page`` over the world's canned pages."""
    visits: dict[str, int] = {}

    @function_tool(failure_error_function=_show_error)
    def web_search(query: str) -> str:
        """Search the web; returns titles, addresses and snippets."""
        return _search_results(world, query)

    @function_tool(failure_error_function=_show_error)
    def visit_page(url: str) -> str:
        """Open a page and return its text."""
        visits[url] = visits.get(url, 0) + 1
        if url in world.down:
            raise FetchError(world.down[url])
        if url in world.flaky and visits[url] == 1:
            raise FetchError(world.flaky[url])
        page = world.page(url)
        return f"{page.title}\n{page.url}\n\n{page.text}"

    return [web_search, visit_page]


def file_tools(workspace: Path) -> list[FunctionTool]:
    """``list_files`` and ``open_file`` over the workspace directory."""

    @function_tool(failure_error_function=_show_error)
    def list_files() -> str:
        """List the files attached to the task."""
        return "\n".join(sorted(p.name for p in workspace.iterdir() if not p.name.startswith("_")))

    @function_tool(failure_error_function=_show_error)
    def open_file(name: str) -> str:
        """Return a file's text."""
        path = workspace / name
        if not path.is_file():  # the workspace's own path is no part of what the model sees
            raise FileNotFoundError(f"[Errno 2] No such file or directory: '{name}'")
        return path.read_text("utf-8")

    return [list_files, open_file]


def terminal_tool(workspace: Path) -> FunctionTool:
    """``run_python``: runs the code for real, in a subprocess, in the workspace."""

    @function_tool(failure_error_function=_show_error)
    def run_python(code: str) -> str:
        """Run a Python script and return its exit code and output."""
        # -c, not a script file: tracebacks then name <string>, not a temporary path
        done = subprocess.run(
            [sys.executable, "-I", "-c", code],
            cwd=workspace,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        return f"exit code: {done.returncode}\n{done.stdout}{done.stderr}".rstrip() + "\n"

    return run_python


def _specialist(name: str, step: Step | None, tools: list[FunctionTool]) -> Agent[Any]:
    """One specialist with this step's script (an empty one when it is not asked)."""
    script: list[Any] = []
    if step is not None:
        script = [
            [function_call(c.tool, c.args, call_id=f"{name}-{i}")] for i, c in enumerate(step.calls)
        ]
        if name != TERMINAL:
            script.append([assistant_message(step.reply)])
    return Agent(
        name=name,
        instructions=INSTRUCTIONS[name],
        model=ScriptedModel(script),
        tools=tools,
        # the terminal has no opinions: what the code printed is its reply
        tool_use_behavior="stop_on_first_tool" if name == TERMINAL else "run_llm_again",
    )


INSTRUCTIONS = {
    ORCHESTRATOR: "You direct a team to solve the user's task. Keep a ledger of facts, "
    "pick one specialist per step, and end with 'FINAL ANSWER: <answer>'.",
    WEB: "You browse the web with web_search and visit_page and report what the pages say.",
    FILES: "You open the files attached to the task and report their contents.",
    CODER: "You write a self-contained Python script in one ```python block for the task given.",
    TERMINAL: "You run the Python code you are given with run_python.",
}


class Team:
    """One run's team: a workspace with the task's files and its world."""

    def __init__(self, world: World, workspace: Path) -> None:
        self.world = world
        self.workspace = workspace
        for name, text in world.files.items():
            (workspace / name).write_text(text, "utf-8")
        self.tools = {
            WEB: web_tools(world),
            FILES: file_tools(workspace),
            CODER: [],
            TERMINAL: [terminal_tool(workspace)],
        }

    def _orchestrator(self, step: Step | None, final: str, turn: int) -> Agent[Any]:
        if step is None:
            script: list[Any] = [[assistant_message(final)]]
        else:
            ask = function_call(TOOL_OF[step.to], {"input": step.ask}, call_id=f"o{turn}")
            script = [[ask], [assistant_message(step.note)]]
        tools = [
            _specialist(name, step if step and step.to == name else None, self.tools[name]).as_tool(
                tool_name=TOOL_OF[name], tool_description=INSTRUCTIONS[name]
            )
            for name in (WEB, FILES, CODER, TERMINAL)
        ]
        return Agent(
            name=ORCHESTRATOR,
            instructions=INSTRUCTIONS[ORCHESTRATOR],
            model=ScriptedModel(script),
            tools=tools,
        )

    async def solve(self, task: str, steps: Sequence[Step], final: str) -> str:
        """Run the orchestrator loop over ``steps``; the final answer."""
        ledger = [f"Task: {task}"]
        config = RunConfig(workflow_name=WORKFLOW, tracing_disabled=False)
        for turn, step in enumerate([*steps, None], 1):
            agent = self._orchestrator(step, final, turn)
            result = await Runner.run(agent, "\n\n".join(ledger), run_config=config)
            if step is None:
                return str(result.final_output)
            reply = _last_tool_output(result)
            if step.expect is not None and step.expect not in reply:
                raise AssertionError(f"terminal printed {reply!r}, script expects {step.expect!r}")
            ledger.append(f"{step.to}: {reply}")
        raise AssertionError("unreachable")


def _last_tool_output(result: Any) -> str:
    outputs = [
        str(item.output)
        for item in result.new_items
        if getattr(item, "type", "") == "tool_call_output_item"
    ]
    return outputs[-1] if outputs else ""


def workspace() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="magentic-ws-")


def body(world: World, steps: Sequence[Step], final: str) -> Callable[[str], Any]:
    """The run's body for ``Recorder.run``: a fresh team and workspace per run."""

    async def run(task: str) -> str:
        with workspace() as tmp:
            return await Team(world, Path(tmp)).solve(task, steps, final)

    return run
