"""Sources the analyzer reads in place, beyond its own DuckDB store.

``open_source("clickhouse://USER@HOST:8123/DATABASE?table=otel_traces")`` or
``open_source("chdb://PATH")`` gives a :class:`ClickHouseSource` over the
OpenTelemetry Collector's ClickHouse exporter table; its ``analyze`` returns the
same :class:`analyzer.analysis.Analysis` as the DuckDB store does for the same spans.
"""

from __future__ import annotations

from analyzer.sources.clickhouse import ClickHouseSource, open_source
from analyzer.sources.engines import Engine, SourceURL, parse_url

__all__ = ["ClickHouseSource", "Engine", "SourceURL", "open_source", "parse_url"]
