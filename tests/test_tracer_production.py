"""The tracer as a dependency of production services: install layers, the
command without the analysis extra, gRPC without its extra, internal errors
raised only when asked, and one integration API over one runtime object."""

from __future__ import annotations

import ast
import logging
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from opentelemetry.sdk.trace import TracerProvider

import tracer
from tracer import _guard, _runtime
from tracer.testing import Captured, capture, preserve_state, raise_internal_errors, runtime

REPO = Path(__file__).resolve().parents[1]
ANALYZE_STACK = (
    "duckdb",
    "polars",
    "pyarrow",
    "plotly",
    "click",
    "rich",
    "ijson",
    "grafana_foundation_sdk",
    "grpc",
)


def run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("COORDGAP_", "OTEL_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**base, **(env or {})},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


# -- 1. footprint -----------------------------------------------------------------------
def test_plain_install_is_the_tracer_and_its_http_exporter() -> None:
    """`pip install coordgap` lists OpenTelemetry only; the analysis stack is an extra."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    core = {dep.split(">")[0].split("=")[0].split("[")[0] for dep in project["dependencies"]}
    assert core == {
        "opentelemetry-api",
        "opentelemetry-sdk",
        "opentelemetry-exporter-otlp-proto-http",
        "opentelemetry-instrumentation-threading",
    }
    extras = project["optional-dependencies"]
    analyze = " ".join(extras["analyze"])
    for name in ("duckdb", "polars", "pyarrow", "plotly", "click", "rich", "grafana"):
        assert name in analyze
    assert any("otlp-proto-grpc" in dep for dep in extras["grpc"])
    assert {"coordgap[analyze]", "coordgap[grpc]"} <= set(extras["all"])


def test_importing_and_using_the_tracer_loads_nothing_of_the_analysis_stack() -> None:
    """A traced call and a handoff import no DuckDB, Polars, Plotly, click, rich or gRPC."""
    done = run_python(
        "import sys, tracer, tracer.instrumentation\n"
        "tracer.configure(exporter='none')\n"
        "@tracer.agent\n"
        "def w(x): return x\n"
        "with tracer.handoff('a', 'b', {'k': w(1)}, expects=['k']) as h: pass\n"
        f"print(sorted(m for m in {ANALYZE_STACK!r} if m in sys.modules))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("command", [["analyze"], ["demo", "--runs", "1"], ["--help"], []])
def test_command_without_the_analysis_extra_says_what_to_install(command: list[str]) -> None:
    """Every command: one line naming `coordgap[analyze]`, exit 1, no traceback."""
    done = run_python(
        "import sys; sys.modules['duckdb'] = None; sys.modules['plotly'] = None\n"
        f"sys.argv = ['coordgap', *{command!r}]\n"
        "from coordgap.launch import main; main()\n"
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "pip install 'coordgap[analyze]'" in lines[0]
    assert "duckdb, plotly" in lines[0]


def test_grpc_without_its_extra_says_so_once_and_exports_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """OTEL_EXPORTER_OTLP_PROTOCOL=grpc without coordgap[grpc]: one log line, no crash."""
    monkeypatch.setitem(sys.modules, "opentelemetry.exporter.otlp.proto.grpc.trace_exporter", None)
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
    _guard.reset_once()

    @tracer.agent("writer")
    def write() -> str:
        return "draft"

    provider = TracerProvider(shutdown_on_exit=False)
    with preserve_state(), caplog.at_level(logging.WARNING, "coordgap.tracer"):
        settings = tracer.configure(tracer_provider=provider, exporter="otlp")
        assert settings.exporter == "otlp"
        assert write() == "draft"
        tracer.configure(tracer_provider=provider, exporter="otlp")
        assert write() == "draft"
    provider.shutdown()
    said = [r.getMessage() for r in caplog.records if "grpc" in r.getMessage()]
    assert said == [
        "coordgap: OTEL_EXPORTER_OTLP_PROTOCOL=grpc needs pip install 'coordgap[grpc]'; "
        "spans are not exported"
    ]


# -- 3. never raise, for real ------------------------------------------------------------
BROKEN_PIPELINE = """
import tracer
from opentelemetry.trace import TracerProvider

class Broken(TracerProvider):
    def get_tracer(self, *args, **kwargs):
        return self
    def start_span(self, *args, **kwargs):
        raise RuntimeError("bug in coordgap")
    start_as_current_span = start_span

tracer.configure(tracer_provider=Broken())

@tracer.agent("writer")
def write(x):
    return x * 2

try:
    print("result", write(21))
except RuntimeError as exc:
    print("raised", exc)
"""


def test_internal_errors_are_swallowed_under_an_applications_pytest() -> None:
    """pytest imported and running: coordgap's bug still does not reach the user's code."""
    code = "import pytest, _pytest\n" + BROKEN_PIPELINE
    done = run_python(code, {"PYTEST_CURRENT_TEST": "tests/test_app.py::test_x (call)"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "result 42"
    assert "internal error while starting a span" in done.stderr


def test_internal_errors_raise_only_when_asked() -> None:
    """COORDGAP_RAISE_INTERNAL_ERRORS=1 (what coordgap's own tests set) re-raises."""
    done = run_python(BROKEN_PIPELINE, {"COORDGAP_RAISE_INTERNAL_ERRORS": "1"})
    assert done.stdout.strip() == "raised bug in coordgap"
    assert os.environ.get("COORDGAP_RAISE_INTERNAL_ERRORS") == "1"  # tests/conftest.py


def test_raise_switch_overrides_the_environment() -> None:
    """tracer.testing.raise_internal_errors(False/True) decides for its block."""
    with raise_internal_errors(False):
        assert _guard.should_raise() is False
        with raise_internal_errors(True):
            assert _guard.should_raise() is True
    assert _guard.should_raise() is True  # the environment again (conftest)


# -- 7. one integration API, one runtime object --------------------------------------------
def _tracer_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found.extend(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names)
    return [name for name in found if name.startswith("tracer")]


def test_integrations_import_no_private_tracer_module() -> None:
    """tracer/integrations/ uses tracer.instrumentation (through _common), never tracer._x."""

    def private(name: str) -> bool:
        parts = name.split(".")
        return len(parts) > 1 and parts[1] != "integrations" and parts[1].startswith("_")

    offenders = {
        path.name: [n for n in _tracer_imports(path) if private(n)]
        for path in (REPO / "tracer" / "integrations").glob("*.py")
    }
    assert {name: bad for name, bad in offenders.items() if bad} == {}
    common = _tracer_imports(REPO / "tracer" / "integrations" / "_common.py")
    assert {n for n in common if not n.startswith("tracer.integrations")} <= {
        "tracer",
        "tracer.instrumentation",
        *(f"tracer.instrumentation.{name}" for name in dir(tracer.instrumentation)),
    }


def test_common_keeps_the_names_integrations_use() -> None:
    """_common's helper names keep working on the new API (other integrations call them)."""
    from tracer.integrations import _common

    for name in (
        "_Content",
        "_detach_quietly",
        "_fingerprint",
        "_get_tracer",
        "_guard",
        "_guarded",
        "_log_once",
        "_plan_attributes",
        "_record_error",
        "_Snapshot",
        "_snapshot",
        "_state_diff",
        "_value_hash",
        "_verdict_attributes",
        "logger",
    ):
        assert hasattr(_common, name), name
    attrs = _common._fingerprint({"b": 1, "a": 2})
    assert attrs["coordgap.handoff.payload.keys"] == ["a", "b"]
    with raise_internal_errors(False), _common._guard("x"):
        raise RuntimeError("swallowed")


def test_handoff_attribute_set_is_one_for_the_tracer_and_integrations() -> None:
    """tracer.handoff and instrumentation.open_handoff write the same base attributes."""
    from tracer import instrumentation

    with capture() as spans:
        with tracer.handoff("a", "b", {}, source_actor="model", target_actor="human"):
            pass
        instrumentation.open_handoff(
            instrumentation.tracer_for(None), "a", "b", source_actor="model", target_actor="human"
        ).end()
    ours, theirs = (d["attributes"] for d in spans.dicts())
    base = instrumentation.handoff_attributes("a", "b", source_actor="model", target_actor="human")
    assert base.items() <= ours.items() and base.items() <= theirs.items()
    roles = {role: (r.operation, r.stage) for role, r in instrumentation.ROLES.items()}
    assert roles["verify"] == ("verify", "verification")


def test_tracer_state_is_one_object_swapped_whole() -> None:
    """No module globals of state; tracer.testing swaps the runtime and puts it back."""
    from tracer import _config, _spans

    for module, name in (
        (_config, "state"),
        (_spans, "_attempts"),
        (_spans, "run_contexts"),
        (_guard, "_raise_override"),
        (_guard, "_seen"),
    ):
        assert not hasattr(module, name), f"{module.__name__}.{name} is back"
    before = _runtime.current
    with runtime(fresh=True) as inner:
        assert _runtime.current is inner and inner is not before
        inner.enabled = False
        inner.attempts[1] = {"qa": 3}
    assert _runtime.current is before
    assert 1 not in before.attempts


def test_runtime_copy_does_not_share_containers() -> None:
    """A copied runtime's bookkeeping is its own."""
    original = _runtime.Runtime()
    original.attempts[7] = {"qa": 1}
    copy = original.copy()
    copy.attempts[7]["qa"] = 2
    copy.run_contexts[1] = object()
    assert original.attempts == {7: {"qa": 1}} and original.run_contexts == {}
    assert copy.process is original.process


def test_import_tracer_loads_only_the_opentelemetry_api() -> None:
    """The SDK and the propagators load at the first traced call, not at import."""
    done = run_python(
        "import sys, tracer\n"
        "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('opentelemetry.')}))\n"
        "print('opentelemetry.sdk' in sys.modules, 'opentelemetry.propagate' in sys.modules)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "False False"


def test_per_run_bookkeeping_is_bounded(spans: Captured, monkeypatch: pytest.MonkeyPatch) -> None:
    """Attempt counters and run contexts keep only the most recent runs."""
    from tracer import _runtime, _spans

    monkeypatch.setattr(_spans, "_MAX_RUNS_TRACKED", 3)

    @tracer.verify("qa")
    def check() -> bool:
        return True

    for _ in range(6):
        tracer.workflow("run")(check)()
    runtime = _runtime.current
    assert len(runtime.attempts) == 3 and len(runtime.run_contexts) == 3
    assert sorted(runtime.attempts) == [4, 5, 6]  # trace ids of the last three runs


def test_decorators_write_what_the_integration_api_writes() -> None:
    """Each decorator's span carries exactly the attributes tracer.instrumentation builds
    for the same fact, so decorated code and framework integrations read alike."""
    from tracer import instrumentation as api

    with capture() as spans:

        @tracer.workflow("teaser")
        def run() -> None:
            with tracer.plan("supervisor") as step:
                step.record_subtasks([{"id": "a", "agent": "writer"}])
            with tracer.agent("writer", stage="assembly", actor="human"):
                with tracer.tool("search"):
                    pass
            with tracer.verify("qa") as check:
                check.record_verdict(False)

        run()
    by_name = {s["name"]: s for s in spans.dicts()}
    plan = api.agent_attributes("supervisor", role="plan")
    assert {k: by_name["plan supervisor"]["attributes"][k] for k in plan} == plan
    assert by_name["invoke_workflow teaser"]["attributes"] == api.workflow_attributes("teaser")
    writer = api.agent_attributes("writer", stage="assembly", actor="human")
    assert by_name["invoke_agent writer"]["attributes"] == writer
    assert by_name["execute_tool search"]["attributes"] == api.tool_attributes("search")
    verdict, event = api.verdict_attributes("qa", False, 1, None, None)
    verify = by_name["verify qa"]
    assert verify["attributes"] == {**api.agent_attributes("qa", role="verify"), **verdict}
    assert [e["attributes"] for e in verify["events"]] == [event]
