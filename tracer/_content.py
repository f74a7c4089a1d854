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
    "fingerprint_and_keys",
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


# An ASCII string's JSON is the string between quotes when it holds no control
# character, quote or backslash; bytes.translate checks that about three times
# faster per character than the C encoder escapes. Below _LONG characters the
# encoder's single call is the cheaper one, and for other text the UTF-8
# encoding the check needs costs what it saves (measured on CPython 3.11).
_ESCAPED_TO_NUL = bytes(0 if b < 0x20 or b in b'"\\' else b for b in range(256))
_LONG = 256
# '"key":' per key name seen at a payload's top level (handoffs repeat theirs)
_key_texts: dict[str, str] = {}
_KEY_TEXTS_MAX = 1024


def _string_text(text: str) -> str:
    """The JSON of a string, the same as the C encoder's."""
    if len(text) >= _LONG and text.isascii():
        if b"\0" not in text.encode("ascii").translate(_ESCAPED_TO_NUL):
            return f'"{text}"'
    return _c_encode_str(text)  # type: ignore[misc,no-any-return]


def _key_text(key: str) -> str:
    text = _key_texts.get(key)
    if text is None:
        text = _c_encode_str(key) + ":"  # type: ignore[misc]
        evict_oldest(_key_texts, _KEY_TEXTS_MAX)
        _key_texts[key] = text
    return text


def _value_text(value: Any) -> str:
    """The JSON of one top-level value: scalars here, the rest by the C encoder."""
    kind = type(value)
    if kind is str:
        return _string_text(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is float and value - value == 0.0:  # finite; NaN and infinities as the encoder writes them
        return float.__repr__(value)
    return "".join(_FAST_ENCODE(value, 0))  # type: ignore[misc]


def _dict_text(obj: dict[Any, Any]) -> tuple[str, list[str]] | None:
    """Canonical text and sorted keys of a plain dict; None unless every key is a str.

    The top level is written here so that a long string value skips the C
    encoder's per-character escaping; what it holds goes through that encoder.
    Mixed key types raise TypeError, as the encoder does.
    """
    keys = sorted(obj)
    parts = []
    append, key_texts, short_text = parts.append, _key_texts, _c_encode_str
    for key in keys:
        if type(key) is not str:
            return None  # int, float, ... keys: the encoder turns them into text
        head = key_texts.get(key) or _key_text(key)
        value = obj[key]
        # short strings inline: most values are, and a call per value is the cost here
        if type(value) is str and len(value) < _LONG:
            append(head + short_text(value))  # type: ignore[misc]
        else:
            append(head + _value_text(value))
    return "{" + ",".join(parts) + "}", keys


def _canonical_text(obj: Any) -> tuple[str, list[str] | None]:
    """Canonical text of ``obj`` and, for a plain dict with str keys, its sorted keys."""
    if _FAST_ENCODE is None:
        return _ENCODER.encode(obj), None
    try:
        if type(obj) is str:
            return _value_text(obj), None
        if type(obj) is dict:
            done = _dict_text(obj)
            if done is not None:
                return done
        return "".join(_FAST_ENCODE(obj, 0)), None
    except RecursionError:
        raise ValueError("payload is circular or nested too deeply") from None


def fingerprint_and_keys(obj: Any) -> tuple[str, int, list[str] | None]:
    """``(sha256 hex, size in bytes, keys)`` of the canonical JSON of ``obj``.

    ``keys`` are the sorted top-level keys when reading the payload gave them
    (a plain dict with str keys), else None: :func:`top_level_keys` tells them.
    Raises ValueError on a circular payload, as :func:`canonical_json` does.
    """
    try:
        text, keys = _canonical_text(obj)
    except TypeError:
        text, keys = canonical_json(obj), None
    data = text.encode("utf-8")
    return sha256(data).hexdigest(), len(data), keys


def fingerprint(obj: Any) -> tuple[str, int]:
    """``(sha256 hex, size in bytes)`` of the canonical JSON of ``obj``."""
    digest, size, _ = fingerprint_and_keys(obj)
    return digest, size


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
