"""A Grafana dashboard for coordgap traces stored in Grafana Tempo.

:func:`build` assembles the dashboard with Grafana's own
``grafana-foundation-sdk`` builders (panels, Tempo TraceQL queries, variables)
and returns the JSON model as a plain ``dict``, ready for Grafana's "Import
dashboard" page or its HTTP API. Every attribute key comes from
:mod:`tracer.semconv`, so the queries follow the span contract.

Each question has two panels: a TraceQL metrics query over time (``rate()`` /
``quantile_over_time()``, which needs Tempo's metrics-generator with the
``local-blocks`` processor) and a TraceQL search table of matching traces
(which works on any Tempo 2.x).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from grafana_foundation_sdk.builders import common as gcommon
from grafana_foundation_sdk.builders import dashboard as gdash
from grafana_foundation_sdk.builders import table, tempo, text, timeseries
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import common as common_model
from grafana_foundation_sdk.models import dashboard as gmodel
from grafana_foundation_sdk.models import text as text_model

from tracer import semconv

__all__ = [
    "DASHBOARD_FILE",
    "DASHBOARD_UID",
    "DATASOURCE_VARIABLE",
    "QUERIES",
    "build",
    "write",
]

DASHBOARD_UID = "coordgap-handoffs"
DASHBOARD_FILE = "coordgap-tempo-dashboard.json"
DATASOURCE_VARIABLE = "${datasource}"
"""The default data source: a dashboard variable listing every Tempo data source."""


def _attr(key: str) -> str:
    """A span attribute in TraceQL; dotted keys are quoted (``span."coordgap.stage"``)."""
    return f'span."{key}"'


_STAGE = _attr(semconv.STAGE)
_AGENT = _attr(semconv.GEN_AI_AGENT_NAME)
_SOURCE = _attr(semconv.HANDOFF_SOURCE)
_TARGET = _attr(semconv.HANDOFF_TARGET)
_FAILING_HANDOFF = (
    f'{{ {_STAGE} = "{semconv.STAGE_HANDOFF}" && '
    f"({_attr(semconv.HANDOFF_VIOLATION_COUNT)} > 0 || status = error) }}"
)
_REJECT = f'{{ {_attr(semconv.VERIFY_VERDICT)} = "{semconv.VERDICT_REJECT}" }}'
_ERROR = f"{{ status = error && {_STAGE} != nil }}"
_HUMAN = f'{{ {_attr(semconv.ACTOR)} = "{semconv.ACTOR_HUMAN}" }}'
_SLOW_HUMAN = f'{{ {_attr(semconv.ACTOR)} = "{semconv.ACTOR_HUMAN}" && duration > $human_min }}'
_FAILED_RUN = f'{{ {_attr(semconv.OUTCOME)} = "{semconv.OUTCOME_FAILURE}" }}'

QUERIES: dict[str, str] = {
    "failing_handoffs_rate": f"{_FAILING_HANDOFF} | rate() by ({_SOURCE}, {_TARGET})",
    "failing_handoffs": (
        f"{_FAILING_HANDOFF} | select({_SOURCE}, {_TARGET}, {_attr(semconv.HANDOFF_VIOLATIONS)})"
    ),
    "rejects_rate": f"{_REJECT} | rate() by ({_AGENT})",
    "rejects": (
        f"{_REJECT} | select({_AGENT}, {_attr(semconv.VERIFY_ATTEMPT)}, "
        f"{_attr(semconv.VERIFY_REASON)})"
    ),
    "errors_rate": f"{_ERROR} | rate() by ({_STAGE})",
    "errors": f"{_ERROR} | select({_STAGE}, {_AGENT}, {_attr(semconv.ERROR_TYPE)})",
    "human_wait": f"{_HUMAN} | quantile_over_time(duration, .5, .95) by ({_AGENT})",
    "slow_humans": f"{_SLOW_HUMAN} | select({_AGENT}, {_STAGE})",
    "failed_runs": f"{_FAILED_RUN} | select({_attr(semconv.OUTCOME_REASON)})",
}
"""Every TraceQL query of the dashboard, by panel."""

_PER_SECOND = "suffix: spans/s"

_INTRO = f"""\
**coordgap**: where does the multi-agent pipeline lose reliability?
Panels read the coordgap span attributes (`{semconv.STAGE}`, `{semconv.HANDOFF_SOURCE}`,
`{semconv.VERIFY_VERDICT}`, `{semconv.ACTOR}`...). The rate panels use TraceQL metrics
(Tempo metrics-generator, `local-blocks` processor); the tables are plain TraceQL searches.
For attribution of every failed run to a stage and root-cause span, run
`coordgap ingest` on the same traces and `coordgap report`."""


def _query(ref: str, traceql: str, ds: gmodel.DataSourceRef, limit: int = 20) -> Any:
    return (
        tempo.TempoQuery()
        .ref_id(ref)
        .query_type("traceql")
        .query(traceql)
        .limit(limit)
        .datasource(ds)
    )


def _rate_panel(
    panel_id: int,
    title: str,
    desc: str,
    traceql: str,
    ds: gmodel.DataSourceRef,
    unit: str,
    width: int = 12,
) -> Any:
    return (
        timeseries.Panel()
        .id(panel_id)
        .title(title)
        .description(desc)
        .datasource(ds)
        .with_target(_query("A", traceql, ds))
        .unit(unit)
        .legend(
            gcommon.VizLegendOptions()
            .display_mode(common_model.LegendDisplayMode.LIST)
            .placement(common_model.LegendPlacement.BOTTOM)
            .show_legend(True)
        )
        .tooltip(gcommon.VizTooltipOptions().mode(common_model.TooltipDisplayMode.MULTI))
        .height(8)
        .span(width)
    )


def _table_panel(
    panel_id: int, title: str, desc: str, traceql: str, ds: gmodel.DataSourceRef, width: int = 12
) -> Any:
    return (
        table.Panel()
        .id(panel_id)
        .title(title)
        .description(desc)
        .datasource(ds)
        .with_target(_query("A", traceql, ds, limit=50))
        .show_header(True)
        .height(8)
        .span(width)
    )


# (row title, [(panel kind, title, description, query key)]); a row's panels share its width
_LAYOUT: list[tuple[str, list[tuple[str, str, str, str]]]] = [
    (
        "Handoffs",
        [
            (
                "rate",
                "Failing handoffs by edge",
                "Handoff spans with a recorded violation or an error, per source -> target.",
                "failing_handoffs_rate",
            ),
            (
                "table",
                "Failing handoffs",
                "Latest traces with a failing handoff; open one to see the whole run.",
                "failing_handoffs",
            ),
        ],
    ),
    (
        "Verification",
        [
            (
                "rate",
                "Verification rejects by verifier",
                "Verify spans whose verdict was reject, per verifier.",
                "rejects_rate",
            ),
            (
                "table",
                "Verification rejects",
                "Latest rejected verifications with attempt number and reason.",
                "rejects",
            ),
        ],
    ),
    (
        "Errors",
        [
            (
                "rate",
                "Error spans by stage",
                "Spans with status error, per coordgap stage.",
                "errors_rate",
            ),
            (
                "table",
                "Error spans",
                "Latest error spans with their stage, agent and exception type.",
                "errors",
            ),
            (
                "table",
                "Failed runs",
                "Runs whose outcome is failure, with the recorded reason.",
                "failed_runs",
            ),
        ],
    ),
    (
        "Humans",
        [
            (
                "seconds",
                "Human step duration (p50, p95)",
                "How long human actors hold a run, per human agent.",
                "human_wait",
            ),
            (
                "table",
                "Slowest human steps",
                "Human steps at least as long as the 'Slow human step' variable.",
                "slow_humans",
            ),
        ],
    ),
]


def build(datasource_uid: str = DATASOURCE_VARIABLE, *, title: str = "coordgap handoffs") -> dict:
    """The dashboard JSON model (a ``dict``) for a Tempo data source.

    ``datasource_uid`` is the uid of a Tempo data source in the target Grafana;
    by default the dashboard gets a ``datasource`` variable listing every Tempo
    data source, so the same file imports into any Grafana unchanged. The
    result is deterministic: the same arguments give the same JSON.
    """
    ds = gmodel.DataSourceRef(type_val="tempo", uid=datasource_uid)
    variables: list[Any] = []
    if datasource_uid == DATASOURCE_VARIABLE:
        variables.append(gdash.DatasourceVariable("datasource").label("Tempo").type("tempo"))
    variables.append(
        gdash.TextBoxVariable("human_min")
        .label("Slow human step at least")
        .default_value("5m")
        .description("TraceQL duration: human steps at least this long are listed.")
    )
    builder = (
        gdash.Dashboard(title)
        .uid(DASHBOARD_UID)
        .description("Failing handoffs, verification rejects, errors by stage, human waits.")
        .tags(["coordgap", "tempo", "traceql", "multi-agent"])
        .editable()
        .time("now-6h", "now")
        .timezone("browser")
        .refresh("1m")
        .variables(variables)
        # an explicit (empty) list: Grafana adds its built-in annotation to it
        .annotations([])
        .with_panel(
            text.Panel()
            .id(1)
            .title("About")
            .mode(text_model.TextMode.MARKDOWN)
            .content(_INTRO)
            .height(4)
            .span(24)
        )
    )
    panel_id = 1
    for row_title, panels in _LAYOUT:
        panel_id += 1
        builder = builder.with_row(gdash.Row(row_title).id(panel_id))
        width = 24 // len(panels)
        for kind, title_text, desc, query_key in panels:
            panel_id += 1
            if kind == "table":
                panel = _table_panel(panel_id, title_text, desc, QUERIES[query_key], ds, width)
            else:
                unit = "s" if kind == "seconds" else _PER_SECOND
                panel = _rate_panel(panel_id, title_text, desc, QUERIES[query_key], ds, unit, width)
            builder = builder.with_panel(panel)
    model = builder.build()
    result: dict = json.loads(json.dumps(model, cls=JSONEncoder))
    return result


def write(directory: str | Path, datasource_uid: str = DATASOURCE_VARIABLE) -> list[Path]:
    """Write the dashboard JSON into ``directory`` (created if needed); return the paths."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    path = out / DASHBOARD_FILE
    path.write_text(json.dumps(build(datasource_uid), indent=2, sort_keys=True) + "\n")
    return [path]
