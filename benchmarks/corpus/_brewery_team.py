"""The brewery's production team on AutoGen AgentChat, playing one scripted run.

Six specialists and a terminal: ``head_brewer`` splits the job (traced as
``plan``), ``cellarman`` reads the cellar log and ``lab_tech`` the lab sheet
(real function tools over the run's records; the model writes the summary after
the tool call, ``reflect_on_tool_use``), ``process_engineer`` writes Python,
``brewhouse_pc`` (a ``CodeExecutorAgent`` on a real
``LocalCommandLineCodeExecutor``, actor ``code``) runs the blocks the engineer
or QA posted, ``excise_clerk`` writes the figure up and ``qa_manager`` signs it
off (``verify``; an approval carries ``APPROVED``). Each model is AutoGen's
``ReplayChatCompletionClient`` replaying its lines; the selector follows the
script.
"""

from __future__ import annotations

import json
import tempfile
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import SelectorGroupChat
from autogen_core import FunctionCall
from autogen_core.models import CreateResult, ModelInfo, RequestUsage
from autogen_core.tools import FunctionTool
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor
from autogen_ext.models.replay import ReplayChatCompletionClient

from tracer.integrations import autogen as cg_autogen

HEAD = "head_brewer"
CELLAR = "cellarman"
LAB = "lab_tech"
ENGINEER = "process_engineer"
PC = "brewhouse_pc"
CLERK = "excise_clerk"
QA = "qa_manager"
TEAM = (HEAD, CELLAR, LAB, ENGINEER, PC, CLERK, QA)
APPROVAL = "APPROVED"
_TOOLS = {CELLAR: ("tank_log",), LAB: ("lab_sheet",), QA: ("tank_log", "lab_sheet")}
_MODEL = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family="unknown",
    structured_output=False,
)


@dataclass(frozen=True)
class Look:
    """A tool call (``tank_log`` or ``lab_sheet`` on ``ref``), then the agent's summary."""

    tool: str
    ref: str
    summary: str


Reply = "str | Look | None"


@dataclass(frozen=True)
class Line:
    """One turn of the script: who speaks, what the model says, a label to find it by."""

    who: str
    reply: str | Look | None
    label: str = ""


def _replies(lines: Sequence[Line], who: str) -> list[str | CreateResult]:
    out: list[str | CreateResult] = []
    for n, line in enumerate(lines):
        if line.who != who or line.reply is None:
            continue
        if isinstance(line.reply, Look):
            call = FunctionCall(
                id=f"call_{n}", name=line.reply.tool, arguments=json.dumps({"ref": line.reply.ref})
            )
            out.append(
                CreateResult(
                    finish_reason="function_calls",
                    content=[call],
                    usage=RequestUsage(prompt_tokens=0, completion_tokens=0),
                    cached=False,
                )
            )
            out.append(line.reply.summary)
        else:
            out.append(line.reply)
    return out


def _tools(records: Mapping[str, Mapping[str, Any]]) -> dict[str, FunctionTool]:
    """The cellar log raises on an unknown reference; the lab sheet answers a 404 body."""
    cellar = {k: v for k, v in records.items() if v.get("book") == "cellar"}
    lab = {k: v for k, v in records.items() if v.get("book") == "lab"}

    def tank_log(ref: str) -> str:
        """The cellar log's entry for a batch, vessel or period reference."""
        if ref not in cellar:
            raise LookupError(f"cellar log: no entry {ref!r}")
        return json.dumps({k: v for k, v in cellar[ref].items() if k != "book"})

    def lab_sheet(ref: str) -> str:
        """The lab sheet's row for a batch, hop lot or brewhouse series."""
        if ref not in lab:
            return json.dumps({"status": 404, "error": f"no sample or lot {ref!r}"})
        return json.dumps({k: v for k, v in lab[ref].items() if k != "book"})

    return {
        "tank_log": FunctionTool(tank_log, description=tank_log.__doc__ or ""),
        "lab_sheet": FunctionTool(lab_sheet, description=lab_sheet.__doc__ or ""),
    }


def build(lines: Sequence[Line], records: Mapping[str, Mapping[str, Any]]) -> SelectorGroupChat:
    """The team that plays ``lines``; every member present, speakers picked by the script."""
    tools = _tools(records)
    agents: list[Any] = []
    for who in TEAM:
        if who == PC:
            with warnings.catch_warnings():  # running the cells locally is the point
                warnings.simplefilter("ignore")
                executor = LocalCommandLineCodeExecutor(work_dir=tempfile.mkdtemp(), timeout=30)
                agents.append(CodeExecutorAgent(PC, code_executor=executor, sources=[ENGINEER, QA]))
            continue
        client = ReplayChatCompletionClient(_replies(lines, who), model_info=_MODEL)
        agents.append(
            AssistantAgent(
                who,
                model_client=client,
                tools=[tools[t] for t in _TOOLS.get(who, ())],
                reflect_on_tool_use=True,
                description=f"the brewery's {who.replace('_', ' ')}",
            )
        )
    speakers = iter([line.who for line in lines])
    stop = TextMentionTermination(APPROVAL, sources=[QA]) | MaxMessageTermination(len(lines) + 1)
    return SelectorGroupChat(
        agents,
        model_client=ReplayChatCompletionClient(["unused"], model_info=_MODEL),
        selector_func=lambda _messages: next(speakers, None),
        termination_condition=stop,
        allow_repeated_speaker=True,
    )


async def play(lines: Sequence[Line], records: Mapping[str, Mapping[str, Any]], task: str) -> list:
    """Run the traced team on ``task``; the messages it produced (task first)."""
    team = cg_autogen.instrument(
        build(lines, records),
        plan=[HEAD],
        verify=[QA],
        actors={PC: "code"},
        capture_content=True,
    )
    result = await team.run(task=task)
    return list(result.messages)
