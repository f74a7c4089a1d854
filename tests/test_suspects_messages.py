"""A framework's chat-message record is read as what the agent said, not as JSON."""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from analyzer.suspects.messages import readable, readable_column
from analyzer.suspects.turns import annotate

_AI = {
    "additional_kwargs": {},
    "content": "Straight division:\n```python\nprint(5501.0 / 50385)\n```",
    "id": "lc_run--01a2458e-b475-7235-a599-4998493b98dd-0",
    "name": "python_coder",
    "response_metadata": {"token_usage": 4821},
    "tool_calls": [{"args": {"doc_id": "audit-2024"}, "id": "call_t004", "name": "open_doc"}],
    "type": "ai",
}


def test_a_message_record_reads_as_its_text_and_tool_calls() -> None:
    text = readable(json.dumps({"active_agent": "x", "messages": [_AI]}))
    assert text == (
        "Straight division:\n```python\nprint(5501.0 / 50385)\n```\n"
        'open_doc({"doc_id": "audit-2024"})'
    )


def test_openai_shaped_messages_and_content_parts() -> None:
    record = [
        {"role": "user", "content": [{"type": "text", "text": "Sum 12 and 30"}]},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "c1", "function": {"name": "add", "arguments": '{"a": 12}'}}],
        },
    ]
    assert readable(json.dumps(record)) == 'Sum 12 and 30\n\nadd({"a": 12})'


def test_a_message_that_only_asked_for_tools_reads_as_its_calls() -> None:
    """OpenInference records an OpenAI-shaped reply that only called a tool with no
    ``content`` key at all: its call id is no word of the agent, its call is."""
    record = [
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "id": "call_grower_clerk_01",
                    "function": {"arguments": '{"name": "intake_2026-08.csv"}', "name": "read"},
                    "type": "function",
                }
            ],
        }
    ]
    assert readable(json.dumps(record)) == 'read({"name": "intake_2026-08.csv"})'
    assert readable(json.dumps([{"role": "assistant", "tool_calls": "x"}])) == json.dumps(
        [{"role": "assistant", "tool_calls": "x"}]
    )


def test_a_record_cut_at_the_content_cap_keeps_its_whole_contents() -> None:
    cut = json.dumps([_AI, {**_AI, "content": "second 77.5"}])[:-60] + "...[truncated]"
    assert readable(cut) == f"{_AI['content']}\n\nsecond 77.5"


_CALL = {"name": "assign", "args": {"agent": "coder", "instructions": "T03, Q1"}, "id": "c1"}
_USAGE = {"input_tokens": 142, "output_tokens": 12, "total_tokens": 154}


def test_langchain_envelopes_read_as_the_message_inside() -> None:
    """OpenInference records a LangChain model's result (``generations`` of ``dumpd``
    messages) and a LangGraph node's ``Command`` (its ``update`` of ``message_to_dict``
    messages): their ids and token counts are no words of the agent."""
    result = {
        "generations": [
            [
                {
                    "text": "",
                    "type": "ChatGeneration",
                    "message": {
                        "lc": 1,
                        "type": "constructor",
                        "id": ["langchain", "schema", "messages", "AIMessage"],
                        "kwargs": {
                            "content": "",
                            "type": "ai",
                            "tool_calls": [_CALL],
                            "usage_metadata": _USAGE,
                        },
                    },
                }
            ]
        ],
        "llm_output": None,
        "type": "LLMResult",
    }
    call = 'assign({"agent": "coder", "instructions": "T03, Q1"})'
    assert readable(json.dumps(result)) == call
    ai = {"content": "34.8%", "type": "ai", "name": "writer", "usage_metadata": _USAGE}
    command = {
        "graph": None,
        "update": {"messages": [{"type": "ai", "data": ai}], "brief": "x"},
        "resume": None,
        "goto": "writer",
    }
    assert readable(json.dumps(command)) == "34.8%"
    # a generation without a message is its text
    assert readable(json.dumps({"generations": [[{"text": "7 turbines"}]]})) == "7 turbines"


def test_a_record_followed_by_its_own_text_reads_once() -> None:
    record = json.dumps([{**_AI, "tool_calls": []}])
    assert readable(record + "\n" + _AI["content"]) == _AI["content"]
    assert readable(record + "\nand more 12") == f"{_AI['content']}\n\nand more 12"


def test_other_text_and_other_json_stay_as_they_are() -> None:
    for text in (
        "Total: 12.5 MG",
        '{"error": {"code": 503, "message": "down"}}',
        '{"results": [{"doc_id": "a-1", "title": "t"}]}',
        "[1, 2, 3]",
        '{"content": "no role or type", "x": 1}',
        "{not json",
    ):
        assert readable(text) == text
    assert readable(None) is None


