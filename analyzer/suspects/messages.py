"""What an agent said, where its framework recorded a list of chat messages as JSON.

Frameworks record an agent's output (and a handoff's payload) as the messages it
added, in the chat-message shape most of them share: ``{"messages": [...]}`` or a
list of messages, each ``{"role" or "type", "content", "tool_calls", "id", ...}``.
Read as plain text, such a record's ids, keys and metadata look like values a
result rests on, and its escaped newlines hide code blocks. :func:`readable`
renders it as the messages' text and tool calls; anything else (plain text, a
tool's own JSON result, an error object) stays as it is. LangChain's envelopes (a
model's ``generations``, serialised messages, a LangGraph ``Command``) are opened, and
a message object recorded as its Python repr (``ChatMessage(role=..., blocks=[...,
text='...')])``, as OpenInference records LlamaIndex's workflow events) reads as its
text fields (:mod:`analyzer.suspects.reprs`, Haystack's messages too), and AutoGen's model
result (``CreateResult``) as its thought, text and function calls. What a step was given
reads without its framework's settings around it.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

import polars as pl

from analyzer.suspects.reprs import haystack_message, is_message_repr, message_text

__all__ = ["readable", "readable_column"]

_DECODER: Final = json.JSONDecoder()

_WRAPPERS: Final = frozenset({"inputs", "outputs", "input", "output"})
"""The key OpenLLMetry wraps a recorded input or output in (``traceloop.entity.*``)."""

_MESSAGE_KEYS: Final = frozenset({"role", "type", "name"})
"""Beside ``content``, one of these marks a dict as a chat message."""

_CONTENT: Final = re.compile(r'"content"\s*:\s*("(?:[^"\\]|\\.)*")')
"""A message's string content inside JSON text, escapes and all."""

_CUT_MESSAGES: Final = re.compile(r'"(?:role|type)"\s*:\s*"')
"""A chat message's role or type key: with ``content``, a record cut off at the
content cap is still read as messages."""


def _is_message(value: Any) -> bool:
    """A chat message: a role (or type, or name) and content, or tool calls alone (an
    assistant's message that only asked for tools records no content key)."""
    return (
        isinstance(value, dict)
        and ("content" in value or isinstance(value.get("tool_calls"), list))
        and not _MESSAGE_KEYS.isdisjoint(value)
    )


