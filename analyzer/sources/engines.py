"""The one narrow interface between the analyzer and a ClickHouse engine.

:class:`Engine` is all the ClickHouse source needs: run a statement, run a query
and get Arrow back (optionally with small local tables sent along), insert Arrow
into a table. Two implementations: :class:`ChdbEngine` (chDB, the ClickHouse
engine in-process over a data directory: tests and single machines) and
:class:`ConnectEngine` (``clickhouse-connect`` over HTTP: servers and clusters).
Nothing else in the analyzer knows which one it holds.

Values reach SQL only as ClickHouse query parameters (``{name:Type}``, tables as
``{db:Identifier}.{table:Identifier}``); :func:`param_text` renders a Python value
in the text form ClickHouse parses for its declared type.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

import pyarrow as pa

__all__ = [
    "ChdbEngine",
    "ConnectEngine",
    "Engine",
    "PASSWORD_ENV",
    "SourceURL",
    "connect",
    "param_text",
    "parse_url",
]

#: environment variables read by :class:`ConnectEngine` (never the command line)
PASSWORD_ENV = "COORDGAP_CLICKHOUSE_PASSWORD"
SECURE_ENV = "COORDGAP_CLICKHOUSE_SECURE"
CA_CERT_ENV = "COORDGAP_CLICKHOUSE_CA_CERT"
VERIFY_ENV = "COORDGAP_CLICKHOUSE_VERIFY"

DEFAULT_TABLE = "otel_traces"
#: the exporter's logs table, read for GenAI message records when it exists
DEFAULT_LOGS_TABLE = "otel_logs"

#: session settings of an embedded chDB engine (fixed values of this module)
_CHDB_SETTINGS = {
    "max_bytes_before_external_group_by": 200_000_000,
    "max_bytes_before_external_sort": 200_000_000,
    "max_insert_block_size": 100_000,
    "min_insert_block_size_rows": 65_536,
    "min_insert_block_size_bytes": 32_000_000,
    # one pipeline: each extra thread holds its own aggregation and sort buffers
    "max_threads": 1,
}

#: the only names a query may give external tables (chDB binds them as locals)
EXTERNAL_NAMES = ("ids", "vals", "rows")
DEFAULT_DATABASE = "otel"


class Engine(Protocol):
    """What the ClickHouse source asks of an engine."""

    bytes_fetched: int
    """Arrow bytes received by :meth:`query_arrow` so far (what crossed the wire)."""

    def command(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> None:
        """Run a statement that returns nothing (DDL, INSERT ... SELECT)."""

    def query_arrow(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> pa.Table:
        """Run a query; ``external`` tables are readable in it as ``{ext_<name>}``
        placeholders (see :meth:`external_ref`)."""

    def query_blocks(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> Iterator[pa.Table]:
        """As :meth:`query_arrow`, a block at a time as the engine sends them (a
        large result never held whole)."""

    def external_ref(self, name: str) -> str:
        """How a query names the external table ``name`` on this engine."""

    def release_memory(self) -> None:
        """Return memory the engine freed to the system, where it runs in this process."""

    def close(self) -> None:
        """Release the engine (idempotent)."""


def param_text(value: Any) -> str:
    """A Python value as ClickHouse parses a query parameter of its type: strings
    raw, numbers as digits, lists as ``['a','b']`` literals (quoted, escaped)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, Sequence):
        return "[" + ",".join(_literal(v) for v in value) + "]"
    raise TypeError(f"cannot bind {type(value).__name__} as a ClickHouse parameter")


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    raise TypeError(f"cannot bind a list of {type(value).__name__}")


def _render(sql: str, external: Mapping[str, pa.Table] | None, ref: Any) -> str:
    for name in external or {}:
        sql = sql.replace("{ext_" + name + "}", ref(name))
    return sql