def test_the_column_reads_as_readable_does_row_by_row() -> None:
    """The column form calls readable only on text that may be JSON: the same texts come
    back, blanks (a Unicode space, a file separator) before a record included."""
    record = json.dumps({"messages": [_AI]})
    texts = [None, "", "Total: 12.5 MG", "  \n" + record, "\u3000" + record, "\x1c" + record]
    texts += ["{not json", "[1, 2, 3]", '- {"role": "user", "content": "hi"}']
    got = pl.DataFrame({"t": texts}, schema={"t": pl.String}).select(readable_column("t"))
    assert got["t"].to_list() == [readable(t) for t in texts]
    assert got["t"][3] != texts[3]  # the record was read


def test_ids_and_metadata_of_a_message_record_are_no_atoms() -> None:
    frame = pl.DataFrame(
        {
            "trace_id": ["t"],
            "turn": [0],
            "agent": ["python_coder"],
            "actor": [None],
            "output": [readable(json.dumps({"messages": [_AI]}))],
            "has_code": [False],
            "is_tool": [False],
            "is_run": [False],
            "is_call": [False],
        },
        schema_overrides={"actor": pl.String},
    )
    got = set(annotate(frame)["atoms"][0])
    assert {"5501.0", "50385"} <= got or {"5501", "50385"} <= got
    assert not got & {"lc_run", "call_t004", "4821", "token_usage", "response_metadata"}
    assert annotate(frame)["has_code"][0]


def test_the_text_between_two_quoted_strings_of_an_escaped_program_is_no_atom() -> None:
    """A program given to a tool as JSON (its newlines escaped): ``'2026-03'`` is what it
    looks up, ``'])\\nprint(r['`` between two short keys is none."""
    code = "rows = [r for r in x if r['m'] == '2026-03']\nprint(r['a'])\nprint(r['b'])"
    frame = pl.DataFrame(
        {
            "trace_id": ["t"],
            "turn": [0],
            "agent": ["data_analyst"],
            "actor": [None],
            "output": [f"run_python({json.dumps({'code': code})})"],
            "has_code": [False],
            "is_tool": [False],
            "is_run": [False],
            "is_call": [False],
        },
        schema_overrides={"actor": pl.String},
    )
    got = set(annotate(frame)["atoms"][0])
    assert "2026-03" in got
    assert not [a for a in got if "\\" in a or "(" in a], got


def test_re_reading_only_the_changed_turns_gives_the_whole_annotation() -> None:
    """A frame whose changed turns alone are read again (``fresh``) annotates as the
    same frame read whole: marks of the kept turns and executors of the run alike."""
    base = pl.DataFrame(
        {
            "trace_id": ["a", "a", "a", "b"],
            "turn": [1, 2, 3, 1],
            "agent": ["coder", "runner", "coder", "writer"],
            "actor": [None, None, None, None],
            "output": ["```python\nprint(8412 * 2)\n```", None, "Total is 16,824", "Plan 7.5"],
            "is_tool": [False, False, False, False],
            "is_run": [False, False, False, False],
            "is_call": [False, False, False, False],
        },
        schema_overrides={"actor": pl.String},
    )
    before = annotate(base).select(*base.columns, "atoms", "has_code", "fails", "trouble")
    reply = "exitcode: 0 (execution succeeded)\nCode output: 16824"
    changed = pl.col("trace_id").eq("a") & pl.col("turn").eq(2)
    after = before.with_columns(
        output=pl.when(changed).then(pl.lit(reply)).otherwise(pl.col("output")),
        fresh=changed,
    )
    whole = annotate(after.drop("fresh", "atoms", "has_code", "fails", "trouble"))
    got = annotate(after, fresh="fresh").select(whole.columns)
    key = ["trace_id", "turn"]
    assert (
        got.sort(key)
        .with_columns(pl.col("atoms").list.sort())
        .equals(whole.sort(key).with_columns(pl.col("atoms").list.sort()))
    )
    assert got.filter(changed)["is_exec"][0]  # the runner replies right after the code


def test_a_tool_calls_json_arguments_read_with_their_escapes() -> None:
    """Arguments sent as JSON text with ASCII escapes (``\\u00a3`` for £) read as the
    characters they stand for: ``£57,350`` stays a figure, not ``00a357,350``."""
    arguments = json.dumps({"answer": "Grantees must raise £57,350."})  # ensure_ascii
    assert "\\u00a3" in arguments
    record = {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c1", "function": {"name": "final_answer", "arguments": arguments}}
    ]}  # fmt: skip
    assert (
        readable(json.dumps(record)) == 'final_answer({"answer": "Grantees must raise £57,350."})'
    )


