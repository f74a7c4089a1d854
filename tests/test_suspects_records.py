"""Other instrumentations' records of what an agent said or was given, read as its words:
AutoGen's model result, Haystack's messages, LlamaIndex's tool output, ADK's wrappers, the
inputs LangChain, OpenLLMetry, CrewAI and ADK record; and records no reader knows, which
stay as they are and never stop the analysis."""

from __future__ import annotations

import json
import os
import tempfile

import polars as pl
from analyzer_builders import Run, write_db

import analyzer
from analyzer.suspects.messages import readable, readable_column
from analyzer.suspects.turns import atoms


def test_an_autogen_model_result_reads_as_its_thought_and_calls() -> None:
    """OpenInference's AutoGen AgentChat instrumentor records a model call's output as
    AutoGen's ``CreateResult``: what the agent said beside the tools it asked for is its
    ``thought``, the calls its ``content``; the token counts are no words (the figure
    139 is not a value the step said)."""
    asked = {
        "finish_reason": "function_calls",
        "content": [
            {"id": "call_0096", "arguments": '{"code": "print(17 * 4)"}', "name": "run_python"}
        ],
        "usage": {"prompt_tokens": 139, "completion_tokens": 17},
        "cached": False,
        "logprobs": None,
        "thought": "Priority-1 routes only, completed runs.",
    }
    said = readable(json.dumps(asked))
    assert said == 'Priority-1 routes only, completed runs.\nrun_python({"code": "print(17 * 4)"})'
    # the instrumentor's own text of the call after the record reads once
    assert readable(json.dumps(asked) + '\nrun_python({"code": "print(17 * 4)"})') == said
    answered = dict(asked, finish_reason="stop", content="Owed: 1,234.00.", thought=None)
    assert readable(json.dumps(answered)) == "Owed: 1,234.00."
    got = pl.select(atoms(pl.lit(said))).item().to_list()
    assert "139" not in got and "call_0096" not in got


_HAYSTACK_CALL = (
    "ChatMessage(_role=<ChatRole.ASSISTANT: 'assistant'>, _content=[TextContent(text='Asking "
    "the clerk.'), ToolCall(tool_name='ask_records_clerk', arguments={'messages': [{'role': "
    "'user', 'content': 'June 2027: pass, fail (see {note})'}]}, id='call_0198', extra=None)], "
    "_name=None, _meta={'model': 'desk-chat-1', 'index': 0, 'finish_reason': 'tool_calls', "
    "'usage': {'completion_tokens': 8, 'prompt_tokens': 125, 'total_tokens': 133}})"
)
_HAYSTACK_RESULT = (
    "ChatMessage(_role=<ChatRole.TOOL: 'tool'>, _content=[ToolCallResult(result='date,plot_id\\n"
    "2027-06-08,ML01', origin=ToolCall(tool_name='read_file', arguments={'name': 'x.csv'}, "
    "id='call_0199', extra=None), error=False)], _name=None, _meta={})"
)
_HAYSTACK_SYSTEM = (
    "ChatMessage(_role=<ChatRole.SYSTEM: 'system'>, _content=[TextContent(text=\"You are "
    "records_clerk at Tanner's Field.\")], _name=None, _meta={})"
)


def test_haystack_messages_recorded_as_their_repr_read_as_their_words() -> None:
    """OpenInference's Haystack instrumentor records a chat generator's replies and an
    Agent's result as Haystack ``ChatMessage`` reprs inside JSON: a reply reads as its
    text and tool calls (the token counts 125 and 133 are no words), a tool's message as
    what the tool returned (not the call it answers), an Agent's result as its last
    message (the conversation it holds is its input and its teammates' words)."""
    call = 'Asking the clerk.\nask_records_clerk({"messages": [{"role": "user", "content": '
    call += '"June 2027: pass, fail (see {note})"}]})'
    assert readable(json.dumps({"replies": [_HAYSTACK_CALL]})) == call
    assert readable(_HAYSTACK_CALL) == call
    held = [_HAYSTACK_SYSTEM, _HAYSTACK_CALL, _HAYSTACK_RESULT]
    result = {"messages": held, "last_message": _HAYSTACK_CALL, "step_count": 2}
    assert readable(json.dumps(result)) == call
    given = readable(json.dumps({"messages": held, "tools": ["ComponentTool(name='x')"]}))
    assert given == "\n\n".join(
        ["You are records_clerk at Tanner's Field.", call, "date,plot_id\n2027-06-08,ML01"]
    )
    assert "125" not in pl.select(atoms(pl.lit(call))).item().to_list()


