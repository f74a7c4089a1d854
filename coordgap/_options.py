"""Options and wording shared by every command: defined once, used everywhere.

``--db`` is one option with one help text whether a command reads the database
or creates it; the defaults (database, report path) and the hint that leads a
new user to ``coordgap demo`` live here too, so no command spells them its own way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
import rich.console

from analyzer.store import DEFAULT_DB

__all__ = [
    "Console",
    "DEFAULT_REPORT",
    "DEMO_HINT",
    "NO_DATA_HINT",
    "PULL_LIMIT",
    "db_option",
    "missing_db",
    "plural",
]

F = TypeVar("F", bound=Callable[..., object])

DEFAULT_REPORT = DEFAULT_DB.parent / "report.html"
"""Where `coordgap report` writes, and where `coordgap demo` writes by default."""

PULL_LIMIT = 1000
"""At most this many traces per `coordgap pull`, whatever the backend."""

DEMO_HINT = "try `coordgap demo` (a simulated pipeline, no setup)"
NO_DATA_HINT = f"{DEMO_HINT}, or `coordgap ingest FILE...` to read your own traces"


def db_option(func: F) -> F:
    """The ``--db FILE`` option of every command that reads or writes the database."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        help="The coordgap database (a DuckDB file; `ingest`, `pull` and `collect` create it).",
    )(func)


def missing_db(db: Path) -> click.ClickException:
    """The one-line error for a database that does not exist."""
    return click.ClickException(f"no database at {db}; {NO_DATA_HINT}")


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "run") -> "1 run"``, ``plural(3, "run") -> "3 runs"``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


class Console(rich.console.Console):
    """rich's console, except that a reader who closed the pipe early (``| head``)
    ends the command with exit 0 instead of rich's exit 1 (see ``coordgap.cli``)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError
