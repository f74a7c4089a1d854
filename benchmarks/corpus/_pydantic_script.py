"""Pydantic AI models that replay a scripted run: one ``FunctionModel`` per agent, each
answering with that agent's next turn (its text and at most one tool call). Used by the
Pydantic AI desks (``_meals_team``, ``_apiary_team``); no network."""

from __future__ import annotations

from typing import Any

from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from benchmarks.corpus._desk import Turn

__all__ = ["scripted_model"]


def _response(turn: Turn, prefix: str) -> ModelResponse:
    parts: list[Any] = [TextPart(turn.say)] if turn.say else []
    if turn.call:
        parts.append(ToolCallPart(turn.call[0], dict(turn.call[1])))
    return ModelResponse(parts=parts, model_name=f"{prefix}-{turn.agent.replace('_', '-')}")


def scripted_model(name: str, queue: dict[str, list[Turn]], prefix: str) -> FunctionModel:
    """The model of agent ``name``: each call answers with the next of ``queue[name]``
    (a RuntimeError when none is left); model names ``<prefix>-<agent>``."""

    def reply(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        mine = queue[name]
        if not mine:
            raise RuntimeError(f"{name} has no scripted turn left")
        return _response(mine.pop(0), prefix)

    return FunctionModel(reply, model_name=f"{prefix}-{name.replace('_', '-')}")
