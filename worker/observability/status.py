"""What ``news-events status`` shows: per-partition offsets and lag of a consumer group, processing rate,
dead-letter counts. Sampling talks to the broker (and optionally a worker's /metrics); rendering is pure.
"""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import orjson
from prometheus_client.parser import text_string_to_metric_families

from worker.observability.lag import PartitionOffsets


class OffsetsSource(Protocol):
    def group_offsets(self, group: str, topics: Sequence[str] = ()) -> list[PartitionOffsets]: ...

    def end_offsets(self, topics: Sequence[str]) -> dict[tuple[str, int], int]: ...


@dataclass(frozen=True)
class Sample:
    """One look at the group: offsets, DLQ end offsets and, with a metrics URL, the worker's counters."""

    taken_at: float
    partitions: list[PartitionOffsets]
    dead_letters: dict[int, int]  # DLQ partition -> end offset
    articles_total: float | None = None
    events_total: float | None = None


@dataclass(frozen=True)
class Status:
    group: str
    dlq_topic: str
    current: Sample
    consumed_per_s: float | None  # committed offsets' growth (or articles_total's, from --metrics-url)
    input_per_s: float | None  # end offsets' growth
    events_per_s: float | None  # only from --metrics-url
    rate_source: str  # "offsets" or "metrics"

    @property
    def total_lag(self) -> int:
        return sum(p.lag for p in self.current.partitions)

    @property
    def total_dead_letters(self) -> int:
        return sum(self.current.dead_letters.values())


def scrape_counters(metrics_url: str, timeout_s: float = 5.0) -> tuple[float, float]:
    """(articles handled, events published) summed over labels, from a worker's /metrics."""
    with urllib.request.urlopen(metrics_url, timeout=timeout_s) as resp:
        text = resp.read().decode("utf-8")
    totals = {"news_events_articles": 0.0, "news_events_events_published": 0.0}
    for family in text_string_to_metric_families(text):
        if family.name in totals:
            totals[family.name] += sum(s.value for s in family.samples if s.name.endswith("_total"))
    return totals["news_events_articles"], totals["news_events_events_published"]


def take_sample(
    source: OffsetsSource, group: str, topics: Sequence[str], dlq_topic: str, metrics_url: str | None = None
) -> Sample:
    partitions = source.group_offsets(group, topics)
    dead_letters = {p: o for (_, p), o in source.end_offsets([dlq_topic]).items()}
    articles = events = None
    if metrics_url:
        articles, events = scrape_counters(metrics_url)
    return Sample(time.time(), partitions, dead_letters, articles, events)


def _per_second(now: float, before: float, seconds: float) -> float:
    return max(0.0, now - before) / seconds


def compare(group: str, dlq_topic: str, before: Sample, current: Sample) -> Status:
    """The status at ``current``, with rates from the growth since ``before``."""
    seconds = current.taken_at - before.taken_at
    consumed = inflow = events = None
    source = "offsets"
    if seconds > 0:
        old = {(p.topic, p.partition): p for p in before.partitions}
        committed_growth = end_growth = 0
        for p in current.partitions:
            prev = old.get((p.topic, p.partition))
            if prev is None:
                continue
            if p.committed is not None:
                start = prev.committed if prev.committed is not None else p.beginning
                committed_growth += p.committed - start
            end_growth += p.end - prev.end
        consumed = _per_second(committed_growth, 0, seconds)
        inflow = _per_second(end_growth, 0, seconds)
        if current.articles_total is not None and before.articles_total is not None:
            source = "metrics"
            consumed = _per_second(current.articles_total, before.articles_total, seconds)
            events = _per_second(current.events_total or 0.0, before.events_total or 0.0, seconds)
    return Status(group, dlq_topic, current, consumed, inflow, events, source)


def to_json(status: Status) -> bytes:
    doc: dict[str, Any] = {
        "group": status.group,
        "taken_at": status.current.taken_at,
        "partitions": [
            {
                "topic": p.topic,
                "partition": p.partition,
                "committed": p.committed,
                "beginning": p.beginning,
                "end": p.end,
                "lag": p.lag,
            }
            for p in status.current.partitions
        ],
        "total_lag": status.total_lag,
        "rate": {
            "source": status.rate_source,
            "consumed_per_s": status.consumed_per_s,
            "input_per_s": status.input_per_s,
            "events_per_s": status.events_per_s,
        },
        "dead_letters": {
            "topic": status.dlq_topic,
            "total": status.total_dead_letters,
            "partitions": {str(p): n for p, n in sorted(status.current.dead_letters.items())},
        },
    }
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2)


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}/s"


def render_table(status: Status) -> str:
    """A terminal table: one row per partition, then totals, rates and dead letters."""
    header = ("TOPIC", "PARTITION", "COMMITTED", "END", "LAG")
    rows = [
        (p.topic, str(p.partition), "-" if p.committed is None else str(p.committed), str(p.end), str(p.lag))
        for p in status.current.partitions
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs)

    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(status.current.taken_at))
    out = [f"consumer group {status.group}    {stamp}", "", line(header)]
    out += [line(r) for r in rows] or ["(no partitions: the topic does not exist yet)"]
    out.append("")
    consumed_label = "articles handled" if status.rate_source == "metrics" else "consumed (commits)"
    summary = [
        ("total lag", f"{status.total_lag:,}"),
        (consumed_label, _rate(status.consumed_per_s)),
        ("input", _rate(status.input_per_s)),
    ]
    if status.events_per_s is not None:
        summary.append(("events published", _rate(status.events_per_s)))
    per_partition = ", ".join(f"p{p}={n}" for p, n in sorted(status.current.dead_letters.items()))
    detail = f"({per_partition})" if per_partition else "(topic missing)"
    summary.append(("dead letters", f"{status.total_dead_letters:,} in {status.dlq_topic} {detail}"))
    out += [f"{label:<20}{value}" for label, value in summary]
    return "\n".join(out) + "\n"
