"""A season-desk run as its usual shape with some of its turns said otherwise: the lead
briefs the clerk, the clerk reads and reports, the lead briefs the analyst, who runs a
cell and reports, the lead closes the first task; then the lead has the checker check
(it reads a file and gives its verdict) and the writer draft, and gives the draft as the
crew's answer. A run names the turns it words differently, marks, and turns it adds."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from benchmarks.corpus._hive_team import (
    ANALYST,
    CHECKER,
    CLERK,
    WRITER,
    Run,
    Turn,
    cell,
    delegate,
    done,
    read,
    say,
)

__all__ = ["Desk", "desk"]

ORDER = (
    "brief", "reads", "lines", "to_analyst", "cell", "report", "work",
    "to_checker", "check_read", "verdict", "to_writer", "draft", "final",
)  # fmt: skip


@dataclass(frozen=True)
class Desk:
    """One question's usual run, piece by piece."""

    brief: tuple[str, str, str]  # the clerk's task, context, the lead's thought
    reads: tuple[tuple[str, str, str], ...]  # (file, contains, thought)
    lines: str  # the clerk's report
    to_analyst: tuple[str, str, str]
    code: str
    prints: str
    report: str  # the analyst's report
    work: str  # the lead's answer to the first task
    to_checker: tuple[str, str, str]
    check_read: tuple[str, str, str]
    verdict: str
    to_writer: tuple[str, str, str]
    draft: str  # the writer's draft, the crew's answer
    extra: dict[str, Any] = field(default_factory=dict)

    def but(self, **changes: Any) -> Desk:
        return replace(self, **changes)


def _turns(d: Desk, key: str) -> list[Turn]:
    if key == "brief":
        return [delegate(CLERK, *d.brief)]
    if key == "reads":
        return [read(CLERK, f, c, thought=t) for f, c, t in d.reads]
    if key == "lines":
        return [say(CLERK, d.lines)]
    if key == "to_analyst":
        return [delegate(ANALYST, *d.to_analyst)]
    if key == "cell":
        return [cell(d.extra.get("cell_thought", "Running it over the files"), d.code, d.prints)]
    if key == "report":
        return [say(ANALYST, d.report)]
    if key == "work":
        return [done(d.work, "I have the figure and the working")]
    if key == "to_checker":
        return [delegate(CHECKER, *d.to_checker)]
    if key == "check_read":
        f, c, t = d.check_read
        return [read(CHECKER, f, c, thought=t)]
    if key == "verdict":
        return [say(CHECKER, d.verdict)]
    if key == "to_writer":
        return [delegate(WRITER, *d.to_writer)]
    if key == "draft":
        return [say(WRITER, d.draft, thought="I can write this up for the season log")]
    return [done(d.draft, "The writer's answer goes out as it is")]


def desk(
    scenario: str,
    mode: str,
    task: str,
    d: Desk,
    answer: str,
    expect: str,
    *,
    marks: dict[str, str] | None = None,
    before: dict[str, list[Turn]] | None = None,
    after: dict[str, list[Turn]] | None = None,
    note: str = "",
) -> Run:
    """The run of ``d``; ``marks`` marks a piece's last turn (``"reads.0"``: its first)
    "root", "symptom" or both;
    ``before`` / ``after`` add turns around a piece."""
    turns: list[Turn] = []
    for key in ORDER:
        turns += (before or {}).get(key, [])
        mine = _turns(d, key)
        for name, mark in (marks or {}).items():
            piece, _, at = name.partition(".")
            if piece == key:
                i = int(at) if at else -1
                mine[i] = replace(mine[i], mark=mark)
        turns += mine
        turns += (after or {}).get(key, [])
    return Run(scenario, mode, task, turns, answer=answer, expect=expect, note=note)
