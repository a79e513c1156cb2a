"""A token bucket limiting articles per second (pure; the clock and sleep are injected)."""

from __future__ import annotations

import time
from collections.abc import Callable


class TokenBucket:
    """``rate`` tokens per second, holding at most ``burst`` (default: one tenth of a second's worth, >= 1).

    A small burst keeps the rate over any window of a few seconds within a few percent of ``rate``.
    """

    def __init__(
        self,
        rate: float,
        burst: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate / 10)
        self._clock = clock
        self._sleep = sleep
        self._tokens = 1.0  # start nearly empty: no initial burst above the rate
        self._last = clock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now

    def delay(self, tokens: float = 1.0) -> float:
        """Seconds to wait before ``tokens`` are available (0 if available now); does not take them."""
        self._refill()
        missing = tokens - self._tokens
        return 0.0 if missing <= 1e-9 else missing / self.rate  # tolerance: float rounding

    def acquire(self, tokens: float = 1.0) -> float:
        """Block until ``tokens`` are available, take them, and return the seconds slept."""
        slept = 0.0
        while True:
            wait = self.delay(tokens)
            if wait <= 0:
                self._tokens -= tokens
                return slept
            self._sleep(wait)
            slept += wait
