"""The ``coordgap`` console script: the command line needs the ``analyze`` extra.

``pip install coordgap`` is the tracer alone (what a production service
carries); the command line runs the analyzer, report and dashboards, which
come with ``pip install 'coordgap[analyze]'``. Without them every command
prints one line saying what to install and exits 1, instead of a traceback.
"""

from __future__ import annotations

import importlib.util
import sys

__all__ = ["ANALYZE_MODULES", "main", "missing_modules"]

# import name of each distribution of the `analyze` extra (pyproject.toml)
ANALYZE_MODULES = (
    "click",
    "duckdb",
    "polars",
    "pyarrow",
    "plotly",
    "rich",
    "ijson",
    "grafana_foundation_sdk",
)
INSTALL_HINT = "pip install 'coordgap[analyze]'"


def missing_modules() -> list[str]:
    """The modules of the ``analyze`` extra that cannot be imported here."""
    missing = []
    for name in ANALYZE_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a parent package missing, or a None entry
            found = False
        if not found:
            missing.append(name)
    return missing


def main() -> None:
    missing = missing_modules()
    if missing:
        print(
            f"coordgap: the command line needs the analysis extra: {INSTALL_HINT} "
            f"(missing: {', '.join(missing)})",
            file=sys.stderr,
        )
        raise SystemExit(1)
    from coordgap.cli import main as cli_main

    cli_main()
