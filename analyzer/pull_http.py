"""The one HTTP GET every ``coordgap pull`` goes through, under the pull's limits.

A :class:`Fetcher` is one pull: its deadline starts when it is entered and a
watchdog shuts its sockets when the deadline passes (so a server dripping bytes,
in the headers or the body, cannot hold it); every byte downloaded counts
against one cap; redirects are followed by hand, at most ``max_redirects`` per
request, only to ``http``/``https``, and the configured headers (credentials,
cookies, keys) go only to the origin (scheme, host, port) of the URL asked for.
Every failure is a :class:`PullError` whose ``str()`` is one line naming the URL
(its query and any user info left out); no other exception leaves ``save`` or
``json_file``, and a pull that fails leaves none of its files behind. Bodies
are never held in memory: they go to files, and JSON is read back as a stream.

The standard library's client is used (``urllib.request`` over ``http.client``):
it honours the usual proxy variables, and the analyze extra needs no other.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Final

import ijson

from analyzer.pull_limits import MB, OPTION, PullError, PullLimits

__all__ = ["Fetcher"]

_CHUNK: Final = 1 << 16
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_SCHEMES: Final = ("http", "https")
_TOKEN: Final = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 field names
_AUTH_HINT: Final = " (auth headers come from COORDGAP_PULL_HEADERS)"


def _shown(url: str) -> str:
    """``url`` for messages: no query, no user info."""
    parts = urllib.parse.urlsplit(url)
    if not (parts.scheme and parts.netloc):
        return url.split("?", 1)[0]
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    try:
        port = parts.port or default
    except ValueError:
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _one_line(text: object, limit: int = 160) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _human_seconds(seconds: float) -> str:
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"


class _Watchdog:
    """Shuts the connections of a pull when its deadline passes, so no blocked read
    (TLS handshake, headers or body) outlives it; ``fired`` says it happened.

    It holds a duplicate of each connection's socket: shutting that down ends the
    connection for every descriptor, including the TLS socket wrapped around it
    (which detaches the original). :meth:`release` closes the duplicates."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer: threading.Timer | None = None
        self.fired = False

    def arm(self, seconds: float) -> None:
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self.release()

    def track(self, sock: socket.socket) -> None:
        duplicate = sock.dup()
        with self._lock:
            self._sockets.append(duplicate)
            fired = self.fired
        if fired:
            _shut(duplicate)

    def release(self) -> None:
        """Close the duplicates of connections that are done."""
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            sock.close()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def connection(self, base: type[http.client.HTTPConnection]) -> Callable[..., Any]:
        """``base`` whose connections this watchdog tracks (for ``do_open``)."""
        watchdog = self

        class Tracked(base):  # type: ignore[valid-type,misc]  # a class chosen at runtime
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                # the socket as soon as it exists, before any TLS handshake:
                # http.client's one hook for it (an attribute since Python 3.4)
                create: Callable[..., socket.socket]
                create = self._create_connection  # type: ignore[has-type]  # untyped in typeshed

                def tracked(*args: Any, **kwargs: Any) -> socket.socket:
                    sock = create(*args, **kwargs)
                    watchdog.track(sock)
                    return sock

                self._create_connection = tracked

        return Tracked


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing to stop
        sock.shutdown(socket.SHUT_RDWR)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses: :class:`Fetcher` follows them itself."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._connection = watchdog.connection(http.client.HTTPConnection)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(context=self._tls)
        self._connection = watchdog.connection(http.client.HTTPSConnection)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=self._tls)


