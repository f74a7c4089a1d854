"""`coordgap pull` pages and limits: page loops end, pages are read as streams
(never parsed whole), a failed pull leaves no file, and the limits resolve from one
table (option, then variable, then default) that the docs list."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from pull_servers import (
    BACKENDS,
    endless,
    http_server,
    one_line_error,
    pull_cli,
    send_json,
    set_credentials,
)


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every kind of credential pull sends, and the temporary directory (empty after)."""
    return set_credentials(monkeypatch, tmp_path)


# -- page loops --------------------------------------------------------------------------------


def _looping_pages(backend: str, cycle: list[str]) -> Callable[[BaseHTTPRequestHandler], None]:
    """Pages whose cursor repeats (``cycle`` over and over; no cursor after 60 pages)."""
    served: list[int] = []
    item = (
        {"name": "step", "context": {"trace_id": "t", "span_id": "s"}}
        if backend == "phoenix"
        else {"id": "1", "startedAt": "2099-01-01T00:00:00Z", "status": "success"}
    )
    key = "next_cursor" if backend == "phoenix" else "nextCursor"

    def reply(handler: BaseHTTPRequestHandler) -> None:
        served.append(1)
        cursor = cycle[len(served) % len(cycle)] if len(served) < 60 else None
        send_json(handler, json.dumps({"data": [item], key: cursor}).encode())

    return reply


@pytest.mark.parametrize("backend", ["phoenix", "n8n"])
@pytest.mark.parametrize("cycle", [["same"], ["a", "b", "c"]], ids=["repeat", "cycle"])
def test_repeating_cursor_ends_the_pull(backend: str, cycle: list[str], tmp_path: Path) -> None:
    """A cursor the server already sent ends the pull with one line."""
    with http_server(_looping_pages(backend, cycle)) as server:
        out = pull_cli(backend, server.base_url, tmp_path)
    line = one_line_error(out, server.base_url + BACKENDS[backend])
    assert "cursor" in line and "again" in line
    cursors = [parse_qs(urlsplit(path).query).get("cursor") for path in server.paths]
    assert cursors == [None, *([c] for c in cycle[1:] + cycle[:1])]


def test_a_cursor_that_is_not_a_string_ends_the_pull(tmp_path: Path) -> None:
    """A next_cursor object: one line, no second request."""

    def reply(handler: BaseHTTPRequestHandler) -> None:
        cursor = {"a": [1, 2]} if len(server.paths) < 5 else None  # ends by itself
        send_json(handler, json.dumps({"data": [{"name": "step"}], "next_cursor": cursor}).encode())

    with http_server(reply) as server:
        out = pull_cli("phoenix", server.base_url, tmp_path)
    line = one_line_error(out, server.base_url + BACKENDS["phoenix"])
    assert "expected a string cursor, got dict" in line and len(server.paths) == 1


def test_tempo_fetches_at_most_limit_traces(tmp_path: Path) -> None:
    """A search that answers more traces than asked: only --limit are fetched."""
    search = {"traces": [{"traceID": f"{n:x}"} for n in range(1, 6)]}

    def reply(handler: BaseHTTPRequestHandler) -> None:
        body = search if handler.path.startswith("/api/search") else {"batches": []}
        send_json(handler, json.dumps(body).encode())

    with http_server(reply) as server:
        out = pull_cli("tempo", server.base_url, tmp_path, "--limit", "2")
    assert out.exit_code == 0, out.output
    assert [p.split("?")[0] for p in server.paths] == [
        "/api/search",
        "/api/traces/1",
        "/api/traces/2",
    ]


# VmHWM, not ru_maxrss: Linux carries the parent's peak into a child's ru_maxrss
# across fork and exec, so a large test process would be counted as the pull's.
_PEAK_OF_PULL = """
import re, sys
from pathlib import Path
from analyzer.pull import pull_phoenix
files = pull_phoenix(sys.argv[1], Path(sys.argv[2]))
status = Path("/proc/self/status").read_text()
print(len(files), int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) // 1024)
"""


