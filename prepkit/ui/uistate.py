"""Where the user was: the last household id and step, so a restart resumes there.

Nothing personal lives here (an opaque household id, a step name, a child id, the interface
language, text size): the plan itself is only ever in the encrypted store.  A kiosk remembers
nothing at all, so the next family at a shared school computer sees a fresh start page.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class UiState:
    household_id: str = ""
    step: str = ""
    child_id: str = ""
    interface_language: str = ""
    base_pt: int = 0
    high_contrast: bool = False


class UiStateFile:
    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: remember nothing (kiosk)

    @classmethod
    def beside(cls, db_path: Path, *, kiosk: bool) -> UiStateFile:
        return cls(None if kiosk else db_path.with_name(db_path.stem + ".ui.json"))

    def read(self) -> UiState:
        if self.path is None:
            return UiState()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            known = {k: v for k, v in data.items() if k in UiState.__dataclass_fields__}
            return UiState(**known)
        except (OSError, ValueError, TypeError):
            return UiState()  # a damaged hint is not worth an error: start at the start page

    def write(self, state: UiState) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
        os.replace(tmp, self.path)  # atomic: a kill mid-write leaves the old hint intact
