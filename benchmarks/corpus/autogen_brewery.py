"""Held-out family: a craft brewery's production team on AutoGen AgentChat.

Six specialists and a code terminal on a ``SelectorGroupChat``: the head
brewer splits the job, the cellarman and the lab tech read the cellar log and
the lab sheet through real function tools, the process engineer writes Python
that ``brewhouse_pc`` (a ``CodeExecutorAgent``) runs in a real subprocess, the
excise clerk writes the figure up and the QA manager signs it off. Written apart
from the other families and from the analyzer, to measure how attribution
carries over to a team it was not designed beside; kept out of the default
corpus (``python -m benchmarks.corpus.generate --heldout``).

    python -m benchmarks.corpus.autogen_brewery STORE_DIR RECORDS.json
"""

from __future__ import annotations

from benchmarks.corpus import _common as c
from benchmarks.corpus._brewery_faults import INPUT_FAULTS
from benchmarks.corpus._brewery_near import HEALTHY_RUNS
from benchmarks.corpus._brewery_runs import Run
from benchmarks.corpus._brewery_team import PC, play
from benchmarks.corpus._brewery_trouble import CODE_FAULTS

FRAMEWORK = "autogen-brewery"
RUNS = (*INPUT_FAULTS, *CODE_FAULTS, *HEALTHY_RUNS)


def _printed(messages: list, run: Run) -> None:
    """Every figure the script quotes from the terminal is one the terminal printed."""
    printed = "\n".join(str(m.content) for m in messages if getattr(m, "source", "") == PC)
    missing = [text for text in run.expect if text not in printed]
    if missing:
        raise SystemExit(f"bw-{run.name}: the brewhouse PC never printed {missing}:\n{printed}")


async def scenarios(rec: c.Recorder) -> None:
    for make in RUNS:
        run = make()

        async def body(task: str, run: Run = run) -> str:
            messages = await play(run.lines, run.all_records(), task)
            _printed(messages, run)
            return str(messages[-1].content) if messages else ""

        await rec.run(
            f"bw-{run.name}",
            run.mode,
            run.job.task,
            body,
            root=run.step(run.mistake),
            symptom=run.step(run.symptom),
        )


def main() -> int:
    return c.main(FRAMEWORK, scenarios)


if __name__ == "__main__":
    raise SystemExit(main())
