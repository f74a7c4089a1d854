"""JSON pages of a pull (Phoenix spans, n8n executions, Tempo's search) read as
streams from the files :meth:`analyzer.pull_http.Fetcher.json_file` saved: a page
is never parsed whole, so a page of a million tiny items costs the memory of one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

import ijson

from analyzer.pull_limits import PullError

__all__ = ["MAX_DEPTH", "PageScan", "Stream", "items", "scan_page", "with_key_first"]

_CHUNK: Final = 1 << 16
_OPENS: Final = ("start_map", "start_array")
_CLOSES: Final = ("end_map", "end_array")
#: deepest nesting a page may have (a Phoenix span or an n8n execution needs a few dozen)
MAX_DEPTH: Final = 512


class Stream(Protocol):
    """A seekable binary file (or :meth:`Fetcher.json_file`'s deadline-checked one)."""

    def read(self, size: int = -1, /) -> bytes: ...
    def seek(self, offset: int, /) -> int: ...


@dataclass(frozen=True)
class PageScan:
    """What a page says without its items: how many items its list holds (None:
    no list under that key, or the page is not an object) and its cursor (a
    scalar, None, or an empty ``dict``/``list`` standing for an object or array)."""

    items: int | None
    cursor: Any


def scan_page(stream: Stream, list_key: str, cursor_key: str | None = None) -> PageScan:
    """Count the items under top-level ``list_key`` and read top-level
    ``cursor_key``, event by event (nothing is built). A page nested deeper than
    :data:`MAX_DEPTH` raises ``ijson.JSONError`` (the parser's memory grows with
    the square of the depth, so depth is checked before any path-aware parse)."""
    events = ijson.basic_parse(stream)
    first = next(events, None)
    if first is None or first[0] != "start_map":
        return PageScan(None, None)
    depth, key = 1, None
    count: int | None = None
    cursor: Any = None
    for event, value in events:
        in_list = depth == 2 and key == list_key and count is not None
        if event in _OPENS:
            if in_list:
                count = (count or 0) + 1
            elif depth == 1 and key == list_key and event == "start_array":
                count = 0
            elif depth == 1 and key == cursor_key:
                cursor = {} if event == "start_map" else []
            depth += 1
            if depth > MAX_DEPTH:
                raise ijson.JSONError(f"nested deeper than {MAX_DEPTH} levels")
        elif event in _CLOSES:
            depth -= 1
        elif event == "map_key":
            key = value if depth == 1 else key
        elif in_list:
            count = (count or 0) + 1
        elif depth == 1 and key == cursor_key:
            cursor = value
    return PageScan(count, cursor)


def items(stream: Stream, list_key: str) -> Iterator[Any]:
    """The items under top-level ``list_key``, built one at a time (only after
    :func:`scan_page` has checked the page's depth)."""
    stream.seek(0)
    return iter(ijson.items(stream, f"{list_key}.item", use_float=True))


def with_key_first(source: Path, target: Path, key: str, value: str) -> None:
    """Copy the non-empty JSON object in ``source`` to ``target`` with ``key:
    value`` as its first member (bytes copied, nothing parsed)."""
    with source.open("rb") as src, target.open("wb") as out:
        head = b""
        while not head:
            chunk = src.read(_CHUNK)
            if not chunk:
                raise PullError(f"{source}: expected a JSON object")
            head = chunk.lstrip()
        if not head.startswith(b"{"):
            raise PullError(f"{source}: expected a JSON object")
        out.write(b"{" + json.dumps(key).encode() + b": " + json.dumps(value).encode() + b", ")
        out.write(head[1:])
        while chunk := src.read(_CHUNK):
            out.write(chunk)
