"""The ``coordgap`` command line: a thin layer over the library.

Each area keeps its commands in its own module (``cli_<area>.py``) exposing a
``COMMANDS`` list; this module only assembles them. Commands turn expected
errors into :class:`click.ClickException` (one line, exit 1, no traceback).
"""

from __future__ import annotations

import click

from coordgap import __version__, cli_analyze, cli_demo, cli_export, cli_ingest, cli_report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coordgap")
def main() -> None:
    """coordgap: where does your multi-agent pipeline lose reliability?

    \b
    Typical session:
      coordgap demo                  # simulated pipeline -> spans -> analysis -> report
      coordgap ingest traces.json    # read traces from any supported format
      coordgap analyze               # attribute every failed run to its root cause
      coordgap report -o report.html # the reliability-leak report
    """


for _module in (cli_ingest, cli_analyze, cli_report, cli_demo, cli_export):
    for _command in _module.COMMANDS:
        main.add_command(_command)
