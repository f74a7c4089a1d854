"""AutoGen AgentChat integration: what a turn is evidence of (tool calls, exit codes,
verdicts), on real teams: ReplayChatCompletionClient models, function tools, a
CodeExecutorAgent running cells in a real local subprocess."""

from __future__ import annotations

import asyncio
import json
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from integration_support import need

need("autogen_agentchat")
need("autogen_ext.models.replay")
need("autogen_ext.code_executors.local")

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent  # noqa: E402
from autogen_agentchat.conditions import (  # noqa: E402
    MaxMessageTermination,
    TextMentionTermination,
)
from autogen_agentchat.teams import SelectorGroupChat  # noqa: E402
from autogen_core import FunctionCall  # noqa: E402
from autogen_core.models import CreateResult, ModelInfo, RequestUsage  # noqa: E402
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor  # noqa: E402
from autogen_ext.models.replay import ReplayChatCompletionClient  # noqa: E402
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)
from opentelemetry.trace import StatusCode  # noqa: E402

from tracer import semconv  # noqa: E402
from tracer.integrations import autogen as cg_autogen  # noqa: E402

_INFO = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family="unknown",
    structured_output=False,
)
CRASH = "```python\nrows = {'og': '1.050'}\nprint(rows['og'] - 1)\n```"
FIXED = "```python\nrows = {'og': 1.050}\nprint(f'points {(rows[\"og\"] - 1) * 1000:.0f}')\n```"


def _call(name: str, arguments: dict[str, Any], call_id: str) -> CreateResult:
    return CreateResult(
        finish_reason="function_calls",
        content=[FunctionCall(id=call_id, name=name, arguments=json.dumps(arguments))],
        usage=RequestUsage(prompt_tokens=0, completion_tokens=0),
        cached=False,
    )


def batch_log(batch: str) -> str:
    """The cellar log's entry for a batch; raises on an unknown one."""
    entries = {"209": {"fermenter_l": 2000, "bright_l": 1940}}
    if batch not in entries:
        raise LookupError(f"no entry {batch!r}")
    return json.dumps(entries[batch])


def _agent(name: str, replies: Sequence[str | CreateResult], tools: Sequence[Any] = ()) -> Any:
    client = ReplayChatCompletionClient(list(replies), model_info=_INFO)
    return AssistantAgent(name, model_client=client, tools=list(tools), reflect_on_tool_use=True)


Script = Sequence[tuple[str, Any]]


def _team(script: Script, work_dir: Path) -> Any:
    """A cellarman (tool), an engineer, a terminal and QA, speaking in ``script`` order
    (a turn's reply: text, a (tool call, summary) pair, None for the terminal)."""
    replies: dict[str, list[str | CreateResult]] = {}
    for who, reply in script:
        if reply is not None:
            replies.setdefault(who, []).extend(reply if isinstance(reply, tuple) else [reply])
    with warnings.catch_warnings():  # running cells locally is the point
        warnings.simplefilter("ignore")
        executor = LocalCommandLineCodeExecutor(work_dir=work_dir, timeout=30)
        terminal = CodeExecutorAgent("terminal", code_executor=executor, sources=["engineer", "qa"])
    agents = [
        _agent("cellarman", replies.get("cellarman", []), [batch_log]),
        _agent("engineer", replies.get("engineer", [])),
        terminal,
        _agent("qa", replies.get("qa", [])),
    ]
    speakers = iter([who for who, _ in script])
    stop = (
        TextMentionTermination("APPROVED", sources=["qa"])
        | TextMentionTermination("TERMINATE", sources=["qa"])
        | MaxMessageTermination(len(script) + 1)
    )
    return SelectorGroupChat(
        agents,
        model_client=ReplayChatCompletionClient(["unused"], model_info=_INFO),
        selector_func=lambda _messages: next(speakers, None),
        termination_condition=stop,
        allow_repeated_speaker=True,
    )


_CODE_TERMINAL = {"terminal": semconv.ACTOR_CODE}


def _run(
    script: Script,
    tmp_path: Path,
    capture: bool = True,
    actors: dict[str, str] | None = _CODE_TERMINAL,
) -> dict[str, list[ReadableSpan]]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    team = cg_autogen.instrument(
        _team(script, tmp_path),
        verify=["qa"],
        actors=actors,
        capture_content=capture,
        tracer_provider=provider,
    )
    asyncio.run(team.run(task="Transfer loss of batch 209?"))
    out: dict[str, list[ReadableSpan]] = {}
    for span in sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0):
        out.setdefault(span.name, []).append(span)
    return out


