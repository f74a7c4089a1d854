"""The report in a real browser: headless Chromium draws every figure, raises no
error, fetches nothing, and shows hostile span strings as text.

Chromium is ``$COORDGAP_CHROMIUM`` or ``/usr/bin/chromium``. Missing, the tests
are skipped, or fail when ``CI`` is set. The screenshot of the demo report is
written to docs/img/report.png when that file is missing or
``COORDGAP_UPDATE_SCREENSHOTS=1``; otherwise it stays in the test's tmp dir.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_report_support import EVIL, EVIL_REASON, analysis_of, figure_specs, trace_pipeline

from dashboards import report

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "docs" / "img" / "report.png"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    # anything that tried the network would fail to resolve (and show up below)
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--virtual-time-budget=15000",
]

# Injected first into <head> of a copy of the report: records errors, console
# errors and alert() calls from the start, then after load writes what it saw
# into <pre id="cg-probe"> for --dump-dom to read.
PROBE = """<script>
(function () {
  var seen = {errors: [], alerts: []};
  window.addEventListener("error", function (e) { seen.errors.push(String(e.message)); });
  window.addEventListener("unhandledrejection", function (e) {
    seen.errors.push("unhandled rejection: " + String(e.reason));
  });
  var consoleError = console.error;
  console.error = function () {
    seen.errors.push("console.error: " + Array.prototype.join.call(arguments, " "));
    return consoleError.apply(console, arguments);
  };
  window.alert = window.confirm = window.prompt = function (m) { seen.alerts.push(String(m)); };
  window.addEventListener("load", function () {
    setTimeout(function () {
      var figures = Array.prototype.slice.call(document.querySelectorAll(".cg-figure"));
      var result = {
        figures: figures.length,
        rendered: figures.filter(function (f) {
          return f.getAttribute("data-status") === "rendered" &&
                 f.querySelectorAll("svg.main-svg").length > 0 &&
                 f.querySelectorAll(".plot-container").length === 1;
        }).map(function (f) { return f.id; }),
        errors: seen.errors,
        alerts: seen.alerts,
        resources: performance.getEntriesByType("resource").map(function (r) { return r.name; }),
        scripts: document.querySelectorAll("script").length,
        images: document.images.length,
        text: document.body.innerText,
        overflow: document.documentElement.scrollWidth - window.innerWidth
      };
      var pre = document.createElement("pre");
      pre.id = "cg-probe";
      pre.textContent = JSON.stringify(result);
      document.body.appendChild(pre);
    }, 1000);
  });
})();
</script>"""


def _chromium() -> str:
    path = shutil.which(os.environ.get("COORDGAP_CHROMIUM", "/usr/bin/chromium"))
    if path is None:
        reason = "headless Chromium not found (install Debian's chromium or set COORDGAP_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def _browse(tmp: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"  # fresh every time
    return subprocess.run(
        [_chromium(), *FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _probe(tmp: Path, page: Path, width: int) -> dict[str, Any]:
    probed = tmp / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + PROBE, 1))
    done = _browse(tmp, probed.as_uri(), f"--window-size={width},900", "--dump-dom")
    match = re.search(r'<pre id="cg-probe">(.*?)</pre>', done.stdout, re.S)
    assert match, f"the page never finished loading:\n{done.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return result


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a traced pipeline whose editor is named <script>alert(1)</script>."""
    _chromium()
    work = tmp_path_factory.mktemp("browser")
    trace_pipeline(work / "spans", runs=40)
    with analysis_of(work / "db.duckdb", [work / "spans"]) as analysis:
        return report.render(analysis, work / "report.html")


def test_every_figure_renders_without_errors(hostile_report: Path, tmp_path: Path) -> None:
    """On a laptop-width window every figure is drawn, nothing errors, nothing is fetched."""
    result = _probe(tmp_path, hostile_report, width=1280)
    expected = [spec["id"] for spec in figure_specs(hostile_report.read_text())]
    assert result["figures"] == len(expected) >= 10
    assert result["rendered"] == expected
    assert result["errors"] == []
    assert result["resources"] == []  # no script, style, font or image came from anywhere
    assert result["overflow"] <= 0, "the page scrolls sideways on a 1280 px screen"


