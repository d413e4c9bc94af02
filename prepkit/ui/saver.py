"""Saving as the family types: one debounced store call for a burst of edits.

Pages call ``changed()`` on every edit; 300 ms after the last one the whole plan goes to the
encrypted store in a single ``Store.save``.  ``flush()`` saves at once (before closing, before
switching household) so a closed window never loses the last keystrokes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from prepkit.plan import Plan

DEBOUNCE_MS = 300


class SaveState(StrEnum):
    NOT_SAVED = "not_saved"  # no household yet (before the passphrase is chosen)
    SAVING = "saving"
    SAVED = "saved"
    FAILED = "failed"


class Saver(QObject):
    state_changed = Signal(str)
    saved = Signal()

    def __init__(self, store: Any, plan: Plan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan = plan
        self.session: Any = None
        self.state = SaveState.NOT_SAVED
        self.error: Any = None
        self.save_count = 0  # how many store calls were made (tests check the debounce)
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

    def attach(self, session: Any, plan: Plan) -> None:
        """Save into ``session``'s household from now on; ``plan`` is what was loaded."""
        self.flush()
        self.session = session
        self.plan = plan
        self._set(SaveState.SAVED)

    def detach(self) -> None:
        self.flush()
        self.session = None
        self._set(SaveState.NOT_SAVED)

    def changed(self) -> None:
        self._pending = True
        if self.session is None:
            return
        self._set(SaveState.SAVING)
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if not self._pending or self.session is None:
            return
        self._pending = False
        try:
            self.store.save(self.session, self.plan)
        except Exception as error:
            self.error = error
            self._pending = True
            self._set(SaveState.FAILED)
            return
        self.save_count += 1
        self._set(SaveState.SAVED)
        self.saved.emit()

    @property
    def pending(self) -> bool:
        return self._pending

    def _set(self, state: SaveState) -> None:
        self.state = state
        self.state_changed.emit(str(state))
