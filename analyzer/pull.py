"""Fetch traces from running backends into files ``Store.ingest`` reads.

- Jaeger query API: ``GET {url}/api/traces?service=S&start=..&end=..&limit=N``
  (the ``{"data": [...]}`` JSON of the Jaeger reader).
- Grafana Tempo: TraceQL search ``GET {url}/api/search?q=..&start=..&end=..``,
  then each trace by id ``GET {url}/api/traces/{id}`` (OTLP JSON with base64 ids).
- Phoenix REST spans API: ``GET {url}/v1/projects/{project}/spans``, following
  ``next_cursor`` page by page.

Responses are streamed to files in a directory (never held whole in memory),
so ingest keeps its format detection, atomicity and error messages. Auth
headers come only from the environment (see :data:`HEADER_ENV`); their values
are never printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from analyzer.formats.phoenix import PROJECT_KEY

__all__ = [
    "HEADER_ENV",
    "PHOENIX_API_KEY_ENV",
    "PullError",
    "headers_from_env",
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

_TIMEOUT_S = 60.0
_PAGE = 1000


class PullError(RuntimeError):
    """A backend could not be read; ``str()`` is one line for the user."""


def parse_lookback(text: str) -> timedelta:
    """``90s``, ``15m``, ``1h``, ``2d``, ``1w`` as a timedelta."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", text or "")
    if not match:
        raise PullError(f"lookback {text!r}: expected a number and s, m, h, d or w (e.g. 1h)")
    value, unit = float(match.group(1)), match.group(2)
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit]
    return timedelta(seconds=value * seconds)


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


def _url(base: str, path: str, query: Mapping[str, Any] | None = None) -> str:
    url = base.rstrip("/") + path
    if query:
        url += "?" + urllib.parse.urlencode(
            [(k, v) for k, v in query.items() if v is not None], doseq=True
        )
    return url


def _get(url: str, headers: Mapping[str, str], dest: Path | None = None) -> Any:
    """GET ``url``; stream the body to ``dest`` (returns None) or parse it as JSON."""
    request = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    shown = url.split("?", 1)[0]
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT_S) as response:
            if dest is not None:
                with dest.open("wb") as out:
                    shutil.copyfileobj(response, out, 1 << 20)
                return None
            return json.load(response)
    except urllib.error.HTTPError as exc:
        hint = " (auth headers come from COORDGAP_PULL_HEADERS)" if exc.code in (401, 403) else ""
        raise PullError(f"{shown}: HTTP {exc.code} {exc.reason}{hint}") from None
    except urllib.error.URLError as exc:
        raise PullError(f"{shown}: cannot connect ({exc.reason})") from None
    except (TimeoutError, OSError) as exc:
        raise PullError(f"{shown}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise PullError(f"{shown}: expected a JSON response ({exc.msg})") from None


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
    _get(_url(url, "/api/traces", query), headers_from_env("jaeger"), path)
    return [path]


def pull_tempo(
    url: str,
    dest: Path,
    *,
    query: str | None = None,
    lookback: str = "1h",
    limit: int = 100,
    now: datetime | None = None,
) -> list[Path]:
    """Traces matching a TraceQL ``query`` (default: all) from the last ``lookback``."""
    start, end = _window(lookback, now)
    headers = headers_from_env("tempo")
    found = _get(
        _url(
            url,
            "/api/search",
            {
                "q": query or "{}",
                "start": int(start.timestamp()),
                "end": int(end.timestamp()),
                "limit": limit,
            },
        ),
        headers,
    )
    traces = found.get("traces") if isinstance(found, dict) else None
    if not isinstance(traces, list):
        raise PullError(f"{url}/api/search: expected a TraceQL search response with traces")
    files: list[Path] = []
    for index, item in enumerate(traces):
        trace_id = str(item.get("traceID") or "") if isinstance(item, dict) else ""
        if not re.fullmatch(r"[0-9a-fA-F]{1,32}", trace_id):
            raise PullError(f"{url}/api/search: trace {index}: expected a hex traceID")
        path = dest / f"tempo-{trace_id.lower()}.json"
        _get(_url(url, f"/api/traces/{trace_id}"), headers, path)
        files.append(path)
    return files


def pull_phoenix(
    url: str,
    dest: Path,
    *,
    project: str = "default",
    lookback: str | None = None,
    limit: int = _PAGE,
    now: datetime | None = None,
) -> list[Path]:
    """Spans of a Phoenix ``project`` (all, or from the last ``lookback``), page by page."""
    headers = headers_from_env("phoenix")
    query: dict[str, Any] = {"limit": limit}
    if lookback:
        query["start_time"] = _window(lookback, now)[0].isoformat()
    path_part = "/v1/projects/" + urllib.parse.quote(project, safe="") + "/spans"
    files: list[Path] = []
    cursor = None
    while True:
        page = _get(_url(url, path_part, {**query, "cursor": cursor}), headers)
        if not isinstance(page, dict) or not isinstance(page.get("data"), list):
            raise PullError(f"{url}{path_part}: expected a spans response with data")
        path = dest / f"phoenix-{len(files):05d}.json"
        # the project goes first so the reader finds it without scanning the spans
        with path.open("w", encoding="utf-8") as out:
            json.dump({PROJECT_KEY: project, "data": page["data"]}, out)
        files.append(path)
        cursor = page.get("next_cursor")
        if not cursor or not page["data"]:
            return files
