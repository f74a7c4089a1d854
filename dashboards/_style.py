"""Colours, the compact Plotly template and figure defaults of the report.

A small hand-made template instead of Plotly's default keeps every figure's
JSON a few hundred bytes lighter and the look consistent across sections.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go

from tracer import semconv

__all__ = [
    "ACTOR_COLORS",
    "BAD",
    "CATEGORY_COLORS",
    "FONT",
    "GOOD",
    "INK",
    "MUTED",
    "FAILURE_SCALE",
    "FLOW_SCALE",
    "NODE_COLOR",
    "REWORK_COLOR",
    "STAGE_COLORS",
    "WARN",
    "base_layout",
    "failure_color",
    "scale_top",
]

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#7b8794"
GOOD = "#2f9e44"
BAD = "#d6336c"
WARN = "#f08c00"

STAGE_COLORS: dict[str, str] = {
    semconv.STAGE_DECOMPOSITION: "#7048e8",
    semconv.STAGE_GENERATION: "#1c7ed6",
    semconv.STAGE_HANDOFF: "#f08c00",
    semconv.STAGE_VERIFICATION: "#0ca678",
    semconv.STAGE_ASSEMBLY: "#ae3ec9",
    semconv.CATEGORY_UNKNOWN: "#868e96",
}
"""One colour per stage; failure categories use the same (a category is a stage)."""

CATEGORY_COLORS = STAGE_COLORS

ACTOR_COLORS: dict[str, str] = {
    semconv.ACTOR_MODEL: "#4c6ef5",
    semconv.ACTOR_TOOL: "#15aabf",
    semconv.ACTOR_CODE: "#868e96",
    semconv.ACTOR_HUMAN: "#e8590c",
}
"""Humans get a warm colour that no other actor or stage uses."""

# green (no failing runs) -> amber -> red (every run failed)
FAILURE_SCALE: list[list[Any]] = [
    [0.0, "#2f9e44"],
    [0.25, "#fab005"],
    [0.6, "#f76707"],
    [1.0, "#c92a2a"],
]

# pale (the least failing edge drawn) -> dark red (the most failing): for flows, where
# every ribbon fails sometimes and the point is which fails most
FLOW_SCALE: list[list[Any]] = [
    [0.0, "#ced4da"],
    [0.35, "#ffc078"],
    [0.7, "#f76707"],
    [1.0, "#a61e1e"],
]

NODE_COLOR = "#495057"
"""Agents in the flow: one neutral colour; the actor kind is written in the label."""
REWORK_COLOR = "#ae3ec9"
"""The end of a send-back loop in the flow."""

_TEMPLATE = go.layout.Template(
    layout={
        "font": {"family": FONT, "size": 13, "color": INK},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "colorway": ["#1c7ed6", "#f08c00", "#0ca678", "#7048e8", "#d6336c", "#868e96"],
        "hoverlabel": {"align": "left", "font": {"family": FONT}},
        "xaxis": {"gridcolor": "#e9ecef", "zerolinecolor": "#ced4da", "automargin": True},
        "yaxis": {"gridcolor": "#e9ecef", "zerolinecolor": "#ced4da", "automargin": True},
    }
)


def base_layout(height: int, **extra: Any) -> dict[str, Any]:
    """Layout shared by every figure: compact margins, fixed height, our template."""
    layout: dict[str, Any] = {
        "template": _TEMPLATE,
        "height": height,
        "margin": {"l": 60, "r": 30, "t": 40, "b": 50},
        "showlegend": False,
    }
    layout.update(extra)
    return layout


def scale_top(values: Iterable[float | None], floor: float = 0.01) -> float:
    """The top of a colour scale for failure rates: the largest rate, rounded up to a
    readable step, so the worst cell or edge gets the darkest colour even when it is
    8% and not 100%."""
    top = max([v for v in values if v is not None] or [0.0])
    top = max(top, floor)
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0):
        if top <= step * 10:
            return round(min(1.0, math.ceil(top / step - 1e-9) * step), 4)
    return 1.0


def failure_color(
    rate: float | None,
    alpha: float = 0.75,
    low: float = 0.0,
    high: float = 1.0,
    scale: list[list[Any]] | None = None,
) -> str:
    """The ``rgba`` colour of a failure rate on ``scale`` (:data:`FAILURE_SCALE` by
    default) stretched over ``[low, high]``."""
    if rate is None:
        return f"rgba(134,142,150,{alpha})"
    scale = scale or FAILURE_SCALE
    rate = 0.0 if high <= low else min(max((rate - low) / (high - low), 0.0), 1.0)
    for (lo, lo_hex), (hi, hi_hex) in zip(scale, scale[1:], strict=False):
        if rate <= hi:
            t = 0.0 if hi == lo else (rate - lo) / (hi - lo)
            a, b = _rgb(lo_hex), _rgb(hi_hex)
            r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
            return f"rgba({r},{g},{bl},{alpha})"
    r, g, bl = _rgb(scale[-1][1])
    return f"rgba({r},{g},{bl},{alpha})"


def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
