"""coordgap analyzer: ingest traces into DuckDB, attribute failed runs, compute
reliability figures as Polars frames.

    import analyzer
    with analyzer.open(".coordgap/coordgap.duckdb") as store:
        store.ingest([".coordgap/spans"])
        analysis = store.analyze()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analyzer.formats.common import FormatError
from analyzer.store import IngestProgress, IngestResult, Store, open

if TYPE_CHECKING:
    from analyzer.analysis import Analysis

__all__ = ["Analysis", "FormatError", "IngestProgress", "IngestResult", "Store", "open"]


def __getattr__(name: str) -> Any:
    # analysis pulls in Polars and the rules; import it only when asked for.
    if name == "Analysis":
        from analyzer.analysis import Analysis

        return Analysis
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
