"""Replay progress: counters, a one-line progress bar for a TTY, periodic log lines otherwise, a summary.

Small and dependency-free: the bar is rewritten in place on stderr with ``\\r`` at most a few times a
second; when stderr is not a terminal, one log line every ``log_interval_s`` seconds instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

log = logging.getLogger("worker.replay")


@dataclass(slots=True)
class Counters:
    total: int  # records planned (the sum of the remaining ranges at start)
    records: int = 0  # records consumed from the source topic
    articles: int = 0  # records whose outputs were acknowledged (every record gets exactly one outcome)
    events: int = 0
    dead_letters: int = 0
    started: float = field(default_factory=time.monotonic)  # wall clock of the whole run
    first_record: float | None = None  # when the first record arrived (rates exclude connection setup)

    def mark_first(self, now: float) -> None:
        if self.first_record is None:
            self.first_record = now

    def elapsed(self, now: float) -> float:
        return now - (self.started if self.first_record is None else self.first_record)

    def rate(self, now: float) -> float:
        elapsed = self.elapsed(now)
        return self.records / elapsed if elapsed > 0 else 0.0

    def eta_s(self, now: float) -> float | None:
        rate = self.rate(now)
        if rate <= 0:
            return None
        return max(0, self.total - self.records) / rate


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    s = round(seconds)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def render_bar(c: Counters, now: float, width: int = 100) -> str:
    """One line: ``replay [####----]  42% 1260/3000 | 512.0/s | ETA 00:03 | events 4567 | dlq 2``."""
    fraction = 1.0 if c.total <= 0 else min(1.0, c.records / c.total)
    tail = (
        f" {fraction * 100:3.0f}% {c.records}/{c.total} | {c.rate(now):.1f}/s | "
        f"ETA {format_duration(c.eta_s(now))} | events {c.events} | dlq {c.dead_letters}"
    )
    bar_width = max(10, min(40, width - len(tail) - 10))
    filled = int(bar_width * fraction)
    line = f"replay [{'#' * filled}{'-' * (bar_width - filled)}]{tail}"
    return line[: max(width - 1, 20)]


def summary(c: Counters, now: float, **extra: Any) -> dict[str, Any]:
    elapsed = c.elapsed(now)
    return {
        "records": c.records,
        "articles": c.articles,
        "events": c.events,
        "dead_letters": c.dead_letters,
        "planned": c.total,
        "elapsed_s": round(elapsed, 3),  # from the first record
        "wall_s": round(now - c.started, 3),
        "records_per_s": round(c.records / elapsed, 1) if elapsed > 0 else 0.0,
        **extra,
    }


class ProgressReporter:
    """Draws the bar (TTY) or logs a line now and then (non-TTY); never more often than needed."""

    def __init__(
        self,
        counters: Counters,
        stream: TextIO,
        *,
        tty: bool | None = None,
        refresh_s: float = 0.2,
        log_interval_s: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        width: int = 100,
    ) -> None:
        self.counters = counters
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.interval = refresh_s if self.tty else log_interval_s
        self.clock = clock
        self.width = width
        self._next = clock() + (0 if self.tty else log_interval_s)
        self._drawn = False

    def update(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now < self._next:
            return
        self._next = now + self.interval
        if self.tty:
            self.stream.write("\r" + render_bar(self.counters, now, self.width).ljust(self.width - 1))
            self.stream.flush()
            self._drawn = True
        else:
            c = self.counters
            log.info(
                "replay progress: %d/%d records, %d events, %d dead letters, %.1f records/s, ETA %s",
                c.records,
                c.total,
                c.events,
                c.dead_letters,
                c.rate(now),
                format_duration(c.eta_s(now)),
            )

    def close(self) -> None:
        if self.tty and self._drawn:
            self.update(force=True)
            self.stream.write("\n")
            self.stream.flush()
