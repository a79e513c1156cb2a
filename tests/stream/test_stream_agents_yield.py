"""The agent codes a batch in chunks and returns to the event loop between them (no broker needed)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import orjson

from worker.settings import Settings
from worker.stream.agents import process_events, process_events_yielding


def _event(n: int) -> Any:
    value = orjson.dumps({"id": f"a{n}", "body": "Russia and China signed a trade agreement on Friday."})
    message = SimpleNamespace(
        key=f"a{n}".encode(), value=value, topic="in", partition=0, offset=n, timestamp=1.0, headers=[]
    )
    return SimpleNamespace(message=message)


def test_yielding_matches_process_events_and_lets_other_tasks_run() -> None:
    settings = Settings.from_env({})
    events = [_event(n) for n in range(10)]
    ticks: list[int] = []

    async def main() -> list[Any]:
        async def ticker() -> None:
            while True:
                ticks.append(1)
                await asyncio.sleep(0)

        task = asyncio.ensure_future(ticker())
        await asyncio.sleep(0)
        ticks.clear()
        items = await process_events_yielding(events, settings, every=3)
        task.cancel()
        return items

    items = asyncio.run(main())
    expected = process_events(events, settings)
    assert [i.processed.outcome.key for i in items] == [i.processed.outcome.key for i in expected]
    assert [i.processed.outcome_name for i in items] == [i.processed.outcome_name for i in expected]
    assert len(ticks) >= 3  # 10 events in chunks of 3: the loop ran other tasks between the 4 chunks


def test_empty_batch() -> None:
    assert asyncio.run(process_events_yielding([], Settings.from_env({}))) == []
