"""The reliability-leak report: one self-contained, offline HTML file.

:func:`render` turns an :class:`analyzer.Analysis` into a page of eight
sections, each a Plotly figure (or a note saying why it is omitted) with a
caption that states the finding in words computed from the data. Plotly's
JavaScript is inlined once; the page loads nothing from the network (no CDN,
no web fonts, no MathJax). Only aggregates and a bounded set of example runs
are embedded, so the file stays a few MB whatever the number of spans.

Every string that came from a span is HTML-escaped before it reaches the page
or a figure; figure data travels as JSON inside a ``<script type=
"application/json">`` block with ``<``, ``>`` and ``/`` escaped by Plotly's
encoder, so no span content can close a tag or run script.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import plotly.io as pio
from plotly.offline import get_plotlyjs

from dashboards import (
    sections_detectors,
    sections_flow,
    sections_loop,
    sections_overview,
    sections_runs,
)
from dashboards._format import esc, plural
from dashboards._section import Section, column_range
from dashboards._types import AnalysisLike

__all__ = ["DEFAULT_TITLE", "build_sections", "render"]

DEFAULT_TITLE = "coordgap reliability-leak report"

_PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "showLink": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}

_CSS = """
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --accent:#1c7ed6; }
* { box-sizing: border-box; }
body { margin:0; background:#f5f7fa; color:var(--ink); font: 15px/1.5 system-ui,
  -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
nav { margin: 14px 0 8px; display:flex; flex-wrap:wrap; gap:6px 14px; font-size:14px; }
nav a { color: var(--accent); text-decoration: none; }
section { background:#fff; border:1px solid var(--line); border-radius:8px;
  padding: 16px 20px 12px; margin: 18px 0; }
section h2 { font-size: 19px; margin: 0 0 8px; }
.cg-figure { width: 100%; min-height: 120px; }
.cg-block { margin: 0 0 10px; padding: 0; }
.cg-block + .cg-block { border-top: 1px solid var(--line); padding-top: 16px; margin-top: 14px; }
.cg-caption { margin: 2px 2px 6px; font-size: 15.5px; }
.cg-note { color: var(--muted); font-style: italic; margin: 4px 2px 8px; }
.cg-failed { color: #c92a2a; padding: 12px; }
code { background:#f1f3f5; padding:1px 4px; border-radius:3px; }
footer { color: var(--muted); font-size: 13px; margin-top: 24px; }
"""

# Draws every figure from the JSON block; a figure that fails says so in place
# (text only) and marks itself, so one bad figure never blanks the others.
_SCRIPT = """
(function () {
  var config = JSON.parse(document.getElementById("cg-config").textContent);
  var specs = JSON.parse(document.getElementById("cg-figures").textContent);
  specs.forEach(function (spec) {
    var el = document.getElementById(spec.id);
    function fail(err) {
      el.classList.add("cg-failed");
      el.setAttribute("data-status", "error");
      var why = err && err.message ? err.message : String(err);
      el.textContent = "This figure could not be drawn: " + why;
      if (window.console) { console.error(err); }
    }
    try {
      Plotly.newPlot(el, spec.figure.data, spec.figure.layout, config).then(function () {
        el.setAttribute("data-status", "rendered");
      }, fail);
    } catch (err) { fail(err); }
  });
})();
"""


def build_sections(
    analysis: AnalysisLike, *, max_runs: int = 5, content: bool = True
) -> list[Section]:
    """The nine report sections, in order, computed from ``analysis`` (quotes of
    message text only when ``content`` is True)."""
    return [
        sections_overview.headline(analysis),
        sections_overview.waterfall(analysis),
        sections_flow.handoff_flow(analysis),
        sections_flow.heatmap(analysis),
        sections_loop.verification(analysis),
        sections_loop.latency(analysis),
        sections_runs.worst_runs(analysis, max_runs, content=content),
        sections_runs.trend(analysis),
        sections_detectors.detectors(
            getattr(analysis, "detectors", None), analysis.failures, content=content
        ),
    ]


def render(
    analysis: AnalysisLike,
    path: str | Path,
    *,
    title: str | None = None,
    max_runs: int = 5,
    content: bool = True,
) -> Path:
    """Write the report for ``analysis`` to ``path`` and return the path.

    The file is self-contained and opens offline. It never queries storage: it
    draws only what ``analysis`` holds, and at most ``max_runs`` example runs;
    ``content=False`` keeps every quote of message text out of the page.
    Empty or all-success data renders too, with captions that say so. Parent
    directories are created; an existing file is replaced.
    """
    out = Path(path)
    sections = build_sections(analysis, max_runs=max_runs, content=content)
    page = _page(sections, analysis, title or DEFAULT_TITLE)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)  # readers never see a half-written report
    return out


def _subtitle(analysis: AnalysisLike) -> str:
    text = plural(analysis.runs.height, "run")
    window = column_range(analysis.runs, "start_ns", "end_ns")
    if window is not None:
        text += f" from {_when(window[0])} to {_when(window[1])} UTC"
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{text}; generated {generated}."


def _when(ns: float) -> str:
    return datetime.fromtimestamp(ns / 1e9, UTC).strftime("%Y-%m-%d %H:%M")


def _page(sections: list[Section], analysis: AnalysisLike, title: str) -> str:
    specs: list[str] = []
    body: list[str] = []
    for section in sections:
        parts = [f'<section id="{section.key}"><h2>{esc(section.title)}</h2>']
        if section.note:
            parts.append(f'<p class="cg-note">{section.note}</p>')
        for i, fig in enumerate(section.figures):
            fig_id = f"cg-fig-{section.key}-{i}"
            # figure and caption in one block, set apart from the next figure, so a
            # caption never reads as the title of the chart below it
            parts.append(
                f'<figure class="cg-block"><div class="cg-figure" id="{fig_id}"></div>'
                f'<p class="cg-caption">{fig.caption}</p></figure>'
            )
            figure_json = pio.to_json(fig.figure, validate=False, pretty=False)
            specs.append(f'{{"id": "{fig_id}", "figure": {figure_json}}}')
        parts.append("</section>")
        body.append("".join(parts))
    nav = " ".join(f'<a href="#{s.key}">{esc(s.title)}</a>' for s in sections)
    plotly_js = get_plotlyjs().replace("</script", "<\\/script")
    figures_json = _script_safe("[" + ",".join(specs) + "]")
    config_json = _script_safe(json.dumps(_PLOTLY_CONFIG))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n"
        f"<script>{plotly_js}</script>\n</head>\n<body><main>\n"
        f"<header><h1>{esc(title)}</h1><p>{_subtitle(analysis)}</p></header>\n"
        f"<nav>{nav}</nav>\n"
        + "\n".join(body)
        + "\n<footer>Made by coordgap from recorded traces; self-contained, works offline.</footer>"
        "\n</main>\n"
        f'<script type="application/json" id="cg-config">{config_json}</script>\n'
        f'<script type="application/json" id="cg-figures">{figures_json}</script>\n'
        f"<script>{_SCRIPT}</script>\n</body></html>\n"
    )


def _script_safe(text: str) -> str:
    # JSON inside <script> must never contain "</" or "<!--"; Plotly's encoder
    # already escapes <, > and /, this guards the hand-made parts too.
    return text.replace("<", "\\u003c").replace(">", "\\u003e")
