"""Handoff spans: fingerprint, every violation kind, every form of `expects`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, TypedDict

import pydantic
import pytest

import tracer
from tracer.testing import Captured

T1 = "00000000000000000000000000000001"


def digest(payload: Any) -> tuple[str, int]:
    """The documented fingerprint, computed independently of the tracer."""
    data = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    raw = data.encode("utf-8")
    return hashlib.sha256(raw).hexdigest(), len(raw)


def handoff_span(
    payload: Any,
    violations: list[str],
    extra: dict[str, Any] | None = None,
    *,
    keys: list[str] | None = None,
    status: str = "UNSET",
    end: int = 1,
    events: list[dict[str, Any]] | None = None,
    status_message: str | None = None,
) -> dict[str, Any]:
    sha, size = digest(payload)
    attrs: dict[str, Any] = {
        "gen_ai.operation.name": "handoff",
        "coordgap.stage": "handoff",
        "coordgap.handoff.source": "writer",
        "coordgap.handoff.target": "editor",
        "gen_ai.agent.handoff.source.name": "writer",
        "gen_ai.agent.handoff.target.name": "editor",
        "coordgap.handoff.payload.hash": sha,
        "coordgap.handoff.payload.size": size,
        "coordgap.handoff.payload.keys": sorted(payload) if keys is None else keys,
    }
    attrs.update(extra or {})
    attrs["coordgap.handoff.violations"] = violations
    attrs["coordgap.handoff.violation_count"] = len(violations)
    out: dict[str, Any] = {
        "name": "handoff writer -> editor",
        "trace_id": T1,
        "span_id": "0000000000000001",
        "parent_id": None,
        "kind": "INTERNAL",
        "start": 1_000_000_000,
        "end": 1_000_000_000 + 1000 * end,
        "status": status,
        "attributes": attrs,
        "events": events or [],
        "links": [],
    }
    if status_message is not None:
        out["status_message"] = status_message
    return out


DRAFT = {"text": "Hello", "words": 1}


def test_clean_handoff_records_fingerprint_and_no_violation(spans: Captured) -> None:
    """A handoff always carries hash, size and keys; the block sees the same payload."""
    with tracer.handoff("writer", "editor", DRAFT, expects=["text"]) as h:
        assert h.payload is DRAFT
        assert h.ok
    assert spans.dicts() == [handoff_span(DRAFT, [], {"coordgap.handoff.expects": "keys text"})]


def test_missing_key(spans: Captured) -> None:
    """A key the receiver expects but the payload lacks: missing_key."""
    with tracer.handoff("writer", "editor", DRAFT, expects=["text", "brand_voice"]) as h:
        assert h.violations == ["missing_key: brand_voice"]
    assert spans.dicts() == [
        handoff_span(
            DRAFT,
            ["missing_key: brand_voice"],
            {"coordgap.handoff.expects": "keys text,brand_voice"},
        )
    ]


def test_dropped_key(spans: Captured) -> None:
    """A carried context key that did not survive into the payload: dropped_key."""
    with tracer.handoff("writer", "editor", DRAFT, carry=["brand_voice", "text"]):
        pass
    assert spans.dicts() == [
        handoff_span(
            DRAFT,
            ["dropped_key: brand_voice"],
            {"coordgap.handoff.carry": ["brand_voice", "text"]},
        )
    ]


@dataclass
class Draft:
    text: str
    words: int
    tone: str = "neutral"


def test_type_mismatch_against_a_dataclass(spans: Captured) -> None:
    """A field of the wrong type: type_mismatch; a missing required field: missing_key."""
    payload = {"words": "one"}
    with tracer.handoff("writer", "editor", payload, expects=Draft):
        pass
    assert spans.dicts() == [
        handoff_span(
            payload,
            ["missing_key: text", "type_mismatch: words expected int, got str"],
            {"coordgap.handoff.expects": "dataclass Draft"},
        )
    ]


def test_schema_mismatch_against_a_json_schema(spans: Captured) -> None:
    """A JSON-schema constraint broken: schema_mismatch (types: type_mismatch)."""
    schema = {
        "title": "draft",
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": {"type": "string", "minLength": 10},
            "words": {"type": "integer", "maximum": 0},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
        "additionalProperties": False,
    }
    payload = {"text": "Hello", "words": 1, "tags": ["a", 2], "extra": True}
    with tracer.handoff("writer", "editor", payload, expects=schema):
        pass
    assert spans.dicts() == [
        handoff_span(
            payload,
            [
                "schema_mismatch: text shorter than 10",
                "schema_mismatch: words violates maximum 0",
                "type_mismatch: tags[1] expected string, got integer",
                "schema_mismatch: (payload) has unexpected key extra",
            ],
            {"coordgap.handoff.expects": "json-schema draft"},
        )
    ]


def test_stale_state(spans: Captured) -> None:
    """The sender saw an older state version than the latest: stale_state."""
    with tracer.handoff("writer", "editor", DRAFT, seen_version=3, latest_version=5):
        pass
    assert spans.dicts() == [
        handoff_span(
            DRAFT,
            ["stale_state: saw version 3, latest is 5"],
            {
                "coordgap.handoff.state.seen_version": 3,
                "coordgap.handoff.state.latest_version": 5,
            },
        )
    ]


def test_timeout_violation_is_added_when_the_block_outlives_its_limit(spans: Captured) -> None:
    """timeout=0: any block outlives it; the violation is added at exit."""
    with tracer.handoff(
        "writer", "editor", DRAFT, timeout=0, source_actor="model", target_actor="human"
    ) as h:
        pass
    (span,) = spans.dicts()
    violations = span["attributes"]["coordgap.handoff.violations"]
    assert len(violations) == 1 and violations[0].startswith("timeout: took ")
    assert violations[0].endswith("limit 0 s")
    assert span["attributes"]["coordgap.handoff.violation_count"] == 1
    assert span["attributes"]["coordgap.handoff.target.actor"] == "human"
    assert h.violations == violations


class Brief(TypedDict):
    text: str
    words: int


class BriefModel(pydantic.BaseModel):
    text: str
    words: int


class Envelope:
    pass


@pytest.mark.parametrize(
    ("expects", "payload", "described", "violations"),
    [
        (["text"], {"text": "x"}, "keys text", []),
        (Brief, {"text": "x", "words": 2}, "TypedDict Brief", []),
        (
            Brief,
            {"words": "2"},
            "TypedDict Brief",
            ["missing_key: text", "type_mismatch: words expected int, got str"],
        ),
        (BriefModel, {"text": "x", "words": 2}, "pydantic BriefModel", []),
        (
            BriefModel,
            {"words": "many"},
            "pydantic BriefModel",
            [
                "missing_key: text",
                "type_mismatch: words Input should be a valid integer, unable to parse string as "
                "an integer",
            ],
        ),
        (BriefModel, BriefModel(text="x", words=1), "pydantic BriefModel", []),
        (Draft, Draft("x", 1), "dataclass Draft", []),
        (Envelope, Envelope(), "class Envelope", []),
        (Envelope, {"a": 1}, "class Envelope", ["type_mismatch: expected Envelope, got dict"]),
        ({"type": "object", "required": ["a"]}, {"a": 1}, "json-schema", []),
        (
            {"type": "object"},
            [1],
            "json-schema",
            ["type_mismatch: (payload) expected object, got array"],
        ),
    ],
)
def test_every_form_of_expects(
    spans: Captured, expects: Any, payload: Any, described: str, violations: list[str]
) -> None:
    """Key lists, TypedDict, pydantic, dataclass, plain class and JSON schema all check."""
    with tracer.handoff("writer", "editor", payload, expects=expects) as h:
        pass
    assert h.violations == violations
    attrs = spans.dicts()[0]["attributes"]
    assert attrs["coordgap.handoff.expects"] == described
    assert attrs["coordgap.handoff.violations"] == violations


def test_strict_raises_after_recording(spans: Captured) -> None:
    """strict=True: HandoffError with the violations, which are on the span already."""
    ran = []
    with pytest.raises(tracer.HandoffError) as info:
        with tracer.handoff("writer", "editor", DRAFT, expects=["brand_voice"], strict=True):
            ran.append(True)
    assert ran == []
    assert info.value.violations == ["missing_key: brand_voice"]
    message = "handoff writer -> editor: missing_key: brand_voice"
    assert str(info.value) == message
    assert spans.dicts() == [
        handoff_span(
            DRAFT,
            ["missing_key: brand_voice"],
            {
                "coordgap.handoff.expects": "keys brand_voice",
                "error.type": "tracer._handoff.HandoffError",
            },
            status="ERROR",
            status_message=f"HandoffError: {message}",
            end=2,
            events=[
                {
                    "name": "exception",
                    "time": 1_000_001_000,
                    "attributes": {
                        "exception.type": "tracer._handoff.HandoffError",
                        "exception.message": message,
                        "exception.stacktrace": f"tracer._handoff.HandoffError: {message}",
                        "exception.escaped": "True",
                    },
                }
            ],
        )
    ]


def test_receiver_error_inside_the_block_is_recorded_and_propagates(spans: Captured) -> None:
    """An exception in the block ends the handoff span with it, and passes through."""
    err = KeyError("brand_voice")
    with pytest.raises(KeyError) as info:
        with tracer.handoff("writer", "editor", DRAFT):
            raise err
    assert info.value is err
    assert spans.dicts()[0]["attributes"]["error.type"] == "KeyError"


def test_fingerprint_is_canonical() -> None:
    """Key order and object form do not change the hash; content does."""
    from tracer._content import fingerprint

    assert fingerprint({"b": 1, "a": [1, 2]}) == fingerprint({"a": [1, 2], "b": 1})
    assert fingerprint(Draft("x", 1)) == fingerprint({"text": "x", "words": 1, "tone": "neutral"})
    assert fingerprint(BriefModel(text="x", words=1)) == fingerprint({"text": "x", "words": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})
    assert fingerprint({1: "x", "1": "y"})[1] > 0  # mixed key types still hash
    assert fingerprint({"é": "ü"}) == digest({"é": "ü"})


@pytest.mark.parametrize(
    "payload",
    [
        {"text": 'quote " backslash \\ newline \n tab \t ctrl \x01', "n": 3},
        {"b": {"z": 1, "a": [1, {"y": 2.5}]}, "a": "é ü 漢字", "c": None, "d": True},
        [1, 2.5, -0.0, 1e-05, 10**30, "x"],
        {"nan": float("nan"), "inf": float("inf")},
        "a plain string",
        ("a", "tuple"),
        17,
    ],
)
def test_fingerprint_is_the_sha256_of_the_canonical_json(payload: Any) -> None:
    """Hash and size are those of json.dumps(sort_keys, compact, UTF-8), whatever the path."""
    from tracer.instrumentation import fingerprint_attributes

    attrs = fingerprint_attributes(payload)
    sha, size = digest(payload)
    assert attrs["coordgap.handoff.payload.hash"] == sha
    assert attrs["coordgap.handoff.payload.size"] == size


def test_circular_payload_leaves_the_hash_out() -> None:
    """A payload that contains itself has no fingerprint hash; the keys are still recorded."""
    from tracer.instrumentation import fingerprint_attributes

    loop: dict[str, Any] = {"a": 1}
    loop["self"] = loop
    assert fingerprint_attributes(loop) == {"coordgap.handoff.payload.keys": ["a", "self"]}


def test_fingerprint_added_to_a_given_dict() -> None:
    """Given a dict, the fingerprint is added to it after its entries, the same as alone."""
    from tracer.instrumentation import fingerprint_attributes

    payload = {"text": "hello", "tone": "warm"}
    attrs = {"coordgap.stage": "handoff"}
    assert fingerprint_attributes(payload, attrs) is attrs
    assert list(attrs) == ["coordgap.stage", *fingerprint_attributes(payload)]
    assert attrs == {"coordgap.stage": "handoff", **fingerprint_attributes(payload)}


def test_payload_content_only_with_capture_content() -> None:
    """The payload's values are recorded only when content capture is on."""
    from tracer.testing import capture

    with capture() as off:
        with tracer.handoff("writer", "editor", {"secret": "s3"}):
            pass
    assert "coordgap.handoff.payload.content" not in off.dicts()[0]["attributes"]
    with capture(capture_content=True, redact=lambda t: t.replace("s3", "[x]")) as on:
        with tracer.handoff("writer", "editor", {"secret": "s3"}):
            pass
    attrs = on.dicts()[0]["attributes"]
    assert attrs["coordgap.handoff.payload.content"] == '{"secret":"[x]"}'