class ChdbEngine:
    """chDB over a data directory (created when missing). One session per engine;
    chDB allows one open path per process, so open it once and share it."""

    def __init__(self, path: str | os.PathLike[str]):
        try:
            from chdb import session
        except ImportError:  # pragma: no cover - depends on the environment
            raise ValueError(
                "chdb:// needs the chDB engine: pip install 'coordgap[clickhouse]' chdb"
            ) from None
        self.path = str(path)
        self._session = session.Session(self.path)
        # chDB runs inside coordgap's process: let large GROUP BYs and sorts spill to
        # disk rather than grow the process (a server keeps its own settings)
        for name, value in _CHDB_SETTINGS.items():
            self._session.query(f"SET {name} = {int(value)}", "Null")
        self.bytes_fetched = 0

    def _send(
        self,
        sql: str,
        fmt: str,
        params: Mapping[str, Any] | None,
        external: Mapping[str, pa.Table] | None,
        stream: bool = False,
    ) -> Any:
        """The one place a statement reaches chDB. Its ``Python(cg_ext_<name>)``
        table function reads a pyarrow table by variable name from this frame."""
        external = dict(external or {})
        cg_ext_ids = external.get("ids")  # noqa: F841 - read by chDB's Python(cg_ext_ids)
        cg_ext_vals = external.get("vals")  # noqa: F841 - read by Python(cg_ext_vals)
        cg_ext_rows = external.get("rows")  # noqa: F841 - read by Python(cg_ext_rows)
        send = self._session.send_query if stream else self._session.query
        return send(_render(sql, external, self.external_ref), fmt, params=_params(params))

    def command(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> None:
        self._send(sql, "Null", params, external)

    def external_ref(self, name: str) -> str:
        # chDB's Python() table function reads a pyarrow table by variable name
        # from the frame that runs the query (:meth:`_send`)
        if name not in EXTERNAL_NAMES:
            raise ValueError(f"unknown external table {name!r}")
        return f"Python(cg_ext_{name})"

    def query_arrow(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> pa.Table:
        return self._read(self._send(sql, "ArrowStream", params, external).bytes())

    def query_blocks(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> Iterator[pa.Table]:
        with self._send(sql, "ArrowStream", params, external, stream=True) as stream:
            for chunk in stream:
                yield self._read(chunk.bytes())

    def _read(self, data: bytes) -> pa.Table:
        self.bytes_fetched += len(data)
        return pa.ipc.open_stream(pa.BufferReader(data)).read_all()

    def release_memory(self) -> None:
        # the engine runs in this process: hand freed memory back to the system
        # before the local part of the analysis grows
        try:
            self._session.query("SYSTEM JEMALLOC PURGE", "Null")
        except Exception:  # noqa: BLE001 - a build without jemalloc has nothing to purge
            pass

    def close(self) -> None:
        try:
            self._session.close()
        except Exception:  # noqa: BLE001 - closing twice or after a failed open
            pass


class ConnectEngine:
    """A ClickHouse server through ``clickhouse-connect`` (HTTP). The password
    comes from ``$COORDGAP_CLICKHOUSE_PASSWORD``; TLS from ``$COORDGAP_CLICKHOUSE_SECURE``
    (1/true), ``$COORDGAP_CLICKHOUSE_CA_CERT`` and ``$COORDGAP_CLICKHOUSE_VERIFY`` (0 to
    skip verification)."""

    def __init__(self, host: str, port: int, user: str, database: str):
        try:
            import clickhouse_connect
        except ImportError:  # pragma: no cover - depends on the environment
            raise ValueError(
                "clickhouse:// needs the ClickHouse driver: pip install 'coordgap[clickhouse]'"
            ) from None
        secure = os.environ.get(SECURE_ENV, "").lower() in ("1", "true", "yes")
        kwargs: dict[str, Any] = {
            "host": host,
            "port": port,
            "username": user,
            "password": os.environ.get(PASSWORD_ENV, ""),
            "database": database,
            "secure": secure,
            "verify": os.environ.get(VERIFY_ENV, "1").lower() not in ("0", "false", "no"),
        }
        if os.environ.get(CA_CERT_ENV):
            kwargs["ca_cert"] = os.environ[CA_CERT_ENV]
        self._client = clickhouse_connect.get_client(**kwargs)
        self.bytes_fetched = 0

    def command(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> None:
        args = self._args(sql, params, external)
        self._client.command(args.pop("query"), **args)

    def external_ref(self, name: str) -> str:
        return f"cg_ext_{name}"

    def query_arrow(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> pa.Table:
        result = self._client.query_arrow(**self._args(sql, params, external))
        self.bytes_fetched += result.nbytes
        return result

    def query_blocks(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        external: Mapping[str, pa.Table] | None = None,
    ) -> Iterator[pa.Table]:
        with self._client.query_arrow_stream(**self._args(sql, params, external)) as stream:
            for block in stream:
                is_batch = isinstance(block, pa.RecordBatch)
                table = pa.Table.from_batches([block]) if is_batch else block
                self.bytes_fetched += table.nbytes
                yield table

    def _args(
        self, sql: str, params: Mapping[str, Any] | None, external: Mapping[str, pa.Table] | None
    ) -> dict[str, Any]:
        return {
            "query": _render(sql, external, self.external_ref),
            "parameters": _params(params),
            "external_data": _external_data(external),
        }

    def release_memory(self) -> None:
        """Nothing to do: the server's memory is not this process's."""

    def close(self) -> None:
        self._client.close()


def _external_data(external: Mapping[str, pa.Table] | None) -> Any:
    """Local tables sent along with a query (ClickHouse's external data), as Arrow."""
    if not external:
        return None
    from clickhouse_connect.driver.external import ExternalData

    data = None
    for name, table in external.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        part = {
            "file_name": f"cg_ext_{name}",
            "data": sink.getvalue().to_pybytes(),
            "fmt": "ArrowStream",
            "structure": ", ".join(f"{f.name} {_ch_type(f.type)}" for f in table.schema),
        }
        if data is None:
            data = ExternalData(**part)
        else:
            data.add_file(**part)
    return data


def _ch_type(t: pa.DataType) -> str:
    """The ClickHouse type of an Arrow column type this package sends."""
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "String"
    if pa.types.is_int64(t):
        return "Int64"
    if pa.types.is_float64(t):
        return "Float64"
    if pa.types.is_boolean(t):
        return "Bool"
    if pa.types.is_map(t):
        return f"Map({_ch_type(t.key_type)}, {_ch_type(t.item_type)})"
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return f"Array({_ch_type(t.value_type)})"
    raise TypeError(f"no ClickHouse type for Arrow {t}")


def _params(params: Mapping[str, Any] | None) -> dict[str, str] | None:
    return {k: param_text(v) for k, v in params.items()} if params else None


class SourceURL:
    """A parsed ``clickhouse://USER@HOST:PORT/DATABASE?table=T`` or ``chdb://PATH?table=T``
    (``&logs_table=L``: ``logs_table`` None reads ``otel_logs`` only when it exists)."""

    def __init__(
        self, scheme: str, *, path: str = "", host: str = "", port: int = 8123,
        user: str = "default", database: str = DEFAULT_DATABASE, table: str = DEFAULT_TABLE,
        logs_table: str | None = None,
    ):  # fmt: skip
        self.scheme, self.path, self.host, self.port = scheme, path, host, port
        self.user, self.database, self.table = user, database, table
        self.logs_table = logs_table

    def __str__(self) -> str:
        if self.scheme == "chdb":
            return f"chdb://{self.path}"
        return f"clickhouse://{self.user}@{self.host}:{self.port}/{self.database}"


def parse_url(url: str) -> SourceURL:
    """Parse a source URL. Raises ValueError naming what was wrong; a password in
    the URL is refused (it belongs in the environment)."""
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    table = query.pop("table", DEFAULT_TABLE)
    database = query.pop("database", "")
    logs_table = query.pop("logs_table", None)
    if query:
        raise ValueError(
            f"{url}: unknown option(s) {', '.join(sorted(query))} (only table=, logs_table=)"
        )
    if parts.scheme == "chdb":
        path = unquote(parts.netloc + parts.path)
        if not path:
            raise ValueError(f"{url}: chdb:// needs a data directory, e.g. chdb://./traces.chdb")
        return SourceURL(
            "chdb", path=path, database=database or DEFAULT_DATABASE, table=table,
            logs_table=logs_table,
        )  # fmt: skip
    if parts.scheme in ("clickhouse", "clickhouses"):
        if parts.password is not None:
            raise ValueError(f"{url}: no password in the URL; set ${PASSWORD_ENV} instead")
        if not parts.hostname:
            raise ValueError(f"{url}: no host; expected clickhouse://USER@HOST:8123/DATABASE")
        db = parts.path.strip("/") or database or DEFAULT_DATABASE
        if parts.scheme == "clickhouses":
            os.environ.setdefault(SECURE_ENV, "1")
        return SourceURL(
            "clickhouse", host=parts.hostname, port=parts.port or 8123,
            user=unquote(parts.username or "default"), database=db, table=table,
            logs_table=logs_table,
        )  # fmt: skip
    raise ValueError(f"{url}: expected clickhouse://USER@HOST:8123/DATABASE or chdb://PATH")


_CHDB_SESSIONS: dict[str, ChdbEngine] = {}


def connect(url: SourceURL) -> Engine:
    """An engine for ``url``. chDB engines are shared per path within a process
    (chDB holds one data directory open at a time)."""
    if url.scheme == "chdb":
        key = os.path.abspath(url.path)
        engine = _CHDB_SESSIONS.get(key)
        if engine is None:
            for other in _CHDB_SESSIONS.values():
                other.close()
            _CHDB_SESSIONS.clear()
            engine = _CHDB_SESSIONS[key] = ChdbEngine(key)
        return engine
    return ConnectEngine(url.host, url.port, url.user, url.database)
