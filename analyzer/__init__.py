"""coordgap analyzer: ingest traces into DuckDB, attribute failed runs, compute
reliability figures as Polars frames."""

from __future__ import annotations
