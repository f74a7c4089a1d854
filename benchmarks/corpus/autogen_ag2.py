"""An AG2-style expert group chat on AutoGen AgentChat, with a real code executor.

``RoundRobinGroupChat`` of a domain expert who writes Python, a
``Computer_terminal`` (``CodeExecutorAgent`` on a real
``LocalCommandLineCodeExecutor``) and a verification expert who checks the
result, named the way AG2 captain-agent teams name them.

    python -m benchmarks.corpus.autogen_ag2 STORE_DIR RECORDS.json
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.corpus import _common as c
from benchmarks.corpus._autogen_team import Turn, build, play, root

EXPERT, TERMINAL, VERIFIER = "DataAnalysis_Expert", "Computer_terminal", "Verification_Expert"


@dataclass(frozen=True)
class Problem:
    key: str
    task: str
    good: str  # code that prints the right answer
    answer: str
    wrong: str  # code that runs but computes the wrong thing
    wrong_answer: str
    bug: str  # code that fails when run


PROBLEMS = (
    Problem(
        "median",
        "What is the median of the order sizes 12, 7, 3, 14, 9? Answer with a number.",
        "import statistics\nprint(statistics.median([12, 7, 3, 14, 9]))",
        "9",
        "print(sum([12, 7, 3, 14, 9]) / 5)",
        "9",  # the mean happens to be 9 too: the verifier cannot tell from the output
        "import statistics\nprint(statistics.median(sizes))",
    ),
    Problem(
        "interest",
        "How much is 1000 EUR after 3 years at 5% interest compounded yearly? Round to cents.",
        "print(round(1000 * 1.05 ** 3, 2))",
        "1157.63",
        "print(round(1000 * (1 + 0.05 * 3), 2))",
        "1150.0",
        "print(round(1000 * 1.05 ** years, 2))",
    ),
    Problem(
        "words",
        "How many distinct words are in 'the cat and the hat and the bat'? Answer with a number.",
        "print(len(set('the cat and the hat and the bat'.split())))",
        "5",
        "print(len('the cat and the hat and the bat'.split()))",
        "8",
        "words = 'the cat and the hat and the bat'.split()\nprint(len(set(word)))",
    ),
    Problem(
        "leap",
        "How many leap years are there from 1990 to 2020 inclusive? Answer with a number.",
        "print(sum(1 for y in range(1990, 2021) if y % 4 == 0 and (y % 100 or y % 400 == 0)))",
        "8",
        "print(len(range(1990, 2021, 4)))",
        "8",
        "import calender\nprint(calender.leapdays(1990, 2021))",
    ),
)


def _block(code: str) -> str:
    return f"```python\n{code}\n```"


def healthy(p: Problem) -> list[Turn]:
    return [
        (EXPERT, f"Let me compute this.\n{_block(p.good)}"),
        (TERMINAL, None),
        (VERIFIER, f"The code ran and printed {p.answer}, which answers the task. TERMINATE"),
    ]


def recovered(p: Problem) -> list[Turn]:
    """Healthy: the first attempt fails, the expert reads the error and fixes it."""
    return [
        (EXPERT, f"Let me compute this.\n{_block(p.bug)}"),
        (TERMINAL, None),
        (VERIFIER, "The execution failed with an error; please fix the code."),
        (EXPERT, f"Fixed the error.\n{_block(p.good)}"),
        (TERMINAL, None),
        (VERIFIER, f"Now it printed {p.answer}, which answers the task. TERMINATE"),
    ]


def code_failure(p: Problem) -> list[Turn]:
    return [
        (EXPERT, f"Let me compute this.\n{_block(p.bug)}"),
        (TERMINAL, None),
        (VERIFIER, f"The code executed successfully. The answer is {p.answer}. TERMINATE"),
    ]


def wrong_accepted(p: Problem) -> list[Turn]:
    return [
        (EXPERT, f"Let me compute this.\n{_block(p.wrong)}"),
        (TERMINAL, None),
        (VERIFIER, f"I verified the result: {p.wrong_answer}. TERMINATE"),
    ]


async def scenarios(rec: c.Recorder) -> None:
    async def go(name: str, mode: str, p: Problem, script: list[Turn], at: int | None) -> None:
        async def body(task: str) -> str:
            team = build(script, executor_name=TERMINAL, round_robin=True)
            # AG2 verifiers sign off with TERMINATE: that is their approval word.
            return await play(
                team, task, executor_name=TERMINAL, verify=[VERIFIER], approve=("TERMINATE",)
            )

        where = root(script, at) if at is not None else None
        shows = root(script, len(script) - 1) if at is not None else None  # the verifier's
        await rec.run(f"ag2-{name}-{p.key}", mode, p.task, body, root=where, symptom=shows)

    for p in PROBLEMS:
        await go("healthy", c.HEALTHY, p, healthy(p), None)
        await go("code-failure", c.CODE_FAILURE, p, code_failure(p), 0)
        await go("recovered", c.HEALTHY, p, recovered(p), None)
    for p in PROBLEMS[1:3]:
        await go("wrong-accepted", c.WRONG_ACCEPTED, p, wrong_accepted(p), 0)


if __name__ == "__main__":
    raise SystemExit(c.main("autogen-ag2", scenarios))