class Fetcher:
    """One pull's GETs: ``json(url)`` and ``save(url, path)`` under ``limits``.

    Use as a context manager: entering starts the deadline; leaving with an
    exception removes every file :meth:`save` or :meth:`write_json` wrote.
    ``headers`` (credentials) go only to the origin of each URL asked for."""

    def __init__(
        self,
        headers: Mapping[str, str],
        limits: PullLimits | None = None,
        *,
        auth_hint: str = _AUTH_HINT,
    ) -> None:
        self.limits = limits or PullLimits.resolve()
        self._headers = _checked(headers)
        self._auth_hint = auth_hint
        self._spent = 0
        self._ends = time.monotonic() + self.limits.deadline_s
        self._watchdog = _Watchdog()
        self._opener = urllib.request.build_opener(
            _NoRedirects(), _HTTP(self._watchdog), _HTTPS(self._watchdog)
        )
        self._files: list[Path] = []

    def __enter__(self) -> Fetcher:
        self._ends = time.monotonic() + self.limits.deadline_s
        self._watchdog.arm(self.limits.deadline_s)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._watchdog.disarm()
        if kind is not None:
            for path in self._files:
                path.unlink(missing_ok=True)

    @contextlib.contextmanager
    def json_file(self, url: str, path: Path) -> Iterator[_Reader]:
        """Save the body of ``url`` to ``path`` (as :meth:`save`) and yield it open
        for a streaming parser (``ijson``): its reads stop at the deadline, and a
        body that is not JSON is a :class:`PullError` naming ``url``."""
        self.save(url, path)
        shown = _shown(url)
        try:
            with path.open("rb") as stream:
                yield _Reader(stream, lambda: self._remaining(shown))
        except ijson.JSONError as exc:
            raise PullError(f"{shown}: expected a JSON response ({_one_line(exc, 80)})") from None
        except UnicodeDecodeError:
            raise PullError(f"{shown}: expected a JSON response (not UTF-8)") from None

    def save(self, url: str, path: Path) -> None:
        """Stream the body of ``url`` into ``path`` (counted against the cap). Every
        backend answers JSON: a body that starts otherwise (gzip, which ingest would
        inflate past the cap, HTML, binary) is refused."""
        self._files.append(path)
        done = False
        try:
            with self._guard(url) as shown, self._open(url) as (response, final):
                with path.open("wb") as out:
                    started = False
                    for chunk in self._chunks(response, final):
                        started = started or _json_start(chunk, shown)
                        out.write(chunk)
            done = True
        finally:
            if not done:
                path.unlink(missing_ok=True)

    def own(self, path: Path) -> Path:
        """``path``, made a file of this pull (removed if the pull fails)."""
        self._files.append(path)
        return path

    # -- internals ---------------------------------------------------------------------------
    def _remaining(self, shown: str) -> float:
        left = self._ends - time.monotonic()
        if left <= 0 or self._watchdog.fired:
            raise self._past_deadline(shown)
        return left

    def _past_deadline(self, shown: str) -> PullError:
        option = OPTION["deadline"]
        return PullError(
            f"{shown}: no complete answer within the pull's deadline of "
            f"{_human_seconds(self.limits.deadline_s)} ({option.where})"
        )

    def _over_cap(self, shown: str) -> PullError:
        option = OPTION["max_mb"]
        return PullError(
            f"{shown}: the pull would download more than {self.limits.max_bytes // MB} MB "
            f"({option.where})"
        )

    @contextlib.contextmanager
    def _guard(self, url: str) -> Iterator[str]:
        """Every failure of one GET as one :class:`PullError` line."""
        shown = _shown(url)
        try:
            yield shown
        except PullError:
            raise
        except Exception as exc:
            if self._watchdog.fired:
                raise self._past_deadline(shown) from None
            raise PullError(f"{shown}: {_describe(exc)}") from None

    @contextlib.contextmanager
    def _open(self, url: str) -> Iterator[tuple[http.client.HTTPResponse, str]]:
        """The final response of ``url`` after redirects, and the URL it came from."""
        current, came_from = url, None
        for _hop in range(self.limits.max_redirects + 1):
            self._check_scheme(current, came_from)
            same_origin = _origin(current) == _origin(url)
            headers = {"Accept": "application/json", **(self._headers if same_origin else {})}
            request = urllib.request.Request(current, headers=headers)
            # the watchdog ends the pull at its deadline; the socket's own timeout
            # (padded past the deadline so the watchdog wins) only ends idle ones
            left = self._remaining(_shown(current))
            timeout = min(self.limits.read_timeout_s, left + 1.0)
            try:
                response = self._opener.open(request, timeout=timeout)
            except urllib.error.HTTPError as exc:
                location = exc.headers.get("Location") if exc.code in _REDIRECTS else None
                if exc.fp is not None:
                    exc.close()
                self._watchdog.release()
                if location is None:
                    raise self._http_error(exc, current, came_from) from None
                came_from = came_from or url
                current = urllib.parse.urljoin(current, location.strip())
                continue
            try:
                with response:
                    yield response, current
            finally:
                self._watchdog.release()
            return
        option = OPTION["max_redirects"]
        raise PullError(
            f"{_shown(url)}: more than {self.limits.max_redirects} redirects ({option.where})"
        )

    @staticmethod
    def _check_scheme(current: str, came_from: str | None) -> None:
        parts = urllib.parse.urlsplit(current)
        try:
            valid = parts.scheme.lower() in _SCHEMES and bool(parts.hostname) and parts.port != 0
        except ValueError:  # a port that is not a number
            valid = False
        if valid:
            return
        if came_from is None:
            raise PullError(f"{_shown(current)}: expected an http:// or https:// URL with a host")
        raise PullError(f"{_shown(came_from)}: refused a redirect to {parts.scheme}: URL")

    def _http_error(
        self, exc: urllib.error.HTTPError, current: str, came_from: str | None
    ) -> PullError:
        hint = self._auth_hint if exc.code in (401, 403) else ""
        if came_from and _origin(came_from) != _origin(current):
            hint = f" (redirected from {_shown(came_from)}; credentials go only to that origin)"
        reason = _one_line(exc.reason, 80)
        return PullError(f"{_shown(current)}: HTTP {exc.code} {reason}{hint}")

    def _chunks(self, response: http.client.HTTPResponse, url: str) -> Iterator[bytes]:
        """The body in chunks, each counted against the cap, none past the deadline."""
        shown = _shown(url)
        text = (response.getheader("Content-Length") or "").strip()
        declared = int(text) if text.isdigit() else None
        if declared is not None and self._spent + declared > self.limits.max_bytes:
            raise self._over_cap(shown)
        got = 0
        while True:
            self._remaining(shown)
            chunk = response.read1(_CHUNK)
            self._remaining(shown)  # a read cut short by the watchdog is no end of body
            if not chunk:
                if declared is not None and got < declared:
                    raise PullError(f"{shown}: the reply ended early ({got} of {declared} bytes)")
                return
            got += len(chunk)
            self._spent += len(chunk)
            if self._spent > self.limits.max_bytes:
                raise self._over_cap(shown)
            yield chunk


