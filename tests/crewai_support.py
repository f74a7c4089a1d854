"""Shared by the CrewAI tests: CrewAI's own telemetry off, and a scripted model."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from typing import Any

from integration_support import need

# Before CrewAI is imported: no telemetry upload, no first-run tracing prompt
# (CREWAI_TESTING is what CrewAI 1.x checks before asking). OTEL_SDK_DISABLED
# stays unset: coordgap itself runs on the OpenTelemetry SDK.
CREWAI_ENV = {
    "CREWAI_DISABLE_TELEMETRY": "true",
    "CREWAI_TRACING_ENABLED": "false",
    "CREWAI_TESTING": "true",
}
for _key, _value in CREWAI_ENV.items():
    os.environ.setdefault(_key, _value)
# CrewAI keeps task outputs in a folder named after the working directory, under
# the user's data directory; tests keep theirs in a temporary one.
os.environ.setdefault("CREWAI_STORAGE_DIR", tempfile.mkdtemp(prefix="coordgap-crewai-"))

need("crewai")

from crewai.llms.base_llm import BaseLLM  # noqa: E402

Reply = str | Callable[[str], str]


class ScriptedLLM(BaseLLM):
    """Replies in order (a string, or a function of the prompt); CrewAI's ReAct text."""

    def __init__(self, replies: Sequence[Reply]) -> None:
        super().__init__(model="scripted")
        self.replies = list(replies)
        self.prompts: list[str] = []

    def call(self, messages: Any, *args: Any, **kwargs: Any) -> str:
        prompt = messages if isinstance(messages, str) else str(messages)
        self.prompts.append(prompt)
        if not self.replies:
            return "Final Answer: (script exhausted)"
        reply = self.replies.pop(0)
        return reply(prompt) if callable(reply) else reply

    def supports_function_calling(self) -> bool:
        return False


def act(tool: str, arguments: str) -> str:
    return f"Thought: use {tool}\nAction: {tool}\nAction Input: {arguments}"


def final(text: str) -> str:
    return f"Thought: done\nFinal Answer: {text}"