def _verdicts(named: dict[str, list[ReadableSpan]]) -> list[str | None]:
    return [s.attributes.get(semconv.VERIFY_VERDICT) for s in named["verify qa"]]


LOOKUPS = [
    (
        "cellarman",
        (_call("batch_log", {"batch": "290"}, "call-a"), "290: nothing booked, nothing lost."),
    ),
    ("engineer", "Zero then.\n```python\nprint('loss 0.00%')\n```"),
    ("terminal", None),
    ("qa", "Nothing lost. APPROVED."),
]


def test_tool_call_carries_its_arguments_and_result_under_the_callers_turn(
    tmp_path: Path,
) -> None:
    """The lookup's batch id and the log's error are on the tool span, a child of the
    cellarman's turn; the tool is no agent."""
    named = _run(LOOKUPS, tmp_path)
    (turn,) = named["invoke_agent cellarman"]
    (tool,) = named["execute_tool batch_log"]
    assert tool.parent is not None and tool.parent.span_id == turn.context.span_id
    assert tool.attributes[semconv.GEN_AI_OPERATION_NAME] == semconv.OP_EXECUTE_TOOL
    assert tool.attributes[semconv.GEN_AI_TOOL_NAME] == "batch_log"
    assert tool.attributes[semconv.GEN_AI_TOOL_CALL_ID] == "call-a"
    assert semconv.GEN_AI_AGENT_NAME not in tool.attributes
    assert json.loads(str(tool.attributes[semconv.INPUT_CONTENT])) == {"batch": "290"}
    assert "no entry '290'" in str(tool.attributes[semconv.OUTPUT_CONTENT])
    assert tool.status.status_code is StatusCode.ERROR


def test_tool_content_only_with_capture(tmp_path: Path) -> None:
    """Without content capture the tool span keeps its call id, not the arguments."""
    named = _run(LOOKUPS, tmp_path, capture=False)
    (tool,) = named["execute_tool batch_log"]
    assert tool.attributes[semconv.GEN_AI_TOOL_CALL_ID] == "call-a"
    assert semconv.INPUT_CONTENT not in tool.attributes
    assert semconv.OUTPUT_CONTENT not in tool.attributes


def test_the_terminals_turn_carries_the_exit_code_of_the_cell_it_ran(tmp_path: Path) -> None:
    """The real subprocess's exit code is on the terminal's turn (1, then 0 for the fix);
    the terminal did its work, so its status stays unset either way."""
    named = _run(
        [
            ("engineer", f"Points:\n{CRASH}"),
            ("terminal", None),
            ("engineer", f"Strings, sorry:\n{FIXED}"),
            ("terminal", None),
            ("qa", "50 points. APPROVED."),
        ],
        tmp_path,
    )
    crashed, fixed = named["invoke_agent terminal"]
    assert crashed.attributes[semconv.PROCESS_EXIT_CODE] == 1
    assert crashed.status.status_code is StatusCode.UNSET
    assert fixed.attributes[semconv.PROCESS_EXIT_CODE] == 0
    assert fixed.status.status_code is StatusCode.UNSET
    assert "points 50" in str(fixed.attributes[semconv.OUTPUT_CONTENT])
    assert [s.status.status_code for s in named["invoke_agent engineer"]] == [StatusCode.UNSET] * 2


def test_a_reviewer_rerunning_a_check_has_not_rejected(tmp_path: Path) -> None:
    """QA's turn without the approval word, followed by its own rerun and approval: no
    verdict on it (not a reject), then the accept."""
    named = _run(
        [
            ("engineer", f"Points:\n{FIXED}"),
            ("terminal", None),
            ("qa", f"Re-running it myself before I sign:\n{FIXED}"),
            ("terminal", None),
            ("qa", "Same. APPROVED."),
        ],
        tmp_path,
    )
    assert _verdicts(named) == [None, semconv.VERDICT_ACCEPT]
    first = named["verify qa"][0]
    assert first.attributes[semconv.VERIFY_ATTEMPT] == 1
    assert not [e for e in first.events if e.name == semconv.GEN_AI_EVALUATION_RESULT_EVENT]


