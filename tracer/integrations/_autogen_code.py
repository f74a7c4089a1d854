"""Exit codes of the code an AutoGen team's code executors ran.

A ``CodeExecutorAgent`` without a model client puts its ``CodeResult`` in no
event: the team's stream carries only the text of its reply, where a crash is
words. So each executor in the team has its ``execute_code_block`` wrapped to
note the result's exit code by agent name; the run reads the codes back when
that agent's turn ends. With a model client the agent also yields
``CodeExecutionEvent`` (read from the stream when no wrapper noted anything).

The wrapper returns what the agent's own method returns and lets its
exceptions through; noting the code is guarded.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tracer.integrations._common import _guard

_WRAPPED = "_coordgap_execute_code_block"


class ExitCodes:
    """Exit codes noted per executor agent name, oldest first, until taken."""

    def __init__(self) -> None:
        self._codes: dict[str, list[int]] = defaultdict(list)

    def note(self, agent: str, result: Any) -> None:
        code = getattr(result, "exit_code", None)
        if isinstance(code, int) and not isinstance(code, bool):
            self._codes[agent].append(code)

    def take(self, agent: str) -> list[int]:
        return self._codes.pop(agent, [])

    def clear(self) -> None:
        self._codes.clear()


def _executors(team: Any) -> list[Any]:
    """The team's participants that run code blocks (``execute_code_block``)."""
    members = getattr(team, "_participants", None) or []
    return [m for m in members if callable(getattr(m, "execute_code_block", None))]


def executor_names(team: Any) -> list[str]:
    """The names of the team's participants that run code blocks."""
    return [str(getattr(agent, "name", "")) for agent in _executors(team)]


def wrap_executors(team: Any, codes: ExitCodes) -> None:
    """Note every code run of the team's executors in ``codes`` (once per agent)."""
    for agent in _executors(team):
        original = agent.__dict__.get(_WRAPPED) or agent.execute_code_block
        name = str(getattr(agent, "name", ""))

        async def execute_code_block(
            *args: Any, _original: Any = original, _name: str = name, **kwargs: Any
        ) -> Any:
            result = await _original(*args, **kwargs)
            with _guard("autogen.code_result"):
                codes.note(_name, result)
            return result

        agent.__dict__[_WRAPPED] = original
        agent.execute_code_block = execute_code_block


def unwrap_executors(team: Any) -> None:
    """Undo :func:`wrap_executors`."""
    for agent in _executors(team):
        if agent.__dict__.pop(_WRAPPED, None) is not None:
            agent.__dict__.pop("execute_code_block", None)
