"""Names of the metrics the worker exports, as documented and as PromQL sees them.

Used by the docs and deployment checks: the README, the alerts and the dashboard must name only metrics
that exist. Importing ``worker.metrics`` registers every metric with the default registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.metrics_core import Metric

import worker.metrics  # noqa: F401  (registers the metrics)

PREFIX = "news_events_"
_NAME = re.compile(r"\bnews_events_[A-Za-z0-9_]+")

# family type -> suffixes of the series it exposes (``_created`` series are disabled at start-up)
_SERIES_SUFFIXES = {
    "counter": ("_total",),
    "histogram": ("_bucket", "_sum", "_count"),
    "summary": ("", "_sum", "_count"),
    "info": ("_info",),
    "gauge": ("",),
    "stateset": ("",),
    "enum": ("",),
    "gaugehistogram": ("_bucket", "_gsum", "_gcount"),
    "unknown": ("",),
}
# how the README names each family: the series name people type, histograms by their base name
_DOC_SUFFIX = {"counter": "_total", "info": "_info"}


def _families(registry: CollectorRegistry) -> list[Metric]:
    return [fam for fam in registry.collect() if fam.name.startswith(PREFIX)]


def documented_names(registry: CollectorRegistry = REGISTRY) -> set[str]:
    """One name per exported family: ``foo_total`` for counters, ``foo_info`` for info, else ``foo``."""
    return {fam.name + _DOC_SUFFIX.get(fam.type, "") for fam in _families(registry)}


def series_names(registry: CollectorRegistry = REGISTRY) -> set[str]:
    """Every series name a PromQL query may use (``foo_bucket``, ``foo_count``, ``foo_total``…)."""
    return {fam.name + suffix for fam in _families(registry) for suffix in _SERIES_SUFFIXES[fam.type]}


def referenced_names(expressions: Iterable[str]) -> set[str]:
    """``news_events_*`` metric names mentioned in PromQL expressions (or any text)."""
    return {match for expr in expressions for match in _NAME.findall(expr)}
