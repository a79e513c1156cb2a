"""Worker, replay and ceiling subprocesses: start with the benchmark's environment, wait until ready (or
done), sample RSS from ``/proc/<pid>/status`` and CPU from ``/proc/<pid>/stat`` every 0.5 s, stop
(SIGTERM, then SIGKILL)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.articles import REPO

NEWS_EVENTS = Path(sys.executable).with_name("news-events")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of ``pid`` so far (``/proc/<pid>/stat``)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, ValueError, IndexError):
        return None


def rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except (OSError, ValueError):
        return None
    return None


class RssSampler:
    """Samples a process's VmRSS every ``interval_s`` in a task; ``samples`` are (seconds, MB),
    ``cpu`` are (epoch seconds, CPU seconds so far)."""

    def __init__(self, pid: int, interval_s: float = 0.5) -> None:
        self.pid = pid
        self.interval_s = interval_s
        self.samples: list[tuple[float, float]] = []
        self.cpu: list[tuple[float, float]] = []
        self._task: asyncio.Task[None] | None = None
        self._t0 = time.monotonic()

    def start(self) -> None:
        self._t0 = time.monotonic()
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            value = rss_mb(self.pid)
            if value is None:
                return
            self.samples.append((time.monotonic() - self._t0, value))
            cpu = cpu_seconds(self.pid)
            if cpu is not None:
                self.cpu.append((time.time(), cpu))
            await asyncio.sleep(self.interval_s)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


class Worker:
    """One ``news-events worker`` subprocess."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.metrics_port = free_port()
        self.env = {
            **os.environ,
            **env,
            "METRICS_PORT": str(self.metrics_port),
            "METRICS_HOST": "127.0.0.1",
            "WEB_PORT": "0",
        }
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [str(NEWS_EVENTS), "worker"],
            env=self.env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()

    def _get(self, path: str) -> tuple[int, bytes]:
        try:
            url = f"http://127.0.0.1:{self.metrics_port}{path}"
            with urllib.request.urlopen(url, timeout=2) as resp:
                return int(resp.status), bytes(resp.read())
        except urllib.error.HTTPError as exc:
            return int(exc.code), b""
        except OSError:
            return 0, b""

    async def wait_ready(self, timeout_s: float = 90.0) -> float:
        """Seconds until ``/readyz`` answers 200 (partitions assigned)."""
        started = time.monotonic()
        while time.monotonic() - started < timeout_s:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"worker exited with {self.proc.returncode}; see {self.log_path}")
            status, _ = await asyncio.to_thread(self._get, "/readyz")
            if status == 200:
                return time.monotonic() - started
            await asyncio.sleep(0.25)
        raise RuntimeError(f"worker not ready after {timeout_s:.0f}s; see {self.log_path}")

    def articles_total(self) -> float:
        """``news_events_articles_total`` summed over outcomes, from the worker's /metrics."""
        _, body = self._get("/metrics")
        total = 0.0
        for line in body.decode(errors="replace").splitlines():
            if line.startswith("news_events_articles_total{"):
                total += float(line.rsplit(" ", 1)[1])
        return total

    def stop(self, timeout_s: float = 20.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


def run_ceiling(args: list[str], log_path: Path, timeout_s: float) -> dict[str, float]:
    """Run the ceiling pipeline to completion; its last stdout line (JSON: articles, seconds, CPU)."""
    with log_path.open("ab") as log:
        done = subprocess.run(
            [sys.executable, "-m", "bench.ceiling", *args],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=log,
            stdin=subprocess.DEVNULL,
            timeout=timeout_s,
            check=True,
        )
    result: dict[str, float] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return result


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def run_replay(
    args: list[str], env: dict[str, str], log_path: Path, timeout_s: float
) -> tuple[dict[str, object], RssSampler, float, int]:
    """Run ``news-events replay --json <args>`` to completion while sampling its RSS and CPU.
    Returns its JSON summary (last stdout line), the sampler, its total CPU seconds (from the kernel's
    accounting of reaped children; the benchmark runs no other child meanwhile) and its exit code."""
    cpu_before = _children_cpu()
    with log_path.open("ab") as log:
        proc = subprocess.Popen(
            [str(NEWS_EVENTS), "replay", "--json", *args],
            env={**os.environ, **env},
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=log,
            stdin=subprocess.DEVNULL,
        )
    sampler = RssSampler(proc.pid)
    sampler.start()
    try:
        stdout, _ = await asyncio.to_thread(proc.communicate, None, timeout_s)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        await sampler.stop()
    cpu_total = _children_cpu() - cpu_before
    lines = stdout.decode(errors="replace").strip().splitlines()
    summary: dict[str, object] = json.loads(lines[-1]) if lines else {}
    return summary, sampler, cpu_total, proc.returncode