def test_a_reviewer_sending_work_back_rejects_it(tmp_path: Path) -> None:
    """The reviewed agent working again after QA's turn is the evidence of a reject."""
    named = _run(
        [
            ("engineer", f"Points:\n{FIXED}"),
            ("terminal", None),
            ("qa", "Give it per litre, please."),
            ("engineer", f"Per litre:\n{FIXED}"),
            ("terminal", None),
            ("qa", "Fine. APPROVED."),
        ],
        tmp_path,
    )
    assert _verdicts(named) == [semconv.VERDICT_REJECT, semconv.VERDICT_ACCEPT]
    sent_back = named["verify qa"][0]
    assert sent_back.attributes[semconv.VERIFY_SUBJECT] == "terminal"
    assert sent_back.attributes[semconv.VERIFY_REASON] == "sent back to terminal"


def test_a_run_that_ends_unapproved_ends_on_a_reject(tmp_path: Path) -> None:
    """No approval after QA's last turn before the team stopped: that turn rejects."""
    named = _run(
        [
            ("engineer", f"Points:\n{FIXED}"),
            ("terminal", None),
            ("qa", "I can't sign this: which batch is it?"),
        ],
        tmp_path,
    )
    assert _verdicts(named) == [semconv.VERDICT_REJECT]
    assert named["verify qa"][0].attributes[semconv.VERIFY_REASON] == "run ended without approval"


def test_a_reviewer_whose_sign_off_stopped_the_team_accepted(tmp_path: Path) -> None:
    """QA's last words stopped the team (a text-mention termination quotes them):
    QA let the work go, an accept; a question when the message cap stopped it is not."""
    named = _run(
        [
            ("engineer", f"Points:\n{FIXED}"),
            ("terminal", None),
            ("qa", "Checked against the log, the figures hold. TERMINATE"),
        ],
        tmp_path,
    )
    assert _verdicts(named) == [semconv.VERDICT_ACCEPT]
    assert named["verify qa"][0].attributes[semconv.VERIFY_REASON] == "ended the run"


def test_a_code_executor_is_a_code_actor_by_default(tmp_path: Path) -> None:
    """No actors= given: the CodeExecutorAgent's turns are a code actor's, the rest
    a model's."""
    named = _run([("engineer", f"Points:\n{FIXED}"), ("terminal", None)], tmp_path, actors=None)
    assert named["invoke_agent terminal"][0].attributes[semconv.ACTOR] == semconv.ACTOR_CODE
    assert named["invoke_agent engineer"][0].attributes[semconv.ACTOR] == semconv.ACTOR_MODEL


def test_uninstrument_restores_the_executor(tmp_path: Path) -> None:
    """instrument() wraps the terminal's code runs; uninstrument() puts them back."""
    team = _team([("qa", "APPROVED")], tmp_path)
    terminal = next(a for a in team._participants if a.name == "terminal")
    plain = terminal.execute_code_block
    cg_autogen.instrument(team, tracer_provider=TracerProvider())
    assert terminal.execute_code_block != plain
    cg_autogen.uninstrument(team)
    assert terminal.execute_code_block == plain


@pytest.mark.parametrize("capture", [True, False])
def test_executor_errors_pass_through(tmp_path: Path, capture: bool) -> None:
    """An executor that raises: the caller gets the team's own error, unchanged."""
    team = _team([("engineer", f"x\n{FIXED}"), ("terminal", None)], tmp_path)
    terminal = next(a for a in team._participants if a.name == "terminal")

    class Broken(RuntimeError):
        pass

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise Broken("disk full")

    terminal.execute_code_block = broken
    team = cg_autogen.instrument(team, capture_content=capture, tracer_provider=TracerProvider())
    with pytest.raises(Exception) as caught:  # noqa: PT011 - AutoGen wraps agent errors its own way
        asyncio.run(team.run(task="go"))
    assert "disk full" in str(caught.value)


def test_a_run_that_raises_leaves_an_open_review_undecided(tmp_path: Path) -> None:
    """QA's turn is followed by a team error, not by an unapproved end: no verdict."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    script = [("engineer", f"x\n{FIXED}"), ("terminal", None), ("qa", "Hm."), ("cellarman", None)]
    team = cg_autogen.instrument(_team(script, tmp_path), verify=["qa"], tracer_provider=provider)
    with pytest.raises(Exception, match="No more mock responses"):  # noqa: PT011
        asyncio.run(team.run(task="go"))
    (review,) = [s for s in exporter.get_finished_spans() if s.name == "verify qa"]
    assert semconv.VERIFY_VERDICT not in review.attributes
    assert review.attributes[semconv.VERIFY_ATTEMPT] == 1
