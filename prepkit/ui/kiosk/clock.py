"""Where the kiosk reads the time: one small protocol, so tests move time without sleeping.

The idle timeout reads ``monotonic()`` (immune to the wall clock being changed); automatic
deletion of old plans reads ``now()`` (UTC, compared with the store's timestamps).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to (tests, screenshots)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.seconds = 1000.0
        self.wall = start or datetime(2025, 1, 6, 9, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
        self.wall += timedelta(seconds=seconds)