def _unwrapped(value: Any) -> Any:
    """A message or record inside the envelopes LangChain serialises it in: a message
    as ``{"type", "data": {...}}`` (``message_to_dict``) or ``{"lc", "type":
    "constructor", "kwargs": {...}}`` (``dumpd``), a model's result as ``{"generations":
    [[{"message" or "text"}]]}``, a LangGraph node's ``Command`` as its ``update``; an
    OpenAI chat completion (``{"choices": [{"message"}], "model", "usage", ...}``) or
    Responses API response (``{"object": "response", "output": [...]}``) as its
    messages; a CrewAI task's or crew's output as its ``raw`` text; a record OpenLLMetry
    wrapped in one key (``{"outputs": ...}``, a tool's ``{"output": ...}``, beside the
    callback's ``kwargs``) as the record; a Google GenAI ``Content`` (in an ADK response
    or event) as a message of its parts, a function's response as its result; LlamaIndex
    content blocks (a ``ChatMessage``, a ``ChatResponse``'s message, an ``AgentOutput``'s
    response, a tool's output) and a ``ToolOutput`` as a message or text; AutoGen's
    ``CreateResult`` as a message; Haystack's messages (their reprs), a generator's
    ``replies`` and an Agent's result (its ``last_message``); what a step was given, without
    its framework's settings (OpenLLMetry's LangChain callback record, a CrewAI task
    execution's ``context``, an ADK model request's instruction and contents, ADK's
    ``{"result"}`` / ``{"request"}``). Anything else comes back as it is."""
    if isinstance(value, str):
        # a Haystack ChatMessage recorded as its repr
        return haystack_message(value) or value
    if not isinstance(value, dict):
        return value
    if isinstance(value.get("replies"), list) and value.keys() <= {"replies", "meta"}:
        # a Haystack chat generator's result: its replies
        return [_unwrapped(r) for r in value["replies"]]
    if "last_message" in value and isinstance(value.get("messages"), list):
        # a Haystack Agent's result: the conversation it was given and held; its own
        # word is its last message
        return _unwrapped(value["last_message"])
    wrapped = [k for k in value if k in _WRAPPERS]
    if len(wrapped) == 1 and len(value) - ("kwargs" in value) == 1:
        return _unwrapped(value[wrapped[0]])
    if isinstance(value.get("data"), dict) and "type" in value and len(value) == 2:
        return _unwrapped(value["data"])
    if value.get("lc") is not None and isinstance(value.get("kwargs"), dict):
        return _unwrapped(value["kwargs"])
    generations = value.get("generations")
    if isinstance(generations, list):
        found = [g for batch in generations if isinstance(batch, list) for g in batch]
        return [_generation(g) for g in found if isinstance(g, dict)]
    if isinstance(value.get("update"), dict) and "goto" in value:
        return _unwrapped(value["update"])
    if _CALLBACK <= value.keys() and "inputs" in value:
        # OpenLLMetry's record of a LangChain callback's input: what was given
        return _unwrapped(value["inputs"])
    if value.keys() == {"agent", "context", "tools"} and isinstance(value["context"], str):
        # a CrewAI task's execution as OpenInference records its input: the agent's
        # settings, the tools, and the context earlier tasks handed it (its input)
        return value["context"]
    if isinstance(value.get("contents"), list) and "model" in value:
        # an ADK LlmRequest: its system instruction and contents as messages
        config = value.get("config")
        system = config.get("system_instruction") if isinstance(config, dict) else None
        said = [{"role": "system", "content": system}] if isinstance(system, str) else []
        return said + [_unwrapped(c) for c in value["contents"]]
    if _TOOL_OUTPUT <= value.keys() and isinstance(value["raw_output"], str):
        # a LlamaIndex ToolOutput (its blocks recorded without their block types): what
        # the tool returned
        return value["raw_output"]
    if value.keys() in _ADK_WRAPPED and isinstance(next(iter(value.values())), str):
        # an ADK function tool's result ({"result": ...}) or an agent tool's request
        return next(iter(value.values()))
    if _llama_blocks(value.get("blocks")):
        # a LlamaIndex ChatMessage (its role and blocks) or a tool's output (blocks)
        return _llama_message(value)
    for key in ("message", "response"):
        inner = value.get(key)
        if isinstance(inner, dict) and _llama_blocks(inner.get("blocks")):
            # a LlamaIndex ChatResponse's message, an AgentOutput's response
            return _llama_message(inner)
    if isinstance(value.get("parts"), list) and "role" in value:
        # a Google GenAI Content (ADK, Gemini): its parts as a message
        return _gemini_content(value)
    if isinstance(value.get("content"), dict) and isinstance(value["content"].get("parts"), list):
        # an ADK LlmResponse or Event: its content
        return _unwrapped(value["content"])
    response = value.get("response")
    if isinstance(response, dict) and "name" in value and len(response) == 1:
        # a Google GenAI FunctionResponse ({"id", "name", "response": {"result": ...}}):
        # what the tool returned
        (result,) = response.values()
        if result is None:
            return ""  # nothing came back (a transfer)
        return result if isinstance(result, str) else value
    if value.get("object") == "response" and isinstance(value.get("output"), list):
        # an OpenAI Responses API response: its output items as messages
        return [m for m in (_response_item(i) for i in value["output"]) if m is not None]
    choices = value.get("choices")
    if isinstance(choices, list) and choices and "model" in value:
        # an OpenAI chat completion as its API returns it: its choices' messages
        found = [c.get("message") for c in choices if isinstance(c, dict)]
        return [m for m in found if isinstance(m, dict)]
    if _MODEL_RESULT <= value.keys() and isinstance(value["content"], (str, list)):
        return _model_result(value)
    if isinstance(value.get("raw"), str) and (
        "expected_output" in value or "tasks_output" in value
    ):
        # a CrewAI task's or crew's output: its words are its raw text (the record's
        # messages are the whole prompt it was given)
        return {"role": "assistant", "content": value["raw"]}
    return value