def test_a_message_objects_repr_reads_as_its_text() -> None:
    """LlamaIndex's step output is an event's repr: its words are the text fields (to the
    end of a record cut off inside one), a tool call alone says nothing, and another
    object's repr (a record a tool returned) stays as it is."""
    head = "AgentOutput(response=ChatMessage(role=<MessageRole.ASSISTANT: 'assistant'>, "
    text = head + "blocks=[TextBlock(block_type='text', text='It\\'s 21.0 days.'), Tool..."
    assert readable(text) == "It's 21.0 days."
    assert readable(head + "blocks=[TextBlock(block_type='text', text='Usable units div...") == (
        "Usable units div"
    )
    assert readable(head + "blocks=[ToolCallBlock(block_type='tool_call', tool_name='hand...") == ""
    assert readable("Order(id='A-1', amount=120)") == "Order(id='A-1', amount=120)"


def test_content_blocks_read_as_their_text_and_tool_uses() -> None:
    """A reply or tool result as a list of content blocks (Strands Agents and Bedrock's
    Converse shape, Anthropic's typed blocks): the text and each tool use as
    ``name(input)``; the tool-use ids are no words. A list with anything else in it is
    no such list and stays as it is."""
    reply = [
        {"text": "Clerk lists, analyst counts."},
        {
            "toolUse": {
                "toolUseId": "tooluse_house_manager_01",
                "name": "handoff_to_agent",
                "input": {"agent_name": "clerk", "message": "November rows."},
            }
        },
    ]
    assert readable(json.dumps(reply)) == (
        'Clerk lists, analyst counts.\nhandoff_to_agent({"agent_name": "clerk", '
        '"message": "November rows."})'
    )
    assert readable(json.dumps([{"text": "exit code 0\n1519"}])) == "exit code 0\n1519"
    typed = [
        {"type": "text", "text": "Reading it."},
        {"type": "tool_use", "id": "toolu_01", "name": "read", "input": {"f": "a.csv"}},
    ]
    assert readable(json.dumps(typed)) == 'Reading it.\nread({"f": "a.csv"})'
    result = [{"toolResult": {"toolUseId": "t1", "content": [{"text": "640 kg"}]}}]
    assert readable(json.dumps(result)) == "640 kg"
    other = json.dumps([{"text": "a"}, {"rows": 3}])
    assert readable(other) == other


def test_an_openai_completion_and_a_crewai_task_output_read_as_their_words() -> None:
    """OpenInference's OpenAI instrumentor records a call's output as the API's whole
    completion (its id, creation time and token counts are no words of the agent), and
    its CrewAI instrumentor a task's output as CrewAI's record of the task, whose
    ``messages`` are the prompt the agent was given: its words are the ``raw`` text."""
    completion = {
        "id": "chatcmpl-box-162",
        "choices": [
            {
                "finish_reason": "stop",
                "index": 0,
                "message": {"role": "assistant", "content": "Final Answer: 19 lines, 431."},
            }
        ],
        "created": 1790000000,
        "model": "box-office-chat-1",
        "usage": {"completion_tokens": 25, "total_tokens": 587},
    }
    assert readable(json.dumps(completion)) == "Final Answer: 19 lines, 431."
    task = {
        "description": "Plan the work.",
        "expected_output": "a short plan",
        "raw": "1. Contracts Clerk: the fees in prices_2026.json.",
        "messages": [{"role": "system", "content": "You are Box Office Manager."}],
    }
    assert readable(json.dumps(task)) == task["raw"]


def test_an_openai_responses_api_response_reads_as_its_output_items() -> None:
    """OpenInference's openai-agents instrumentor records a model call's output as the
    Responses API's whole response (ids, creation time, instructions, the tools on
    offer): its words are its output items, a message's text and a function call as
    ``name(arguments)``; the flattened messages recorded after it are not said twice."""
    response = {
        "id": "resp_00235",
        "created_at": 1790000235.0,
        "instructions": "You are the coder.",
        "model": "berth-desk-1",
        "object": "response",
        "output": [
            {
                "id": "msg_00235",
                "content": [
                    {"annotations": [], "text": "Tonnes times rate.", "type": "output_text"}
                ],
                "role": "assistant",
                "type": "message",
            },
            {
                "arguments": '{"code": "print(2 * 3)"}',
                "call_id": "call_00235",
                "name": "run_python",
                "type": "function_call",
                "id": "fc_00235",
            },
        ],
        "tools": [{"name": "transfer_to_checker", "type": "function"}],
        "usage": {"input_tokens": 1100},
    }
    said = 'Tonnes times rate.\n\nrun_python({"code": "print(2 * 3)"})'
    assert readable(json.dumps(response)) == said
    flattened = 'Tonnes times rate.\nTonnes times rate.\nrun_python({"code": "print(2 * 3)"})'
    assert readable(json.dumps(response) + "\n" + flattened) == said


