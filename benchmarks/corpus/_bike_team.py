"""The bike-share analytics team on AG2: experts, the Computer_terminal, the script player.

A run is a list of :class:`Turn` in speaking order. Each expert is a classic AG2
``ConversableAgent`` whose model is a scripted client registered through AG2's
``register_model_client``: it replays that expert's lines of the run, in order.
The ``Computer_terminal`` has no model: AG2's ``LocalCommandLineCodeExecutor``
runs the fenced Python of the message before it in a real subprocess (in a
scratch folder holding a copy of ``_bike_data/``) and answers ``exitcode: N``
and what the code printed. A ``GroupChat`` whose speaker-selection function
follows the script's order carries the chat; the ``GroupChatManager`` ends it
after the last scripted turn. The script states what each cell prints (a crash:
its error line); the player checks it against what really came back.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("AUTOGEN_USE_DOCKER", "False")

from autogen import ConversableAgent, GroupChat, GroupChatManager  # noqa: E402
from autogen.coding import LocalCommandLineCodeExecutor  # noqa: E402

DATA = Path(__file__).resolve().parent / "_bike_data"
TERMINAL = "Computer_terminal"
USER = "Ops_Desk"  # who puts the question to the chat manager
MANAGER = "chat_manager"
CODE_TIMEOUT_S = 15
EXIT = re.compile(r"^exitcode: (-?\d+)")

# the experts the tasks summon (four to seven of them a task, as CaptainAgent does)
DATA_EXPERT = "DataAnalysis_Expert"
PYTHON = "Python_Expert"
VERIFIER = "Verification_Expert"
STATS = "Statistics_Expert"
MOBILITY = "UrbanMobility_Expert"
CSV_EXPERT = "CSV_Expert"
FLEET = "FleetOperations_Expert"
FINANCE = "Finance_Expert"
FARES = "FarePolicy_Expert"
GRANTS = "Grants_Expert"
MAINTENANCE = "Maintenance_Expert"
REPORTING = "Reporting_Expert"


@dataclass
class Turn:
    agent: str
    say: str = ""  # an expert's message (the terminal's is what the code printed)
    prints: str = ""  # the terminal's turn: the last line the cell prints (a crash: its error)
    mark: str = ""  # "root", "symptom" or "root symptom"


@dataclass
class Run:
    scenario: str
    mode: str
    task: str  # the question
    team: tuple[str, ...]  # the experts summoned for the task, the lead first
    turns: list[Turn]
    answer: str  # the figure the team delivered ("" when it delivered none)
    expect: str  # the right figure
    note: str = ""


def py(code: str, lead: str = "", after: str = "") -> str:
    """An expert's message holding one fenced Python cell."""
    parts = [lead] if lead else []
    parts.append(f"```python\n{code.strip()}\n```")
    if after:
        parts.append(after)
    return "\n".join(parts)


def opening(task: str) -> str:
    """The question as the ops desk puts it to the group chat."""
    return (
        "Riverton Bikes analytics request.\n\n"
        f"# Question\n{task}\n\n"
        "# Files in the working directory\n"
        "stations.csv, trips_2025.csv, trips_2026.csv, fleet.csv, repairs_2026.csv, "
        "fares_2025.json, fares_2026.json, city_grant.json\n\n"
        "Experts: work it out from the files, run any code through Computer_terminal, "
        "and have it verified before you reply TERMINATE."
    )


# --- the scripted model client ---------------------------------------------------

_SCRIPT: dict[str, list[str]] = {}


class ScriptedClient:
    """AG2's custom model client protocol, replaying the run's lines for one expert
    (its name is the model name of its config)."""

    def __init__(self, config: dict[str, Any], **_: Any) -> None:
        self.agent = str(config["model"]).removeprefix("scripted/")

    def create(self, params: dict[str, Any]) -> Any:
        lines = _SCRIPT.get(self.agent) or ["(no scripted reply left)"]
        text = lines.pop(0)
        message = SimpleNamespace(
            content=text, role="assistant", function_call=None, tool_calls=None
        )
        return SimpleNamespace(
            choices=[SimpleNamespace(message=message)],
            model=f"scripted/{self.agent}",
            cost=0.0,
            usage=None,
        )

    def message_retrieval(self, response: Any) -> list[str]:
        return [choice.message.content for choice in response.choices]

    def cost(self, response: Any) -> float:
        return 0.0

    @staticmethod
    def get_usage(response: Any) -> dict[str, Any]:
        return {}