def test_a_page_of_tiny_items_is_never_parsed_whole(tmp_path: Path) -> None:
    """A 15 MB Phoenix page of five million empty objects: parsed whole it costs
    about 400 MB; read as a stream the pull's peak stays near its imports."""
    body = b'{"data": [' + b"{}," * 5_000_000 + b'{}], "next_cursor": null}'
    dest = tmp_path / "pulled"
    dest.mkdir()
    with http_server(lambda h: send_json(h, body)) as server:
        run = subprocess.run(
            [sys.executable, "-c", _PEAK_OF_PULL, server.base_url, str(dest)],
            capture_output=True,
            text=True,
            check=True,
        )
    files, peak_mb = map(int, run.stdout.split())
    assert files == 1
    assert peak_mb < 250, f"peak {peak_mb} MB"


def test_failed_library_pull_leaves_no_file(tmp_path: Path) -> None:
    """pull_phoenix: two pages written, the third over the cap: PullError, and the
    directory is as empty as before."""
    from analyzer.pull import PullError, PullLimits, pull_phoenix

    page = {"data": [{"name": "step"}], "next_cursor": None}

    def reply(handler: BaseHTTPRequestHandler) -> None:
        cursor = parse_qs(urlsplit(handler.path).query).get("cursor")
        if cursor == ["2"]:
            endless(handler)
        else:
            next_cursor = "2" if cursor else "1"
            send_json(handler, json.dumps({**page, "next_cursor": next_cursor}).encode())

    dest = tmp_path / "pulled"
    dest.mkdir()
    with http_server(reply) as server, pytest.raises(PullError, match="more than 1 MB"):
        pull_phoenix(server.base_url, dest, limits=PullLimits(max_bytes=1 << 20))
    assert len(server.paths) == 3
    assert list(dest.iterdir()) == []


# -- the limits' options -----------------------------------------------------------------------


def test_cli_options_win_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--max-mb beats COORDGAP_PULL_MAX_MB; a bad value is one line naming its source."""
    monkeypatch.setenv("COORDGAP_PULL_MAX_MB", "1")
    body = json.dumps({"data": [], "pad": "x" * (2 << 20)}).encode()
    with http_server(lambda h: send_json(h, body)) as server:
        assert pull_cli("jaeger", server.base_url, tmp_path, "--max-mb", "3").exit_code == 0
        assert pull_cli("jaeger", server.base_url, tmp_path).exit_code == 1
    monkeypatch.setenv("COORDGAP_PULL_DEADLINE", "soon")
    out = pull_cli("jaeger", "http://127.0.0.1:9", tmp_path)
    assert out.exit_code == 1
    assert out.output.strip() == (
        "Error: COORDGAP_PULL_DEADLINE 'soon': expected a number and s, m, h, d or w (e.g. 1h)"
    )


def test_limits_resolve_option_then_variable_then_default() -> None:
    """PullLimits.resolve: the given value wins over the variable, which wins over
    the default."""
    from analyzer.pull import PullLimits

    env = {"COORDGAP_PULL_DEADLINE": "90s", "COORDGAP_PULL_MAX_MB": "7"}
    assert PullLimits.resolve({}, {}) == PullLimits()
    assert PullLimits.resolve({"max_mb": "3"}, env) == PullLimits(
        deadline_s=90, max_bytes=3 << 20, max_redirects=5
    )


def test_limits_table_is_documented() -> None:
    """docs/ingest.md lists every limit with its option, variable and default."""
    from analyzer.pull_limits import PULL_OPTIONS

    text = (Path(__file__).parents[1] / "docs" / "ingest.md").read_text()
    for option in PULL_OPTIONS:
        assert f"| `{option.flag}` | `{option.env}` | `{option.default}` |" in text


def test_every_pull_module_fetches_through_the_one_fetcher() -> None:
    """No pull module opens a connection itself: only analyzer/pull_http.py does
    (the byte-cap test above checks every backend's behaviour)."""
    analyzer_dir = Path(__file__).parents[1] / "analyzer"
    clients = ("urllib.request", "http.client", "socket", "requests", "httpx", "aiohttp")
    modules = {m.name: m.read_text() for m in analyzer_dir.glob("pull*.py")}
    connecting = {
        name
        for name, text in modules.items()
        if any(f"import {c}" in text or f"from {c} " in text for c in clients)
    }
    assert connecting == {"pull_http.py"}
    for name in ("pull.py", "pull_n8n.py"):  # the backends
        assert "with Fetcher(" in modules[name] and ".json(" not in modules[name]
