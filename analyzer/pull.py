"""Fetch traces from running backends into files ``Store.ingest`` reads.

- Jaeger query API: ``GET {url}/api/traces?service=S&start=..&end=..&limit=N``
  (the ``{"data": [...]}`` JSON of the Jaeger reader).
- Grafana Tempo: TraceQL search ``GET {url}/api/search?q=..&start=..&end=..``,
  then each trace by id ``GET {url}/api/traces/{id}`` (OTLP JSON with base64 ids).
- Phoenix REST spans API: ``GET {url}/v1/projects/{project}/spans``, following
  ``next_cursor`` page by page (a cursor sent twice ends the pull).

Responses are streamed to files in a directory (never held whole in memory;
pages and Tempo's search are read back as streams, see :mod:`analyzer.pull_pages`),
so ingest keeps its format detection, atomicity and error messages. Every GET
goes through :class:`analyzer.pull_http.Fetcher`: one deadline and one byte cap
per pull, redirects capped and never carrying credentials to another origin
(``limits``: :class:`PullLimits`, by default from the environment). Auth headers
come only from the environment (see :data:`HEADER_ENV`); their values are never
printed. A pull that fails raises :class:`PullError` and leaves no file behind.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from analyzer.formats.phoenix import PROJECT_KEY
from analyzer.pull_http import Fetcher
from analyzer.pull_limits import PullError, PullLimits, parse_duration
from analyzer.pull_pages import Stream, items, scan_page, with_key_first

__all__ = [
    "HEADER_ENV",
    "PHOENIX_API_KEY_ENV",
    "PullError",
    "PullLimits",
    "headers_from_env",
    "new_cursor",
    "parse_lookback",
    "pull_jaeger",
    "pull_phoenix",
    "pull_tempo",
]

#: generic and per-backend header variables: ``Name=value,Other=value`` (values
#: may be URL-encoded, as in OTEL_EXPORTER_OTLP_HEADERS); later ones win.
HEADER_ENV: Final = {
    "jaeger": ("COORDGAP_PULL_HEADERS", "COORDGAP_JAEGER_HEADERS"),
    "tempo": ("COORDGAP_PULL_HEADERS", "COORDGAP_TEMPO_HEADERS"),
    "phoenix": ("COORDGAP_PULL_HEADERS", "COORDGAP_PHOENIX_HEADERS"),
}
#: Phoenix's own API key variable, sent as ``Authorization: Bearer``
PHOENIX_API_KEY_ENV: Final = "PHOENIX_API_KEY"

_PAGE = 1000


def parse_lookback(text: str) -> timedelta:
    """``90s``, ``15m``, ``1h``, ``2d``, ``1w`` as a timedelta."""
    return parse_duration(text, "lookback")


def headers_from_env(backend: str, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """HTTP headers for ``backend`` from the environment only."""
    env = os.environ if environ is None else environ
    headers: dict[str, str] = {}
    if backend == "phoenix" and env.get(PHOENIX_API_KEY_ENV):
        headers["Authorization"] = f"Bearer {env[PHOENIX_API_KEY_ENV]}"
    for name in HEADER_ENV.get(backend, ()):
        for item in (env.get(name) or "").split(","):
            if not item.strip():
                continue
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise PullError(f"{name}: expected Name=value pairs separated by commas")
            headers[urllib.parse.unquote(key.strip())] = urllib.parse.unquote(value.strip())
    return headers


def new_cursor(where: str, cursor: Any, seen: set[str], pages: int) -> str | None:
    """``cursor`` of the page after ``pages`` pages, or None at the end; a cursor
    already seen (a page loop) or one that is not a string raises :class:`PullError`."""
    if cursor is None or cursor == "":
        return None
    if not isinstance(cursor, str | int) or isinstance(cursor, bool):
        raise PullError(f"{where}: expected a string cursor, got {type(cursor).__name__}")
    text = str(cursor)
    if text in seen:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise PullError(
            f"{where}: the server sent cursor {shown!r} again after {pages} pages (a page loop)"
        )
    seen.add(text)
    return text


def _url(base: str, path: str, query: Mapping[str, Any] | None = None) -> str:
    url = base.rstrip("/") + path
    if query:
        url += "?" + urllib.parse.urlencode(
            [(k, v) for k, v in query.items() if v is not None], doseq=True
        )
    return url


def _window(lookback: str, now: datetime | None) -> tuple[datetime, datetime]:
    end = now or datetime.now(UTC)
    return end - parse_lookback(lookback), end


def pull_jaeger(
    url: str,
    dest: Path,
    *,
    service: str,
    lookback: str = "1h",
    limit: int = 1000,
    now: datetime | None = None,
    limits: PullLimits | None = None,
) -> list[Path]:
    """Traces of ``service`` from the last ``lookback`` into ``dest``; returns the files."""
    start, end = _window(lookback, now)
    path = dest / "jaeger-traces.json"
    query = {
        "service": service,
        "start": int(start.timestamp() * 1_000_000),
        "end": int(end.timestamp() * 1_000_000),
        "lookback": lookback,
        "limit": limit,
    }
    with Fetcher(headers_from_env("jaeger"), limits) as fetch:
        fetch.save(_url(url, "/api/traces", query), path)
    return [path]


def pull_tempo(
    url: str,
    dest: Path,
    *,
    query: str | None = None,
    lookback: str = "1h",
    limit: int = 100,
    now: datetime | None = None,
    limits: PullLimits | None = None,
) -> list[Path]:
    """Traces matching a TraceQL ``query`` (default: all) from the last ``lookback``,
    at most ``limit`` of them."""
    start, end = _window(lookback, now)
    search = {
        "q": query or "{}",
        "start": int(start.timestamp()),
        "end": int(end.timestamp()),
        "limit": limit,
    }
    with Fetcher(headers_from_env("tempo"), limits) as fetch:
        raw = dest / "tempo-search.page"
        with fetch.json_file(_url(url, "/api/search", search), raw) as stream:
            ids = _tempo_ids(f"{url}/api/search", stream, limit)
        raw.unlink()
        files: list[Path] = []
        for trace_id in ids:
            path = dest / f"tempo-{trace_id}.json"
            fetch.save(_url(url, f"/api/traces/{trace_id}"), path)
            files.append(path)
    return files


def _tempo_ids(where: str, stream: Stream, limit: int) -> list[str]:
    """The first ``limit`` distinct trace ids of a TraceQL search response."""
    if scan_page(stream, "traces").items is None:
        raise PullError(f"{where}: expected a TraceQL search response with traces")
    ids: dict[str, None] = {}
    for index, item in enumerate(items(stream, "traces")):
        if len(ids) >= limit:
            break
        trace_id = str(item.get("traceID") or "") if isinstance(item, dict) else ""
        if not re.fullmatch(r"[0-9a-fA-F]{1,32}", trace_id):
            raise PullError(f"{where}: trace {index}: expected a hex traceID")
        ids.setdefault(trace_id.lower())
    return list(ids)


def pull_phoenix(
    url: str,
    dest: Path,
    *,
    project: str = "default",
    lookback: str | None = None,
    limit: int = _PAGE,
    now: datetime | None = None,
    limits: PullLimits | None = None,
) -> list[Path]:
    """Spans of a Phoenix ``project`` (all, or from the last ``lookback``), page by page."""
    query: dict[str, Any] = {"limit": limit}
    if lookback:
        query["start_time"] = _window(lookback, now)[0].isoformat()
    path_part = "/v1/projects/" + urllib.parse.quote(project, safe="") + "/spans"
    where = f"{url}{path_part}"
    files: list[Path] = []
    seen: set[str] = set()
    cursor = None
    with Fetcher(headers_from_env("phoenix"), limits) as fetch:
        while True:
            raw = dest / f"phoenix-{len(files):05d}.page"
            with fetch.json_file(_url(url, path_part, {**query, "cursor": cursor}), raw) as stream:
                page = scan_page(stream, "data", "next_cursor")
            if page.items is None:
                raise PullError(f"{where}: expected a spans response with data")
            path = fetch.own(dest / f"phoenix-{len(files):05d}.json")
            # the project goes first so the reader finds it without scanning the spans
            with_key_first(raw, path, PROJECT_KEY, project)
            raw.unlink()
            files.append(path)
            cursor = new_cursor(where, page.cursor, seen, len(files))
            if cursor is None or not page.items:
                return files
