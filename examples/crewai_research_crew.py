"""A CrewAI research crew (a researcher and a writer), traced by one line, run offline.

    python examples/crewai_research_crew.py
    coordgap analyze

The models are a scripted ``BaseLLM`` (no API key, no network). The researcher
looks facts up with a tool, the writer drafts from the researcher's output
(``context=[research]``), and a guardrail checks that the draft cites a
source. Four runs: one healthy, one where the lookup backend is down (the
researcher guesses; coordgap: generation, the failed tool), one where the
researcher's cleanup guardrail empties the findings before the writer gets
them (coordgap: handoff, researcher -> writer), and one where the writer
never cites a source (coordgap: generation, every guardrail attempt rejected).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

# CrewAI's own telemetry and its first-run tracing prompt: off.
os.environ.setdefault("CREWAI_DISABLE_TELEMETRY", "true")
os.environ.setdefault("CREWAI_TRACING_ENABLED", "false")
os.environ.setdefault("CREWAI_TESTING", "true")

from crewai import Agent, Crew, Task  # noqa: E402
from crewai.llms.base_llm import BaseLLM  # noqa: E402
from crewai.tasks.task_output import TaskOutput  # noqa: E402
from crewai.tools import tool  # noqa: E402

import tracer  # noqa: E402
from tracer.integrations import crewai as cg_crewai  # noqa: E402

FAULTS = ("none", "backend_down", "findings_lost", "never_cites")


class ScriptedLLM(BaseLLM):
    """A stand-in model: ``reply(prompt, turn)`` gives the next answer, in CrewAI's
    ReAct text format (``Action:`` / ``Final Answer:``)."""

    def __init__(self, reply: Callable[[str, int], str]) -> None:
        super().__init__(model="scripted")
        self.reply = reply
        self.turn = 0

    def call(self, messages: Any, *args: Any, **kwargs: Any) -> str:
        prompt = messages if isinstance(messages, str) else str(messages)
        self.turn += 1
        return self.reply(prompt, self.turn)

    def supports_function_calling(self) -> bool:
        return False


def _researcher_reply(prompt: str, turn: int) -> str:
    if turn == 1:
        return 'Thought: look it up\nAction: lookup\nAction Input: {"term": "tides"}'
    if "unreachable" in prompt:
        return "Thought: the archive failed\nFinal Answer: nothing found"
    return "Thought: done\nFinal Answer: tides follow the Moon [source: NOAA]"


def _writer_reply(cites: bool) -> Callable[[str, int], str]:
    seen = {"findings": False}

    def reply(prompt: str, turn: int) -> str:
        # A guardrail retry's prompt carries the rejection, not the context again.
        seen["findings"] = seen["findings"] or "follow the Moon" in prompt
        if turn == 1 or not cites:  # the first draft forgets its source
            return "Final Answer: Tides rise and fall."
        if seen["findings"]:
            return "Final Answer: Tides follow the Moon [source: NOAA]."
        return "Final Answer: Tides rise and fall [source: none]."

    return reply


def _lookup(backend_down: bool) -> Any:
    @tool("lookup")
    def lookup(term: str) -> str:
        """Look a fact up in the archive."""
        if backend_down:
            raise ConnectionError("archive backend unreachable")
        return f"{term}: tides follow the Moon [source: NOAA]"

    return lookup


# Guardrails carry no return annotation: CrewAI checks an annotation against
# ``Tuple[bool, Any]`` itself and rejects the string form postponed annotations give.
def cites_a_source(output: TaskOutput):  # type: ignore[no-untyped-def]
    """The draft must name its source."""
    if "[source:" in output.raw:
        return True, output.raw
    return False, "cite the source of every fact"


def _cleanup(empties: bool) -> Any:
    def strip_markup(output: TaskOutput):  # type: ignore[no-untyped-def]
        """Tidy the findings (the faulty version drops them)."""
        return True, ("" if empties else output.raw.strip())

    return strip_markup


def build(fault: str = "none") -> Crew:
    """The crew with ``fault`` injected (one of ``FAULTS``)."""
    if fault not in FAULTS:
        raise ValueError(f"fault {fault!r}: expected one of {FAULTS}")
    researcher = Agent(
        role="researcher",
        goal="Find facts about the topic",
        backstory="A careful archivist.",
        tools=[_lookup(fault == "backend_down")],
        llm=ScriptedLLM(_researcher_reply),
    )
    writer = Agent(
        role="writer",
        goal="Write a teaser",
        backstory="A punchy copywriter.",
        llm=ScriptedLLM(_writer_reply(cites=fault != "never_cites")),
    )
    research = Task(
        name="research",
        description="Research {topic}",
        expected_output="facts with sources",
        agent=researcher,
        guardrail=_cleanup(fault == "findings_lost"),
    )
    write = Task(
        name="write",
        description="Write a teaser about {topic} from the research",
        expected_output="a teaser citing its sources",
        agent=writer,
        context=[research],
        guardrail=cites_a_source,
        guardrail_max_retries=1,
    )
    return Crew(name="research-crew", agents=[researcher, writer], tasks=[research, write])


def run(fault: str) -> str:
    """One run with ``fault``; the editor's verdict on the teaser is the outcome."""
    with tracer.workflow("research-crew"):
        try:
            result = build(fault).kickoff(inputs={"topic": "tides"})
        except Exception as exc:  # the crew failed: the run span records it
            return f"run failed: {exc}"
        ok = "Moon" in result.raw
        tracer.outcome(ok, "editor: accurate teaser" if ok else "editor: says nothing true")
        return result.raw


def main() -> int:
    cg_crewai.instrument()
    faults = sys.argv[1:] or list(FAULTS)
    for fault in faults:
        print(f"{fault}: {run(fault)[:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
