"""OTLP/JSON whose objects have the wrong shape: a one-line error naming the file, the
line and the place, never a traceback; values of another type than their key says read
as their text."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from test_ingest_helpers import write_lines

import analyzer
from analyzer.formats.otlp_json import any_value_text

_GOOD = {
    "resourceSpans": [
        {
            "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "s"}}]},
            "scopeSpans": [
                {
                    "spans": [
                        {
                            "traceId": "0af7651916cd43dd8448eb211c80319c",
                            "spanId": "b7ad6b7169203331",
                            "name": "invoke_workflow w",
                            "startTimeUnixNano": "1000",
                            "endTimeUnixNano": "2000",
                            "events": [{"name": "e", "timeUnixNano": "1500"}],
                        }
                    ]
                }
            ],
        }
    ]
}


def _broken(change: str, value: object) -> dict:
    doc = copy.deepcopy(_GOOD)
    span = doc["resourceSpans"][0]["scopeSpans"][0]["spans"][0]
    target = doc["resourceSpans"][0] if change == "resource" else span
    target[change] = value
    return doc


@pytest.mark.parametrize(
    ("change", "value", "expected"),
    [
        ("resource", 1.5, "resourceSpans[0]: expected resource to be an object, got float"),
        ("events", "oops", "span 0: expected events to be an array of objects, got str"),
        ("links", [1], "span 0: expected links to be an array of objects, got list"),
        ("parentSpanId", {"x": 1}, "span 0: expected parentSpanId as 16 hex chars"),
        ("endTimeUnixNano", 2**70, "span 0: expected endTimeUnixNano as unix nanoseconds"),
    ],
)
def test_a_wrongly_shaped_span_names_its_place(
    tmp_path: Path, change: str, value: object, expected: str
) -> None:
    """Each raised a Python error (AttributeError, OverflowError) with a traceback; now a
    FormatError naming the file, the line and the place, and nothing is stored."""
    for path in (
        write_lines(tmp_path / "x.jsonl", [_GOOD, _broken(change, value)]),
        write_lines(tmp_path / "x.json", [_broken(change, value)]),
    ):
        with analyzer.open(tmp_path / f"{path.suffix}.duckdb") as store:
            with pytest.raises(analyzer.FormatError) as err:
                store.ingest([path])
            assert store.span_count() == 0
        assert str(err.value).startswith(f"{path}: line ") and expected in str(err.value)


def test_a_value_of_another_type_than_its_key_says_reads_as_its_text() -> None:
    """An ``intValue`` that is no integer, a ``doubleValue`` that is no number, an
    ``arrayValue`` that is no object read as their text (or an empty array); before,
    they raised ValueError or AttributeError."""
    assert any_value_text({"intValue": "12"}) == "12"
    assert any_value_text({"intValue": "abc"}) == "abc"
    assert any_value_text({"doubleValue": [1]}) == "[1]"
    assert any_value_text({"arrayValue": [1]}) == "[]"
