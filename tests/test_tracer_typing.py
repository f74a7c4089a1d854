"""The decorators keep the decorated function's signature for type checkers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SNIPPET = """
from collections.abc import AsyncIterator, Iterator
import tracer

@tracer.agent
def bare(brief: str, *, words: int = 10) -> dict[str, str]:
    return {"text": brief}

@tracer.agent("writer", stage="generation")
def called(brief: str) -> list[int]:
    return [1]

@tracer.tool("search")
async def fetch(query: str, limit: int) -> bytes:
    return b""

@tracer.plan
def plan(goal: str) -> Iterator[dict[str, str]]:
    yield {"id": "a", "agent": "writer"}

@tracer.verify("check")
async def stream(n: int) -> AsyncIterator[float]:
    yield 1.0

@tracer.workflow("run")
def run() -> tracer.Verdict:
    return tracer.Verdict(True)

class Studio:
    @tracer.agent("editor")
    def edit(self, draft: str) -> str:
        return draft

reveal_type(bare)
reveal_type(called)
reveal_type(fetch)
reveal_type(plan)
reveal_type(stream)
reveal_type(run)
reveal_type(Studio().edit)
with tracer.agent("cm") as step:
    reveal_type(step)
with tracer.handoff("a", "b", {}, carry="brand_voice") as h:
    reveal_type(h.violations)
bare(3)
"""

# as mypy prints them, without the "builtins." prefix older versions add
EXPECTED = [
    "def (brief: str, *, words: int =) -> dict[str, str]",
    "def (brief: str) -> list[int]",
    "def (query: str, limit: int) -> typing.Coroutine[Any, Any, bytes]",
    "def (goal: str) -> typing.Iterator[dict[str, str]]",
    "def (n: int) -> typing.AsyncIterator[float]",
    "def () -> tracer._verdict.Verdict",
    "def (draft: str) -> str",
    "tracer._spans.Step",
    "list[str]",
]


def test_mypy_sees_the_decorated_signatures(tmp_path: Path) -> None:
    """reveal_type on decorated sync/async/generator functions, bare and called forms."""
    snippet = tmp_path / "user_code.py"
    snippet.write_text(SNIPPET)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--config-file",
            "/dev/null",
            "--python-version",
            "3.11",
            str(snippet),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    revealed = re.findall(r'Revealed type is "(.*)"', done.stdout.replace("builtins.", ""))
    assert revealed == EXPECTED, done.stdout
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and 'Argument 1 to "bare" has incompatible type "int"' in errors[0]
