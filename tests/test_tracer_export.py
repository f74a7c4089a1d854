"""Exporters: the local store (format, several processes, exit flush, crashes),
OTLP against an unreachable endpoint, and configuration resolution."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.sdk.trace import TracerProvider

import tracer
from tracer import _runtime
from tracer.store_format import FILE_GLOB
from tracer.testing import preserve_state

REPO = Path(__file__).resolve().parents[1]


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COORDGAP_", "OTEL_"))}
    env.pop("PYTEST_CURRENT_TEST", None)
    env.update(extra)
    return env


def run_py(code: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


PIPELINE = """
import tracer

@tracer.agent("writer")
def write(i):
    return i

@tracer.workflow("teaser")
def run(n):
    for i in range(n):
        write(i)
    with tracer.handoff("writer", "editor", {"text": "x"}, expects=["text", "tone"]):
        pass

run({n})
"""


def read_lines(directory: Path) -> list[dict[str, Any]]:
    files = sorted(directory.glob(FILE_GLOB))
    return [json.loads(line) for f in files for line in f.read_text().splitlines()]


def all_spans(requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        span
        for request in requests
        for rs in request["resourceSpans"]
        for ss in rs["scopeSpans"]
        for span in ss["spans"]
    ]


def test_default_writes_otlp_json_lines_and_flushes_at_exit(tmp_path: Path) -> None:
    """No configure(): the first span sets up the local store; exit flushes it."""
    store = tmp_path / "spans"
    result = run_py(PIPELINE.replace("{n}", "3"), child_env(COORDGAP_PATH=str(store)))
    assert result.returncode == 0, result.stderr
    files = list(store.glob("*.jsonl"))
    assert len(files) == 1
    assert re.fullmatch(r"spans-[A-Za-z0-9_.-]+-\d+-\d+\.jsonl", files[0].name)
    requests = read_lines(store)
    assert all(set(r) == {"resourceSpans"} for r in requests)
    spans = all_spans(requests)
    assert sorted(s["name"] for s in spans) == sorted(
        ["invoke_workflow teaser", "handoff writer -> editor"] + ["invoke_agent writer"] * 3
    )
    for span in spans:
        assert re.fullmatch(r"[0-9a-f]{32}", span["traceId"])
        assert re.fullmatch(r"[0-9a-f]{16}", span["spanId"])
        assert span["kind"] == 1
        assert isinstance(span["startTimeUnixNano"], str) and span["startTimeUnixNano"].isdigit()
        assert int(span["endTimeUnixNano"]) >= int(span["startTimeUnixNano"])
    handoff = next(s for s in spans if s["name"].startswith("handoff"))
    attrs = {a["key"]: a["value"] for a in handoff["attributes"]}
    assert attrs["coordgap.handoff.violations"] == {
        "arrayValue": {"values": [{"stringValue": "missing_key: tone"}]}
    }
    assert attrs["coordgap.handoff.violation_count"] == {"intValue": "1"}
    root = next(s for s in spans if s["name"] == "invoke_workflow teaser")
    assert "parentSpanId" not in root and root["status"] == {}
    assert all(s["parentSpanId"] == root["spanId"] for s in spans if s is not root)


def test_several_processes_write_at_once(tmp_path: Path) -> None:
    """Four processes share one folder: four files, every line whole, no span lost."""
    store = tmp_path / "spans"
    env = child_env(COORDGAP_PATH=str(store))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(PIPELINE.replace("{n}", "300"))],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(4)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    assert len(list(store.glob("*.jsonl"))) == 4
    spans = all_spans(read_lines(store))
    assert len(spans) == 4 * (300 + 2)
    assert len({(s["traceId"], s["spanId"]) for s in spans}) == len(spans)


def test_a_crash_loses_at_most_the_torn_last_line(tmp_path: Path) -> None:
    """SIGKILL mid-stream: every complete line parses; only the last may be torn."""
    store = tmp_path / "spans"
    code = """
    import tracer
    tracer.configure()
    big = {"text": "x" * 20000}
    i = 0
    while True:
        with tracer.handoff("writer", "editor", big):
            pass
        i += 1
        if i % 20 == 0:
            tracer.flush()
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=child_env(COORDGAP_PATH=str(store)),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            files = list(store.glob("*.jsonl"))
            if files and files[0].read_bytes().count(b"\n") >= 5:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the writer produced no lines")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    data = files[0].read_bytes()
    lines = data.split(b"\n")
    complete, last = lines[:-1], lines[-1]
    assert len(complete) >= 5
    for line in complete:
        assert json.loads(line)["resourceSpans"]
    if last:  # torn: must not parse as a whole request
        with pytest.raises(json.JSONDecodeError):
            json.loads(last)


