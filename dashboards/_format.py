"""Small, pure text helpers shared by the report sections.

Every string that came from a span passes through :func:`esc` before it reaches
HTML or a Plotly figure. Plotly renders its text through a tiny HTML-like
parser (``<b>``, ``<br>``, ``<a href>``...) and decodes entities, so an escaped
name such as ``&lt;script&gt;`` is drawn as the literal text ``<script>`` and a
name can never inject markup into the page or the chart.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from typing import Any

__all__ = ["count", "duration", "esc", "join_words", "num", "pct", "plural", "pts", "shorten"]


def esc(value: Any) -> str:
    """Escape ``value`` (any type, ``None`` as empty) for HTML and Plotly text."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def shorten(value: Any, limit: int = 48) -> str:
    """The escaped text of ``value`` cut to ``limit`` characters (before escaping)."""
    text = "" if value is None else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return esc(text)


def num(value: Any) -> float | None:
    """``value`` as a finite float, or ``None`` for null, NaN or non-numbers."""
    if value is None or isinstance(value, bool):
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def pct(value: Any, digits: int | None = None) -> str:
    """A share in ``[0, 1]`` as a percentage: ``0.713 -> "71%"``, ``None -> "n/a"``.

    Small shares keep one decimal so that a real 0.4% never reads as 0%.
    """
    share = num(value)
    if share is None:
        return "n/a"
    scaled = share * 100
    if digits is None:
        digits = 1 if 0 < abs(scaled) < 10 and round(scaled) != scaled else 0
    return f"{scaled:.{digits}f}%"


def pts(value: Any) -> str:
    """A difference of shares in percentage points, as the CLI prints it: ``0.313 ->
    "31.3 pts"``."""
    diff = num(value)
    if diff is None:
        return "n/a"
    return f"{diff * 100:.1f} pts"


def duration(ms: Any) -> str:
    """Milliseconds in a readable unit: ``850 -> "850 ms"``, ``7_200_000 -> "2.0 h"``."""
    value = num(ms)
    if value is None:
        return "n/a"
    if value < 1:
        return f"{value:.2f} ms"
    if value < 1000:
        return f"{value:.0f} ms"
    if value < 60_000:
        return f"{value / 1000:.1f} s"
    if value < 3_600_000:
        return f"{value / 60_000:.1f} min"
    if value < 86_400_000:
        return f"{value / 3_600_000:.1f} h"
    return f"{value / 86_400_000:.1f} d"


def count(value: Any) -> str:
    """An integer with thousands separators: ``12345 -> "12,345"``."""
    number = num(value)
    return "0" if number is None else f"{int(round(number)):,}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "run") -> "1 run"``, ``plural(3, "run") -> "3 runs"``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def join_words(items: Iterable[str]) -> str:
    """``["a", "b", "c"] -> "a, b and c"``."""
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
