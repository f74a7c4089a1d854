"""One trace across several processes: a handoff to an editor in another
process (W3C traceparent carried in the payload), a human approval suspended
into a token and resumed elsewhere, and client feedback that arrives later
as a late outcome. Every process appends to the same local store folder.

    .venv/bin/python examples/cross_process.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import tracer


def child(role: str, message: str) -> str:
    """Run this file again as ``role``; ``message`` goes in on stdin, the reply comes back."""
    done = subprocess.run(
        [sys.executable, __file__, role],
        input=message,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


# --- the editor process --------------------------------------------------------
@tracer.agent("editor")
def edit(draft: dict[str, Any]) -> dict[str, Any]:
    return {"text": draft["text"].upper(), "brand_voice": draft.get("brand_voice")}


def editor_main() -> None:
    payload = json.loads(sys.stdin.read())
    with tracer.extract(payload):  # continue the sender's trace
        print(json.dumps(edit(payload)))


# --- the approver process (hours later, in real life) ----------------------------
@tracer.agent("approve", actor="human")
def approve(decision: str) -> bool:
    return decision == "yes"


def approver_main() -> None:
    token = sys.stdin.read().strip()
    with tracer.resume(token):
        print(json.dumps(approve("yes")))


# --- client feedback, days later ---------------------------------------------------
def feedback_main() -> None:
    trace_id = sys.stdin.read().strip()
    tracer.outcome(False, "audience test: viewers dropped off", trace_id=trace_id)
    print("recorded")


# --- the main pipeline ----------------------------------------------------------------
@tracer.agent("writer")
def write() -> dict[str, Any]:
    return {"text": "a quiet harbour at dawn", "brand_voice": "calm"}


@tracer.workflow("teaser")
def run() -> str:
    draft = write()
    with tracer.handoff("writer", "editor", draft, carry=["brand_voice"]) as h:
        edited = json.loads(child("editor", json.dumps(tracer.inject(dict(h.payload)))))
    with tracer.handoff("editor", "approver", edited, target_actor="human"):
        with tracer.agent("approval", actor="human"):
            token = tracer.suspend()  # persist it anywhere: a ticket, a database row
            assert token is not None
            approved = json.loads(child("approver", token))
    tracer.outcome(approved, None if approved else "approver said no")
    trace_id = tracer.current_trace_id()
    assert trace_id is not None
    return trace_id


def main() -> None:
    settings = tracer.configure(service_name="cross-process")
    trace_id = run()
    child("feedback", trace_id)
    tracer.shutdown()
    print(f"trace {trace_id}: spans from 4 processes in {settings.path}")


if __name__ == "__main__":
    roles = {"editor": editor_main, "approver": approver_main, "feedback": feedback_main}
    if len(sys.argv) > 1:
        tracer.configure(service_name=f"cross-process-{sys.argv[1]}")
        roles[sys.argv[1]]()
    else:
        main()
