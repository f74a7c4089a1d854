"""The ``coordgap`` command line: a thin layer over the library.

Each area keeps its commands in its own module (``cli_<area>.py``) exposing a
``COMMANDS`` list; this module only assembles them. Commands turn expected
errors into :class:`click.ClickException` (one line, exit 1, no traceback).
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from coordgap import (
    __version__,
    cli_analyze,
    cli_collect,
    cli_demo,
    cli_export,
    cli_ingest,
    cli_report,
)


class _Group(click.Group):
    """The top-level group: a reader that closed the pipe early (``coordgap analyze
    | head -1``) ends the command quietly with exit 0, as ``cat`` does."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows up here, not at interpreter exit
            return result
        except BrokenPipeError:
            _silence_stdout()
            raise click.exceptions.Exit(0) from None


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so that flush
    # neither fails nor prints "Exception ignored ... BrokenPipeError".
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests capture stdout)
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coordgap")
def main() -> None:
    """coordgap: where does your multi-agent pipeline lose reliability?

    \b
    Typical session:
      coordgap demo              # a simulated pipeline, analyzed, with a report
      coordgap ingest            # read ./.coordgap/spans (or name trace files)
      coordgap analyze           # attribute every failed run to its root cause
      coordgap explain 4bf92f35  # one run as a tree (an id prefix will do)
      coordgap report            # the report: .coordgap/report.html
      coordgap check --max end_to_end=10%   # exit 1 past a bound (CI gate)
    """


for _module in (cli_ingest, cli_analyze, cli_report, cli_demo, cli_collect, cli_export):
    for _command in _module.COMMANDS:
        main.add_command(_command)
