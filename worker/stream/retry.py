"""Which Kafka failures are transient, and the backoff between retries."""

from __future__ import annotations

import asyncio
import random

from aiokafka import errors as aerrors

_TRANSIENT = (
    aerrors.KafkaConnectionError,
    aerrors.KafkaTimeoutError,
    aerrors.RequestTimedOutError,
    aerrors.NotLeaderForPartitionError,
    aerrors.LeaderNotAvailableError,
    aerrors.NodeNotReadyError,
    aerrors.NotEnoughReplicasError,
    aerrors.NotEnoughReplicasAfterAppendError,
    aerrors.UnknownTopicOrPartitionError,
    asyncio.TimeoutError,
    ConnectionError,
)


def is_transient(exc: BaseException) -> bool:
    """True for errors worth retrying: connection loss, timeouts, leader changes... also when wrapped
    (Faust's producer re-raises aiokafka errors as ``ProducerSendError`` from the original)."""
    if isinstance(exc, _TRANSIENT) or getattr(exc, "retriable", False):
        return True
    cause = exc.__cause__
    return cause is not None and cause is not exc and is_transient(cause)


def failure_reason(exc: BaseException) -> str:
    """A short, bounded reason code for a delivery failure (metrics label and dead-letter header)."""
    if isinstance(exc, aerrors.MessageSizeTooLargeError | aerrors.RecordTooLargeError):
        return "record_too_large"
    if is_transient(exc):
        return "delivery_failed"
    return "produce_error"


def backoff_s(attempt: int, base_s: float, cap_s: float = 10.0) -> float:
    """Exponential backoff with jitter for retry ``attempt`` (1-based): base·2^(attempt-1), ±20 %."""
    delay = min(cap_s, base_s * 2.0 ** max(0, attempt - 1))
    return delay * random.uniform(0.8, 1.2)
