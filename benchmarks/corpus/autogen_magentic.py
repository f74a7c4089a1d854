"""A Magentic-One-like team on AutoGen AgentChat: orchestrator, web surfer, coder, executor.

``SelectorGroupChat`` with the orchestrator speaking between workers; the web
surfer reads canned pages through a real function tool; the coder writes Python
that a real ``LocalCommandLineCodeExecutor`` runs. Models are replay clients.

    python -m benchmarks.corpus.autogen_magentic STORE_DIR RECORDS.json
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.corpus import _common as c
from benchmarks.corpus._autogen_team import EXECUTOR, Call, Turn, build, play, root

ORCH, WEB, CODER = "orchestrator", "web_surfer", "coder"


@dataclass(frozen=True)
class Topic:
    key: str
    url: str
    page: str
    question: str
    values: tuple[float, ...]

    @property
    def answer(self) -> str:
        return f"{sum(self.values) / len(self.values):g}"


TOPICS = (
    Topic(
        "sales",
        "https://data.example.org/sales-2023",
        "Quarterly unit sales 2023: Q1 120, Q2 135, Q3 150, Q4 165.",
        "What were the average quarterly unit sales in 2023 according to data.example.org?",
        (120, 135, 150, 165),
    ),
    Topic(
        "rain",
        "https://data.example.org/rainfall-2022",
        "Monthly rainfall 2022 (mm): Jan 80, Feb 60, Mar 55, Apr 41.",
        "What was the average monthly rainfall from January to April 2022, in mm?",
        (80, 60, 55, 41),
    ),
    Topic(
        "visits",
        "https://data.example.org/museum-visits-2021",
        "Museum visits 2021 (thousands): Louvre 2.8, Prado 1.2, Uffizi 1.7.",
        "What was the average number of visits (thousands) in 2021 across the three museums?",
        (2.8, 1.2, 1.7),
    ),
    Topic(
        "tickets",
        "https://data.example.org/support-tickets-2024",
        "Support tickets closed per week, March 2024: 31, 44, 29, 36.",
        "How many support tickets were closed per week on average in March 2024?",
        (31, 44, 29, 36),
    ),
)
PAGES = {t.url: t.page for t in TOPICS}


def fetch_page(url: str) -> str:
    """Open a web page and return its text."""
    page = PAGES.get(url)
    return f"Address: {url}\n{page}" if page else f"HTTP 404 Not Found: {url}"


TOOLS = {WEB: [fetch_page]}


def _code(values: Sequence[float]) -> str:
    return f"```python\nvalues = {list(values)}\nprint(sum(values) / len(values))\n```"


def _plan(t: Topic) -> str:
    return (
        f"Plan: {WEB} opens {t.url}, {CODER} computes the average of the figures, "
        f"{EXECUTOR} runs the code, then I report the answer."
    )


def healthy(t: Topic) -> list[Turn]:
    return [
        (ORCH, _plan(t)),
        (WEB, Call("fetch_page", f'{{"url": "{t.url}"}}')),
        (ORCH, f"{CODER}, compute the average of the figures {WEB} found."),
        (CODER, _code(t.values)),
        (EXECUTOR, None),
        (ORCH, f"The average is {t.answer}. TERMINATE"),
    ]


BUGS = (
    "data = {'Q1': 120}\nprint(data['Q5'])",
    "values = []\nprint(sum(values) / len(values))",
    "values = [1, 2]\nprint(sum(vals) / len(values))",
    "import pandaz\nprint(pandaz.mean([1, 2]))",
)


def code_failure(t: Topic, bug: str) -> list[Turn]:
    return [
        (ORCH, _plan(t)),
        (WEB, Call("fetch_page", f'{{"url": "{t.url}"}}')),
        (ORCH, f"{CODER}, compute the average of the figures {WEB} found."),
        (CODER, f"```python\n{bug}\n```"),
        (EXECUTOR, None),
        (ORCH, f"The computation finished. The average is {t.values[0]:g}. TERMINATE"),
    ]


def recovered(t: Topic, bug: str) -> list[Turn]:
    """Healthy, with a failure on the way that the coder fixes."""
    return [
        (ORCH, _plan(t)),
        (WEB, Call("fetch_page", f'{{"url": "{t.url}"}}')),
        (ORCH, f"{CODER}, compute the average of the figures {WEB} found."),
        (CODER, f"```python\n{bug}\n```"),
        (EXECUTOR, None),
        (ORCH, f"{CODER}, the code failed; fix it and run it again."),
        (CODER, _code(t.values)),
        (EXECUTOR, None),
        (ORCH, f"The average is {t.answer}. TERMINATE"),
    ]


def tool_recovered(t: Topic) -> list[Turn]:
    """Healthy: a mistyped address first; the orchestrator has it opened again."""
    typo = t.url.replace("data.example.org", "data.exmaple.org")
    return [
        (ORCH, _plan(t)),
        (WEB, Call("fetch_page", f'{{"url": "{typo}"}}')),
        (ORCH, f"{WEB}, that address does not exist; open {t.url} instead."),
        *healthy(t)[1:],
    ]


def misreported(t: Topic, bug: str) -> list[Turn]:
    """A code failure fixed on the way, then the orchestrator reports another number."""
    return [
        *recovered(t, bug)[:-1],
        (ORCH, f"The average is {t.values[-1]:g}. TERMINATE"),
    ]


def repetition(t: Topic) -> list[Turn]:
    again = "I will now compute the average of the figures."
    return [
        (ORCH, _plan(t)),
        (WEB, Call("fetch_page", f'{{"url": "{t.url}"}}')),
        (ORCH, f"{CODER}, compute the average of the figures {WEB} found."),
        (CODER, again),
        (ORCH, f"{CODER}, please write the Python code for the average."),
        (CODER, again),
        (ORCH, f"{CODER}, write a python code block now."),
        (CODER, again),
        (ORCH, "We are out of turns. Final answer: not computed."),
    ]


def ping_pong(t: Topic) -> list[Turn]:
    ask = "Which page should I open?"
    answer = "Open the page with the data we need."
    return [
        (ORCH, _plan(t)),
        (WEB, ask),
        (ORCH, answer),
        (WEB, ask),
        (ORCH, answer),
        (WEB, ask),
        (ORCH, answer),
    ]


def self_report(t: Topic, wrong_url: str) -> list[Turn]:
    return [
        (ORCH, f"{WEB}, open {wrong_url} and read the figures."),
        (
            WEB,
            f"I opened {wrong_url} but could not find the figures the task asks for. "
            "I am unable to complete this step.",
        ),
        (ORCH, "We are stuck. Final answer: unknown. TERMINATE"),
    ]


def made_up(t: Topic) -> list[Turn]:
    fake = [100.0] * len(t.values)
    return [
        (ORCH, _plan(t)),
        (
            WEB,
            "The data page did not load, so here are sample figures for illustration "
            f"(placeholder values): {', '.join(f'{v:g}' for v in fake)}.",
        ),
        (ORCH, f"{CODER}, compute the average of the figures {WEB} found."),
        (CODER, _code(fake)),
        (EXECUTOR, None),
        (ORCH, "The average is 100. TERMINATE"),
    ]


def tool_failure(t: Topic) -> list[Turn]:
    typo = t.url.replace("data.example.org", "data.exmaple.org")
    return [
        (ORCH, _plan(t)),
        (WEB, Call("fetch_page", f'{{"url": "{typo}"}}')),
        (ORCH, f"{WEB} has the figures. From general knowledge the average is about 50. TERMINATE"),
    ]


def premature(t: Topic) -> list[Turn]:
    return [
        (ORCH, _plan(t)),
        (WEB, Call("fetch_page", f'{{"url": "{t.url}"}}')),
        (ORCH, "The figures are available, so the task is done. TERMINATE"),
    ]


async def scenarios(rec: c.Recorder) -> None:
    async def go(
        name: str, mode: str, t: Topic, script: list[Turn], at: int | None = None, seen: int = -1
    ) -> None:
        """``at``: the mistake's index in ``script``; ``seen``: the symptom's (the last turn)."""

        async def body(task: str) -> str:
            return await play(build(script, TOOLS), task)

        where = root(script, at) if at is not None else None
        shows = root(script, seen % len(script)) if at is not None else None
        await rec.run(f"m1-{name}-{t.key}", mode, t.question, body, root=where, symptom=shows)

    for i, t in enumerate(TOPICS):
        await go("healthy", c.HEALTHY, t, healthy(t))
        await go("recovered", c.HEALTHY, t, recovered(t, BUGS[i]))
        await go("tool-recovered", c.HEALTHY, t, tool_recovered(t))
        await go("code-failure", c.CODE_FAILURE, t, code_failure(t, BUGS[i]), 3)
        await go("made-up", c.MADE_UP, t, made_up(t), 1)
    for t in TOPICS[:2]:
        await go("repetition", c.REPETITION, t, repetition(t), 3)
        await go("ping-pong", c.PING_PONG, t, ping_pong(t), 1)
        await go("tool-failure", c.TOOL_FAILURE, t, tool_failure(t), 1)
        await go("premature", c.PREMATURE, t, premature(t), 2)
    for i, t in enumerate(TOPICS[2:], start=2):
        await go("misreported", c.MISREPORTED, t, misreported(t, BUGS[i]), 8)
    for t in TOPICS[2:]:
        wrong = t.url.replace("20", "19", 1)
        await go("self-report", c.SELF_REPORT, t, self_report(t, wrong), 0, seen=1)


if __name__ == "__main__":
    raise SystemExit(c.main("autogen-magentic", scenarios))