def test_an_application_provider_is_used_not_replaced(tmp_path: Path) -> None:
    """A TracerProvider set by the application before the first span stays in charge."""
    code = """
    import json
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    import tracer

    exporter = InMemorySpanExporter()
    app = TracerProvider()
    app.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(app)

    @tracer.agent("writer")
    def write():
        return 1

    write()
    print(json.dumps({
        "same_provider": trace.get_tracer_provider() is app,
        "names": [s.name for s in exporter.get_finished_spans()],
    }))
    """
    store = tmp_path / "spans"
    result = run_py(code, child_env(COORDGAP_PATH=str(store)))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"same_provider": True, "names": ["invoke_agent writer"]}
    assert not store.exists()


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


UNREACHABLE = """
import sys, time
import tracer

@tracer.agent("writer")
def write(i):
    return i

start = time.perf_counter()
for i in range(500):
    write(i)
calls = time.perf_counter() - start
print(f"calls {calls:.3f}", flush=True)
print(f"done {time.time():.6f}", flush=True)
"""


@pytest.mark.parametrize("protocol", ["http/protobuf", "grpc"])
def test_unreachable_otlp_endpoint_does_not_hold_the_exit(protocol: str) -> None:
    """A closed port: calls proceed, exit gives up on the flush, drops reported once.

    The bound (5 s from the last call to process exit) is a correctness check
    of the timeout wiring (the flush gives up after 2 s; the SDK's own would
    wait up to 30 s), not a speed claim.
    """
    port = closed_port()
    env = child_env(
        OTEL_EXPORTER_OTLP_PROTOCOL=protocol,
        OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{port}",
    )
    if protocol == "grpc":  # over HTTP the standard variables alone select OTLP
        env["COORDGAP_EXPORTER"] = "otlp"
    result = run_py(UNREACHABLE, env, timeout=60)
    exited = time.time()
    assert result.returncode == 0, result.stderr
    done = float(re.search(r"done ([\d.]+)", result.stdout).group(1))  # type: ignore[union-attr]
    assert exited - done < 5.0, f"exit took {exited - done:.1f} s after the last call"
    reports = re.findall(r"coordgap: (\d+) of (\d+) spans were not delivered", result.stderr)
    assert len(reports) == 1, result.stderr
    dropped, ended = map(int, reports[0])
    assert ended == 500 and dropped == 500


def test_reconfigure_switches_the_store_and_shutdown_counts(tmp_path: Path) -> None:
    """configure() again moves later spans to the new store; shutdown() returns counts."""
    code = f"""
    import json
    import tracer

    @tracer.agent("writer")
    def write():
        return 1

    tracer.configure(path={str(tmp_path / "a")!r})
    for _ in range(3):
        write()
    tracer.configure(path={str(tmp_path / "b")!r}, service_name="second")
    for _ in range(5):
        write()
    print(json.dumps(tracer.shutdown()))
    """
    result = run_py(code, child_env())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"ended": 5, "exported": 5, "dropped": 0}
    assert len(all_spans(read_lines(tmp_path / "a"))) == 3
    second = read_lines(tmp_path / "b")
    assert len(all_spans(second)) == 5
    resource = second[0]["resourceSpans"][0]["resource"]["attributes"]
    assert {"key": "service.name", "value": {"stringValue": "second"}} in resource


