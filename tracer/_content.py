"""Canonical form of payloads: fingerprints (always) and content (opt-in).

A fingerprint is the sha256 of the payload's canonical JSON (sorted keys, no
spaces, UTF-8; dataclasses, pydantic models, sets and other objects reduced to
JSON values, anything else through ``str``), its size in bytes, and its
top-level key names. The same payload gives the same hash in every process.
"""

from __future__ import annotations

import dataclasses
import json
import json.encoder
from collections.abc import Callable, Mapping
from hashlib import sha256
from typing import Any

from tracer import _runtime
from tracer._guard import warn_once

__all__ = [
    "canonical_json",
    "evict_oldest",
    "fingerprint",
    "record_content",
    "render_content",
    "top_level_keys",
]


def evict_oldest(cache: dict[Any, Any], limit: int) -> None:
    """Drop the oldest entries of ``cache`` until it has room for one more.

    Safe when several threads evict at once (a lost race just skips a turn).
    """
    while len(cache) >= limit:
        try:
            cache.pop(next(iter(cache)), None)
        except (RuntimeError, StopIteration):  # resized by another thread meanwhile
            return


def _default(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    dump = getattr(obj, "model_dump", None)
    if callable(dump) and not isinstance(obj, type):
        return dump(mode="json")
    if isinstance(obj, set | frozenset):
        return sorted(obj, key=repr)
    if isinstance(obj, bytes | bytearray):
        return obj.hex()
    return str(obj)


def _str_keys(obj: Any, depth: int = 0) -> Any:
    """Copy of ``obj`` whose mapping keys are all strings (mixed keys cannot be sorted)."""
    if depth > 100:
        raise ValueError("payload nested more than 100 levels")
    if isinstance(obj, Mapping):
        return {str(k): _str_keys(v, depth + 1) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_str_keys(v, depth + 1) for v in obj]
    return obj


def canonical_json(obj: Any) -> str:
    """The canonical JSON text of ``obj``; raises ValueError on cycles."""
    encoder = json.JSONEncoder(
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    )
    try:
        return encoder.encode(obj)
    except TypeError:
        # Keys of mixed types (e.g. int and str) cannot be sorted: compare as text.
        return encoder.encode(_str_keys(obj))


_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
)
# The C encoder made once, without the circular-reference bookkeeping (a cycle
# ends in RecursionError instead, reported as ValueError): the same text as
# _ENCODER, without building an encoder on every call.
_c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
_c_encode_str = getattr(json.encoder, "c_encode_basestring", None)
_FAST_ENCODE: Callable[[Any, int], Any] | None = (
    _c_make_encoder(None, _default, _c_encode_str, None, ":", ",", True, False, True)
    if _c_make_encoder is not None and _c_encode_str is not None
    else None
)


def _canonical_text(obj: Any) -> str:
    if _FAST_ENCODE is None:
        return _ENCODER.encode(obj)
    if type(obj) is str:
        return _c_encode_str(obj)  # type: ignore[misc]  # present when _FAST_ENCODE is
    try:
        return "".join(_FAST_ENCODE(obj, 0))
    except RecursionError:
        raise ValueError("payload is circular or nested too deeply") from None


def fingerprint(obj: Any) -> tuple[str, int]:
    """``(sha256 hex, size in bytes)`` of the canonical JSON of ``obj``."""
    try:
        text = _canonical_text(obj)
    except TypeError:
        text = canonical_json(obj)
    data = text.encode("utf-8")
    return sha256(data).hexdigest(), len(data)


def top_level_keys(obj: Any) -> list[str]:
    """Sorted top-level key (or field) names of a mapping, dataclass or model; else []."""
    if type(obj) is dict or isinstance(obj, Mapping):
        return sorted(map(str, obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return sorted(f.name for f in dataclasses.fields(obj))
    fields = getattr(type(obj), "model_fields", None)
    if isinstance(fields, Mapping):
        return sorted(str(k) for k in fields)
    return []


def render_content(value: Any, redact: Callable[[str], str] | None, max_length: int) -> str:
    """``value`` as text for a span: JSON when possible, through ``redact``, capped."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = canonical_json(value)
        except ValueError:
            text = repr(value)
    if redact is not None:
        text = str(redact(text))
    if len(text) > max_length:
        text = text[:max_length] + "...[truncated]"
    return text


def record_content(span: Any, key: str, value: Any) -> None:
    """Put ``value``, rendered and redacted, on ``span`` under ``key`` when content is captured."""
    state = _runtime.current
    if not state.capture_content or not span.is_recording():
        return
    try:
        text = render_content(value, state.redact, state.max_content_length)
    except Exception as exc:  # the redact hook is user code; it must not break the call
        warn_once("redact", "content not recorded: redact hook or rendering failed: %r", exc)
        return
    span.set_attribute(key, text)
