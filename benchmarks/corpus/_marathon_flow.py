"""The office's usual order of work, for writing runs: the director briefs the clerk, the
coder and the checker (and the bulletin writer when asked), then answers. A run names
what each one says; ``marks`` puts "root" or "symptom" on a named turn."""

from __future__ import annotations

from typing import Any

from benchmarks.corpus._marathon_team import (
    CHECKER,
    CLERK,
    CODER,
    LEAD,
    WRITER,
    Run,
    Turn,
    ask,
    cell,
    done,
    read,
    write,
)


def desk(
    scenario: str,
    mode: str,
    task: str,
    *,
    clerk: tuple[str, list[tuple[str, str, str]], str, str],
    coder: tuple[str, str, str, str, str, str] | None,
    checker: tuple[str, Any, str, str] | None,
    writer: tuple[str, str, str] | None = None,
    final: tuple[str, str],
    answer: str,
    expect: str,
    note: str = "",
    marks: dict[str, str] | None = None,
    extra: dict[str, list[Turn]] | None = None,
) -> Run:
    """``clerk``: (brief, [(file, contains, thought)], finish thought, reply); ``coder``:
    (brief, code, prints, thought, finish thought, reply); ``checker``: (brief, a read
    (file, contains, thought) or a cell (code, prints, thought), finish thought, verdict);
    ``writer``: (brief, reasoning, notice); ``final``: (finish thought, answer).
    ``extra`` holds turns written out in full (their own marks) to play after the clerk,
    the coder or the checker has replied."""
    marks = marks or {}
    extra = extra or {}
    named: list[tuple[str, Turn]] = []

    def add(name: str, turn: Turn) -> None:
        named.append((name, turn))

    def more(stage: str) -> None:
        named.extend(("", t) for t in extra.get(stage, []))

    brief, reads, thought, reply = clerk
    add("ask_clerk", ask(CLERK, brief))
    for i, (name, contains, said) in enumerate(reads):
        add(f"clerk_read{i}", read(CLERK, name, contains, said))
    fin, out = done(CLERK, thought, reply)
    add("clerk_done", fin)
    add("clerk_reply", out)
    more("clerk")
    if coder is not None:
        brief, code, prints, said, thought, reply = coder
        add("ask_coder", ask(CODER, brief))
        add("code", cell(CODER, code, prints, said))
        fin, out = done(CODER, thought, reply)
        add("coder_done", fin)
        add("coder_reply", out)
        more("coder")
    if checker is not None:
        brief, step, thought, verdict = checker
        add("ask_checker", ask(CHECKER, brief))
        if step[0].endswith((".csv", ".json")):
            add("check", read(CHECKER, step[0], step[1], step[2]))
        else:
            add("check", cell(CHECKER, step[0], step[1], step[2]))
        fin, out = done(CHECKER, thought, verdict)
        add("checker_done", fin)
        add("verdict", out)
        more("checker")
    if writer is not None:
        add("ask_writer", ask(WRITER, writer[0]))
        add("notice", write(writer[2], writer[1]))
    fin, out = done(LEAD, final[0], final[1])
    add("lead_done", fin)
    add("final", out)
    unknown = set(marks) - {n for n, _ in named}
    if unknown or set(extra) - {"clerk", "coder", "checker"}:
        raise SystemExit(f"{scenario}: no turn {unknown or set(extra)}")
    turns = []
    for name, turn in named:
        if name:
            turn.mark = marks.get(name, "")
        turns.append(turn)
    return Run(scenario, mode, task, turns, answer, expect, note)


__all__ = [
    "CHECKER", "CLERK", "CODER", "LEAD", "WRITER", "Turn", "ask", "cell", "desk", "done", "read",
]  # fmt: skip
