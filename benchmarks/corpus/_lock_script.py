"""The Wendle Navigation Trust's lock-maintenance desk: its five agents' names and the
builders of the turns its runs are written in (no BeeAI import here: the scripts load
anywhere, the team in ``_lock_team``).

Every turn is one model response carrying one tool call, as BeeAI's ``RequirementAgent``
asks for (``tool_choice="required"``): the lead hands work on by calling a ``HandoffTool``
named after the agent (``{"task": brief}``); the clerk and the verifier call ``read_file``,
the analyst ``run_python``; every agent ends its own run by calling ``final_answer``
(``{"response": text}``), and the lead's ``final_answer`` is the run's answer.
"""

from __future__ import annotations

from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._desk import Run, Turn, marked

__all__ = [
    "AGENTS",
    "ANALYST",
    "CLERK",
    "LEAD",
    "VERIFIER",
    "WRITER",
    "Run",
    "Turn",
    "answer",
    "cell",
    "check_answer",
    "check_cells",
    "close",
    "final_text",
    "finish",
    "hand",
    "read",
    "report",
]

LEAD = "works_lead"
CLERK = "log_clerk"
ANALYST = "py_analyst"
VERIFIER = "verifier"
WRITER = "notice_writer"
AGENTS = (LEAD, CLERK, ANALYST, VERIFIER, WRITER)
FINAL = "final_answer"


def hand(to: str, task: str, mark: str = "", say: str = "") -> Turn:
    """The lead handing work to ``to`` (its HandoffTool) with the brief ``task``."""
    return Turn(LEAD, say, (to, {"task": task}), mark=mark)


def read(agent: str, name: str, contains: str = "", mark: str = "", say: str = "") -> Turn:
    args = {"name": name, "contains": contains} if contains else {"name": name}
    return Turn(agent, say, ("read_file", args), mark=mark)


def cell(code: str, prints: str, mark: str = "", say: str = "") -> Turn:
    """The analyst running ``code``; ``prints`` its last printed line (a crash: its error
    line)."""
    return Turn(
        ANALYST, say, ("run_python", {"code": code.strip() + "\n"}), prints=prints, mark=mark
    )


def report(agent: str, text: str, mark: str = "") -> Turn:
    """``agent`` ending its run with ``text`` (its ``final_answer``), back to the lead."""
    return Turn(agent, "", (FINAL, {"response": text}), mark=mark)


def answer(text: str, mark: str = "") -> Turn:
    """The lead's own ``final_answer``: the run's answer."""
    return report(LEAD, text, mark)


_MARKS = {"r": "root", "s": "symptom", " ": ""}


def close(check: str, verdict: str, brief: str, notice: str, marks: str = "  ") -> list[Turn]:
    """The usual end of a run: the lead has the verifier check the working (its verdict),
    has the writer write the notice, and answers with it. ``marks``: one character each
    for the verdict, the notice and the answer (``r`` root, ``s`` symptom, blank none)."""
    marks = marks.ljust(3)
    return [
        hand(VERIFIER, check),
        report(VERIFIER, verdict, _MARKS[marks[0]]),
        *finish(brief, notice, marks[1:]),
    ]


def finish(brief: str, notice: str, marks: str = "  ") -> list[Turn]:
    """The lead having the writer write the notice, and answering with it (``marks`` as
    for :func:`close`: the notice's and the answer's)."""
    marks = marks.ljust(2)
    return [
        hand(WRITER, brief),
        report(WRITER, notice, _MARKS[marks[0]]),
        answer(notice, _MARKS[marks[1]]),
    ]


def final_text(run: Run) -> str:
    last = run.turns[-1]
    if last.agent != LEAD or not last.call or last.call[0] != FINAL:
        raise SystemExit(f"{run.scenario}: the run must end with the lead's final answer")
    return str(last.call[1]["response"])


def check_answer(run: Run) -> None:
    """The script delivers its answer, the right figure exactly when it is healthy, and is
    marked with a mistake and a symptom exactly when it is not."""
    healthy = run.mode == HEALTHY
    final = final_text(run)
    if (run.expect in final) != healthy or run.answer not in final:
        raise SystemExit(f"{run.scenario}: answer {run.answer!r} vs right figure {run.expect!r}")
    root, symptom = marked(run, "root"), marked(run, "symptom")
    if healthy != (root is None) or healthy != (symptom is None):
        raise SystemExit(f"{run.scenario}: mistake and symptom marks do not fit the mode")


def check_cells(run: Run, output: str) -> None:
    """The run went as scripted: the lead answered ``output`` as written, and every
    ``run_python`` cell printed (or failed with) what the script says."""
    if output != final_text(run):
        raise SystemExit(f"{run.scenario}: the run ended with {output!r}")
    cells = [t for t in run.turns if t.call and t.call[0] == "run_python"]
    if len(cells) != len(run.ran):
        raise SystemExit(f"{run.scenario}: {len(run.ran)} cells ran, {len(cells)} scripted")
    for turn, (_, out) in zip(cells, run.ran, strict=True):
        lines = [ln.strip() for ln in out.splitlines() if ln.strip()]
        crashed = not out.startswith("exit code 0")
        shown = turn.prints in lines if crashed else lines[-1] == turn.prints
        if crashed != ("Error" in turn.prints.split(":")[0]) or not shown:
            raise SystemExit(f"{run.scenario}: a cell gave {out!r}, not {turn.prints!r}")