def _expert(name: str) -> ConversableAgent:
    config = {
        "config_list": [{"model": f"scripted/{name}", "model_client_cls": "ScriptedClient"}],
        "cache_seed": None,
    }
    agent = ConversableAgent(
        name,
        system_message=f"You are {name.replace('_', ' ')} in a team answering one question.",
        llm_config=config,
        human_input_mode="NEVER",
        code_execution_config=False,
    )
    agent.register_model_client(model_client_cls=ScriptedClient)
    return agent


def _terminal(work: Path) -> ConversableAgent:
    executor = LocalCommandLineCodeExecutor(timeout=CODE_TIMEOUT_S, work_dir=work)
    return ConversableAgent(
        TERMINAL,
        llm_config=False,
        human_input_mode="NEVER",
        code_execution_config={"executor": executor, "last_n_messages": 1},
        default_auto_reply="There is no code from the last 1 message for me to execute.",
    )


def _selector(order: list[ConversableAgent]) -> Any:
    def pick(last_speaker: ConversableAgent, groupchat: GroupChat) -> ConversableAgent | None:
        done = len(groupchat.messages) - 1  # the opening question is the first message
        return order[done] if done < len(order) else None

    return pick


def play(run: Run) -> list[dict[str, Any]]:
    """Run one scripted group chat; the chat's messages, the opening question first."""
    _SCRIPT.clear()
    for turn in run.turns:
        if turn.agent != TERMINAL:
            _SCRIPT.setdefault(turn.agent, []).append(turn.say)
    work = Path(tempfile.mkdtemp(prefix="coordgap-bikes-"))
    for path in DATA.iterdir():
        shutil.copy(path, work / path.name)
    try:
        agents = {name: _expert(name) for name in run.team}
        agents[TERMINAL] = _terminal(work)
        order = [agents[t.agent] for t in run.turns]
        chat = GroupChat(
            list(agents.values()),
            messages=[],
            max_round=len(order) + 1,
            speaker_selection_method=_selector(order),
        )
        manager = GroupChatManager(chat, name=MANAGER, llm_config=False)
        user = ConversableAgent(
            USER, llm_config=False, human_input_mode="NEVER", code_execution_config=False
        )
        user.initiate_chat(manager, message=opening(run.task), silent=True)
        return list(chat.messages)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_chat(run: Run, messages: list[dict[str, Any]]) -> None:
    """The chat went as scripted: the speakers in order, every expert's words as
    written, every cell printing (or failing with) what the script says."""
    said = messages[1:]
    if [m.get("name") for m in said] != [t.agent for t in run.turns]:
        raise SystemExit(f"{run.scenario}: speakers {[m.get('name') for m in said]}")
    for turn, message in zip(run.turns, said, strict=True):
        content = str(message.get("content") or "")
        if turn.agent != TERMINAL:
            if content != turn.say:
                raise SystemExit(f"{run.scenario}: {turn.agent} said {content!r}")
            continue
        code = EXIT.match(content)
        body = content.split("Code output:", 1)[-1]
        lines = [ln.strip() for ln in body.splitlines() if ln.strip()] or [""]
        crashed = "Error" in turn.prints.split(":")[0]
        # a crash's error line (stderr) may come before what the cell printed first
        shown = turn.prints in lines if crashed else lines[-1] == turn.prints
        if code is None or (int(code.group(1)) != 0) != crashed or not shown:
            raise SystemExit(f"{run.scenario}: the terminal answered {content!r}")


def expected_agents(run: Run) -> list[str]:
    return [t.agent for t in run.turns]


def marked(run: Run, what: str) -> tuple[str, int] | None:
    """(agent, that agent's ordinal turn) of the turn marked ``what``."""
    seen: dict[str, int] = {}
    for turn in run.turns:
        seen[turn.agent] = seen.get(turn.agent, 0) + 1
        if what in turn.mark.split():
            return turn.agent, seen[turn.agent]
    return None
