"""Score attribution on the corpus flattened to messages only (the Who&When shape).

The committed corpus (``tests/corpus``) records handoffs, actors, tool spans and
parent/child links; public failure logs carry none of that, only the agents'
messages in order. This script writes each failing corpus run as such a log,

- ``question``: the run's task;
- ``history``: one ``{"name", "content"}`` message per agent turn (an
  ``invoke_agent``, ``plan`` or ``verify`` span of coordgap with an actor, or an
  OpenInference ``AGENT`` span with an ``output.value`` of its own), its
  output text as the content (a turn without text: the error it raised, the reply
  it handed back, or for the run's last turn the run's output) followed by the
  outputs of the tools it called (one step holds what the agent did and what it
  saw, as a Magentic-One log's WebSurfer message holds the page it read), one per
  other tool span with an output, named after the agent that called the tool, and
  one per handoff an agent sent while its turn
  was still open (a manager delegating), in the order they start; a turn inside
  which other agents' turns ran (a manager) speaks its own text at its end; a
  turn with no text at all (a guardrail's verdict) is left out. Other
  instrumentations: a GenAI model call (``chat``) of a named agent is a turn, its
  tool calls shown as the tool's name and arguments, the tools it asked for (by
  call id, else the call beside it) as what it saw; an agent called as a tool
  speaks the tool's output, its caller the tool's input (what it asked);
- ``mistake_agent`` and ``mistake_step``: the annotated agent and the index in
  ``history`` of the annotated turn's first message;

converts the logs with ``whowhen_to_otlp.py`` (one ``invoke_agent`` span per
message, no handoffs, no tool spans, no actors), scores them with
``attribution_accuracy.py`` and prints agent and step accuracy per framework
and overall, beside the same figures on the structured corpus.

Usage::

    python benchmarks/corpus_flat.py                 # write to a temporary dir
    python benchmarks/corpus_flat.py --keep DIR      # keep the logs, OTLP and truth in DIR
    python benchmarks/corpus_flat.py --json          # the figures as JSON
    python benchmarks/corpus_flat.py --corpus tests/corpus/blind/autogen_gaia  # another set
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer import mapping  # noqa: E402
from benchmarks import (  # noqa: E402
    attribution_accuracy,
    flat_openinference,
    flat_store,
    whowhen_to_otlp,
)
from benchmarks.flat_text import (  # noqa: E402
    attrs_of,
    call_ids,
    error_text,
    output_of,
    text_of,
    tool_result,
    unwrapped,
    write_log,
)
from tracer import semconv  # noqa: E402

TRACES = ROOT / "tests" / "corpus" / "traces"
TRUTH = ROOT / "tests" / "corpus" / "annotations.json"
TURN_OPS = frozenset({semconv.OP_INVOKE_AGENT, semconv.OP_PLAN, semconv.OP_VERIFY})
TOOL_OP = semconv.OP_EXECUTE_TOOL
OVERALL = "overall"


def _openinference_turn(attrs: dict[str, Any]) -> bool:
    """An OpenInference agent span (another instrumentation's) with a message of its own."""
    return bool(
        attrs.get(mapping.OPENINFERENCE_SPAN_KIND) == "AGENT"
        and attrs.get(mapping.OPENINFERENCE_AGENT_NAME)
        and text_of(attrs.get(semconv.OPENINFERENCE_OUTPUT_VALUE)).strip()
    )


def _model_turn(attrs: dict[str, Any]) -> bool:
    """A GenAI model call (``chat``) made for a named agent, with a message of its own:
    instrumentations of the GenAI conventions record an agent's words there."""
    return bool(
        attrs.get(semconv.GEN_AI_OPERATION_NAME) in mapping.MODEL_OPERATIONS
        and attrs.get(semconv.GEN_AI_AGENT_NAME)
        and text_of(attrs.get(semconv.GEN_AI_OUTPUT_MESSAGES)).strip()
    )


def _agent(attrs: dict[str, Any]) -> Any:
    """The agent a span speaks for: coordgap's name, else OpenInference's."""
    if _openinference_turn(attrs):
        return attrs.get(mapping.OPENINFERENCE_AGENT_NAME)
    return attrs.get(semconv.GEN_AI_AGENT_NAME)


def load_spans(traces: Path, wanted: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The spans of the wanted runs, per trace id, from the corpus's OTLP/JSON lines."""
    runs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(traces.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                for rs in json.loads(line).get("resourceSpans") or []:
                    for ss in rs.get("scopeSpans") or []:
                        for span in ss.get("spans") or []:
                            if span["traceId"] in wanted:
                                runs[span["traceId"]].append(span)
    return runs


def _reply(ordered: list[dict[str, Any]], at: int, agent: str) -> str:
    """The content of the next handoff ``agent`` sends after its turn at ``at`` (a
    delegated coworker's reply is recorded there), before that agent's next turn."""
    for span in ordered[at + 1 :]:
        attrs = attrs_of(span)
        if _agent(attrs) == agent:
            return ""
        if attrs.get(semconv.GEN_AI_OPERATION_NAME) == semconv.OP_HANDOFF and (
            attrs.get(semconv.HANDOFF_SOURCE) == agent
        ):
            return text_of(attrs.get(semconv.HANDOFF_PAYLOAD_CONTENT))
    return ""


def _wrapper_output(ordered: list[dict[str, Any]], span: dict[str, Any]) -> str:
    """The output of the tool span a turn runs in (an agent called as a tool: its reply
    is recorded there)."""
    parent = span.get("parentSpanId")
    for other in ordered:
        if other["spanId"] == parent:
            attrs = attrs_of(other)
            if attrs.get(semconv.GEN_AI_OPERATION_NAME) == TOOL_OP:
                return output_of(attrs) or tool_result(attrs)
            return ""
    return ""


def _turn_text(ordered: list[dict[str, Any]], at: int, last_turn: bool, run_output: str) -> str:
    """A turn's message: its output; else the error it raised, the reply it handed on,
    or (the run's last turn) the run's recorded output."""
    span = ordered[at]
    attrs = attrs_of(span)
    agent = str(_agent(attrs))
    for text in (
        output_of(attrs),
        error_text(span),
        _reply(ordered, at, agent),
        _wrapper_output(ordered, span),
    ):
        if text.strip():
            return text
    return run_output if last_turn else ""


def _is_turn(attrs: dict[str, Any]) -> bool:
    return (
        _openinference_turn(attrs)
        or _model_turn(attrs)
        or bool(
            attrs.get(semconv.GEN_AI_OPERATION_NAME) in TURN_OPS
            and attrs.get(semconv.ACTOR)
            and attrs.get(semconv.GEN_AI_AGENT_NAME)
        )
    )


def _open_turn(
    ordered: list[dict[str, Any]], turns: list[int], handoff: dict[str, Any]
) -> int | None:
    """The index of the source agent's turn still open when ``handoff`` starts (an agent
    handing work on in the middle of its turn: a manager delegating), else None."""
    attrs = attrs_of(handoff)
    start = int(handoff["startTimeUnixNano"])
    for at in reversed(turns):
        span = ordered[at]
        if _agent(attrs_of(span)) != attrs.get(semconv.HANDOFF_SOURCE):
            continue
        if int(span["startTimeUnixNano"]) <= start < int(span["endTimeUnixNano"]):
            return at
    return None


def _said_at(ordered: list[dict[str, Any]], turns: list[int], at: int) -> int:
    """When a turn's text was said: its start, or its end when another agent's turn
    started inside it (an OpenInference agent span's output is the message it opened
    with: a chat's initiator; a model call's response comes before the tools it asks
    for, which may run inside its span)."""
    span = ordered[at]
    start, end = int(span["startTimeUnixNano"]), int(span["endTimeUnixNano"])
    attrs = attrs_of(span)
    agent = _agent(attrs)
    inside = not (_openinference_turn(attrs) or _model_turn(attrs)) and any(
        start < int(ordered[i]["startTimeUnixNano"]) < end and _agent(attrs_of(ordered[i])) != agent
        for i in turns
    )
    return end if inside else start


def _read_by_turn(
    ordered: list[dict[str, Any]], turns: list[int], holding: set[str]
) -> dict[str, list[str]]:
    """Each turn's tool outputs, in order: what the agent read or ran in its step. A
    tool is a turn's when it is under that turn, or (the GenAI conventions) the call its
    model response made, by the call's id; a tool that ran agents of its own (in
    ``holding``, :func:`_holding`: a delegation) is left out: their words are their
    turns."""
    ids = {ordered[at]["spanId"] for at in turns}
    caller = {
        call: ordered[at]["spanId"]
        for at in turns
        for call in call_ids(attrs_of(ordered[at]).get(semconv.GEN_AI_OUTPUT_MESSAGES))
    }
    read: dict[str, list[str]] = defaultdict(list)
    for span in ordered:
        attrs = attrs_of(span)
        if attrs.get(semconv.GEN_AI_OPERATION_NAME) != TOOL_OP or span["spanId"] in holding:
            continue
        owner = str(span.get("parentSpanId") or "")
        if owner not in ids:
            owner = caller.get(str(attrs.get(semconv.GEN_AI_TOOL_CALL_ID))) or (
                _caller_turn(ordered, turns, span)
            )
        text = output_of(attrs) or tool_result(attrs) or error_text(span)
        if owner and text.strip():
            read[owner].append(text)
    return read


def _caller_turn(ordered: list[dict[str, Any]], turns: list[int], tool: dict[str, Any]) -> str:
    """The turn beside a tool span (same parent) that started last before it: the model
    response that asked for it, when the instrumentation renamed the call's id."""
    parent, start = tool.get("parentSpanId"), int(tool["startTimeUnixNano"])
    found = ""
    for at in turns:
        span = ordered[at]
        if span.get("parentSpanId") == parent and int(span["startTimeUnixNano"]) <= start:
            found = span["spanId"]
    return found


def _holding(ordered: list[dict[str, Any]], turns: list[int]) -> set[str]:
    """The span ids with a turn somewhere under them (a tool among them ran an agent),
    and the tool spans another agent's turn started inside of, without a parent link
    (a delegation whose member runs beside the tool, its reply the tool's output)."""
    parent = {s["spanId"]: str(s.get("parentSpanId") or "") for s in ordered}
    found: set[str] = set()
    for at in turns:
        up = parent.get(ordered[at]["spanId"], "")
        while up and up not in found:
            found.add(up)
            up = parent.get(up, "")
    return found | _delegations(ordered, turns)


def _delegations(ordered: list[dict[str, Any]], turns: list[int]) -> set[str]:
    """The tool spans during which an agent other than their caller's took a turn."""
    agent_of = {ordered[at]["spanId"]: _agent(attrs_of(ordered[at])) for at in turns}
    found: set[str] = set()
    for span in ordered:
        attrs = attrs_of(span)
        if attrs.get(semconv.GEN_AI_OPERATION_NAME) != TOOL_OP:
            continue
        start, end = int(span["startTimeUnixNano"]), int(span["endTimeUnixNano"])
        caller = agent_of.get(str(span.get("parentSpanId") or "")) or agent_of.get(
            _caller_turn(ordered, turns, span)
        )
        if any(
            start < int(ordered[at]["startTimeUnixNano"]) < end
            and _agent(attrs_of(ordered[at])) not in (caller, None)
            for at in turns
        ):
            found.add(span["spanId"])
    return found


def _messages(ordered: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """(time, owner turn's span id or "", text) of every message of the run, at its
    span's start: a turn's text followed by the outputs of the tools it called (one
    step: what the agent did and what it saw, as a chat log records it), at the
    turn's end when other agents' turns ran inside it (a manager's answer after its
    team's work); a tool's output outside any turn; and what an agent handed on
    while its turn was still open (a delegation), when it was sent."""
    turns = [i for i, span in enumerate(ordered) if _is_turn(attrs_of(span))]
    ids = {ordered[at]["spanId"] for at in turns}
    holding = _holding(ordered, turns)
    read = _read_by_turn(ordered, turns, holding)
    run_output = next(
        (
            output_of(a)
            for a in map(attrs_of, ordered)
            if a.get(semconv.GEN_AI_OPERATION_NAME) == semconv.OP_INVOKE_WORKFLOW
        ),
        "",
    )
    found: list[tuple[int, str, str]] = []
    for at, span in enumerate(ordered):
        attrs = attrs_of(span)
        op = attrs.get(semconv.GEN_AI_OPERATION_NAME)
        start = int(span["startTimeUnixNano"])
        if at in turns:
            text = _turn_text(ordered, at, at == turns[-1], run_output)
            said = dict.fromkeys((text, *read.get(span["spanId"], ())))  # each text once
            step = "\n\n".join(t for t in said if t.strip())
            found.append((_said_at(ordered, turns, at), span["spanId"], step))
        elif op == TOOL_OP and attrs.get(semconv.ACTOR):
            owner = str(span.get("parentSpanId") or "")
            if span["spanId"] in holding:  # an agent called as a tool
                asked = unwrapped(text_of(attrs.get(semconv.INPUT_CONTENT)))
                if owner in ids:
                    found.append((start, owner, asked))
            elif owner not in read:
                found.append((start, owner, output_of(attrs) or error_text(span)))
        elif op == semconv.OP_HANDOFF:
            source = _open_turn(ordered, turns, span)
            text = text_of(attrs.get(semconv.HANDOFF_PAYLOAD_CONTENT))
            if source is not None and text.strip() and text != output_of(attrs_of(ordered[source])):
                found.append((start, ordered[source]["spanId"], text))
    return sorted((m for m in found if m[2].strip()), key=lambda m: m[0])


def flatten(spans: list[dict[str, Any]], record: dict[str, Any]) -> dict[str, Any] | None:
    """One run as a Who&When-shaped log; None when the annotated turn left no message."""
    ordered = sorted(
        flat_openinference.as_genai(spans),
        key=lambda s: (int(s["startTimeUnixNano"]), s["spanId"]),
    )
    agent_of = {
        span["spanId"]: str(_agent(attrs_of(span))) for span in ordered if _is_turn(attrs_of(span))
    }
    history: list[dict[str, str]] = []
    first_message: dict[str, int] = {}
    last_agent = "unknown"
    for _time, owner, text in _messages(ordered):
        if owner in agent_of:
            last_agent = agent_of[owner]
            first_message.setdefault(owner, len(history))
        history.append({"name": agent_of.get(owner, last_agent), "content": text})
    step = first_message.get(str(record.get("span_id")))
    if step is None:
        return None
    return {
        "question": record.get("task") or "",
        "history": history,
        "mistake_agent": record["mistake_agent"],
        "mistake_step": step,
    }


def read_truth(path: Path) -> dict[str, Any]:
    """The annotations' runs (a file with a ``runs`` key, or the runs themselves)."""
    truth = json.loads(path.read_text(encoding="utf-8"))
    return truth.get("runs", truth)


def write_logs(
    out: Path, traces: Path = TRACES, truth: Path = TRUTH
) -> tuple[dict[str, str], list[str]]:
    """The failing corpus runs as logs under ``out/<framework>/<trace>.json``; returns
    each log key's framework and the runs left out (annotated turn without a message)."""
    runs = read_truth(truth)
    failing = {k: v for k, v in runs.items() if not v.get("healthy")}
    spans = load_spans(traces, set(failing))
    frameworks: dict[str, str] = {}
    skipped: list[str] = []
    for trace_id, record in sorted(failing.items()):
        log = flatten(spans.get(trace_id, []), record)
        if log is None:
            skipped.append(trace_id)
            continue
        frameworks[write_log(out, trace_id, record, log)] = record["framework"]
    return frameworks, skipped


def convert(raw: Path, otlp: Path, truth_path: Path, frameworks: dict[str, str]) -> None:
    """``whowhen_to_otlp.py`` over the logs; the truth gains each run's framework."""
    with contextlib.redirect_stdout(sys.stderr):
        done = whowhen_to_otlp.main([str(raw), "--out", str(otlp), "--truth", str(truth_path)])
    if done != 0:
        raise SystemExit(f"error: {raw}: conversion failed")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for record in truth.values():
        record["framework"] = frameworks[record["log"]]
    truth_path.write_text(json.dumps(truth, indent=1, sort_keys=True) + "\n", "utf-8")


def figures(traces: list[Path], truth: dict[str, Any]) -> dict[str, Any]:
    """Agent and step accuracy per framework and overall, plus healthy runs listed."""
    analysis = attribution_accuracy.analyze(attribution_accuracy.trace_files(traces))
    s = attribution_accuracy.score(truth, analysis, "framework")
    table = {k: {"runs": n, "agent": a, "step": st} for k, (n, a, st) in s.by_group.items()}
    table[OVERALL] = {"runs": s.failed, "agent": s.right_agent, "step": s.right_step}
    failures = analysis.get("failures", [])
    named = sum(1 for f in failures if f.get("agent") and f["trace_id"] in truth)
    return {
        "table": table,
        "healthy_listed": len(s.healthy_listed),
        "named": named,
        "unnamed": s.unnamed,
    }


def _pct(num: int, den: int) -> str:
    return f"{100.0 * num / den:5.1f}%" if den else "  n/a"


def render(flat: dict[str, Any], structured: dict[str, Any], skipped: int) -> str:
    head = f"{'framework':<18} {'runs':>4}  {'flat agent':>10} {'flat step':>9}"
    head += f"   {'struct agent':>12} {'struct step':>11}"
    lines = [head]
    groups = sorted(k for k in flat["table"] if k != OVERALL) + [OVERALL]
    for group in groups:
        f = flat["table"].get(group, {"runs": 0, "agent": 0, "step": 0})
        s = structured["table"].get(group, {"runs": 0, "agent": 0, "step": 0})
        lines.append(
            f"{group:<18} {f['runs']:>4}  {_pct(f['agent'], f['runs']):>10} "
            f"{_pct(f['step'], f['runs']):>9}   {_pct(s['agent'], s['runs']):>12} "
            f"{_pct(s['step'], s['runs']):>11}"
        )
    lines.append(
        f"flat: runs with no agent named {flat['unnamed']}; runs left out (annotated turn "
        f"without a message) {skipped}; structured: healthy runs listed as failed "
        f"{structured['healthy_listed']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, default=None, help="keep logs, OTLP, truth here")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="another corpus directory (traces/ and annotations.json), e.g. tests/corpus/heldout",
    )
    parser.add_argument(
        "--via-store",
        action="store_true",
        help="flatten through the analyzer's own reading of the runs (benchmarks/flat_store.py)",
    )
    args = parser.parse_args(argv)
    traces, truth = TRACES, TRUTH
    if args.corpus is not None:
        traces, truth = args.corpus / "traces", args.corpus / "annotations.json"
    with tempfile.TemporaryDirectory(prefix="coordgap-flat-") as tmp:
        base = args.keep or Path(tmp)
        raw, otlp, truth_path = base / "logs", base / "otlp", base / "truth.json"
        if args.via_store:
            frameworks, skipped = flat_store.write_logs(raw, traces, read_truth(truth))
        else:
            frameworks, skipped = write_logs(raw, traces, truth)
        if not frameworks:
            print(f"{traces}: no failing run's annotated turn left a message", file=sys.stderr)
            return 1
        convert(raw, otlp, truth_path, frameworks)
        flat = figures([otlp], json.loads(truth_path.read_text(encoding="utf-8")))
    structured = figures([traces], read_truth(truth))
    if args.json:
        print(json.dumps({"flat": flat, "structured": structured, "skipped": skipped}, indent=1))
    else:
        print(render(flat, structured, len(skipped)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
