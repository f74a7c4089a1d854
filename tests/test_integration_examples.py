"""The integration examples run as scripts (offline) and write their runs to the local store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from integration_support import need

REPO = Path(__file__).resolve().parent.parent


def _spans(store: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted(store.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            for rs in json.loads(line)["resourceSpans"]:
                for ss in rs["scopeSpans"]:
                    out.extend(ss["spans"])
    return out


@pytest.mark.parametrize(
    ("script", "args", "needs", "runs", "exit_code"),
    [
        ("langgraph_writer_verifier.py", ("--faulty", "--runs", "2"), "langgraph", 2, 0),
        ("langgraph_send_fanout.py", ("--fault", "editor_drops", "--runs", "2"), "langgraph", 2, 0),
        ("langgraph_supervisor_team.py", ("--faulty",), "langgraph_supervisor", 2, 0),
        ("langgraph_interrupt.py", ("--faulty",), "langgraph", 2, 0),
        ("openai_agents_support.py", (), "agents", 3, 0),
        ("autogen_review_team.py", (), "autogen_agentchat", 3, 0),
        ("mcp_client.py", ("--faulty",), "mcp", 1, 1),
        ("crewai_research_crew.py", (), "crewai", 4, 0),
    ],
)
def test_example_runs_offline(
    tmp_path: Path, script: str, args: tuple[str, ...], needs: str, runs: int, exit_code: int
) -> None:
    """Each example exits as documented and leaves one workflow span per run."""
    need(needs)
    store = tmp_path / "spans"
    env = {
        **os.environ,
        "COORDGAP_PATH": str(store),
        "COORDGAP_EXPORTER": "local",
        "OPENAI_API_KEY": "",  # nothing here may reach a model API
        "CREWAI_DISABLE_TELEMETRY": "true",  # CrewAI: no telemetry upload,
        "CREWAI_TRACING_ENABLED": "false",  # no tracing of its own,
        "CREWAI_TESTING": "true",  # and no first-run question
        "CREWAI_STORAGE_DIR": str(tmp_path / "crewai"),
    }
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / script), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,  # a framework that asks a question gets no answer
        text=True,
        timeout=180,
    )
    assert done.returncode == exit_code, done.stderr[-2000:]
    spans = _spans(store)
    roots = [s for s in spans if s["name"].startswith("invoke_workflow")]
    assert len(roots) == runs
    assert len({s["traceId"] for s in roots}) == runs
