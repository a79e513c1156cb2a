"""Run `news-events worker` as a real subprocess in integration tests, and read topics back.

Reusable by any integration test module::

    from worker_fixtures import WorkerProcess, read_topic, start_worker  # noqa: F401 (fixture)

    def test_x(start_worker, kafka_bootstrap):
        worker = start_worker({"INPUT_TOPIC": "in-1", ...}, log_name="w1")
        worker.wait_ready()
        ...
        worker.terminate()   # SIGTERM, returns (exit code, seconds to exit)
        worker.kill()        # SIGKILL

``start_worker(env_or_settings, **env)`` takes a ``Settings`` (all its fields become environment
variables) or a mapping of variables; keyword arguments override. Each process gets its own free
metrics port, its Faust web server off and a data dir under ``tmp_path``; every process still running
at teardown is killed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaConsumer, TopicPartition

from worker.settings import Settings, env_names

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def settings_env(settings: Settings) -> dict[str, str]:
    """Every field of ``settings`` as the environment variable the worker reads it from."""
    names = env_names()
    return {names[f.name]: str(getattr(settings, f.name)) for f in fields(settings)}


class WorkerProcess:
    """One `news-events worker` subprocess, its environment and its log file."""

    def __init__(self, env: Mapping[str, str], log_path: Path, args: tuple[str, ...] = ()) -> None:
        self.env = dict(env)
        self.log_path = log_path
        self.args = args
        self.metrics_port = int(self.env["METRICS_PORT"])
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "worker", "worker", *self.args],
                env=self.env,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.metrics_port}{path}"

    def get(self, path: str, timeout: float = 2.0) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=timeout) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except OSError:
            return 0, ""

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Until ``/readyz`` answers 200 (partitions assigned); fails if the process dies."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                raise AssertionError(f"worker exited early ({self.returncode}):\n{self.log_tail()}")
            if self.get("/readyz")[0] == 200:
                return
            time.sleep(0.2)
        raise AssertionError(f"worker not ready within {timeout}s:\n{self.log_tail()}")

    def metric(self, name: str) -> float:
        """Sum of all samples of metric ``name`` (0 if absent or unreachable)."""
        status, text = self.get("/metrics")
        if status != 200:
            return 0.0
        total = 0.0
        for line in text.splitlines():
            if line.startswith(name) and line[len(name) : len(name) + 1] in ("{", " "):
                total += float(line.rsplit(" ", 1)[1])
        return total

    def wait_metric(self, name: str, at_least: float, timeout: float = 60.0) -> float:
        deadline = time.monotonic() + timeout
        value = 0.0
        while time.monotonic() < deadline:
            value = self.metric(name)
            if value >= at_least:
                return value
            if not self.running():
                break
            time.sleep(0.1)
        raise AssertionError(f"{name} = {value} < {at_least}:\n{self.log_tail()}")

    def terminate(self, timeout: float = 20.0) -> tuple[int | None, float]:
        """SIGTERM; wait up to ``timeout``. Returns (exit code or None if still running, seconds)."""
        return self._signal(signal.SIGTERM, timeout)

    def interrupt(self, timeout: float = 20.0) -> tuple[int | None, float]:
        return self._signal(signal.SIGINT, timeout)

    def kill(self) -> None:
        """SIGKILL, no cleanup at all (crash tests)."""
        self._signal(signal.SIGKILL, 10.0)

    def _signal(self, sig: int, timeout: float) -> tuple[int | None, float]:
        if not self.running():
            return self.returncode, 0.0
        assert self.proc is not None
        started = time.monotonic()
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None, time.monotonic() - started
        return self.proc.returncode, time.monotonic() - started

    @property
    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


StartWorker = Callable[..., WorkerProcess]


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[StartWorker]:
    """Factory: ``start_worker(env_or_settings=None, *, args=(), log_name="worker", **env)``."""
    started: list[WorkerProcess] = []

    def start(
        base: Settings | Mapping[str, str] | None = None,
        *,
        args: tuple[str, ...] = (),
        log_name: str = "worker",
        **env: Any,
    ) -> WorkerProcess:
        values = settings_env(base) if isinstance(base, Settings) else dict(base or {})
        full = {
            **os.environ,
            "LOG_LEVEL": "INFO",
            **values,
            # per-process: no Faust web server, private data dir (unless given as keywords)
            "WEB_PORT": "0",
            "WORKER_DATA_DIR": str(tmp_path / f"{log_name}-{len(started)}-data"),
            **{k: str(v) for k, v in env.items()},
        }
        full["METRICS_PORT"] = str(env.get("METRICS_PORT") or free_port())
        worker = WorkerProcess(full, tmp_path / f"{log_name}-{len(started)}.log", args).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.running():
            worker.kill()


def read_topic(
    bootstrap: str,
    topic: str,
    *,
    until: Callable[[list[Any]], bool] | None = None,
    timeout: float = 30.0,
    idle: float = 0.0,
    read_committed: bool = True,
) -> list[Any]:
    """All records of ``topic`` from the beginning (kafka-python ``ConsumerRecord``s).

    Stops when ``until(records)`` is true, after ``idle`` seconds without new records (if > 0),
    or at ``timeout``.
    """
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        isolation_level="read_committed" if read_committed else "read_uncommitted",
    )
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        deadline = time.monotonic() + timeout
        while not partitions and time.monotonic() < deadline:
            time.sleep(0.2)
            partitions = consumer.partitions_for_topic(topic) or set()
        consumer.assign([TopicPartition(topic, p) for p in sorted(partitions)])
        consumer.seek_to_beginning()
        records: list[Any] = []
        last_new = time.monotonic()
        while time.monotonic() < deadline:
            batch = consumer.poll(timeout_ms=200)
            for recs in batch.values():
                records.extend(recs)
            if batch:
                last_new = time.monotonic()
            if until is not None and until(records):
                break
            if idle and time.monotonic() - last_new >= idle:
                break
        return records
    finally:
        consumer.close()


def committed_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    """Partition -> committed offset of ``group`` on ``topic`` (partitions without a commit left out)."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        found: dict[int, int] = {}
        for partition in sorted(consumer.partitions_for_topic(topic) or ()):
            offset = consumer.committed(TopicPartition(topic, partition))
            if offset is not None and offset >= 0:
                found[partition] = offset
        return found
    finally:
        consumer.close()
