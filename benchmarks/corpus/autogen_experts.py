"""Expert teams on AutoGen AgentChat: six specialists and a real code terminal.

Each team is a ``SelectorGroupChat`` of six ``*_Expert`` agents and a
``Computer_terminal`` (``CodeExecutorAgent`` on a real
``LocalCommandLineCodeExecutor``), the shape of AG2 captain-agent teams: a
lead splits the task, a data expert finds the input figure, a domain expert
comments, a coding expert writes Python that the terminal runs, a reporting
expert reads the output and a verification expert signs off. Most mistakes
are made early (a misread figure, the wrong file, a wrong split, an unfounded
assumption, a wrong formula) and only show when the wrong result is delivered
or approved several turns later. Each team speaks in its own voice.

    python -m benchmarks.corpus.autogen_experts STORE_DIR RECORDS.json
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.corpus import _common as c
from benchmarks.corpus._autogen_team import Turn, build, play, root
from benchmarks.corpus._expert_problems import FINANCE, SCIENCE, TRAVEL, Problem
from benchmarks.corpus._expert_voices import VOICES, Voice

TERMINAL = "Computer_terminal"


@dataclass(frozen=True)
class Team:
    key: str
    lead: str
    source: str
    domain: str
    coder: str
    reader: str
    checker: str
    voice: Voice
    problems: tuple[Problem, ...]


TEAMS = (
    Team(
        "fin",
        "BudgetPlanning_Expert",
        "DataCollection_Expert",
        "Tax_Expert",
        "Python_Expert",
        "Finance_Expert",
        "Verification_Expert",
        VOICES[0],
        FINANCE,
    ),
    Team(
        "trip",
        "TripPlanning_Expert",
        "Geography_Expert",
        "Transit_Expert",
        "PythonProgramming_Expert",
        "Logistics_Expert",
        "QualityAssurance_Expert",
        VOICES[1],
        TRAVEL,
    ),
    Team(
        "lab",
        "ProblemSolving_Expert",
        "Literature_Expert",
        "Units_Expert",
        "Statistics_Expert",
        "Chemistry_Expert",
        "Validation_Expert",
        VOICES[2],
        SCIENCE,
    ),
)


def printed(code: str) -> str:
    """What ``code`` prints (the terminal will print the same)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # the corpus's own code templates
    return out.getvalue().strip()


def _block(code: str) -> str:
    return f"```python\n{code}\n```"


class Run:
    """One run's script, built turn by turn in the team's voice."""

    def __init__(self, team: Team, p: Problem, n: int) -> None:
        self.t, self.p, self.v, self.n = team, p, team.voice, n
        self.turns: list[Turn] = []

    def say(self, who: str, text: str) -> int:
        self.turns.append((who, text))
        return len(self.turns) - 1

    def pick(self, options: tuple[str, ...], **fields: str) -> str:
        t, p = self.t, self.p
        names = {
            "lead": t.lead,
            "source": t.source,
            "domain": t.domain,
            "coder": t.coder,
            "reader": t.reader,
            "checker": t.checker,
        }
        values = {"quantity": p.quantity, "what": p.what, "unit": p.unit, **names, **fields}
        return options[self.n % len(options)].format(**values).replace(" .", ".")

    def plan(self, where: str) -> int:
        return self.say(self.t.lead, self.pick(self.v.plan, where=where))

    def fact(self, x: str, where: str) -> int:
        return self.say(self.t.source, self.pick(self.v.fact, x=x, where=where))

    def remark(self, text: str) -> int:
        return self.say(self.t.domain, text)

    def code(self, template: str, x: str, fix: bool = False) -> tuple[int, str]:
        code = template.format(x=x)
        lead = self.pick(self.v.fix if fix else self.v.code)
        at = self.say(self.t.coder, f"{lead}\n{_block(code)}")
        self.turns.append((TERMINAL, None))
        return at, _output(code)

    def result(self, r: str) -> int:
        return self.say(self.t.reader, self.pick(self.v.result, r=r))

    def approve(self, r: str) -> int:
        return self.say(self.t.checker, self.pick(self.v.approve, r=r))


def _output(code: str) -> str:
    try:
        return printed(code)
    except Exception:  # the failing template: the terminal shows its traceback
        return ""


# --- healthy runs -------------------------------------------------------------------------


def clean(r: Run) -> None:
    p = r.p
    r.plan(p.where)
    r.fact(p.x, p.where)
    r.remark(p.note)
    _, out = r.code(p.code, p.x)
    r.result(out)
    r.approve(out)


def fixed(r: Run) -> None:
    """The first script fails; someone notices, the coder fixes it."""
    p = r.p
    r.plan(p.where)
    r.fact(p.x, p.where)
    r.remark(p.note)
    r.code(p.broken, p.x)
    r.say(r.t.reader, r.pick(r.v.noticed))
    _, out = r.code(p.code, p.x, fix=True)
    r.result(out)
    r.approve(out)


def sent_back(r: Run) -> None:
    """An early wrong figure that the verifier catches; redone, then approved."""
    p = r.p
    r.plan(p.where)
    r.fact(p.x_bad, p.bad_where)
    r.remark(p.note)
    _, wrong = r.code(p.code, p.x_bad)
    r.result(wrong)
    r.say(r.t.checker, r.pick(r.v.send_back, bad_where=p.bad_where, where=p.where))
    r.fact(p.x, p.where)
    _, out = r.code(p.code, p.x)
    r.result(out)
    r.approve(out)