def test_settings_resolve_argument_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each setting: the argument wins, then COORDGAP_* (or OTEL_SERVICE_NAME), then default."""
    for name in (
        "COORDGAP_SERVICE_NAME",
        "OTEL_SERVICE_NAME",
        "COORDGAP_EXPORTER",
        "COORDGAP_PATH",
        "COORDGAP_CAPTURE_CONTENT",
        "COORDGAP_ENABLED",
        "COORDGAP_MAX_CONTENT_LENGTH",
        "COORDGAP_REDACT",
        "COORDGAP_ENDPOINT",
        "OTEL_TRACES_EXPORTER",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    ):
        monkeypatch.delenv(name, raising=False)
    with preserve_state():
        defaults = tracer.configure(tracer_provider=TracerProvider())
        assert (defaults.exporter, defaults.capture_content, defaults.enabled) == (
            "local",
            False,
            True,
        )
        assert defaults.path == (Path.cwd() / ".coordgap" / "spans")
        assert defaults.max_content_length == 2048 and defaults.service_name is None
        monkeypatch.setenv("OTEL_SERVICE_NAME", "from-otel")
        monkeypatch.setenv("COORDGAP_PATH", str(tmp_path))
        monkeypatch.setenv("COORDGAP_CAPTURE_CONTENT", "true")
        monkeypatch.setenv("COORDGAP_MAX_CONTENT_LENGTH", "64")
        monkeypatch.setenv("COORDGAP_REDACT", "os.path:basename")
        from_env = tracer.configure(tracer_provider=TracerProvider())
        assert from_env.service_name == "from-otel"
        assert from_env.path == tmp_path and from_env.capture_content is True
        assert from_env.max_content_length == 64 and from_env.redact is os.path.basename
        monkeypatch.setenv("COORDGAP_SERVICE_NAME", "from-coordgap")
        assert tracer.configure(tracer_provider=TracerProvider()).service_name == "from-coordgap"
        explicit = tracer.configure(
            service_name="arg", capture_content=False, tracer_provider=TracerProvider()
        )
        assert explicit.service_name == "arg" and explicit.capture_content is False
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
        assert tracer.configure(tracer_provider=TracerProvider()).exporter == "otlp"
        monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console,otlp")
        assert tracer.configure(tracer_provider=TracerProvider()).exporter == "console"
        monkeypatch.setenv("COORDGAP_EXPORTER", "local")
        assert tracer.configure(tracer_provider=TracerProvider()).exporter == "local"
        monkeypatch.setenv("COORDGAP_ENABLED", "0")
        assert tracer.configure(tracer_provider=TracerProvider()).enabled is False
        assert _runtime.current.enabled is False


def test_unsupported_otlp_protocol_is_a_setup_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """OTLP/JSON over HTTP is not offered by the Python exporters: say so at configure."""
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")
    with preserve_state(), pytest.raises(ValueError, match="http/json"):
        tracer.configure(tracer_provider=TracerProvider(), exporter="otlp")


def test_console_and_instance_exporters() -> None:
    """exporter="console" builds the SDK console exporter; an instance is used as given."""
    import io

    from opentelemetry.sdk.trace.export import ConsoleSpanExporter

    from tracer._export import build_exporter

    built, label = build_exporter("console", path=".", endpoint=None)
    assert isinstance(built, ConsoleSpanExporter) and label == "console"
    out = io.StringIO()
    provider = TracerProvider(shutdown_on_exit=False)
    with preserve_state():
        tracer.configure(tracer_provider=provider, exporter=ConsoleSpanExporter(out=out))
        with tracer.agent("printed"):
            pass
        assert tracer.flush()
    provider.shutdown()
    assert '"name": "invoke_agent printed"' in out.getvalue()


def test_exporter_added_to_an_application_provider_is_also_bounded_at_exit() -> None:
    """configure(exporter="otlp") on the application's provider: same 2 s exit deadline."""
    code = """
    import time
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    import tracer

    trace.set_tracer_provider(TracerProvider())  # the application's, with the SDK exit hook
    tracer.configure(exporter="otlp")

    @tracer.agent("writer")
    def write():
        return 1

    for _ in range(100):
        write()
    print(f"done {time.time():.6f}", flush=True)
    """
    env = child_env(OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{closed_port()}")
    result = run_py(code, env)
    exited = time.time()
    assert result.returncode == 0, result.stderr
    done = float(re.search(r"done ([\d.]+)", result.stdout).group(1))  # type: ignore[union-attr]
    assert exited - done < 5.0, f"exit took {exited - done:.1f} s after the last call"
    assert len(re.findall(r"100 of 100 spans were not delivered", result.stderr)) == 1
