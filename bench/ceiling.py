"""The ceiling of this stack on this machine: a raw aiokafka pipeline with the worker's I/O and no work.

It consumes the same input articles as the worker and, for each, produces the same number and size of
output records (the events, then the outcome) — payloads computed beforehand by the real coder, looked up
by key: no parsing, no classification. Sends are batched per fetch and not awaited one by one; a batch's
input offsets are committed only once all its outputs are acknowledged (at-least-once, like the worker).

    python -m bench.ceiling BOOTSTRAP INPUT GROUP EVENTS_TOPIC OUTCOMES_TOPIC PAYLOADS EXPECTED
"""

from __future__ import annotations

import asyncio
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

# key -> [(is_outcome, value, headers), ...] in the worker's order: events first, the outcome last
Payloads = dict[bytes, list[tuple[bool, bytes, list[tuple[str, bytes]]]]]


def load_payloads(path: Path) -> Payloads:
    with path.open("rb") as fh:
        payloads: Payloads = pickle.load(fh)  # written by this benchmark run, never foreign input
    return payloads


async def run(
    bootstrap: str,
    input_topic: str,
    group: str,
    events_topic: str,
    outcomes_topic: str,
    payloads: Payloads,
    expected: int,
    *,
    batch: int = 500,
    linger_ms: int = 5,
) -> dict[str, float]:
    consumer = AIOKafkaConsumer(
        input_topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_partition_fetch_bytes=4 * 1024 * 1024,
        fetch_max_bytes=32 * 1024 * 1024,
    )
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=linger_ms, max_request_size=8 * 1024 * 1024
    )
    await producer.start()
    await consumer.start()
    cpu0 = time.process_time()
    done = 0
    started: float | None = None
    try:
        while done < expected:
            batches = await consumer.getmany(timeout_ms=500, max_records=batch)
            if not batches:
                continue
            if started is None:
                started = time.perf_counter()
            futures: list[Any] = []
            for records in batches.values():
                for record in records:
                    for is_outcome, value, headers in payloads.get(record.key, ()):
                        topic = outcomes_topic if is_outcome else events_topic
                        futures.append(await producer.send(topic, value, key=record.key, headers=headers))
                    done += 1
            await asyncio.gather(*futures)
            await consumer.commit()
    finally:
        await consumer.stop()
        await producer.stop()
    seconds = time.perf_counter() - (started or time.perf_counter())
    return {"articles": float(done), "wall_seconds": seconds, "cpu_seconds": time.process_time() - cpu0}


def main(argv: list[str]) -> int:
    bootstrap, input_topic, group, events_topic, outcomes_topic, payload_path, expected = argv[:7]
    payloads = load_payloads(Path(payload_path))
    result = asyncio.run(
        run(bootstrap, input_topic, group, events_topic, outcomes_topic, payloads, int(expected))
    )
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
