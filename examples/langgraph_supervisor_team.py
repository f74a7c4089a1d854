"""A langgraph-supervisor team with scripted chat models, traced by one line.

    python examples/langgraph_supervisor_team.py            # healthy runs
    python examples/langgraph_supervisor_team.py --faulty   # the researcher's lookup tool raises
    coordgap ingest && coordgap analyze                # attribution of the failed runs

The supervisor delegates to a researcher (which calls a ``lookup`` tool) and then
to a writer, each through its handoff tool (``transfer_to_researcher`` ...), and
gets their results back (``transfer_back_to_supervisor``). Each transfer is a
handoff span from the agent that called it to the target; each agent's own model
and tool steps nest under its agent span. The models are LangChain's fake chat
models replaying a script: nothing here calls a model API or the network.
"""

from __future__ import annotations

import argparse
import warnings
from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage
from langgraph_supervisor import create_supervisor

import tracer
from tracer.integrations import langgraph as cg_langgraph

with warnings.catch_warnings():  # langgraph-supervisor still builds agents with it
    warnings.simplefilter("ignore")
    from langgraph.prebuilt import create_react_agent


class Scripted(FakeMessagesListChatModel):
    """Replies from a script, tool calls included."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Scripted:
        return self


def _call(tool: str, call_id: str, **args: Any) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": tool, "args": args, "id": call_id}])


def build(faulty: bool) -> Any:
    def lookup(q: str) -> str:
        """Look up facts about a topic."""
        if faulty:
            raise ConnectionError("facts service unreachable")
        return f"notes on {q}"

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        researcher = create_react_agent(
            Scripted(responses=[_call("lookup", "r1", q="tides"), AIMessage(content="notes")]),
            [lookup],
            name="researcher",
        )
        writer = create_react_agent(
            Scripted(responses=[AIMessage(content="A teaser about tides")]), [], name="writer"
        )
        supervisor = Scripted(
            responses=[
                _call("transfer_to_researcher", "s1"),
                _call("transfer_to_writer", "s2"),
                AIMessage(content="done"),
            ]
        )
        return create_supervisor([researcher, writer], model=supervisor).compile(name="team")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faulty", action="store_true", help="the lookup tool raises")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)

    tracer.configure(service_name="langgraph-supervisor-example")
    for n in range(args.runs):
        # the scripted models are used up by one run: a fresh team per run
        app = cg_langgraph.instrument(build(args.faulty))
        try:
            out = app.invoke({"messages": [{"role": "user", "content": "a teaser on tides"}]})
            print(f"run {n + 1}: {out['messages'][-1].content}")
        except ConnectionError as exc:
            print(f"run {n + 1}: failed ({exc})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