def _checked(headers: Mapping[str, str]) -> dict[str, str]:
    """``headers`` if each can be sent as it is; else a :class:`PullError` naming
    the header, never its value (a credential)."""
    for name, value in headers.items():
        if not _TOKEN.fullmatch(name):
            raise PullError(f"header {name!r} from the environment: not a valid header name")
        if any((ord(c) < 32 and c != "\t") or ord(c) == 127 or ord(c) > 255 for c in value):
            raise PullError(
                f"header {name!r} from the environment: its value has a control character "
                "or one outside Latin-1"
            )
    return dict(headers)


def _json_start(chunk: bytes, shown: str) -> bool:
    """Whether ``chunk`` starts the body (not only whitespace); raises unless it
    starts a JSON object or array."""
    head = chunk.lstrip()[:1]
    if head and head not in (b"{", b"["):
        raise PullError(f"{shown}: expected a JSON response, got {head!r}...")
    return bool(head)


class _Reader:
    """A binary file whose every read first checks the pull's deadline."""

    def __init__(self, stream: BinaryIO, check: Callable[[], object]) -> None:
        self._stream = stream
        self._check = check

    def read(self, size: int = -1) -> bytes:
        self._check()
        return self._stream.read(size)

    def seek(self, offset: int) -> int:
        return self._stream.seek(offset)


def _describe(exc: Exception) -> str:
    """One line for a failed GET: what the peer did, never a traceback."""
    if isinstance(exc, urllib.error.URLError):
        return f"cannot connect ({_one_line(exc.reason, 120)})"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without a reply"
    if isinstance(exc, http.client.IncompleteRead):
        return f"the reply ended early ({len(exc.partial)} bytes read, more expected)"
    if isinstance(exc, http.client.BadStatusLine):
        return "not an HTTP reply"
    if isinstance(exc, http.client.InvalidURL):
        return f"invalid URL ({_one_line(exc, 100)})"
    if isinstance(exc, http.client.HTTPException):
        return f"not a valid HTTP reply ({_one_line(exc, 100)})"
    if isinstance(exc, TimeoutError):
        return "no reply within the read timeout"
    if isinstance(exc, OSError):
        return _one_line(exc.strerror or exc, 120)
    return f"{type(exc).__name__}: {_one_line(exc, 120)}"
