"""Fetch n8n executions through n8n's public REST API into files ingest reads.

``GET {url}/api/v1/executions?includeData=true&limit=N[&workflowId=W][&cursor=C]``,
newest first, page by page until the executions are older than the window or
``limit`` were kept. The API key comes from the environment only
(``COORDGAP_N8N_API_KEY``, sent as ``X-N8N-API-KEY``) and is never printed. Each
page is saved as ``{"data": [...], "nextCursor": null}``, which
:mod:`analyzer.formats.n8n` reads. Every GET goes through
:class:`analyzer.pull_http.Fetcher` (deadline, byte cap, redirects that never
carry the key to another origin); a cursor sent twice ends the pull.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from analyzer.pull import PullError, _url, _window, new_cursor
from analyzer.pull_http import Fetcher
from analyzer.pull_limits import PullLimits
from analyzer.pull_pages import items, scan_page

__all__ = ["N8N_API_KEY_ENV", "pull_n8n"]

N8N_API_KEY_ENV: Final = "COORDGAP_N8N_API_KEY"
_API_KEY_HEADER: Final = "X-N8N-API-KEY"
_PAGE: Final = 100  # n8n caps a page at 250


def _started(execution: Mapping[str, Any]) -> datetime | None:
    """When the execution started (UTC when no zone is given); None if unknown."""
    value = execution.get("startedAt")
    try:
        started = datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None  # kept, as one without a start: ingest reads (or reports) it
    return started.replace(tzinfo=UTC) if started and started.tzinfo is None else started


def pull_n8n(
    url: str,
    dest: Path,
    *,
    lookback: str = "1h",
    limit: int = 1000,
    workflow_id: str | None = None,
    now: datetime | None = None,
    environ: Mapping[str, str] | None = None,
    limits: PullLimits | None = None,
) -> list[Path]:
    """Executions (with their data) started in the last ``lookback``, at most ``limit``."""
    env = os.environ if environ is None else environ
    key = env.get(N8N_API_KEY_ENV)
    if not key:
        raise PullError(f"n8n's API needs a key: set {N8N_API_KEY_ENV} (an n8n API key)")
    since, _end = _window(lookback, now)
    query: dict[str, Any] = {
        "includeData": "true",
        "limit": min(_PAGE, max(1, limit)),
        "workflowId": workflow_id,
    }
    where = f"{url}/api/v1/executions"
    files: list[Path] = []
    seen: set[str] = set()
    kept = pages = 0
    cursor = None
    hint = f" (the key comes from {N8N_API_KEY_ENV})"
    with Fetcher({_API_KEY_HEADER: key}, limits, auth_hint=hint) as fetch:
        while kept < limit:
            raw = dest / f"n8n-{pages:05d}.page"
            pages += 1
            path = dest / f"n8n-{len(files):05d}.json"
            page_url = _url(url, "/api/v1/executions", {**query, "cursor": cursor})
            with fetch.json_file(page_url, raw) as stream:
                page = scan_page(stream, "data", "nextCursor")
                if page.items is None:
                    raise PullError(f"{where}: expected an executions page with data")
                executions = items(stream, "data")
                found, recent = _write_recent(executions, fetch.own(path), since, limit - kept)
            raw.unlink()
            if recent:
                files.append(path)
                kept += recent
            else:
                path.unlink()
            cursor = new_cursor(where, page.cursor, seen, pages)
            if cursor is None or not found or recent < found:
                break  # newest first: once one is older than the window, the rest are too
    return files


def _write_recent(
    executions: Iterator[Any], path: Path, since: datetime, most: int
) -> tuple[int, int]:
    """Write the executions started since ``since`` (at most ``most``) to ``path``
    as an n8n page, one at a time; returns (executions read, executions written)."""
    found = written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"data": [')
        for execution in executions:
            if not isinstance(execution, dict):
                continue
            found += 1
            if written >= most:
                break
            if (_started(execution) or since) < since:
                continue
            out.write(", " if written else "")
            json.dump(execution, out)
            written += 1
        out.write('], "nextCursor": null}')
    return found, written