def test_hostile_span_strings_show_as_text(hostile_report: Path, tmp_path: Path) -> None:
    """The <script> agent name and the <img onerror> reason are visible text; neither ran."""
    result = _probe(tmp_path, hostile_report, width=1400)
    assert result["alerts"] == []
    assert result["images"] == 0
    assert result["scripts"] == 5  # the probe and the report's own four
    assert EVIL in result["text"]
    assert EVIL_REASON in result["text"]


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_demo_report_screenshot(tmp_path: Path) -> None:
    """`coordgap demo`'s report loads with no console error; its screenshot is kept."""
    _chromium()
    out = tmp_path / "demo"
    demo = subprocess.run(
        [sys.executable, "-m", "coordgap", "demo", "--runs", "200", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    page = out / "report.html"
    assert page.is_file()
    shot = tmp_path / "report.png"
    done = _browse(
        tmp_path,
        page.as_uri(),
        "--window-size=1400,2700",
        f"--screenshot={shot}",
        "--enable-logging=stderr",
        "--v=0",
    )
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert not [line for line in console if "Uncaught" in line or "Error" in line], console
    assert _png_size(shot) == (1400, 2700)
    assert shot.stat().st_size > 100_000  # a drawn page, not a blank one
    if os.environ.get("COORDGAP_UPDATE_SCREENSHOTS") or not SCREENSHOT.exists():
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)


# Measures what a reader sees once every figure is drawn: which labels overlap the
# toolbar or the figure's edge, the root-cause label's row, the log-axis tick labels.
LAYOUT_PROBE = """<script>
window.addEventListener("load", function () {
  setTimeout(function () {
    function box(el) { var r = el.getBoundingClientRect();
      return {l: r.left, r: r.right, t: r.top, b: r.bottom}; }
    function hit(a, b) { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b; }
    var out = {};
    document.querySelectorAll(".cg-figure").forEach(function (f) {
      var svg = box(f.querySelector("svg.main-svg"));
      var bar = f.querySelector(".modebar");
      var toolbar = bar ? box(bar) : null;
      var texts = Array.prototype.slice.call(f.querySelectorAll("text"))
        .filter(function (t) { return t.textContent.trim() && box(t).r > box(t).l; });
      var cause = texts.filter(function (t) { return t.textContent === "root cause"; });
      var star = f.querySelector(".scatterlayer .point");
      out[f.id] = {
        under_toolbar: toolbar ? texts.filter(function (t) {
          return t.closest(".xtick, .g-xtitle, .gtitle") && hit(box(t), toolbar);
        }).map(function (t) { return t.textContent; }) : [],
        clipped: texts.filter(function (t) {
          var b = box(t); return b.r > svg.r + 1 || b.l < svg.l - 1;
        }).map(function (t) { return t.textContent; }),
        title: (f.querySelector(".gtitle") || {}).textContent || "",
        cause_dy: cause.length && star ? Math.abs(
          (box(cause[0]).t + box(cause[0]).b) / 2 - (box(star).t + box(star).b) / 2) : null,
        xticks: Array.prototype.map.call(f.querySelectorAll(".xtick text"),
          function (t) { return t.textContent; }),
        dashes: texts.filter(function (t) { return /^[-\u2212]$/.test(t.textContent.trim()); })
          .length
      };
    });
    var pre = document.createElement("pre");
    pre.id = "cg-layout";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 1000);
});
</script>"""


def _layout(tmp: Path, page: Path, width: int) -> dict[str, Any]:
    probed = tmp / f"layout-{width}.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + LAYOUT_PROBE))
    done = _browse(tmp, probed.as_uri(), f"--window-size={width},900", "--dump-dom")
    match = re.search(r'<pre id="cg-layout">(.*?)</pre>', done.stdout, re.S)
    assert match, f"the page never finished loading:\n{done.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return result


@pytest.mark.parametrize("width", [800, 1400])
def test_labels_are_readable_at_laptop_and_narrow_widths(
    hostile_report: Path, tmp_path: Path, width: int
) -> None:
    """No axis header or title under the toolbar, no label cut at a figure's edge, a
    title per timeline, the root-cause label on the star's row, plain log-axis ticks."""
    figures = _layout(tmp_path, hostile_report, width)
    assert figures
    for fig_id, seen in figures.items():
        assert seen["under_toolbar"] == [], (fig_id, seen["under_toolbar"])
        assert seen["clipped"] == [], (fig_id, seen["clipped"])
    timelines = {k: v for k, v in figures.items() if k.startswith("cg-fig-runs-")}
    assert timelines
    for fig_id, seen in timelines.items():
        assert seen["title"].startswith("Run "), fig_id
        assert seen["cause_dy"] is not None and seen["cause_dy"] < 4, (fig_id, seen)
    # Plotly's own log ticks label minor steps with bare digits ("2 5 0.01 2 5 0.1",
    # "4 5 6 7 8 9"); the report's are each shown once, in full, on a 1-2-5 step
    latency = figures["cg-fig-latency-0"]["xticks"]
    assert latency and len(set(latency)) == len(latency), latency
    for label in latency:
        v = float(label.replace("\u2212", "-"))
        assert round(v / 10 ** math.floor(math.log10(v)), 6) in (1, 2, 5), latency


def test_the_empty_report_shows_no_stray_dashes(tmp_path: Path) -> None:
    """No runs: "n/a" under each headline figure, no "-" placeholder anywhere."""
    _chromium()
    with analysis_of(tmp_path / "empty.duckdb", []) as analysis:
        page = report.render(analysis, tmp_path / "empty.html")
    figures = _layout(tmp_path, page, 1400)
    assert {k: v["dashes"] for k, v in figures.items() if v["dashes"]} == {}
