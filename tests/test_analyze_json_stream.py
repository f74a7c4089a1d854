"""``coordgap analyze --format json`` writes the failed runs a batch at a time: the
same bytes as ``json.dumps`` of the whole summary, without holding every record."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import analyzer
from analyzer import analysis

CORPUS = Path(__file__).parent / "corpus" / "traces"


@pytest.fixture(scope="module")
def corpus_analysis(tmp_path_factory: pytest.TempPathFactory) -> analysis.Analysis:
    db = tmp_path_factory.mktemp("stream") / "corpus.duckdb"
    with analyzer.open(db) as s:
        s.ingest([CORPUS])
        return s.analyze()


@pytest.mark.parametrize("content", [True, False])
def test_streamed_json_is_the_summary_byte_for_byte(
    corpus_analysis: analysis.Analysis, content: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis, "RECORD_BATCH", 7)  # many batches, one partial
    assert corpus_analysis.failures.height > 7 * 3
    out = io.StringIO()
    corpus_analysis.write_json(out, content=content)
    whole = json.dumps(corpus_analysis.summary(content=content), indent=2, ensure_ascii=False)
    assert out.getvalue() == whole


def test_streamed_json_without_failures(tmp_path: Path) -> None:
    with analyzer.open(tmp_path / "empty.duckdb") as s:
        a = s.analyze()
    out = io.StringIO()
    a.write_json(out)
    assert a.failures.height == 0
    assert out.getvalue() == json.dumps(a.summary(), indent=2, ensure_ascii=False)
    assert json.loads(out.getvalue())["failures"] == []


def test_records_stop_at_the_limit(corpus_analysis: analysis.Analysis) -> None:
    first = list(corpus_analysis.failure_records(limit=5))
    assert first == corpus_analysis.summary()["failures"][:5]