def test_a_llamaindex_tool_output_and_adks_wrappers_read_as_the_text_inside() -> None:
    """LlamaIndex's ``ToolOutput`` recorded without its blocks' types reads as what the
    tool returned; Google ADK's ``{"result": ...}`` (a function tool's plain result) and
    ``{"request": ...}`` (an agent called as a tool) as the text they wrap; another
    one-key object stays as it is."""
    output = {
        "blocks": [{"text": "exit code 0\n70\n17.5"}],
        "tool_name": "run_python",
        "raw_input": {"args": [], "kwargs": {"code": "print(70)"}},
        "raw_output": "exit code 0\n70\n17.5",
        "is_error": False,
    }
    assert readable(json.dumps(output)) == "exit code 0\n70\n17.5"
    assert readable(json.dumps({"result": "month,route_id\n2026-03,R3"})) == (
        "month,route_id\n2026-03,R3"
    )
    assert readable(json.dumps({"request": "Fennick Isle, March"})) == "Fennick Isle, March"
    for kept in ({"result": {"rows": 3}}, {"error": "no such file"}):
        assert readable(json.dumps(kept)) == json.dumps(kept)


def test_what_a_step_was_given_reads_without_its_frameworks_settings() -> None:
    """A step's recorded input, read as what it was given: LangChain's chat model input
    (a batch of one conversation), OpenLLMetry's record of a LangChain callback's input
    (its tags and metadata are no words: ``langgraph_step`` is no value the step chose),
    a CrewAI task execution's context (not its agent's settings, whose ``max_iter`` 8
    is no figure), an ADK model request's instruction and contents."""
    system = {"lc": 1, "type": "constructor", "id": ["x"], "kwargs": {"content": "You lead."}}
    human = {"lc": 1, "type": "constructor", "id": ["y"], "kwargs": {"content": "Q1 cost?"}}
    system["kwargs"]["type"], human["kwargs"]["type"] = "system", "human"
    assert readable(json.dumps({"messages": [[system, human]]})) == "You lead.\n\nQ1 cost?"
    callback = {
        "input_str": "{'code': 'print(1)'}",
        "tags": ["seq:step:1"],
        "metadata": {"langgraph_step": 2, "langgraph_node": "tools"},
        "inputs": {"code": "print(1)"},
    }
    assert readable(json.dumps(callback)) == '{"code": "print(1)"}'
    task = {"agent": {"role": "Clerk", "max_iter": 8}, "context": "Read A.", "tools": []}
    assert readable(json.dumps(task)) == "Read A."
    request = {
        "model": "scripted",
        "contents": [{"parts": [{"text": "How many hours?"}], "role": "user"}],
        "config": {"system_instruction": "You run the desk."},
    }
    assert readable(json.dumps(request)) == "You run the desk.\n\nHow many hours?"


def test_a_haystack_repr_nested_past_the_parsers_depth_still_reads() -> None:
    """A recorded tool call whose arguments nest deeper than Python's parser goes (a
    hostile or broken record) keeps its name; its arguments stay as text."""
    nested = "{'a': " * 400 + "1" + "}" * 400
    record = (
        "ChatMessage(_role=<ChatRole.ASSISTANT: 'assistant'>, _content=[ToolCall("
        f"tool_name='read_file', arguments={nested}, id='c1', extra=None)], _name=None)"
    )
    said = readable(record)
    assert said is not None and said.startswith("read_file(")


def test_a_record_whose_type_is_no_string_stays_as_it_is() -> None:
    """A list of objects whose ``type`` is an object (no content block, no message)
    reads as it is; it raised TypeError (an unhashable ``type``) and stopped the
    analysis."""
    record = json.dumps([{"type": {"kind": "text"}, "text": "41 loads"}])
    assert readable(record) == record
    column = pl.Series("output", [record, "plain"]).to_frame()
    assert column.select(readable_column("output"))["output"].to_list() == [record, "plain"]


def test_an_analysis_reads_past_a_record_no_reader_knows() -> None:
    """A failed run whose agent recorded such a list still gets its suspects: before,
    the whole analysis stopped on it."""
    run = Run(1, outcome="failure")
    run.turn("clerk", json.dumps([{"type": {"kind": "text"}, "text": "41 loads"}]))
    run.turn("writer", "The answer is 41.")
    with tempfile.TemporaryDirectory() as tmp:
        with analyzer.open(write_db(os.path.join(tmp, "x.duckdb"), run), read_only=True) as store:
            failures = store.analyze().failures
    assert failures.height == 1 and failures["agent"][0] is not None
