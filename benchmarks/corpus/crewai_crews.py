"""Sequential CrewAI crews of five agents, one of them running real Python.

A coordinator names the dataset, a researcher reads it through a lookup tool,
an analyst computes with a ``run_python`` tool (a real Python subprocess), a
writer summarises (a guardrail asks that the summary state a figure) and a
checker signs off; each task gets the earlier tasks as context. Models are
scripted ``BaseLLM`` stand-ins speaking CrewAI's ReAct text. CrewAI's own
telemetry is off; traced by coordgap's CrewAI integration.

    python -m benchmarks.corpus.crewai_crews STORE_DIR RECORDS.json
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpus import _common as c

for _key, _value in c.TELEMETRY_OFF.items():  # before CrewAI is imported
    os.environ.setdefault(_key, _value)
os.environ.setdefault("CREWAI_STORAGE_DIR", tempfile.mkdtemp(prefix="coordgap-corpus-crewai-"))

from crewai import Agent, Crew, Process, Task  # noqa: E402
from crewai.llms.base_llm import BaseLLM  # noqa: E402
from crewai.tasks.task_output import TaskOutput  # noqa: E402
from crewai.tools import tool  # noqa: E402

from benchmarks.corpus._crew_topics import MARKET, OPS, Topic, datasets  # noqa: E402
from benchmarks.corpus._crew_voices import CREWS, CrewSpec  # noqa: E402
from tracer.integrations import crewai as cg_crewai  # noqa: E402

DATASETS = datasets()


class ScriptedLLM(BaseLLM):
    """Replies in order, in CrewAI's ReAct text."""

    def __init__(self, replies: Sequence[str]) -> None:
        super().__init__(model="scripted")
        self.replies = list(replies)

    def call(self, messages: Any, *args: Any, **kwargs: Any) -> str:
        return self.replies.pop(0) if self.replies else "Final Answer: (no reply left)"

    def supports_function_calling(self) -> bool:
        return False


def act(tool_name: str, arguments: dict[str, str], thought: str) -> str:
    return f"Thought: {thought}\nAction: {tool_name}\nAction Input: {json.dumps(arguments)}"


def final(text: str, thought: str = "I can answer now") -> str:
    return f"Thought: {thought}\nFinal Answer: {text}"


@tool("lookup_dataset")
def lookup_dataset(dataset_id: str) -> str:
    """Read a dataset's rows by id."""
    rows = DATASETS.get(dataset_id)
    if rows is None:
        return json.dumps({"status": 404, "detail": f"no dataset with id '{dataset_id}'"})
    return json.dumps({"status": 200, "dataset": dataset_id, "rows": list(rows)})


@tool("run_python")
def run_python(code: str) -> str:
    """Run a Python script and return what it printed (or its error)."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    if done.returncode:
        return f"exit status {done.returncode}\n{done.stderr.strip()[-600:]}"
    return done.stdout.strip()


def run_code(code: str) -> str:
    """What the analyst's script prints (the tool will print the same)."""
    return str(run_python.run(code=code)).strip()


def states_a_figure(output: TaskOutput):  # type: ignore[no-untyped-def]
    """The summary must state the figure itself."""
    if any(ch.isdigit() for ch in output.raw):
        return True, output.raw
    return False, "The summary has to state the computed figure."


@dataclass
class Script:
    """Each agent's replies, in task order: coordinator, researcher, analyst, writer, checker."""

    plan: list[str] = field(default_factory=list)
    research: list[str] = field(default_factory=list)
    analysis: list[str] = field(default_factory=list)
    writing: list[str] = field(default_factory=list)
    check: list[str] = field(default_factory=list)


def build(spec: CrewSpec, script: Script) -> Crew:
    roles = spec.roles
    llms = (script.plan, script.research, script.analysis, script.writing, script.check)
    tools: tuple[list[Any], ...] = ([], [lookup_dataset], [run_python], [], [])
    agents = [
        Agent(role=role, goal=goal, backstory=story, llm=ScriptedLLM(replies), tools=kit)
        for role, goal, story, replies, kit in zip(
            roles, spec.goals, spec.stories, llms, tools, strict=True
        )
    ]
    tasks: list[Task] = []
    for n, (agent, (name, description)) in enumerate(zip(agents, spec.tasks, strict=True)):
        tasks.append(
            Task(
                name=name,
                description=description,
                expected_output="the result of this step",
                agent=agent,
                context=list(tasks),
                guardrail=states_a_figure if n == 3 else None,
            )
        )
    return Crew(name=spec.key, agents=agents, tasks=tasks, process=Process.sequential)


