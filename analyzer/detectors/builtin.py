"""The built-in detectors: named SQL passes over ``cg_msg`` (analyzer/queries/detectors.sql).

Each maps its finding to one of the five stages, for a stated reason (the MAST
failure taxonomy as a guide):

- ``code_failure`` -> generation: a tool or code run failed in its output and
  the agent that wrote the code or arguments went on; the defect is that
  agent's own work.
- ``lost_constraint`` -> handoff: the run's input said something that never
  reached any agent's message; information was lost between the input and the
  agents (inter-agent misalignment).
- ``made_up_data`` -> generation: an agent presented invented values as results.
- ``self_reported`` -> generation: the team says the work is stuck after a step;
  that step's agent did not do its subtask.
- ``repetition`` -> generation: an agent repeats itself instead of progressing
  (step repetition).
- ``crash_in_turn`` -> generation: an agent's message ends in an unhandled
  traceback; the run crashed on that agent's turn without recording an exception.
- ``accepted_result`` -> generation: an agent declared the result verified or the
  request satisfied and the run failed; the accepted result's producer made the
  mistake the acceptance let through. The weakest signal (:data:`FALLBACK`): used
  only when no other detector fired on the run.

Patterns are precise on purpose: a detector that fires must name the right agent.
None matches one framework's wording (ledger keys, an executor's fixed replies):
executors are recognised by structure (see ``detector_messages``), failures by
error and exit-status shapes, trouble and acceptance by plain-language phrasing.
House-specific wording belongs in a ``--detector`` plugin.
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from analyzer import content, queries

__all__ = [
    "FALLBACK",
    "PATTERNS",
    "accepted_result",
    "crash_in_turn",
    "code_failure",
    "lost_constraint",
    "made_up_data",
    "params",
    "repetition",
    "self_reported",
]

# The failure, made-up-data and acceptance phrasings, each written once: the
# detectors test a message with the core pattern and quote the line that matched.
_FAIL = (
    r"exit ?code:?\s*[1-9]\d*|exit code:\s*[1-9]|exit status [1-9]|"
    r"traceback \(most recent call last\)|command not found|"
    r"\b(?:http(?:/\d(?:\.\d)?)?|status(?: code)?|error code)\W{0,3}[45]\d\d\b|"
    r"\b[45]\d\d (?:client|server) error\b|\"error\"\s*:\s*[{\"]"
)
_MADE_UP = (
    r"\b(?:placeholder|hypothetical|dummy|fictional|fictitious|made[- ]up|"
    r"simulated|mock(?:ed)?|sample|example|assumed|illustrative) "
    r"(?:data|values?|numbers?|results?|figures?|dataset|prices?|scores?|records?|entries)\b|"
    r"\bfor (?:demonstration|illustration|illustrative) purposes\b|"
    r"\b(?:let's|let us|we will|we'll|I will|I'll) assume (?:that )?(?:the )?"
    r"(?:data|values?|numbers?|results?|figures?) "
)
_ACCEPT = (
    r"\b(?:the )?(?:original )?(?:request|task|question) (?:is|has been|was) (?:now )?"
    r"(?:fully |successfully )?(?:satisfied|fulfilled|completed|answered|resolved)\b|"
    r"\bI (?:have )?(?:verified|confirmed|verify that|confirm that|agree with)\b|"
    r"\b(?:has|have) been (?:verified|confirmed)\b|"
    r"\b(?:result|answer|solution|calculation|finding|list)s? (?:is|are) "
    r"(?:verified|confirmed|accurate|correct and verified)\b"
)

# The team (or an orchestrator) saying the work is not progressing, in plain words.
_TEAM_TROUBLE = (
    r"\b(?:we are|we're|we have been|we seem to be|the team is|the team has been) "
    r"(?:stuck|going in circles|in a loop|looping|not making (?:any )?progress)\b|"
    r"\b(?:no|little) (?:real |further )?progress (?:is|has been) (?:being )?made\b|"
    r"\b(?:is|are) (?:stuck )?in a loop\b|\brepeating (?:the same|itself|ourselves)\b"
)

PATTERNS: Final[dict[str, Any]] = {
    "re_fail": rf"(?i)(?:{_FAIL})",
    "re_fail_line": rf"(?im)^[^\n]*(?:{_FAIL})[^\n]*",
    "re_error_line": r"\b[A-Za-z_][\w.]*(?:Error|Exception):[^\n]*",
    # a program in a message (one pattern with the suspects')
    "re_code": content.CODE,
    # a program's text, fenced or not, for telling its first writer from a relay
    "re_code_block": r"(?s)```[A-Za-z]*(.*?)```",
    "re_code_noise": content.TEXT_NOISE,
    # a failed call's reply at the start of an agent's message: "HTTP 404 Not Found:
    # ...", or an error object {"status": 500, "error": ...} (JSON-escaped or not)
    "re_call_failed": r"(?i)^\W{0,20}HTTP(?:/\d(?:\.\d)?)? [45]\d\d\b[^\n]{0,120}|"
    r"\\?\"status(?:_code)?\\?\"\s*:\s*[45]\d\d\b[^\n}]{0,160}",
    "min_repeat": 40,
    "re_team_trouble": rf"(?i){_TEAM_TROUBLE}",
    "re_team_trouble_line": rf"(?i)[^.\n]*(?:{_TEAM_TROUBLE})[^.\n]*",
    "re_self_trouble": r"(?i)\bI (?:was|am|have been) (?:unable|not able) to "
    r"(?:find|locate|access|retrieve|open|load|complete|determine|verify|get)\b[^.\n]*|"
    r"\bI (?:could not|couldn't|cannot|can't|failed to) "
    r"(?:find|locate|access|retrieve|open|load|complete|determine|get)\b[^.\n]*|"
    r"\bI give up\b[^.\n]*",
    "re_made_up": rf"(?i){_MADE_UP}",
    "re_made_up_line": rf"(?i)[^.\n]*(?:{_MADE_UP})[^.\n]*",
    "re_number": r"\d+(?:[.,:/-]\d+)*",
    "re_quoted": r"[\"“]([^\"”\n]{3,80})[\"”]",
    # a name stays on one line ("Data" closing one line and "Files" opening the next
    # are two words, not a name)
    "re_name": r"\b[A-Z][a-z]+(?:[ \t]+(?:of[ \t]+|the[ \t]+|de[ \t]+)?[A-Z][a-z]+)+\b",
    # a Markdown heading line ("# General Task") titles the text; it asks nothing
    "re_heading": r"(?m)^[ \t]*#{1,6}[ \t][^\n]*",
    "re_name_stop": r"^(?:The|A|An|If|In|On|At|Of|For|What|Which|Who|Whom|Where|When|Why|How|"
    r"Please|Give|Find|Return|Is|Are|Do|Does|Did|According|As|By|From|To|With|This|That|"
    r"These|Those|I|My|We|Our|You|Your|It|Its|And|But|Or|Then|Can|Could|Should|Would|"
    r"Assume|Suppose|Consider|Given|Let|Use|List|Name|Tell|Provide|Compute|Calculate)\s",
    "re_traceback": r"(?i)traceback \(most recent call last\)",
    "re_accept": rf"(?i){_ACCEPT}",
    "re_accept_line": rf"(?i)[^.\n]*(?:{_ACCEPT})[^.\n]*",
    "max_repeat": 2000,
    "blank": " \t\r\n",
    "lost_min": 2,
    "lost_share": 0.6,
    "quote_max": 160,
}


FALLBACK: Final = ("accepted_result",)
"""Detectors whose signals count only when no other detector fired on the run."""


def params(name: str) -> dict[str, Any]:
    """The bound parameters the named query uses (DuckDB rejects unused ones): the
    vocabulary's (:func:`analyzer.queries.bind`) and the patterns'."""
    return queries.params(name, **PATTERNS)


def _named(con: duckdb.DuckDBPyConnection, name: str) -> duckdb.DuckDBPyRelation:
    return con.sql(queries.sql(name), params=params(name))


def code_failure(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """A tool or code run failed in its output although nothing raised: blame the
    agent that wrote the code or arguments, at the step where it wrote them."""
    return _named(con, "detector_code_failure")


def lost_constraint(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """Most constraints of the run's input never reach any agent message: blame the
    first handoff of the task."""
    return _named(con, "detector_lost_constraint")


def made_up_data(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """An agent presents placeholder/simulated/assumed values as results and another
    agent goes on with them: blame the one that made them up."""
    return _named(con, "detector_made_up")


def self_reported(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """The team says it is stuck or making no progress: blame the step it reacts to."""
    return _named(con, "detector_self_reported")


def repetition(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """An agent repeats the same message: blame its first occurrence."""
    return _named(con, "detector_repetition")


def crash_in_turn(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """An agent's message ends in an unhandled traceback: blame that turn's agent."""
    return _named(con, "detector_crash_in_turn")


def accepted_result(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """An agent accepted a result as final in a run that failed: blame the result's
    producer (the weakest signal; see :data:`FALLBACK`)."""
    return _named(con, "detector_accepted_result")
