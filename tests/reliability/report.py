"""Print the Markdown tables of docs/reliability.md from ``var/reliability/summary.json``.

.venv/bin/python tests/reliability/report.py [var/reliability/summary.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

COLUMNS = {
    "1-kill9": [
        "inputs",
        "kills",
        "lost",
        "duplicate_outcomes",
        "duplicate_events",
        "conflicting_duplicates",
        "dead_letters",
        "recovery_s_mean",
        "recovery_s_max",
        "total_s",
    ],
    "2-broker-restart": [
        "inputs",
        "restarts",
        "processed_before_stop",
        "broker_down_s",
        "lost",
        "duplicate_outcomes",
        "duplicate_events",
        "dead_letters",
        "recovery_after_broker_up_s",
        "worker_restarted",
    ],
    "3-rebalance": [
        "inputs",
        "rebalances",
        "processed_by_first",
        "processed_by_second",
        "lost",
        "duplicate_outcomes",
        "duplicate_events",
        "dead_letters",
        "partitions_fully_committed",
        "second_ready_after_join_s",
        "second_leave_s",
    ],
    "4-hostile": [
        "inputs",
        "bad",
        "good",
        "kinds",
        "input_mb",
        "lost",
        "dead_letters",
        "dead_letters_matching_input_and_reason",
        "wrong_outcomes",
        "good_events",
        "rss_kib_ready",
        "rss_kib_peak",
        "drain_s",
    ],
    "5-output-outage": [
        "inputs",
        "outage_s",
        "processed_during_outage",
        "lost",
        "duplicate_outcomes",
        "duplicate_events",
        "dead_letters",
        "recovery_after_restore_s",
        "rss_kib_before",
        "rss_kib_peak",
    ],
    "security": [],
}


def table(rows: dict[str, dict[str, Any]], columns: list[str]) -> str:
    if not columns:
        columns = sorted({c for r in rows.values() for c in r})
    head = "| run | " + " | ".join(columns) + " |"
    sep = "|---" * (len(columns) + 1) + "|"
    body = [
        "| " + name + " | " + " | ".join(str(r.get(c, "")) for c in columns) + " |"
        for name, r in rows.items()
    ]
    return "\n".join([head, sep, *body])


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "var/reliability/summary.json")
    data = json.loads(path.read_text())
    print(f"<!-- from {path}, written {data.get('_written_at')} -->")
    for prefix, columns in COLUMNS.items():
        rows = {k: v for k, v in sorted(data.items()) if k.startswith(prefix)}
        if rows:
            print(f"\n#### {prefix}\n\n{table(rows, columns)}")


if __name__ == "__main__":
    main()