class Plays:
    """The turns of one run, in the crew's voice; ``n`` picks among phrasings."""

    def __init__(self, spec: CrewSpec, t: Topic, n: int) -> None:
        self.s, self.t, self.n = spec, t, n
        self.script = Script()

    def say(self, options: tuple[str, ...], **fields: Any) -> str:
        t = self.t
        values = {"what": t.what, "unit": t.unit, "task": t.task, **fields}
        option = options[self.n % len(options)]
        text = option.format(**values)
        return text[:1].upper() + text[1:] if option.startswith("{what}") else text

    def plan(self, dataset: str) -> None:
        self.script.plan.append(final(self.say(self.s.voice.plan, dataset=dataset)))

    def research(self, dataset: str, rows: Sequence[float], *, assume: str = "") -> None:
        v = self.s.voice
        self.script.research.append(act("lookup_dataset", {"dataset_id": dataset}, "fetch it"))
        text = self.say(v.rows, dataset=dataset, rows=", ".join(f"{r:g}" for r in rows))
        self.script.research.append(final(f"{assume} {text}".strip()))

    def analyse(self, template: str, rows: Sequence[float]) -> str:
        code = template.format(values=[round(r, 4) for r in rows])
        self.script.analysis.append(act("run_python", {"code": code}, "compute it"))
        return run_code(code)

    def conclude(self, r: str) -> None:
        self.script.analysis.append(final(self.say(self.s.voice.computed, r=r)))

    def write(self, r: str) -> None:
        self.script.writing.append(final(self.say(self.s.voice.summary, r=r)))

    def approve(self, r: str) -> None:
        self.script.check.append(final(self.say(self.s.voice.approve, r=r)))


def _scaled(t: Topic) -> list[float]:
    return [v * t.scale for v in t.values]


def clean(p: Plays) -> None:
    t = p.t
    p.plan(t.good_id)
    p.research(t.good_id, t.values)
    r = p.analyse(t.code, t.values)
    p.conclude(r)
    p.write(r)
    p.approve(r)


def code_fixed(p: Plays) -> None:
    """Healthy: the analyst's first script fails; it reads the error and fixes it."""
    t = p.t
    p.plan(t.good_id)
    p.research(t.good_id, t.values)
    p.analyse(t.broken, t.values)
    r = p.analyse(t.code, t.values)
    p.conclude(r)
    p.write(r)
    p.approve(r)


def lookup_retried(p: Plays) -> None:
    """Healthy: a mistyped dataset id first (404), then the right one."""
    t = p.t
    p.plan(t.good_id)
    typo = t.good_id.replace("_", "-", 1)
    p.script.research.append(act("lookup_dataset", {"dataset_id": typo}, "fetch it"))
    p.research(t.good_id, t.values)
    r = p.analyse(t.code, t.values)
    p.conclude(r)
    p.write(r)
    p.approve(r)


def revised(p: Plays) -> None:
    """Healthy: the writer's first summary has no figure; the guardrail sends it back."""
    t = p.t
    p.plan(t.good_id)
    p.research(t.good_id, t.values)
    r = p.analyse(t.code, t.values)
    p.conclude(r)
    p.script.writing.append(final(p.say(p.s.voice.vague)))
    p.write(r)
    p.approve(r)


# failing runs: (mistake task, symptom task), 0 = coordinator ... 4 = checker
Steps = tuple[int, int]


def bad_split(p: Plays) -> Steps:
    t = p.t
    p.plan(t.bad_id)
    p.research(t.bad_id, t.bad_values)
    r = p.analyse(t.code, t.bad_values)
    p.conclude(r)
    p.write(r)
    p.approve(r)
    return 0, 4


def wrong_source(p: Plays) -> Steps:
    t = p.t
    p.plan(t.good_id)
    p.research(t.bad_id, t.bad_values)
    r = p.analyse(t.code, t.bad_values)
    p.conclude(r)
    p.write(r)
    p.approve(r)
    return 1, 4