_MODEL_RESULT: Final = frozenset({"finish_reason", "content", "usage", "cached"})
"""The fields of AutoGen's ``CreateResult`` (a model client's result, as OpenInference's
AutoGen AgentChat instrumentor records a model call's output)."""


def _model_result(value: dict[str, Any]) -> dict[str, Any]:
    """AutoGen's ``CreateResult`` as a chat message: its ``thought`` (what the model said
    beside the tools it asked for) and its text, its ``content``'s function calls
    (``{"id", "name", "arguments"}``) as tool calls; the token usage is no word."""
    content = value["content"]
    texts = [t for t in (value.get("thought"), content) if isinstance(t, str) and t]
    calls = [
        {"name": c.get("name"), "args": c.get("arguments")}
        for c in (content if isinstance(content, list) else [])
        if isinstance(c, dict)
    ]
    message: dict[str, Any] = {"role": "assistant", "content": "\n".join(texts)}
    if calls:
        message["tool_calls"] = calls
    return message


_CALLBACK: Final = frozenset({"metadata", "tags"})
"""Beside ``inputs``, the keys of OpenLLMetry's record of a LangChain callback's input."""
_TOOL_OUTPUT: Final = frozenset({"tool_name", "raw_input", "raw_output", "is_error"})
"""The fields of LlamaIndex's ``ToolOutput`` beside its content."""
_ADK_WRAPPED: Final = ({"result"}, {"request"})
"""The one key Google ADK wraps a function tool's plain result in (``{"result": ...}``)
and an agent called as a tool its request."""


def _llama_blocks(blocks: Any) -> bool:
    """Whether ``blocks`` is a list of LlamaIndex content blocks (``block_type``)."""
    return (
        isinstance(blocks, list)
        and bool(blocks)
        and all(isinstance(b, dict) and "block_type" in b for b in blocks)
    )


def _llama_message(value: dict[str, Any]) -> Any:
    """LlamaIndex content blocks as a chat message (with a role) or as their text (a
    tool's output): text blocks as text, ``tool_call`` blocks as tool calls."""
    texts = [b["text"] for b in value["blocks"] if isinstance(b.get("text"), str)]
    calls = [
        {"name": b.get("tool_name"), "args": b.get("tool_kwargs")}
        for b in value["blocks"]
        if b.get("block_type") == "tool_call"
    ]
    if "role" not in value:
        return "\n".join(texts)
    message: dict[str, Any] = {"role": value["role"], "content": "\n".join(texts)}
    if calls:
        message["tool_calls"] = calls
    return message


def _gemini_content(content: dict[str, Any]) -> dict[str, Any]:
    """A Google GenAI ``Content`` as a chat message: its text parts as content, its
    ``function_call`` parts as tool calls, a ``function_response`` part as its result."""
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for part in content["parts"]:
        if not isinstance(part, dict):
            continue
        if isinstance(part.get("text"), str):
            texts.append(part["text"])
        call = part.get("function_call")
        if isinstance(call, dict):
            calls.append({"name": call.get("name"), "args": call.get("args")})
        answer = part.get("function_response")
        if isinstance(answer, dict):
            result = _unwrapped(answer)
            texts.append(result if isinstance(result, str) else json.dumps(answer.get("response")))
    message: dict[str, Any] = {"role": content.get("role") or "model", "content": "\n".join(texts)}
    if calls:
        message["tool_calls"] = calls
    return message


