"""Noticing that nobody is at the kiosk: any key, click, wheel or touch counts as someone there.

The watcher only records *when* the last input came, read from the injected clock; the shell's
once-a-second tick decides what that means (a countdown, then the end of the session).  Tests
move the fake clock and call ``tick()`` instead of waiting minutes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from prepkit.ui.kiosk.clock import Clock

ACTIVITY = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})


class IdleWatch(QObject):
    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.last = clock.monotonic()

    def touch(self) -> None:
        self.last = self.clock.monotonic()

    def idle_seconds(self) -> float:
        return max(0.0, self.clock.monotonic() - self.last)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.touch()
        return False
