"""Report section: which content detectors named the cause of silent failures.

Fed plain data (the analysis' ``detectors`` and ``failures`` frames); never
queries storage. Quotes of message text appear only when ``content`` is True,
escaped and cut short.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboards._format import esc, plural, shorten
from dashboards._section import Figure, Section, rows
from dashboards._style import MUTED, STAGE_COLORS, base_layout

__all__ = ["detectors"]

_QUOTES = 3  # example quotes under the chart
_QUOTE_CHARS = 120


def detectors(
    fired: pl.DataFrame | None, failures: pl.DataFrame | None, *, content: bool = True
) -> Section:
    """Detectors that fired most, their stages, and (with content) example quotes."""
    title = "9. Silent failures read from content"
    data = rows(fired) if fired is not None else []
    if not data:
        return Section(
            "detectors",
            title,
            note="No content detector fired: either every failure announced itself (an "
            "error, a verdict, a recorded violation) or the traces carry no message text "
            "(capture content to let detectors read it).",
        )
    labels = [f"{r['detector']} ({r['stage']})" for r in data]
    fig = go.Figure()
    fig.add_bar(
        y=[esc(x) for x in labels],
        x=[r["attributed"] for r in data],
        orientation="h",
        name="named the cause",
        marker_color=[STAGE_COLORS.get(str(r["stage"]), MUTED) for r in data],
        hovertemplate="%{y}: named the cause of %{x} run(s)<extra></extra>",
    )
    fig.add_bar(
        y=[esc(x) for x in labels],
        x=[r["fired"] for r in data],
        orientation="h",
        name="fired",
        marker_color="rgba(123,135,147,0.35)",
        hovertemplate="%{y}: fired on %{x} failed run(s)<extra></extra>",
    )
    fig.update_layout(**base_layout(120 + 36 * len(data)), barmode="overlay")
    fig.update_yaxes(autorange="reversed")
    top = data[0]
    caption = (
        f"<b>{esc(top['detector'])}</b> ({esc(top['stage'])}) named the cause of "
        f"{plural(int(top['attributed']), 'failed run')} that announced nothing "
        f"(fired on {int(top['fired'])})."
    )
    if content:
        caption += _quotes(failures)
    return Section("detectors", title, [Figure(fig, caption)])


def _quotes(failures: pl.DataFrame | None) -> str:
    if failures is None or "quote" not in failures.columns:
        return ""
    picked: list[dict[str, Any]] = [r for r in rows(failures) if r.get("quote")][:_QUOTES]
    if not picked:
        return ""
    items = "".join(
        f"<br>&middot; <code>{esc(r['agent'])}</code> ({esc(r['detector'])}): "
        f"&ldquo;{shorten(r['quote'], _QUOTE_CHARS)}&rdquo;"
        for r in picked
    )
    return f"<br>Examples:{items}"
