"""Colours, the compact Plotly template and figure defaults of the report.

A small hand-made template instead of Plotly's default keeps every figure's
JSON a few hundred bytes lighter and the look consistent across sections.
"""

from __future__ import annotations

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
    "STAGE_COLORS",
    "WARN",
    "base_layout",
    "failure_color",
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


def failure_color(rate: float | None, alpha: float = 0.75) -> str:
    """The ``rgba`` colour of a failure rate in ``[0, 1]`` on :data:`FAILURE_SCALE`."""
    if rate is None:
        return f"rgba(134,142,150,{alpha})"
    rate = min(max(rate, 0.0), 1.0)
    for (lo, lo_hex), (hi, hi_hex) in zip(FAILURE_SCALE, FAILURE_SCALE[1:], strict=False):
        if rate <= hi:
            t = 0.0 if hi == lo else (rate - lo) / (hi - lo)
            a, b = _rgb(lo_hex), _rgb(hi_hex)
            r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
            return f"rgba({r},{g},{bl},{alpha})"
    r, g, bl = _rgb(FAILURE_SCALE[-1][1])
    return f"rgba({r},{g},{bl},{alpha})"


def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
