"""A town council's allotments office as a Haystack multi-agent team.

The ``allotments_officer`` is a Haystack ``Agent`` whose tools are the other four agents,
each a Haystack ``Agent`` wrapped as a tool with ``AgentTool`` (``ask_records_clerk``,
``ask_coder``, ``ask_checker``, ``ask_writer``): a call runs that agent on the brief as its
one user message, and its last reply comes back as the tool's result. ``records_clerk``
and ``checker`` read the office's files with ``read_file`` and ``coder`` runs Python with
``run_python``, each a Haystack component of this module wrapped with ``ComponentTool``
(the reader over a scratch copy of the files, the runner a real subprocess with no stdin in
that folder). The officer's run ends when ``ask_writer`` has run
(``exit_conditions=["ask_writer"]``): the writer's reply is the run's answer.

Every agent's chat generator is Haystack's ``OpenAIChatGenerator`` (model
``allotments-desk-chat-1``, ``max_retries=0``) pointed at a local stand-in for the OpenAI
chat completions API on 127.0.0.1 that replays the run's turns in order, each a
``ChatCompletion`` with the turn's text and at most one tool call; a turn is one model
response, and the stand-in checks the request's system message is that turn's agent's.
No network.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")

from haystack import component  # noqa: E402 (after the telemetry switch)
from haystack.components.agents import Agent  # noqa: E402
from haystack.components.generators.chat import OpenAIChatGenerator  # noqa: E402
from haystack.dataclasses import ChatMessage  # noqa: E402
from haystack.tools import AgentTool, ComponentTool  # noqa: E402
from haystack.utils import Secret  # noqa: E402

from benchmarks.corpus._allot_script import (  # noqa: E402
    CHECKER,
    CLERK,
    CODER,
    LEAD,
    WRITER,
    Run,
    Turn,
)
from benchmarks.corpus._allot_tasks import DATA, FILES  # noqa: E402
from benchmarks.corpus._desk import (  # noqa: E402
    check_cells,
    read_file_in,
    run_python_in,
    scratch,
)
from benchmarks.corpus._stand_in import Replay  # noqa: E402

__all__ = ["FileReader", "PythonRunner", "check_run", "play"]

MODEL = "allotments-desk-chat-1"
SITES = "Mill Lane, Hob Green, Tanner's Field"
OFFICE = f"the allotments office of Kettlewick Town Council (sites {SITES})"
SYSTEM = {
    LEAD: (
        f"You are {LEAD}, who runs {OFFICE}. Plan each question and delegate with your ask_* "
        "tools: a colleague sees only the brief you give it, so put in it everything it "
        f"needs. Finish by asking the writer for the answer. Files: {FILES}."
    ),
    CLERK: (
        f"You are {CLERK} in {OFFICE}. Read the files with read_file, quote what they say "
        "exactly and report what you found."
    ),
    CODER: (
        f"You are {CODER} in {OFFICE}. Write Python and run it with run_python (it runs in "
        "a folder holding the office's files); report the figure it printed."
    ),
    CHECKER: (
        f"You are {CHECKER} in {OFFICE}. Check the working you are given against the files "
        "and the question; say whether it stands, and if not what must be redone."
    ),
    WRITER: (
        f"You are {WRITER} in {OFFICE}. Write the office's answer for the committee minutes "
        "in one or two sentences, with the figure exactly as worked out."
    ),
}
ASKS = {
    CLERK: "Reads plots, fees and inspection records from the office's files.",
    CODER: "Writes and runs Python over the office's files to compute figures.",
    CHECKER: "Checks the working before the answer goes out.",
    WRITER: "Writes the office's answer for the committee minutes.",
}


@component
class FileReader:
    """Reads one of the allotments office's files from its folder."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    @component.output_types(text=str)
    def run(self, name: str, contains: str = "") -> dict[str, str]:
        """Read one of the office's files.

        :param name: the file's name, e.g. plots.csv
        :param contains: for a CSV file, keep only the header and the rows containing this text
        """
        return {"text": read_file_in(Path(self.folder), name, contains)}


@component
class PythonRunner:
    """Runs a Python script in a subprocess in the office's folder."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.ran: list[tuple[str, str]] = []

    @component.output_types(output=str)
    def run(self, code: str) -> dict[str, str]:
        """Run a whole Python script in a folder holding the office's files.

        :param code: the script
        """
        out = run_python_in(Path(self.folder), code)
        self.ran.append((code, out))
        return {"output": out}


# the turns left in the run being played, in order (one run at a time)
_SCRIPT: list[Turn] = []


_STAND_IN = Replay(_SCRIPT, tag="allot", created=1_812_000_000, model=MODEL)


def _generator() -> OpenAIChatGenerator:
    return OpenAIChatGenerator(
        api_key=Secret.from_token("not-used"),
        model=MODEL,
        api_base_url=_STAND_IN.url(),
        max_retries=0,
        timeout=30,
    )


def build(work: Path) -> tuple[Agent, PythonRunner]:
    """The officer's agent for one run (its team as its tools), the tools working in
    ``work``; and the coder's runner, which keeps what it ran."""
    reader = ComponentTool(
        FileReader(str(work)),
        name="read_file",
        description=(
            "Read one of the office's files (a CSV file may be cut to rows containing a text)."
        ),
        outputs_to_string={"source": "text"},
    )
    runner = PythonRunner(str(work))
    run_python = ComponentTool(
        runner,
        name="run_python",
        description=(
            "Run a whole Python script in a folder holding the office's files; "
            "the exit code and what it printed (or its traceback)."
        ),
        outputs_to_string={"source": "output"},
    )
    tools = {CLERK: [reader], CODER: [run_python], CHECKER: [reader], WRITER: None}
    team = [
        AgentTool(
            Agent(chat_generator=_generator(), system_prompt=SYSTEM[agent], tools=tools[agent]),
            name=f"ask_{agent}",
            description=ASKS[agent],
        )
        for agent in (CLERK, CODER, CHECKER, WRITER)
    ]
    lead = Agent(
        chat_generator=_generator(),
        system_prompt=SYSTEM[LEAD],
        tools=team,
        exit_conditions=[f"ask_{WRITER}"],
        max_agent_steps=40,
    )
    return lead, runner


def play(run: Run) -> str:
    """One scripted run of the team; the writer's answer (the result of ``ask_writer``,
    the officer's last message)."""
    _SCRIPT.clear()
    _SCRIPT.extend(run.turns)
    with scratch(run, DATA, "coordgap-allot-", _SCRIPT) as work:
        lead, runner = build(work)
        result = lead.run(messages=[ChatMessage.from_user(run.task)])
        run.ran[:] = runner.ran
        last = result["last_message"]
        if result["exit_reason"] != f"ask_{WRITER}" or last.tool_call_result is None:
            return repr(last)
        return str(last.tool_call_result.result)


def check_run(run: Run, output: str) -> None:
    """The run went as scripted (``check_cells``): the writer's answer, the cells' lines."""
    check_cells(run, output, WRITER)
