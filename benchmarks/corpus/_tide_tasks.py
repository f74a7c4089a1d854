"""The tide desk's team names, the lead's briefing helper, the questions (one exact figure
each) and the code cells they share. Free of Semantic Kernel, so that the runs can be
written before its telemetry settings are read."""

from __future__ import annotations

from benchmarks.corpus._desk import Run, Turn, cell, read

__all__ = ["AGENTS", "CHECKER", "CLERK", "CODER", "LEAD", "Run", "Turn", "WRITER", "ask", "cell", "read"]

LEAD = "tide_lead"
CLERK = "data_clerk"
CODER = "py_coder"
CHECKER = "checker"
WRITER = "notice_writer"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)



def ask(colleague: str, brief: str, mark: str = "") -> Turn:
    """A lead's turn briefing a colleague (Semantic Kernel's agent-as-plugin function
    takes the brief as ``messages``)."""
    return Turn(LEAD, "", (f"ask_{colleague}", {"messages": brief}), mark=mark)

HARBOUR_Q2 = (
    "What was Harbour Point's mean sea level over Q2 2026 (the mean of its April to June "
    "monthly values)? Metres, three decimals."
)
