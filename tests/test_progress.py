"""Replay progress rendering: pure bar text, TTY vs log output, summary."""

from __future__ import annotations

import io
import logging

import pytest

from worker.replay.progress import Counters, ProgressReporter, format_duration, render_bar, summary

pytestmark = pytest.mark.timeout(30)


def test_format_duration() -> None:
    assert format_duration(None) == "--:--"
    assert format_duration(5) == "00:05"
    assert format_duration(125.4) == "02:05"
    assert format_duration(3 * 3600 + 61) == "3:01:01"


def test_render_bar_shows_fraction_rate_eta_and_counts() -> None:
    c = Counters(total=200, records=50, articles=50, events=120, dead_letters=2, started=0.0)
    line = render_bar(c, now=10.0, width=120)
    assert line.startswith("replay [")
    assert " 25% 50/200 " in line
    assert "5.0/s" in line
    assert "ETA 00:30" in line
    assert "events 120" in line and "dlq 2" in line
    assert len(line) < 120


def test_render_bar_of_an_empty_plan_is_complete() -> None:
    line = render_bar(Counters(total=0, started=0.0), now=0.0)
    assert "100% 0/0" in line and "ETA --:--" in line


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_tty_reporter_redraws_in_place_and_throttles() -> None:
    now = [0.0]
    c = Counters(total=10, started=0.0)
    stream = FakeTTY()
    reporter = ProgressReporter(c, stream, clock=lambda: now[0], refresh_s=0.5)
    c.records = 3
    reporter.update()
    reporter.update()  # same instant: throttled
    assert stream.getvalue().count("\r") == 1
    now[0] = 1.0
    c.records = 10
    reporter.update()
    reporter.close()
    text = stream.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n")
    assert "100% 10/10" in text


def test_non_tty_reporter_logs_periodically(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    c = Counters(total=10, started=0.0)
    stream = io.StringIO()
    reporter = ProgressReporter(c, stream, clock=lambda: now[0], log_interval_s=10)
    with caplog.at_level(logging.INFO, logger="worker.replay"):
        c.records = 4
        reporter.update()  # before the first interval: nothing
        now[0] = 11.0
        reporter.update()
        reporter.close()
    assert stream.getvalue() == ""
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and "4/10 records" in messages[0]


def test_summary() -> None:
    c = Counters(total=10, records=10, articles=10, events=7, dead_letters=1, started=0.0)
    s = summary(c, 4.0, completed=True)
    assert s["records"] == 10 and s["events"] == 7 and s["dead_letters"] == 1
    assert s["records_per_s"] == 2.5 and s["completed"] is True
