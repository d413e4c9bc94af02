"""What staff can set for a kiosk, with the defaults issue 6 asks for."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

DEFAULT_RETENTION_DAYS = 365
DEFAULT_WARN_AFTER_S = 120
DEFAULT_CLOSE_AFTER_S = 180


@dataclass
class KioskSettings:
    retention_days: int = DEFAULT_RETENTION_DAYS  # kept plans not updated for this long go
    warn_after_s: int = DEFAULT_WARN_AFTER_S  # idle this long: "Are you still here?"
    close_after_s: int = DEFAULT_CLOSE_AFTER_S  # idle this long: the session closes

    def clean(self) -> KioskSettings:
        """Values a person could have mistyped, brought back into sensible bounds."""
        days = min(max(self.retention_days, 1), 3650)
        close = min(max(self.close_after_s, 60), 3600)
        warn = min(max(self.warn_after_s, 10), close - 10)
        return KioskSettings(days, warn, close)

    @classmethod
    def load(cls, store: Any) -> KioskSettings:
        saved = store.kiosk_settings()
        settings = cls()
        for f in fields(cls):
            value = saved.get(f.name)
            if isinstance(value, int):
                setattr(settings, f.name, value)
        return settings.clean()

    def save(self, store: Any) -> None:
        store.set_kiosk_settings(asdict(self.clean()))
