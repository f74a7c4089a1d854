"""The Grafana dashboard JSON: built with the foundation SDK, compared whole to a snapshot.

Regenerate the snapshot after an intended change with
``COORDGAP_UPDATE_SNAPSHOTS=1 pytest tests/test_grafana_dashboard.py``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from click.testing import CliRunner
from grafana_foundation_sdk.models.dashboard import Dashboard as DashboardModel

from coordgap.cli import main
from dashboards import grafana
from tracer import semconv

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "grafana_dashboard.json"


def _dump(model: dict) -> str:
    return json.dumps(model, indent=2, sort_keys=True) + "\n"


def test_dashboard_matches_snapshot() -> None:
    """The whole dashboard equals the committed snapshot."""
    built = _dump(grafana.build())
    if os.environ.get("COORDGAP_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(built)
    assert SNAPSHOT.is_file(), "no snapshot yet: run with COORDGAP_UPDATE_SNAPSHOTS=1"
    assert built == SNAPSHOT.read_text()


def _panels(model: dict) -> list[dict]:
    return [p for p in model["panels"] if p["type"] != "row"]


def test_every_question_has_its_traceql_panel() -> None:
    """Failing handoffs by edge, rejects, errors by stage and slow humans, on coordgap keys."""
    model = grafana.build()
    queries = {p["title"]: p["targets"][0]["query"] for p in _panels(model) if p.get("targets")}
    assert f'span."{semconv.HANDOFF_VIOLATION_COUNT}" > 0' in queries["Failing handoffs by edge"]
    assert (
        f'by (span."{semconv.HANDOFF_SOURCE}", span."{semconv.HANDOFF_TARGET}")'
        in queries["Failing handoffs by edge"]
    )
    assert f'span."{semconv.VERIFY_VERDICT}" = "reject"' in queries["Verification rejects"]
    assert f'by (span."{semconv.STAGE}")' in queries["Error spans by stage"]
    assert "status = error" in queries["Error spans by stage"]
    assert f'span."{semconv.ACTOR}" = "human"' in queries["Slowest human steps"]
    assert "duration > $human_min" in queries["Slowest human steps"]


def test_queries_are_tempo_traceql_and_well_formed() -> None:
    """Every target is a TraceQL query on the Tempo data source, with balanced syntax."""
    model = grafana.build()
    metrics = re.compile(r"\|\s*(rate|quantile_over_time)\(")
    for panel in _panels(model):
        for target in panel.get("targets", []):
            query = target["query"]
            assert target["queryType"] == "traceql"
            assert target["datasource"] == {"type": "tempo", "uid": "${datasource}"}
            for open_, close in ("{}", "()"):
                assert query.count(open_) == query.count(close), query
            assert query.count('"') % 2 == 0, query
            # Grafana runs a query as TraceQL metrics exactly when it has a metrics stage
            assert bool(metrics.search(query)) == (panel["type"] == "timeseries"), query


def test_layout_fits_the_grid_without_overlaps() -> None:
    """Unique panel ids; panels inside 24 columns, none overlapping another."""
    model = grafana.build()
    ids = [p["id"] for p in model["panels"]]
    assert len(ids) == len(set(ids))
    cells: set[tuple[int, int]] = set()
    for panel in model["panels"]:
        pos = panel["gridPos"]
        assert 0 <= pos["x"] and pos["x"] + pos["w"] <= 24
        area = {
            (x, y)
            for x in range(pos["x"], pos["x"] + pos["w"])
            for y in range(pos["y"], pos["y"] + pos["h"])
        }
        assert not cells & area, panel["title"]
        cells |= area


def test_model_round_trips_through_grafana_schema() -> None:
    """Grafana's dashboard model (from the SDK) reads the JSON back without loss."""
    model = grafana.build()
    again = json.loads(json.dumps(DashboardModel.from_json(model).to_json(), default=_to_json))
    assert again == model


def _to_json(obj: object) -> object:
    return obj.to_json()  # type: ignore[attr-defined]


def test_explicit_datasource_uid_replaces_the_variable() -> None:
    """With a data source uid, every query uses it and no data source variable is added."""
    model = grafana.build("tempo-prod")
    names = [v["name"] for v in model["templating"]["list"]]
    assert "datasource" not in names
    refs = {json.dumps(t["datasource"]) for p in _panels(model) for t in p.get("targets", [])}
    assert refs == {json.dumps({"type": "tempo", "uid": "tempo-prod"})}


def test_cli_writes_the_dashboard(tmp_path: Path) -> None:
    """`coordgap grafana -o DIR` writes the same JSON as build()."""
    result = CliRunner().invoke(main, ["grafana", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "out" / grafana.DASHBOARD_FILE
    assert result.output.strip() == f"dashboard: {path}"
    assert json.loads(path.read_text()) == grafana.build()
