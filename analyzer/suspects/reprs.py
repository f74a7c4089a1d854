"""Chat messages recorded as their Python repr, read as what they said.

Some instrumentations record a framework's message objects as they print.
OpenInference records LlamaIndex's workflow events that way
(``ChatMessage(role=..., blocks=[..., text='...')])``) and Haystack's ``ChatMessage``
(``ChatMessage(_role=<ChatRole.ASSISTANT: 'assistant'>, _content=[TextContent(text=...),
ToolCall(tool_name=..., arguments={...}, id=...), ToolCallResult(result=..., origin=...,
error=...)], _name=None, _meta={...})``). Read as plain text, such a repr's field names,
ids and token counts look like values a result rests on. :func:`message_text` reads the
first kind as its text fields; :func:`haystack_message` reads a Haystack message as a chat
message (role, text, tool calls) for :mod:`analyzer.suspects.messages` to render.
"""

from __future__ import annotations

import ast
import re
from typing import Any, Final

__all__ = ["haystack_message", "is_message_repr", "message_text"]

_REPR: Final = re.compile(r"[A-Z]\w*\(\w+=")
"""A Python object's repr (``AgentOutput(response=ChatMessage(...))``)."""
_REPR_ROLE: Final = re.compile(r"\brole=")
"""A chat message's role in a repr: the object is a framework's message, recorded as it
prints; its words are its text fields only (none: it said nothing, a tool call alone).
Another object's repr (a record a tool returned) stays as it is."""
_REPR_TEXT: Final = re.compile(
    r"\b(?:text|content)=(?:'((?:[^'\\]|\\.)*)'?|\"((?:[^\"\\]|\\.)*)\"?)"
)
"""A message object's ``text=`` or ``content=`` string in its repr (to its end when the
record was cut off inside it)."""


def is_message_repr(text: str) -> bool:
    """Whether ``text`` (stripped) is a message object's repr with a ``role=`` field."""
    return bool(_REPR.match(text) and _REPR_ROLE.search(text))


def message_text(text: str) -> str:
    """The ``text=`` / ``content=`` strings of a message object's repr, each once, in
    order: what the message said, without the object's field names and ids."""
    found = (
        m.group(1) if m.group(1) is not None else m.group(2) for m in _REPR_TEXT.finditer(text)
    )
    said = dict.fromkeys(_unescaped(s).removesuffix("...") for s in found if s)
    return "\n\n".join(s for s in said if s.strip())


def _unescaped(literal: str) -> str:
    """A repr's string literal with its escapes read (as written when one is malformed)."""
    try:
        return str(ast.literal_eval(f"'{literal}'"))
    except (ValueError, SyntaxError):
        return literal


_HAYSTACK: Final = re.compile(r"ChatMessage\(_role=<ChatRole\.\w+: '(\w+)'>, _content=\[")
"""The head of a Haystack ``ChatMessage``'s repr, with its role."""
_PART: Final = re.compile(r"(\w+)\(")
_LITERAL: Final = r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
_STRING: Final = re.compile(_LITERAL)
_FIELDS: Final = {
    "TextContent": re.compile(r"\(text=" + _LITERAL),
    "ReasoningContent": re.compile(r"\(reasoning_text=" + _LITERAL),
    "ToolCallResult": re.compile(r"\(result=" + _LITERAL),
}
"""The string field that holds the words of each kind of a message's content part."""
_TOOL_NAME: Final = re.compile(r"\(tool_name=" + _LITERAL + r", arguments=")


def haystack_message(text: str) -> dict[str, Any] | None:
    """A Haystack ``ChatMessage`` repr as a chat message: its role, its text (and
    reasoning) parts and a tool result's text as content, its tool calls (name and
    arguments) as tool calls; None when ``text`` is no such repr."""
    head = _HAYSTACK.match(text.strip())
    if head is None:
        return None
    body = text.strip()
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    at = head.end()
    while (part := _PART.match(body, at)) is not None:
        end = _closing(body, part.end() - 1)
        item = body[part.start() : end]
        kind = part.group(1)
        if kind in _FIELDS and (found := _FIELDS[kind].search(item)) is not None:
            texts.append(_literal(found.group(1)))
        elif kind == "ToolCall" and (named := _TOOL_NAME.search(item)) is not None:
            args = item[named.end() : _closing(item, named.end())]
            calls.append({"name": _literal(named.group(1)), "args": _literal_value(args)})
        at = end + 2 if body.startswith(", ", end) else end
    message: dict[str, Any] = {"role": head.group(1), "content": "\n".join(t for t in texts if t)}
    if calls:
        message["tool_calls"] = calls
    return message


def _closing(text: str, at: int) -> int:
    """The index after the bracket that closes the one at ``at`` (string literals
    skipped); the text's end when it was cut off before it."""
    depth, i = 0, at
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            m = _STRING.match(text, i)
            i = m.end() if m else len(text)
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(text)


_UNREADABLE: Final = (ValueError, SyntaxError, RecursionError, MemoryError)
"""What reading a recorded literal may raise: malformed, or nested past the parser's depth
(a hostile record must not stop the analysis)."""


def _literal(literal: str) -> str:
    """A quoted Python string literal's text (its inside, as written, when malformed)."""
    try:
        return str(ast.literal_eval(literal))
    except _UNREADABLE:
        return literal[1:-1]


def _literal_value(text: str) -> Any:
    """A Python literal (a tool call's arguments dict); the text itself when it is none."""
    try:
        return ast.literal_eval(text)
    except _UNREADABLE:
        return text
