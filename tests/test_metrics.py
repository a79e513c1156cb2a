"""The metric names: Prometheus conventions, and the README documents exactly what the registry exports."""

from __future__ import annotations

import re
from pathlib import Path

from prometheus_client import REGISTRY

from worker.observability.names import PREFIX, documented_names, referenced_names, series_names

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_section(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- section:{name} -->(.*?)<!-- /section:{name} -->", text, re.S)
    assert match, f"README has no {name} section"
    return match.group(1)


def _readme_metric_table_names() -> set[str]:
    """Metric names in the first column of the README metrics table(s)."""
    rows = re.findall(r"^\|\s*`(news_events_\w+)`\s*\|", _readme_section("metrics"), re.M)
    return set(rows)


def test_readme_lists_exactly_the_exported_metrics() -> None:
    listed = _readme_metric_table_names()
    exported = documented_names()
    assert listed - exported == set(), "README lists metrics the worker does not export"
    assert exported - listed == set(), "metrics exported but missing from the README metrics table"


def test_readme_mentions_only_existing_metrics() -> None:
    mentioned = referenced_names([_readme_section("metrics")])
    assert mentioned <= series_names() | documented_names()


def test_names_follow_prometheus_conventions() -> None:
    for fam in REGISTRY.collect():
        if not fam.name.startswith(PREFIX):
            continue
        assert re.fullmatch(r"news_events_[a-z0-9_]+", fam.name), fam.name
        if fam.type == "counter":
            assert not fam.name.endswith("_total")  # the client adds it
        if fam.type == "histogram":
            assert fam.name.endswith("_seconds"), "durations in base units"
        assert fam.documentation, f"{fam.name} has no help text"


def test_labels_are_bounded() -> None:
    allowed = {"outcome", "event_type", "stage", "reason", "topic", "partition"}
    from worker import metrics

    for metric in vars(metrics).values():
        names = getattr(metric, "_labelnames", None)
        if names is None or metric is metrics.BUILD_INFO:
            continue
        assert set(names) <= allowed, f"unbounded label on {metric}"


def test_referenced_names_maps_series_suffixes() -> None:
    exprs = [
        "histogram_quantile(0.99, sum by (le) (rate(news_events_end_to_end_latency_seconds_bucket[5m])))",
        "rate(news_events_events_published_total[1m]) + news_events_build_info",
    ]
    names = referenced_names(exprs)
    assert names == {
        "news_events_end_to_end_latency_seconds_bucket",
        "news_events_events_published_total",
        "news_events_build_info",
    }
    assert names <= series_names()
    assert "news_events_events_published" not in series_names()
