"""Test-only fault injection, loaded into a worker subprocess through PYTHONPATH (never shipped).

While the file named by ``REL_FAIL_EVENTS_FLAG`` exists, every aiokafka send to the topic named by
``REL_FAIL_EVENTS_TOPIC`` fails at once with ``KafkaConnectionError`` (a transient error), as if the
events topic's leader were unreachable. Other topics (outcomes, dead letters) are unaffected.
"""

import os

_FLAG = os.environ.get("REL_FAIL_EVENTS_FLAG")
_TOPIC = os.environ.get("REL_FAIL_EVENTS_TOPIC")

if _FLAG and _TOPIC:
    from aiokafka import AIOKafkaProducer
    from aiokafka.errors import KafkaConnectionError

    _send = AIOKafkaProducer.send

    async def _failing_send(self, topic, *args, **kwargs):  # type: ignore[no-untyped-def]
        if topic == _TOPIC and os.path.exists(_FLAG):
            raise KafkaConnectionError(f"injected: {topic} unavailable")
        return await _send(self, topic, *args, **kwargs)

    AIOKafkaProducer.send = _failing_send
