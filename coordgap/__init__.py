"""coordgap: the command-line interface and the built-in demo pipeline."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
