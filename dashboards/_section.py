"""One section of the report: a title, figures, and captions stating the finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboards._format import num
from dashboards._style import MUTED, base_layout

__all__ = ["Figure", "Section", "column_range", "count_true", "empty_figure", "rows", "value"]


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


def column_range(frame: pl.DataFrame | None, low: str, high: str) -> tuple[float, float] | None:
    """(min of ``low``, max of ``high``) over ``frame``, or None without values."""
    if frame is None or frame.height == 0 or low not in frame.columns or high not in frame.columns:
        return None
    lo, hi = num(frame[low].min()), num(frame[high].max())
    return None if lo is None or hi is None else (lo, hi)


def count_true(frame: pl.DataFrame | None, column: str) -> int:
    """How many rows of ``frame`` have ``column`` true (0 without the column)."""
    if frame is None or frame.height == 0 or column not in frame.columns:
        return 0
    return int(frame[column].fill_null(False).cast(pl.Boolean).sum())


def value(row: dict[str, Any], key: str) -> float | None:
    """A numeric cell of ``row`` as a float, ``None`` when missing or not finite."""
    return num(row.get(key))
