"""The limits of one ``coordgap pull``: one table of options (CLI option, then
environment variable, then default) and the :class:`PullLimits` they resolve to.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Final

__all__ = [
    "MB",
    "OPTION",
    "PULL_OPTIONS",
    "PullError",
    "PullLimits",
    "PullOption",
    "parse_duration",
]

MB: Final = 1 << 20


class PullError(RuntimeError):
    """A backend could not be read; ``str()`` is one line for the user."""


def parse_duration(text: str, source: str = "lookback") -> timedelta:
    """``90s``, ``15m``, ``1h``, ``2d``, ``1w`` as a timedelta; ``source`` names the
    value in the error."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", text or "")
    if not match:
        raise PullError(f"{source} {text!r}: expected a number and s, m, h, d or w (e.g. 1h)")
    value, unit = float(match.group(1)), match.group(2)
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit]
    return timedelta(seconds=value * seconds)


@dataclass(frozen=True)
class PullOption:
    """One limit of a pull: its CLI option, its environment variable, its default."""

    name: str
    flag: str
    env: str
    default: str
    metavar: str
    help: str

    @property
    def where(self) -> str:
        """How the user sets it, for error messages."""
        return f"{self.flag} or {self.env}"


#: every limit of a pull: the CLI option wins over the variable, which wins over the default
PULL_OPTIONS: Final = (
    PullOption(
        "deadline", "--deadline", "COORDGAP_PULL_DEADLINE", "10m", "DURATION",
        "Give up when the whole pull takes longer than this (90s, 10m, 1h).",
    ),
    PullOption(
        "max_mb", "--max-mb", "COORDGAP_PULL_MAX_MB", "1024", "MB",
        "Give up when the pull has downloaded more than this many MB.",
    ),
    PullOption(
        "max_redirects", "--max-redirects", "COORDGAP_PULL_MAX_REDIRECTS", "5", "N",
        "Follow at most this many redirects per request (0: none).",
    ),
)  # fmt: skip
OPTION: Final = {option.name: option for option in PULL_OPTIONS}
"""The rows of :data:`PULL_OPTIONS` by name."""


def _whole(text: str, source: str, least: int) -> int:
    if not re.fullmatch(r"\s*\d+\s*", text) or int(text) < least:
        raise PullError(f"{source} {text!r}: expected a whole number of at least {least}")
    return int(text)


@dataclass(frozen=True)
class PullLimits:
    """The limits of one pull (see :data:`PULL_OPTIONS`)."""

    deadline_s: float = 600.0
    max_bytes: int = 1024 * MB
    max_redirects: int = 5
    #: no byte for this long on one connection: the request fails (within the deadline)
    read_timeout_s: float = 60.0

    @classmethod
    def resolve(
        cls, given: Mapping[str, str | None] | None = None, environ: Mapping[str, str] | None = None
    ) -> PullLimits:
        """Each limit from ``given`` (by option name), else its variable, else its
        default; a bad value raises :class:`PullError` naming where it came from."""
        env = os.environ if environ is None else environ
        text: dict[str, tuple[str, str]] = {}
        for option in PULL_OPTIONS:
            value = (given or {}).get(option.name)
            if value is not None:
                text[option.name] = (str(value), option.flag)
            elif env.get(option.env):
                text[option.name] = (env[option.env], option.env)
            else:
                text[option.name] = (option.default, option.flag)
        deadline = parse_duration(*text["deadline"]).total_seconds()
        if deadline <= 0:
            raise PullError(f"{text['deadline'][1]}: the deadline must be more than 0s")
        return cls(
            deadline_s=deadline,
            max_bytes=_whole(*text["max_mb"], least=1) * MB,
            max_redirects=_whole(*text["max_redirects"], least=0),
        )
