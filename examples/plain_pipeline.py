"""A small content pipeline in plain Python, traced with coordgap.

A supervisor splits a brief into subtasks, writers draft them, each draft is
handed to an editor (with the keys the editor needs and the brand context
that must survive), a brand check verifies it (with one retry), and an
assembler puts the teaser together. Some runs fail on purpose (seeded), so
the analyzer has something to attribute.

    .venv/bin/python examples/plain_pipeline.py [--runs 20] [--seed 7]

Spans go to ./.coordgap/spans/ unless COORDGAP_* / OTEL_* variables say otherwise.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from typing import Any

import tracer


@dataclass
class Draft:
    section: str
    text: str
    brand_voice: str


@tracer.plan("supervisor")
def plan(brief: str, rng: random.Random) -> list[dict[str, Any]]:
    subtasks: list[dict[str, Any]] = [
        {"id": "hook", "agent": "writer", "scope": "opening"},
        {"id": "body", "agent": "writer", "scope": "story"},
        {"id": "cta", "agent": "copywriter", "scope": "call to action"},
    ]
    if rng.random() < 0.1:  # a sloppy plan: the call to action is left unassigned
        subtasks[2]["agent"] = None
    return subtasks


@tracer.agent("writer")
def write(subtask: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.05:
        raise TimeoutError("model timed out")
    draft = {"section": subtask["id"], "text": f"{subtask['scope']} for the teaser"}
    if rng.random() < 0.85:  # sometimes the brand context is lost on the way
        draft["brand_voice"] = "calm"
    return draft


@tracer.agent("editor")
def edit(draft: dict[str, Any]) -> dict[str, Any]:
    return {**draft, "text": draft["text"].capitalize()}


@tracer.verify("brand-check", subject="editor")
def brand_check(draft: dict[str, Any], rng: random.Random) -> tracer.Verdict:
    if "brand_voice" not in draft:
        # a weak verifier: without the brand context it mostly waves drafts through
        return tracer.Verdict(rng.random() < 0.7, "no brand voice to check against")
    return tracer.Verdict(rng.random() < 0.9, "tone checked")


@tracer.agent("assembler", stage="assembly", actor="code")
def assemble(parts: list[dict[str, Any]]) -> str:
    return " / ".join(p["text"] for p in parts)


@tracer.workflow("teaser")
def run(brief: str, rng: random.Random) -> bool:
    """One run; True when the client accepted the teaser."""
    parts = []
    for subtask in plan(brief, rng):
        if not subtask["agent"]:
            continue
        draft = write(subtask, rng)
        with tracer.handoff(
            "writer", "editor", draft, expects=["section", "text"], carry=["brand_voice"]
        ) as h:
            edited = edit(h.payload)
        for _attempt in range(2):
            if brand_check(edited, rng).accepted:
                break
        else:
            tracer.outcome(False, f"brand check rejected {subtask['id']} twice")
            return False
        parts.append(edited)
    assemble(parts)
    # the client's verdict: drafts that lost the brand voice are usually rejected
    lost = any("brand_voice" not in p for p in parts)
    ok = len(parts) == 3 and not (lost and rng.random() < 0.8)
    tracer.outcome(ok, None if ok else "client rejected the teaser")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description="Trace a small content pipeline.")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    settings = tracer.configure(service_name="plain-pipeline")
    rng = random.Random(args.seed)
    failed = 0
    for i in range(args.runs):
        try:
            failed += not run(f"brief {i}", rng)
        except TimeoutError:  # recorded on the writer's span and the run's
            failed += 1
    tracer.shutdown()
    where = settings.path if settings.exporter == "local" else settings.exporter
    print(f"{args.runs} runs, {failed} failed; spans written to {where}")


if __name__ == "__main__":
    main()
