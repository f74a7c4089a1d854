"""OTLP protobuf: ``ExportTraceServiceRequest`` / ``TracesData`` (same wire form).

Both messages are ``repeated ResourceSpans resource_spans = 1``, so a file is
read one ResourceSpans at a time straight off the wire, never whole. Files of
length-delimited messages (a 4-byte big-endian size before each request, as
the Collector's file exporter writes with ``format: proto``) are read message
by message. Each ResourceSpans is decoded with opentelemetry-proto and goes
through the OTLP/JSON converter (protobuf JSON mapping: base64 ids, enum names).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Final

from google.protobuf.json_format import MessageToDict
from google.protobuf.message import DecodeError
from opentelemetry.proto.trace.v1.trace_pb2 import ResourceSpans

from analyzer.formats.common import FormatError, Row
from analyzer.formats.otlp_json import resource_spans_rows

__all__ = ["SOURCE", "read"]

SOURCE: Final = "otlp-proto"
_LEN = 2  # wire type of length-delimited fields
_CHUNK = 1 << 20
#: protobuf's own limit on a message's size
_MAX_MESSAGE = 2**31 - 1


class _Reader:
    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.offset = 0

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes (fewer at the end of the file), read a chunk at a time: a
        damaged length must not make the reader ask for more memory than the file has."""
        parts = []
        left = n
        while left > 0:
            data = self._stream.read(min(left, _CHUNK))
            if not data:
                break
            parts.append(data)
            left -= len(data)
        out = parts[0] if len(parts) == 1 else b"".join(parts)
        self.offset += len(out)
        return out

    def varint(self) -> int | None:
        shift = result = 0
        while True:
            byte = self.read(1)
            if not byte:
                if shift == 0:
                    return None
                raise EOFError
            result |= (byte[0] & 0x7F) << shift
            if not byte[0] & 0x80:
                return result
            shift += 7
            if shift > 63:
                raise ValueError("varint too long")


def _fields(path: str, reader: _Reader, limit: int | None) -> Iterator[tuple[int, bytes]]:
    """(offset, payload) of every ``resource_spans`` field up to ``limit`` bytes."""
    end = None if limit is None else reader.offset + limit
    while end is None or reader.offset < end:
        at = reader.offset
        try:
            tag = reader.varint()
            if tag is None:
                if end is not None:
                    raise EOFError
                return
            number, wire = tag >> 3, tag & 7
            if wire != _LEN:
                raise ValueError(f"field {number} has wire type {wire}")
            size = reader.varint()
            if size is None:
                raise EOFError
            if size > _MAX_MESSAGE:
                raise ValueError(f"field {number} of {size} bytes, past protobuf's 2 GiB")
        except (EOFError, ValueError) as exc:
            raise FormatError(
                path,
                f"byte {at}",
                f"expected an OTLP ExportTraceServiceRequest ({exc or 'truncated'})",
            ) from None
        payload = reader.read(size)
        if len(payload) != size:
            raise FormatError(
                path, f"byte {at}", f"expected {size} bytes of ResourceSpans, file ends"
            )
        if number == 1:
            yield at, payload


def read(path: str, stream: IO[bytes], *, delimited: bool = False) -> Iterator[Row]:
    """Rows of a protobuf file (one message, or length-delimited messages)."""
    reader = _Reader(stream)
    while True:
        limit = None
        if delimited:
            at = reader.offset
            head = reader.read(4)
            if not head:
                return
            if len(head) < 4:
                raise FormatError(path, f"byte {at}", "expected a 4-byte message length")
            limit = int.from_bytes(head, "big")
        for at, payload in _fields(path, reader, limit):
            try:
                message = ResourceSpans.FromString(payload)
            except DecodeError as exc:
                raise FormatError(
                    path, f"byte {at}", f"expected a ResourceSpans message ({exc})"
                ) from None

            def fail(expected: str, at: int = at) -> FormatError:
                return FormatError(path, f"byte {at}", expected)

            yield from resource_spans_rows(MessageToDict(message), fail)
        if not delimited:
            return