def test_openllmetrys_wrapped_record_reads_once_as_the_message_inside() -> None:
    """OpenLLMetry wraps what a LangChain run returned in ``outputs`` (a tool's in
    ``output``) beside the callback's ``kwargs``, and records it twice (the entity
    output and the GenAI attribute): the message's text, once."""
    kind = ["langchain", "schema", "messages", "ToolMessage"]
    tool: dict[str, Any] = {"lc": 1, "type": "constructor", "id": kind}
    tool["kwargs"] = {"content": "exit code 0\n8.0", "type": "tool", "name": "run_python"}
    wrapped = json.dumps({"output": tool, "kwargs": {"tags": ["graph:step:2"]}})
    assert readable(wrapped) == "exit code 0\n8.0"
    assert readable(wrapped + "\n" + wrapped) == "exit code 0\n8.0"
    human = {"content": "25 collections, 2 rejected.", "type": "human", "name": "clerk"}
    command = {"graph": None, "update": {"messages": [human]}, "resume": None, "goto": "lead"}
    assert readable(json.dumps({"outputs": command, "kwargs": {}})) == human["content"]
    # a tool's own JSON result with an `output` key beside others stays as it is
    own = json.dumps({"output": "ok", "rows": 3})
    assert readable(own) == own


def test_google_genai_content_and_function_responses_read_as_their_words() -> None:
    """ADK's responses and events (OpenInference records them whole as output.value):
    a ``Content``'s text parts and function calls; a ``FunctionResponse`` as its
    result (nothing where it returned null, a transfer)."""
    event = {
        "content": {
            "parts": [
                {"text": "Over the keeper's nine."},
                {"function_call": {"args": {"code": "print(12)"}, "name": "run_python"}},
            ],
            "role": "model",
        },
        "invocation_id": "e-5466b7fb-ee88-48f0-a8e2-f024a070bfc3",
        "author": "stats_coder",
    }
    said = 'Over the keeper\'s nine.\nrun_python({"code": "print(12)"})'
    assert readable(json.dumps(event)) == said
    # the instrumentor's own rendering after the record is not said twice
    assert readable(json.dumps(event) + "\n" + said) == said
    result = {"id": "adk-46d2c868", "name": "run_python", "response": {"result": "exit code 0\n12"}}
    assert readable(json.dumps(result)) == "exit code 0\n12"
    transfer = {"id": "adk-452814ae", "name": "transfer_to_agent", "response": {"result": None}}
    assert readable(json.dumps(transfer)) == ""
    # a record with a `response` of several keys stays as it is
    other = json.dumps({"name": "lookup", "response": {"rows": 3, "ok": True}})
    assert readable(other) == other


def test_llamaindex_blocks_and_a_text_followed_by_its_record_read_once() -> None:
    """LlamaIndex's content blocks (a ChatResponse's message, a tool's output), and a
    model call's text followed by its response recorded whole (OpenLLMetry): the
    record's words, the tool call the text alone lacks included."""
    message = {
        "role": "assistant",
        "blocks": [
            {"block_type": "text", "text": "Juno is size M."},
            {
                "block_type": "tool_call",
                "tool_name": "handoff",
                "tool_kwargs": {"to_agent": "lead"},
            },
        ],
    }
    said = 'Juno is size M.\nhandoff({"to_agent": "lead"})'
    assert readable(json.dumps({"message": message, "raw": None, "delta": None})) == said
    assert readable(json.dumps({"response": message, "current_agent_name": "clerk"})) == said
    assert readable("Juno is size M.\n" + json.dumps({"message": message})) == said
    tool = {"blocks": [{"block_type": "text", "text": "D03,Juno,L"}], "tool_name": "read_file"}
    assert readable(json.dumps(tool)) == "D03,Juno,L"
    # a text that the record after it does not say stays whole
    other = "Three rows.\n" + json.dumps({"message": message})
    assert readable(other) == other
    frame = pl.DataFrame({"t": ["Juno is size M.\n" + json.dumps({"message": message})]})
    assert frame.select(readable_column("t")).item() == said
