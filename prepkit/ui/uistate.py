"""Where the user was: the last household id and step, so a restart resumes there.

Kept inside the data file (``Store.ui_state``), never beside it: the promise is that nothing is
written anywhere else.  Nothing personal lives here (an opaque household id, a step name, the
opaque id of the child or person shown, the interface language, text size); the plan itself
is only ever in the encrypted store.  A kiosk remembers nothing at all, so the next family at
a shared school computer sees a fresh start page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prepkit.store import Store


@dataclass
class UiState:
    household_id: str = ""
    step: str = ""
    item_id: str = ""  # the child's tab or the person chosen on that step
    interface_language: str = ""
    base_pt: int = 0
    high_contrast: bool = False


class UiStateStore:
    def __init__(self, store: Store | None) -> None:
        self.store = store  # None: remember nothing (kiosk)

    @classmethod
    def for_store(cls, store: Store, *, kiosk: bool) -> UiStateStore:
        return cls(None if kiosk else store)

    def read(self) -> UiState:
        if self.store is None:
            return UiState()
        saved = self.store.ui_state()
        if "item_id" not in saved and isinstance(saved.get("child_id"), str):
            saved["item_id"] = saved["child_id"]  # the name before people were remembered too
        state = UiState()
        for f in fields(UiState):
            value = saved.get(f.name)
            if isinstance(value, type(getattr(state, f.name))):
                setattr(state, f.name, value)
        return state

    def write(self, state: UiState) -> None:
        if self.store is not None:
            self.store.set_ui_state(asdict(state))
