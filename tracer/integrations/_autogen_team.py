"""Who picks the next speaker of an AutoGen AgentChat team: its structure, or a choice.

A reviewer's turn without an approval word is read as a reject when the agent it
reviewed works again before the reviewer's next turn (sent back). That reading
needs the next speaker to be a choice made after the reviewer spoke:

- ``RoundRobinGroupChat`` (its ``RoundRobinGroupChatManager``): the order is fixed;
  the reviewed agent speaking next is its place in the round, whatever the
  reviewer said;
- ``GraphFlow``: a node whose outgoing edges carry no condition hands on to the
  same nodes whatever it said (AutoGen lets a node have only conditional or only
  unconditional edges); a node with conditional edges routes on its message;
- ``SelectorGroupChat`` (a model or ``selector_func`` picks after reading the
  thread), ``Swarm`` (a ``HandoffMessage`` names the target), ``MagenticOneGroupChat``
  (the orchestrator picks) and any other team: a choice.

AutoGen is imported only when a team is looked at; a missing or reshaped AutoGen
leaves every speaker a choice (the reading as before).
"""

from __future__ import annotations

from typing import Any

__all__ = ["fixed_successors"]


def fixed_successors(team: Any) -> frozenset[str]:
    """Names of the participants whose next speaker the team's structure fixes."""
    if _round_robin(team):
        members = getattr(team, "_participants", None) or []
        return frozenset(str(getattr(m, "name", "")) for m in members) - {""}
    graph = _graph(team)
    if graph is None:
        return frozenset()
    nodes = getattr(graph, "nodes", None) or {}
    return frozenset(str(name) for name, node in nodes.items() if _unconditional(node))


def _round_robin(team: Any) -> bool:
    """A ``RoundRobinGroupChat``, or a team built on its manager."""
    try:
        from autogen_agentchat.teams import RoundRobinGroupChat
    except ImportError:
        return False
    if isinstance(team, RoundRobinGroupChat):
        return True
    manager = getattr(team, "_base_group_chat_manager_class", None)
    try:  # the manager lives in a private module: a team subclassing it is rare
        from autogen_agentchat.teams._group_chat._round_robin_group_chat import (
            RoundRobinGroupChatManager,
        )
    except ImportError:
        return False
    return isinstance(manager, type) and issubclass(manager, RoundRobinGroupChatManager)


def _graph(team: Any) -> Any:
    """The ``DiGraph`` of a ``GraphFlow``; None for any other team."""
    try:
        from autogen_agentchat.teams import GraphFlow
    except ImportError:
        return None
    return getattr(team, "_graph", None) if isinstance(team, GraphFlow) else None


def _unconditional(node: Any) -> bool:
    """No outgoing edge of ``node`` depends on what its agent said."""
    return all(
        getattr(edge, "condition", None) is None
        and getattr(edge, "condition_function", None) is None
        for edge in getattr(node, "edges", None) or []
    )
