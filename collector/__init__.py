"""coordgap's OTLP receiver (``coordgap collect``): a small service of its own.

It accepts OTLP traces and logs over HTTP (``/v1/traces``, ``/v1/logs``; protobuf
or JSON, gzip, chunked) and gRPC, and appends each request whole to the local
store in the tracer's own format (docs/internals.md §2), fsynced before the client is told
it succeeded. It knows nothing of analysis; ``coordgap ingest`` reads its files.
Needs the ``coordgap[collect]`` extra (aiohttp, grpcio).

    from collector import Settings, run
    run(Settings(directory=Path(".coordgap/spans")))
"""

from __future__ import annotations

from collector.service import TOKEN_ENV, Settings, is_loopback, run, serve

__all__ = ["TOKEN_ENV", "Settings", "is_loopback", "run", "serve"]