def _response_item(item: Any) -> dict[str, Any] | None:
    """One output item of an OpenAI Responses API response as a chat message: a
    message's text parts, a function call as a tool call; others (reasoning) none."""
    if not isinstance(item, dict):
        return None
    if item.get("type") == "message":
        return {"role": item.get("role") or "assistant", "content": item.get("content") or ""}
    if item.get("type") == "function_call":
        call = {"name": item.get("name"), "args": item.get("arguments")}
        return {"role": "assistant", "tool_calls": [call]}
    return None


def _generation(generation: dict[str, Any]) -> Any:
    """One generation of a model's result: its message, else its text as one."""
    if generation.get("message") is not None:
        return _unwrapped(generation["message"])
    return {"type": "ai", "content": generation.get("text") or ""}


def _messages(value: Any) -> list[Any] | None:
    """The chat messages ``value`` holds, or None when it is no message record."""
    value = _unwrapped(value)
    if isinstance(value, dict) and isinstance(value.get("messages"), list):
        given = value["messages"]
        if len(given) == 1 and isinstance(given[0], list):
            given = given[0]  # LangChain's chat model input: a batch of one conversation
        found = [_unwrapped(m) for m in given]
    elif isinstance(value, list):
        found = [_unwrapped(m) for m in value]
    elif _is_message(value):
        found = [value]
    else:
        return None
    return found if found and all(_is_message(m) for m in found) else None


