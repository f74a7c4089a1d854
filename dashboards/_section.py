"""One section of the report: a title, figures, and captions stating the finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboards._format import num
from dashboards._style import MUTED, base_layout

__all__ = ["Figure", "Section", "empty_figure", "rows", "value"]


@dataclass(frozen=True)
class Figure:
    """A Plotly figure and the one-sentence finding shown under it.

    ``caption`` is HTML-safe already: every piece that came from a span was
    escaped where the sentence was built.
    """

    figure: go.Figure
    caption: str


@dataclass(frozen=True)
class Section:
    """A numbered report section; ``note`` replaces the figures when none apply."""

    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    note: str | None = None


def empty_figure(message: str, height: int = 220) -> go.Figure:
    """A blank figure that says why it is blank (``message`` is HTML-safe)."""
    fig = go.Figure()
    fig.update_layout(
        **base_layout(height),
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": message,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "font": {"size": 15, "color": MUTED},
            }
        ],
    )
    return fig


def rows(frame: pl.DataFrame | None) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts (no rows for ``None``)."""
    if frame is None or frame.height == 0:
        return []
    return frame.to_dicts()


def value(row: dict[str, Any], key: str) -> float | None:
    """A numeric cell of ``row`` as a float, ``None`` when missing or not finite."""
    return num(row.get(key))
