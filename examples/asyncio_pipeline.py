"""An asyncio pipeline traced with coordgap: researchers run concurrently
(``asyncio.gather``), a streaming writer is an async generator, and the
handoff to the reviewer checks the payload against a pydantic-free JSON schema.

    .venv/bin/python examples/asyncio_pipeline.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator
from typing import Any

import tracer

SECTION_SCHEMA = {
    "title": "section",
    "type": "object",
    "required": ["topic", "facts", "text"],
    "properties": {
        "topic": {"type": "string"},
        "facts": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "text": {"type": "string", "minLength": 10},
    },
}


@tracer.tool("search")
async def search(topic: str) -> list[str]:
    await asyncio.sleep(0.01)
    return [] if topic == "pricing" else [f"{topic} fact"]


@tracer.agent("researcher")
async def research(topic: str) -> dict[str, Any]:
    return {"topic": topic, "facts": await search(topic)}


@tracer.agent("writer")
async def write(notes: dict[str, Any]) -> AsyncIterator[str]:
    for fact in notes["facts"] or ["(nothing found)"]:
        await asyncio.sleep(0.005)
        yield f"{notes['topic']}: {fact}. "


@tracer.verify("reviewer", actor="human")
async def review(section: dict[str, Any]) -> bool:
    await asyncio.sleep(0.01)
    return bool(section["facts"])


@tracer.workflow("launch-notes")
async def run(topics: list[str]) -> bool:
    notes = await asyncio.gather(*(research(t) for t in topics))
    verdicts = []
    for note in notes:
        text = "".join([chunk async for chunk in write(note)])
        section = {**note, "text": text}
        async with tracer.handoff(
            "writer", "reviewer", section, expects=SECTION_SCHEMA, target_actor="human"
        ) as h:
            verdicts.append(await review(h.payload))
    ok = all(verdicts)
    tracer.outcome(ok, None if ok else "a section went out without facts")
    return ok


async def main(runs: int) -> None:
    for i in range(runs):
        topics = ["features", "roadmap"] + (["pricing"] if i % 2 else [])
        await run(topics)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Trace an asyncio pipeline.")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    settings = tracer.configure(service_name="asyncio-pipeline")
    asyncio.run(main(args.runs))
    tracer.shutdown()
    where = settings.path if settings.exporter == "local" else settings.exporter
    print(f"{args.runs} runs traced to {where}")