def _content(value: Any) -> str:
    """A message's content: a string, or the text of its parts."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = (p.get("text") if isinstance(p, dict) else p for p in value)
        return "\n".join(p for p in parts if isinstance(p, str))
    return ""


def _call(call: Any) -> str:
    """A tool call as ``name(arguments)``: the arguments are what the agent chose."""
    if not isinstance(call, dict):
        return ""
    found = call.get("function")
    function: dict[str, Any] = found if isinstance(found, dict) else {}
    name = call.get("name") or function.get("name") or ""
    args = call.get("args", function.get("arguments"))
    if args in (None, "", {}):
        return f"{name}()"
    if isinstance(args, str):  # JSON text, as OpenAI's API sends it: its escapes read
        try:
            args = json.loads(args)
        except ValueError:
            return f"{name}({args})"
    return f"{name}({json.dumps(args, ensure_ascii=False)})"


def _render(message: dict[str, Any]) -> str:
    calls = message.get("tool_calls")
    lines = [_content(message.get("content"))]
    lines += [_call(c) for c in calls] if isinstance(calls, list) else []
    return "\n".join(line for line in lines if line)


def readable(text: str | None) -> str | None:
    """``text`` as its messages' text and tool calls when it is a chat-message record
    in JSON; otherwise ``text`` unchanged."""
    if text is None:
        return None
    bare = text.strip()
    message = haystack_message(bare)
    if message is not None:
        return _render(message)
    if is_message_repr(bare):
        return message_text(bare)
    if bare[:1] not in ("{", "["):
        return _text_then_record(text, bare)
    try:
        value, end = _DECODER.raw_decode(bare)
    except ValueError:
        return _cut(text)
    found = _messages(value)
    inner = _unwrapped(value) if found is None else None
    if isinstance(inner, str):  # a record around a tool's text result
        said = inner
    elif found is None:
        blocks = _blocks(value)
        if blocks is not None:
            return blocks
        # an envelope around another record (a callback's inputs): that record
        return text if inner is value else json.dumps(inner, ensure_ascii=False)
    else:
        said = "\n\n".join(_render(m) for m in found)
    # a span may record the messages twice: as the record and as their text after it
    # (or twice as the record: OpenLLMetry's entity output beside its GenAI attribute)
    rest = bare[end:].strip()
    again = all(line.strip() in said for line in (readable(rest) or "").splitlines())
    return f"{said}\n\n{rest}" if rest and not again else said


def _text_then_record(text: str, bare: str) -> str:
    """A message's text followed by the message recorded whole (OpenLLMetry's GenAI
    attribute, then its entity output): the record, where it says all the text does
    (and the tool calls the text alone lacks); otherwise ``text`` unchanged."""
    at = bare.find("\n{")
    if at <= 0:
        return text
    record = bare[at + 1 :]
    read = readable(record) or ""
    if read == record:
        return text
    head = [line.strip() for line in bare[:at].splitlines() if line.strip()]
    return read if all(line in read for line in head) else text


_BLOCK_KEYS: Final = frozenset({"text", "toolUse", "toolResult", "json"})
"""The one key of a content block in the Converse shape (Strands Agents, Amazon
Bedrock): ``{"text": ...}``, ``{"toolUse": {"name", "input", ...}}``, ``{"toolResult":
{"content": [blocks]}}``."""
_BLOCK_TYPES: Final = frozenset({"text", "tool_use", "tool_result"})
"""A typed content block's ``type`` (Anthropic's shape)."""


def _block(block: Any) -> str | None:
    """One content block's words (a tool use as ``name(input)``), or None when it is
    no content block."""
    if not isinstance(block, dict):
        return None
    kind = block.get("type")
    if isinstance(kind, str) and kind in _BLOCK_TYPES:
        inner = block
    elif len(block) == 1 and next(iter(block)) in _BLOCK_KEYS:
        kind, inner = next(iter(block.items()))
    else:
        return None
    if kind == "text":
        value = inner.get("text") if isinstance(inner, dict) else inner
        return value if isinstance(value, str) else None
    if kind == "json":
        return json.dumps(inner, ensure_ascii=False)
    if kind in ("toolUse", "tool_use") and isinstance(inner, dict):
        return _call({"name": inner.get("name"), "args": inner.get("input")})
    if kind in ("toolResult", "tool_result") and isinstance(inner, dict):
        content = inner.get("content")
        if isinstance(content, str):
            return content
        parts = [_block(b) for b in content] if isinstance(content, list) else []
        return "\n".join(p for p in parts if p)
    return None


def _blocks(value: Any) -> str | None:
    """A list of content blocks (a model's reply or a tool's result as Strands Agents,
    Bedrock's Converse API or Anthropic's API record it) as its text, tool uses as
    ``name(input)``: their ids are no words; None when ``value`` is no such list."""
    if not isinstance(value, list) or not value:
        return None
    said = [_block(b) for b in value]
    if any(s is None for s in said):
        return None
    return "\n".join(s for s in said if s)


def _cut(text: str) -> str:
    """A message record that does not parse (cut off at the content cap): its
    messages' whole string contents, in order; other text unchanged."""
    if not _CUT_MESSAGES.search(text):
        return text
    contents = [_string(m.group(1)) for m in _CONTENT.finditer(text)]
    return "\n\n".join(c for c in contents if c) if contents else text


def _string(literal: str) -> str:
    """A JSON string literal's text (its raw text when an escape is malformed)."""
    try:
        return str(json.loads(literal))
    except ValueError:
        return literal[1:-1]


_MAY_BE_JSON: Final = r"^\W*(?:[\[{]|[A-Z]\w*\(\w+=)|\n\{"
"""A text whose first character other than blanks and punctuation opens a JSON list or
object, or an object's repr, or with a line that opens an object: every text
:func:`readable` may change matches (a blank is no word character), most plain text
does not."""


def _readable_series(texts: pl.Series) -> pl.Series:
    """:func:`readable` of each text, called in Python only for the texts that may be
    JSON (the others come back unchanged from it anyway)."""
    maybe = texts.str.contains(_MAY_BE_JSON).fill_null(False)
    if not maybe.any():
        return texts
    at = maybe.arg_true()
    read = pl.Series([readable(t) for t in texts.gather(at).to_list()], dtype=pl.String)
    return texts.clone().scatter(at, read)


def readable_column(name: str) -> pl.Expr:
    """The column ``name`` read with :func:`readable`."""
    return pl.col(name).map_batches(_readable_series, return_dtype=pl.String)
