"""Servers under test (each a subprocess serving 2 workers) and the load-generator runs."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _clean_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"APP_ENV", "LOADER_BATCHING"}}
    env.update(overrides)
    return env


@contextlib.contextmanager
def running(
    command: list[str], env: dict[str, str], port: int, health: str, log_path: Path
) -> Iterator[str]:
    """Start a server in its own process group; yield its base URL once healthy; stop it."""
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"server exited; see {log_path}:\n{log_path.read_text()[-2000:]}"
                )
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(base + health, timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"server not healthy after 60 s; see {log_path}")
            time.sleep(0.2)
        time.sleep(0.5)  # let the second worker finish starting too
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)  # the group this function started
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def api_server(
    database_url: str, workers: int, batching: bool, log_path: Path, compiler: bool = True
) -> contextlib.AbstractContextManager[str]:
    """The API as production runs it: `main.py serve`, N workers, access log and debug off;
    with the read compiler (the default) or without it (`READ_COMPILER=0`: the executor)."""
    port = free_port()
    env = _clean_env(
        DATABASE_URL=database_url,
        LOAD_DEMO_DATA="0",
        DEBUG="0",
        PORT=str(port),
        LOADER_BATCHING="1" if batching else "0",
        READ_COMPILER="1" if compiler else "0",
    )
    command = [sys.executable, "main.py", "serve", "--workers", str(workers)]
    return running(command, env, port, "/healthz", log_path)


def baseline_server(
    database_url: str, workers: int, log_path: Path
) -> contextlib.AbstractContextManager[str]:
    port = free_port()
    env = _clean_env(BENCH_DATABASE_URL=database_url)
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "bench.baseline_app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    return running(command, env, port, "/healthz", log_path)


def drive(
    url: str,
    requests: list[dict[str, Any]],
    clients: int,
    duration: float,
    warmup: float,
    samples: bool = False,
) -> dict[str, Any]:
    """Run the load generator in its own process against `url` (with every latency in
    `samples_ms` when `samples`)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as spec:
        json.dump(requests, spec)
    try:
        command = [
            sys.executable,
            "-m",
            "bench.loadgen",
            "--url",
            url,
            "--spec",
            spec.name,
            "--clients",
            str(clients),
            "--duration",
            str(duration),
            "--warmup",
            str(warmup),
            *(["--samples"] if samples else []),
        ]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"load generator failed:\n{done.stderr[-2000:]}")
        return json.loads(done.stdout)
    finally:
        os.unlink(spec.name)