def questioned(r: Run) -> None:
    """A doubt about the source, answered: nothing was wrong."""
    p = r.p
    r.plan(p.where)
    r.fact(p.x, p.where)
    r.say(r.t.domain, r.pick(r.v.doubt, bad_where=p.bad_where, where=p.where))
    r.say(r.t.source, r.pick(r.v.confirm, x=p.x, where=p.where))
    _, out = r.code(p.code, p.x)
    r.result(out)
    r.approve(out)


# --- failing runs: each returns (mistake index, symptom index) -----------------------------

Span = tuple[int, int]


def wrong_input(r: Run) -> Span:
    p = r.p
    r.plan(p.where)
    bad = r.fact(p.x_bad, p.where)  # the right file, the figure misread
    r.remark(p.note)
    _, out = r.code(p.code, p.x_bad)
    r.result(out)
    return bad, r.approve(out)


def wrong_source(r: Run) -> Span:
    p = r.p
    r.plan(p.where)
    bad = r.fact(p.x_bad, p.bad_where)
    r.remark(p.note)
    _, out = r.code(p.code, p.x_bad)
    r.result(out)
    return bad, r.approve(out)


def bad_split(r: Run) -> Span:
    p = r.p
    bad = r.plan(p.bad_where)
    r.fact(p.x_bad, p.bad_where)
    r.remark(p.note)
    _, out = r.code(p.code, p.x_bad)
    r.result(out)
    return bad, r.approve(out)


def bad_assumption(r: Run) -> Span:
    p = r.p
    r.plan(p.where)
    r.fact(p.x, p.where)
    bad = r.remark(p.assume.format(xa=p.x_assumed))
    _, out = r.code(p.code, p.x_assumed)
    r.result(out)
    return bad, r.approve(out)


def wrong_formula(r: Run) -> Span:
    p = r.p
    r.plan(p.where)
    r.fact(p.x, p.where)
    r.remark(p.note)
    bad, out = r.code(p.wrong_code, p.x)
    r.result(out)
    return bad, r.approve(out)


def error_ignored(r: Run) -> Span:
    p = r.p
    r.plan(p.where)
    r.fact(p.x, p.where)
    r.remark(p.note)
    bad, _ = r.code(p.broken, p.x)
    guess = printed(p.code.format(x=p.x_bad))  # a figure from nowhere in this run
    shown = r.say(r.t.reader, r.pick(r.v.glossed, r=guess))
    r.approve(guess)
    return bad, shown


def late_trouble(r: Run) -> Span:
    p = r.p
    r.plan(p.where)
    bad = r.fact(p.x_bad, p.where)
    r.remark(p.note)
    _, out = r.code(p.code, p.x_bad)
    shown = r.say(r.t.reader, r.pick(r.v.trouble, r=out))
    r.say(r.t.checker, r.pick(r.v.give_up, r=out))
    return bad, shown


def misread(r: Run) -> Span:
    p = r.p
    r.plan(p.where)
    r.fact(p.x, p.where)
    r.remark(p.note)
    _, out = r.code(p.code, p.x)
    other = printed(p.code.format(x=p.x_bad))
    bad = r.result(other)
    return bad, r.approve(other)


HEALTHY_KINDS: tuple[tuple[str, Callable[[Run], None]], ...] = (
    ("fixed", fixed),
    ("sent-back", sent_back),
    ("questioned", questioned),
)
FAILING_KINDS: tuple[tuple[str, str, Callable[[Run], Span]], ...] = (
    ("wrong-input", c.WRONG_INPUT, wrong_input),
    ("wrong-source", c.WRONG_SOURCE, wrong_source),
    ("bad-split", c.BAD_SPLIT, bad_split),
    ("bad-assumption", c.BAD_ASSUMPTION, bad_assumption),
    ("wrong-formula", c.WRONG_ACCEPTED, wrong_formula),
    ("error-ignored", c.CODE_FAILURE, error_ignored),
    ("late-trouble", c.SELF_REPORT, late_trouble),
    ("misread", c.MISREPORTED, misread),
)


async def scenarios(rec: c.Recorder) -> None:
    async def go(team: Team, name: str, mode: str, r: Run, span: Span | None) -> None:
        script = r.turns

        async def body(task: str) -> str:
            return await play(
                build(script, executor_name=TERMINAL),
                task,
                executor_name=TERMINAL,
                verify=[team.checker],
                approve=("TERMINATE",),
            )

        where = root(script, span[0]) if span else None
        shows = root(script, span[1]) if span else None
        scenario = f"ex-{team.key}-{name}-{r.p.key}"
        await rec.run(scenario, mode, r.p.task, body, root=where, symptom=shows)

    n = 0
    for team in TEAMS:
        for p in team.problems:
            run = Run(team, p, n)
            clean(run)
            await go(team, "clean", c.HEALTHY, run, None)
            kind, make = HEALTHY_KINDS[n % len(HEALTHY_KINDS)]
            run = Run(team, p, n + 1)
            make(run)
            await go(team, kind, c.HEALTHY, run, None)
            for k in range(3):
                name, mode, fail = FAILING_KINDS[(3 * n + k) % len(FAILING_KINDS)]
                run = Run(team, p, n + k)
                span = fail(run)
                await go(team, name, mode, run, span)
            n += 1


if __name__ == "__main__":
    raise SystemExit(c.main("autogen-experts", scenarios))
