"""A local stand-in for the OpenAI chat completions API, replaying a scripted run.

The desks whose framework talks to a model over OpenAI's API (``_grit_team`` on
AutoGen, ``_ill_team`` on Agent Framework, ``_allot_team`` on Haystack, ``_lock_team``
on BeeAI, ``_box_team`` and ``_hive_team`` on CrewAI) point its client at :func:`serve`'s URL on
127.0.0.1: each ``POST /v1/chat/completions`` is answered with the run's next scripted
turn, and only where the request's system message is that turn's agent's (a turn played
out of order is a 400, and the run fails its checks). No network.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from benchmarks.corpus._desk import Turn

__all__ = [
    "FINAL",
    "ReactReplay",
    "Replay",
    "completion",
    "final_answer",
    "react_words",
    "refused",
    "serve",
    "usage_by_content",
]

Reply = Callable[[dict[str, Any]], tuple[int, dict[str, Any]]]
"""A request's JSON body -> the status and JSON body of the response."""
Usage = Callable[[dict[str, Any], Turn, dict[str, Any]], dict[str, int]]
"""(request body, the turn, the message sent back) -> the response's token counts."""


def serve(reply: Reply) -> str:
    """Answer ``POST`` requests with ``reply`` on a free port of 127.0.0.1 from a daemon
    thread; the server's ``/v1`` URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            status, payload = reply(body)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/v1"


def refused(due: Turn | None, system: str, width: int = 60) -> tuple[int, dict[str, Any]]:
    """The 400 for a request that is not the scripted turn's (``due``: None when the
    script is played out)."""
    who = due.agent if due else "nobody"
    return 400, {"error": {"message": f"the script has {who}: {system[:width]!r}"}}


def completion(
    tag: str,
    n: int,
    created: int,
    model: str,
    message: dict[str, Any],
    finish: str,
    usage: dict[str, int],
) -> dict[str, Any]:
    """The ``n``-th chat completion of a desk's stand-in (id ``chatcmpl-<tag>-<n>``)."""
    return {
        "id": f"chatcmpl-{tag}-{n}",
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "finish_reason": finish, "message": message}],
        "usage": usage,
    }


def usage_by_content(body: dict[str, Any], due: Turn, message: dict[str, Any]) -> dict[str, int]:
    """A quarter of the characters of the messages' contents, and of the turn's text plus
    eight for its call."""
    prompt = sum(len(str(m.get("content", ""))) for m in body["messages"]) // 4
    return {
        "prompt_tokens": prompt,
        "completion_tokens": len(due.say) // 4 + 8,
        "total_tokens": prompt + len(due.say) // 4 + 8,
    }


class Replay:
    """A stand-in replaying ``script`` (the turns left, a list the desk refills per run):
    the next turn, where the request's system message names its agent (``speaker``'s
    group 1), as its text and at most one tool call."""

    def __init__(
        self,
        script: list[Turn],
        *,
        tag: str,
        created: int,
        model: str,
        speaker: re.Pattern[str] = re.compile(r"^You are (\w+)"),
        width: int = 60,
        usage: Usage = usage_by_content,
    ) -> None:
        self.script, self.tag, self.created, self.model = script, tag, created, model
        self.speaker, self.width, self.usage = speaker, width, usage
        self.answered = itertools.count(1)
        self._url: str | None = None

    def url(self) -> str:
        """The stand-in's URL, started on first use (once per process)."""
        if self._url is None:
            self._url = serve(self)
        return self._url

    def __call__(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        system = str(body["messages"][0]["content"])
        due = self.script[0] if self.script else None
        speaker = self.speaker.search(system)
        if due is None or speaker is None or speaker.group(1) != due.agent:
            return refused(due, system, self.width)
        self.script.pop(0)
        n = next(self.answered)
        message: dict[str, Any] = {"role": "assistant", "content": due.say or None}
        if due.call:
            name, args = due.call
            fn = {"name": name, "arguments": json.dumps(args)}
            message["tool_calls"] = [{"id": f"call_{n:04d}", "type": "function", "function": fn}]
        finish = "tool_calls" if due.call else "stop"
        usage = self.usage(body, due, message)
        model = body.get("model", self.model)
        return 200, completion(self.tag, n, self.created, model, message, finish, usage)


FINAL = "\nFinal Answer: "
"""Where a ReAct turn's final answer starts (CrewAI's text protocol)."""


def react_words(turn: Turn) -> str:
    """A turn as its model wrote it, in CrewAI's ReAct text: a thought and an action with
    its input, or a thought and the final answer (``say`` holds both)."""
    if turn.call is None:
        return f"Thought: {turn.say}"
    name, args = turn.call
    return f"Thought: {turn.say}\nAction: {name}\nAction Input: {json.dumps(args)}"


def final_answer(turn: Turn) -> str:
    """The final answer a ReAct turn gives (after :data:`FINAL`)."""
    return turn.say.split(FINAL, 1)[1]


class ReactReplay(Replay):
    """A stand-in replaying a CrewAI crew's script: the next turn, where the request's
    system message starts "You are <role>." (a role of several words), as one message of
    ReAct text (:func:`react_words`), no tool calls; a quarter of the characters for the
    token counts."""

    def __call__(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        system = str(body["messages"][0]["content"])
        due = self.script[0] if self.script else None
        if due is None or not system.startswith(f"You are {due.agent}."):
            return refused(due, system, self.width)
        self.script.pop(0)
        text = react_words(due)
        prompt = sum(len(str(m.get("content", ""))) for m in body["messages"]) // 4
        usage = {"prompt_tokens": prompt, "completion_tokens": len(text) // 4}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        message = {"role": "assistant", "content": text}
        model = body.get("model", self.model)
        n = next(self.answered)
        return 200, completion(self.tag, n, self.created, model, message, "stop", usage)
