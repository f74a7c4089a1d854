"""What a handoff's receiver expects, and the violations a payload commits.

``expects`` may be a list of required keys, a dataclass, a TypedDict, a
pydantic model class, any other class (an isinstance check) or a JSON-schema
dict. :func:`compile_expects` turns it, once, into a describing text and a
checker ``payload -> ["kind: detail", ...]``.

The JSON-schema support is a subset, enough for payload contracts without a
dependency: ``type`` (one or a list), ``properties``, ``required``,
``additionalProperties``, ``items``, ``enum``, ``const``, ``minLength``,
``maxLength``, ``pattern``, ``minimum``, ``maximum``, ``exclusiveMinimum``,
``exclusiveMaximum``, ``minItems``, ``maxItems``, ``anyOf``, ``allOf``,
``oneOf``. Other keywords are ignored.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tracer import semconv

__all__ = ["Checker", "compile_expects"]

Checker = Callable[[Any], list[str]]
_MISSING = semconv.VIOLATION_MISSING_KEY
_TYPE = semconv.VIOLATION_TYPE_MISMATCH
_SCHEMA = semconv.VIOLATION_SCHEMA_MISMATCH
_MAX_VIOLATIONS = 32


def _has(payload: Any, key: str) -> bool:
    if isinstance(payload, Mapping):
        return key in payload
    return hasattr(payload, key)


def _get(payload: Any, key: str) -> Any:
    return payload[key] if isinstance(payload, Mapping) else getattr(payload, key)


def _type_name(value: Any) -> str:
    return type(value).__name__


def _hint_name(hint: Any) -> str:
    return getattr(hint, "__name__", None) or str(hint).replace("typing.", "")


def matches_hint(value: Any, hint: Any) -> bool:
    """Whether ``value`` fits the type hint ``hint``; unknown hints always fit."""
    if hint is Any or hint is object:
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(matches_hint(value, arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is typing.Annotated:
        return matches_hint(value, typing.get_args(hint)[0])
    if origin is not None:
        hint = origin
    if not isinstance(hint, type):
        return True
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return True
    if is_typeddict(hint):
        return isinstance(value, Mapping)
    try:
        return isinstance(value, hint)
    except TypeError:
        return True


def is_typeddict(obj: Any) -> bool:
    return isinstance(obj, type) and typing.is_typeddict(obj)


def _fields_checker(required: Sequence[str], hints: Mapping[str, Any], cls: type | None) -> Checker:
    def check(payload: Any) -> list[str]:
        if cls is not None and isinstance(payload, cls):
            return []
        if cls is not None and not isinstance(payload, Mapping):
            return [f"{_TYPE}: expected {cls.__name__} or a mapping, got {_type_name(payload)}"]
        found = [f"{_MISSING}: {key}" for key in required if not _has(payload, key)]
        for key, hint in hints.items():
            if _has(payload, key) and not matches_hint(_get(payload, key), hint):
                found.append(
                    f"{_TYPE}: {key} expected {_hint_name(hint)}, "
                    f"got {_type_name(_get(payload, key))}"
                )
        return found

    return check


def _dataclass_checker(cls: type) -> Checker:
    hints = _hints(cls)
    required = [
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    field_hints = {f.name: hints.get(f.name, Any) for f in dataclasses.fields(cls)}
    return _fields_checker(required, field_hints, cls)


def _typeddict_checker(cls: type) -> Checker:
    hints = _hints(cls)
    required = sorted(getattr(cls, "__required_keys__", hints.keys()))
    return _fields_checker(required, hints, None)


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # unresolvable forward references: check presence only
        return {k: Any for k in getattr(cls, "__annotations__", {})}


def _pydantic_checker(cls: Any) -> Checker:
    def check(payload: Any) -> list[str]:
        if isinstance(payload, cls):
            return []
        try:
            cls.model_validate(payload)
        except Exception as exc:
            errors = getattr(exc, "errors", None)
            if not callable(errors):
                return [f"{_SCHEMA}: {exc}"]
            found = []
            for err in errors():
                loc = ".".join(str(p) for p in err.get("loc", ())) or "(payload)"
                etype = str(err.get("type", ""))
                if etype == "missing":
                    found.append(f"{_MISSING}: {loc}")
                elif etype.endswith(("_type", "_parsing")) or etype == "model_attributes_type":
                    found.append(f"{_TYPE}: {loc} {err.get('msg', etype)}")
                else:
                    found.append(f"{_SCHEMA}: {loc} {err.get('msg', etype)}")
            return found
        return []

    return check


def _class_checker(cls: type) -> Checker:
    def check(payload: Any) -> list[str]:
        if isinstance(payload, cls):
            return []
        return [f"{_TYPE}: expected {cls.__name__}, got {_type_name(payload)}"]

    return check


def _keys_checker(keys: Sequence[str]) -> Checker:
    required = tuple(str(k) for k in keys)

    def check(payload: Any) -> list[str]:
        return [f"{_MISSING}: {key}" for key in required if not _has(payload, key)]

    return check


# --- JSON-schema subset --------------------------------------------------------------
_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, Mapping),
    "array": lambda v: isinstance(v, list | tuple),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (
        isinstance(v, int) and not isinstance(v, bool) or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _json_type(value: Any) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _JSON_TYPES[name](value):
            return name
    return _type_name(value)


def _schema_errors(schema: Mapping[str, Any], value: Any, path: str, out: list[str]) -> None:
    where = path or "(payload)"
    expected = schema.get("type")
    if expected is not None:
        names = [expected] if isinstance(expected, str) else list(expected)
        if not any(_JSON_TYPES.get(n, lambda _v: True)(value) for n in names):
            out.append(f"{_TYPE}: {where} expected {'|'.join(names)}, got {_json_type(value)}")
            return
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{_SCHEMA}: {where} {value!r} not in enum")
    if "const" in schema and value != schema["const"]:
        out.append(f"{_SCHEMA}: {where} must equal {schema['const']!r}")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            out.append(f"{_SCHEMA}: {where} shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            out.append(f"{_SCHEMA}: {where} longer than {schema['maxLength']}")
        if "pattern" in schema and re.search(schema["pattern"], value) is None:
            out.append(f"{_SCHEMA}: {where} does not match {schema['pattern']!r}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        for key, bad in (
            ("minimum", lambda lim: value < lim),
            ("maximum", lambda lim: value > lim),
            ("exclusiveMinimum", lambda lim: value <= lim),
            ("exclusiveMaximum", lambda lim: value >= lim),
        ):
            if key in schema and bad(schema[key]):
                out.append(f"{_SCHEMA}: {where} violates {key} {schema[key]}")
    if isinstance(value, Mapping):
        for key in schema.get("required", ()):
            if key not in value:
                out.append(f"{_MISSING}: {path + '.' if path else ''}{key}")
        props = schema.get("properties", {})
        for key, sub in props.items():
            if key in value and isinstance(sub, Mapping):
                _schema_errors(sub, value[key], f"{path + '.' if path else ''}{key}", out)
        extra = schema.get("additionalProperties", True)
        for key in value:
            if key in props:
                continue
            if extra is False:
                out.append(f"{_SCHEMA}: {where} has unexpected key {key}")
            elif isinstance(extra, Mapping):
                _schema_errors(extra, value[key], f"{path + '.' if path else ''}{key}", out)
    if isinstance(value, list | tuple):
        if "minItems" in schema and len(value) < schema["minItems"]:
            out.append(f"{_SCHEMA}: {where} has fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            out.append(f"{_SCHEMA}: {where} has more than {schema['maxItems']} items")
        items = schema.get("items")
        if isinstance(items, Mapping):
            for i, item in enumerate(value):
                _schema_errors(items, item, f"{path}[{i}]", out)
    for sub in schema.get("allOf", ()):
        _schema_errors(sub, value, path, out)
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if not options:
            continue
        fits = 0
        for sub in options:
            trial: list[str] = []
            _schema_errors(sub, value, path, trial)
            fits += not trial
        if (key == "anyOf" and fits == 0) or (key == "oneOf" and fits != 1):
            out.append(f"{_SCHEMA}: {where} matches {fits} of the {key} alternatives")


def _schema_checker(schema: Mapping[str, Any]) -> Checker:
    def check(payload: Any) -> list[str]:
        out: list[str] = []
        _schema_errors(schema, payload, "", out)
        return out

    return check


def compile_expects(expects: Any) -> tuple[str, Checker] | None:
    """``(description, checker)`` for ``expects``; None when it is not understood."""
    if isinstance(expects, Mapping):
        title = expects.get("title")
        return (f"json-schema {title}" if title else "json-schema"), _schema_checker(expects)
    if isinstance(expects, list | tuple | set | frozenset) and all(
        isinstance(k, str) for k in expects
    ):
        keys = list(expects) if isinstance(expects, list | tuple) else sorted(expects)
        return "keys " + ",".join(keys), _keys_checker(keys)
    if not isinstance(expects, type):
        return None
    if is_typeddict(expects):
        return f"TypedDict {expects.__name__}", _typeddict_checker(expects)
    if dataclasses.is_dataclass(expects):
        return f"dataclass {expects.__name__}", _dataclass_checker(expects)
    if callable(getattr(expects, "model_validate", None)):
        return f"pydantic {expects.__name__}", _pydantic_checker(expects)
    return f"class {expects.__name__}", _class_checker(expects)


def limit(violations: list[str]) -> list[str]:
    """At most ``_MAX_VIOLATIONS`` entries (a huge payload must not make a huge span)."""
    if len(violations) <= _MAX_VIOLATIONS:
        return violations
    return violations[:_MAX_VIOLATIONS]
