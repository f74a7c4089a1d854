"""AutoGen's own GenAI spans (autogen-core) beside coordgap's AutoGen integration: a real
team, run in a process of its own with coordgap configured as the global provider
(autogen-core writes to that one only), written to the local store and ingested."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration_support import need

need("autogen_agentchat")
need("autogen_ext.models.replay")

import analyzer  # noqa: E402
from coordgap import cli  # noqa: E402
from tracer import semconv  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

# Two runs of the same round-robin team (a writer that calls a tool, a reviewer), each
# inside a workflow whose name says whether coordgap's integration traced the team.
SCRIPT = """
import asyncio, sys
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_core import FunctionCall
from autogen_core.models import CreateResult, ModelInfo, RequestUsage
from autogen_ext.models.replay import ReplayChatCompletionClient
import tracer
from tracer.integrations import autogen as cg_autogen

INFO = ModelInfo(vision=False, function_calling=True, json_output=False, family="unknown",
                 structured_output=False)
CALL = CreateResult(finish_reason="function_calls", cached=False,
                    content=[FunctionCall(id="c1", name="lookup", arguments='{"term": "tides"}')],
                    usage=RequestUsage(prompt_tokens=0, completion_tokens=0))

def lookup(term: str) -> str:
    "Look a fact up."
    return "Tides follow the Moon."

def team():
    writer = AssistantAgent("writer", tools=[lookup],
        model_client=ReplayChatCompletionClient([CALL, "Draft 2"], model_info=INFO))
    reviewer = AssistantAgent("reviewer",
        model_client=ReplayChatCompletionClient(["Fine, go on.", "APPROVE"], model_info=INFO))
    return RoundRobinGroupChat([writer, reviewer],
                               termination_condition=TextMentionTermination("APPROVE"))

tracer.configure(service_name="autogen-framework-spans")
for name, traced in (("with-integration", True), ("autogen-only", False)):
    with tracer.workflow(name):
        built = team()
        if traced:
            built = cg_autogen.instrument(built, verify=["reviewer"])
        asyncio.run(built.run(task="Write a teaser about tides"))
tracer.shutdown()
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two runs, ingested: the database's path."""
    tmp = tmp_path_factory.mktemp("autogen-framework-spans")
    spans = tmp / "spans"
    env = {
        **os.environ,
        "COORDGAP_PATH": str(spans),
        "COORDGAP_EXPORTER": "local",
        "AUTOGEN_DISABLE_RUNTIME_TRACING": "true",  # what the corpus and the example set
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp,
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    db = tmp / "db.duckdb"
    ingested = CliRunner().invoke(cli.main, ["ingest", str(spans), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    return db


def _spans(db: Path, workflow: str) -> list[tuple[str, str | None, str | None]]:
    """(name, operation, gen_ai.system) of every span of the run named ``workflow``."""
    with analyzer.open(db) as opened:
        rows = opened.con.execute(
            "SELECT s.name, s.operation, s.attributes[$k_system] FROM spans s "
            "WHERE s.trace_id IN (SELECT trace_id FROM spans WHERE name = $run) "
            "ORDER BY s.start_ns",
            {"k_system": semconv.GEN_AI_SYSTEM, "run": semconv.workflow_span_name(workflow)},
        ).fetchall()
    return [(str(name), op, system) for name, op, system in rows]


def test_autogen_core_spans_are_no_turns_beside_the_integration(store: Path) -> None:
    """autogen-core's create_agent, invoke_agent and execute_tool spans (written even with
    AUTOGEN_DISABLE_RUNTIME_TRACING=true) are plain spans: the agent turns and the tool
    call are coordgap's, one each."""
    spans = _spans(store, "with-integration")
    autogen = [(name, op) for name, op, system in spans if system == semconv.AUTOGEN_SYSTEM]
    names = {name.split(" ")[0] for name, _ in autogen}
    assert names == {"create_agent", "invoke_agent", "execute_tool"}
    assert {op for _, op in autogen} == {None}
    turns = [name for name, op, system in spans if op in ("agent", "tool", "verify", "plan")]
    assert turns == [
        "invoke_agent writer",
        "execute_tool lookup",
        "verify reviewer",
        "invoke_agent writer",
        "verify reviewer",
    ]


def test_autogen_core_spans_stay_agents_without_the_integration(store: Path) -> None:
    """Where coordgap's integration did not run, autogen-core's spans are all there is:
    its invoke_agent spans stay the agents' turns, its execute_tool the tool call."""
    spans = _spans(store, "autogen-only")
    turns = [name for name, op, system in spans if op in ("agent", "tool")]
    assert turns.count("invoke_agent writer") == 2
    assert turns.count("invoke_agent reviewer") == 2
    assert "execute_tool lookup" in turns
    assert {system for name, op, system in spans if op in ("agent", "tool")} == {
        semconv.AUTOGEN_SYSTEM
    }
