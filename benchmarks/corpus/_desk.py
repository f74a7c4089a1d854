"""What the scripted desks whose agents call tools share (``_meals_team`` on Pydantic
AI, ``_ferry_team`` on Google ADK): a run as the turns its agents speak, in order, and
the two real tools the agents call, a file reader and a Python runner in a scratch
folder holding a copy of the desk's data.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.corpus._common import HEALTHY

__all__ = [
    "CODE_TIMEOUT_S",
    "Run",
    "Turn",
    "cell",
    "expected_agents",
    "marked",
    "read",
    "read_file_in",
    "run_python_in",
    "scratch",
]

CODE_TIMEOUT_S = 15


@dataclass
class Turn:
    agent: str
    say: str = ""  # the text of the model response
    call: tuple[str, dict[str, Any]] | None = None  # one tool call (tool, arguments)
    prints: str = ""  # a run_python call: the last line printed (a crash: its error line)
    mark: str = ""  # "root", "symptom" or "root symptom"


@dataclass
class Run:
    scenario: str
    mode: str
    task: str
    turns: list[Turn]
    answer: str  # the figure delivered ("" when none)
    expect: str  # the right figure
    note: str = ""
    ran: list[tuple[str, str]] = field(default_factory=list)  # (code, what came back)


def read_file_in(work: Path, name: str, contains: str = "") -> str:
    path = work / name
    if not path.is_file() or path.parent != work:
        return f"no such file: {name}. Files: {', '.join(sorted(p.name for p in work.iterdir()))}"
    lines = path.read_text("utf-8").splitlines()
    if contains and name.endswith(".csv"):
        lines = [lines[0], *(ln for ln in lines[1:] if contains in ln)]
    return "\n".join(lines)


def run_python_in(work: Path, code: str) -> str:
    script = work / "cell.py"
    script.write_text(code, "utf-8")
    try:
        done = subprocess.run(
            [sys.executable, script.name],
            cwd=work,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=CODE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {CODE_TIMEOUT_S} s"
    out = f"exit code {done.returncode}\n{done.stdout}"
    if done.stderr:
        out += f"stderr:\n{done.stderr}"
    return out.rstrip("\n")


def read(agent: str, name: str, contains: str = "", say: str = "", mark: str = "") -> Turn:
    """``agent`` reading the file ``name`` (with ``contains``: only the rows holding it)."""
    args = {"name": name, "contains": contains} if contains else {"name": name}
    return Turn(agent, say, ("read_file", args), mark=mark)


def cell(agent: str, code: str, prints: str, say: str = "", mark: str = "") -> Turn:
    """``agent`` running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(agent, say, ("run_python", {"code": code.strip() + "\n"}), prints, mark)


@contextlib.contextmanager
def scratch(
    run: Run, data: Path, prefix: str, script: list[Any] | dict[str, list[Any]] | None = None
) -> Iterator[Path]:
    """One scripted run's working folder: a copy of the desk's ``data`` in a new temporary
    folder, removed after the run; ``run.ran`` emptied first. After the run every turn
    queued in ``script`` (one list in order, or a list per agent; none: the desk's models
    check their own turns) must have been played."""
    run.ran.clear()
    work = Path(tempfile.mkdtemp(prefix=prefix))
    for path in data.iterdir():
        shutil.copy(path, work / path.name)
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)
        left = (
            [agent for agent, turns in script.items() if turns]
            if isinstance(script, dict)
            else len(script or ())
        )
        if left:
            raise SystemExit(f"{run.scenario}: turns left unplayed: {left}")


def expected_agents(run: Run) -> list[str]:
    return [t.agent for t in run.turns]


def marked(run: Run, what: str) -> tuple[str, int] | None:
    """(agent, that agent's ordinal turn) of the turn marked ``what``."""
    seen: dict[str, int] = {}
    for turn in run.turns:
        seen[turn.agent] = seen.get(turn.agent, 0) + 1
        if what in turn.mark.split():
            return turn.agent, seen[turn.agent]
    return None


def check_answer(run: Run) -> None:
    """A played run delivered its script's answer, the right figure exactly when it is
    healthy, and is marked with a mistake and a symptom exactly when it is not."""
    healthy = run.mode == HEALTHY
    final = run.turns[-1].say
    if (run.expect in final) != healthy or (run.answer not in final):
        raise SystemExit(f"{run.scenario}: answer {run.answer!r} vs right figure {run.expect!r}")
    root, symptom = marked(run, "root"), marked(run, "symptom")
    if healthy != (root is None) or healthy != (symptom is None):
        raise SystemExit(f"{run.scenario}: mistake and symptom marks do not fit the mode")


def check_cells(run: Run, output: str, ender: str) -> None:
    """The run went as scripted: ``ender``'s last turn answered ``output`` as written,
    and every ``run_python`` cell printed (or failed with) what the script says."""
    if output != run.turns[-1].say or run.turns[-1].agent != ender:
        raise SystemExit(f"{run.scenario}: the run ended with {output!r}")
    cells = [t for t in run.turns if t.call and t.call[0] == "run_python"]
    if len(cells) != len(run.ran):
        raise SystemExit(f"{run.scenario}: {len(run.ran)} cells ran, {len(cells)} scripted")
    for turn, (_, out) in zip(cells, run.ran, strict=True):
        lines = [ln.strip() for ln in out.splitlines() if ln.strip()]
        crashed = not out.startswith("exit code 0")
        shown = turn.prints in lines if crashed else lines[-1] == turn.prints
        if crashed != ("Error" in turn.prints.split(":")[0]) or not shown:
            raise SystemExit(f"{run.scenario}: {turn.agent}'s cell gave {out!r}")