def bad_assumption(p: Plays) -> Steps:
    t = p.t
    p.plan(t.good_id)
    p.research(t.good_id, _scaled(t), assume=t.assume)
    r = p.analyse(t.code, _scaled(t))
    p.conclude(r)
    p.write(r)
    p.approve(r)
    return 1, 4


def wrong_formula(p: Plays) -> Steps:
    t = p.t
    p.plan(t.good_id)
    p.research(t.good_id, t.values)
    r = p.analyse(t.wrong_code, t.values)
    p.conclude(r)
    p.write(r)
    p.approve(r)
    return 2, 4


def error_ignored(p: Plays) -> Steps:
    t = p.t
    p.plan(t.good_id)
    p.research(t.good_id, t.values)
    p.analyse(t.broken, t.values)
    guess = run_code(t.code.format(values=list(t.bad_values)))
    p.script.analysis.append(final(p.say(p.s.voice.estimate, r=guess)))
    p.write(guess)
    p.approve(guess)
    return 2, 4


def late_trouble(p: Plays) -> Steps:
    t = p.t
    p.plan(t.good_id)
    p.research(t.bad_id, t.bad_values)
    r = p.analyse(t.code, t.bad_values)
    p.conclude(r)
    p.write(r)
    p.script.check.append(final(p.say(p.s.voice.doubt, r=r)))
    return 1, 4


def misreport(p: Plays) -> Steps:
    t = p.t
    p.plan(t.good_id)
    p.research(t.good_id, t.values)
    r = p.analyse(t.code, t.values)
    p.conclude(r)
    other = run_code(t.code.format(values=list(t.bad_values)))
    p.write(other)
    p.approve(other)
    return 3, 4


NEAR_MISSES: tuple[tuple[str, Callable[[Plays], None]], ...] = (
    ("code-fixed", code_fixed),
    ("lookup-retried", lookup_retried),
    ("revised", revised),
)
FAILURES: tuple[tuple[str, str, Callable[[Plays], Steps]], ...] = (
    ("bad-split", c.BAD_SPLIT, bad_split),
    ("wrong-source", c.WRONG_SOURCE, wrong_source),
    ("bad-assumption", c.BAD_ASSUMPTION, bad_assumption),
    ("wrong-formula", c.WRONG_ACCEPTED, wrong_formula),
    ("error-ignored", c.CODE_FAILURE, error_ignored),
    ("late-trouble", c.SELF_REPORT, late_trouble),
    ("misreport", c.MISREPORTED, misreport),
)


async def scenarios(rec: c.Recorder) -> None:
    async def go(spec: CrewSpec, name: str, mode: str, p: Plays, steps: Steps | None) -> None:
        crew = build(spec, p.script)
        cg_crewai.instrument(
            plan=[spec.roles[0]],
            verify=[spec.roles[4]],
            approve=spec.voice.approve_words,
            capture_content=True,
        )

        async def body(task: str) -> str:
            return str(crew.kickoff(inputs={"task": task}))

        root = (spec.roles[steps[0]], 1) if steps else None
        symptom = (spec.roles[steps[1]], 1) if steps else None
        scenario = f"crew-{spec.key}-{name}-{p.t.key}"
        await rec.run(scenario, mode, p.t.task, body, root=root, symptom=symptom)

    n = 0
    for spec, topics in zip(CREWS, (MARKET, OPS), strict=True):
        for t in topics:
            play = Plays(spec, t, n)
            clean(play)
            await go(spec, "clean", c.HEALTHY, play, None)
            for k in range(2):
                kind, near = NEAR_MISSES[(2 * n + k) % len(NEAR_MISSES)]
                play = Plays(spec, t, n + k + 1)
                near(play)
                await go(spec, kind, c.HEALTHY, play, None)
            for k in range(3):
                name, mode, fail = FAILURES[(3 * n + k) % len(FAILURES)]
                play = Plays(spec, t, n + k)
                steps = fail(play)
                await go(spec, name, mode, play, steps)
            n += 1


if __name__ == "__main__":
    raise SystemExit(c.main("crewai", scenarios))
