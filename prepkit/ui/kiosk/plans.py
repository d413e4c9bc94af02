"""Starting and reopening a plan at the kiosk: the passphrase dialog says the kiosk's rule on
keeping plans, and saved plans are told apart by a plan number and the time they changed.

The rule: a plan is kept on the kiosk only if the family chooses "Keep my plan" when they
finish.  A new plan left by "Quick exit", by the idle timeout or by staff leaving kiosk mode was
never chosen to be kept (and the family was told nothing about keeping it): it is deleted then.

The plan number is made from the household's random id (a hash of it, in letters and digits
that are hard to confuse), so it says nothing about the family.  The family sees it when they
finish and it is printed on the page that shows their choices; at the next visit it finds
their plan in the list, next to the day and time it last changed (both kept in clear anyway).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from babel.dates import format_time
from PySide6.QtWidgets import QWidget

from prepkit import i18n
from prepkit.i18n import N_, _
from prepkit.ui.dialogs import NewPassphraseDialog, OpenPlanDialog, _label
from prepkit.ui.kiosk.widgets import follow_language

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud or copied by hand without mistakes.
ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
KEEPING_RULE = N_(
    "At this school computer your plan is kept only if you press Finish and choose to keep "
    "it. If you press Quick exit, or the screen closes because no one touched it, this new "
    "plan is deleted. Print your papers before you leave.")


def plan_number(household_id: str) -> str:
    """Six characters from the id's hash, grouped "K7Q-F3M"."""
    value = int.from_bytes(hashlib.sha256(household_id.encode()).digest()[:8], "big")
    chars = []
    for _i in range(6):
        value, digit = divmod(value, len(ALPHABET))
        chars.append(ALPHABET[digit])
    return "".join(chars[:3]) + "-" + "".join(chars[3:])


def describe(info: Any, code: str) -> str:
    """One saved plan in the "Open a saved plan" list: nothing personal."""
    local = info.updated.astimezone()
    return _("Plan {number}, last changed on {date} at {time}").format(
        number=plan_number(info.id),
        date=i18n.format_date(local.date(), code, "medium"),
        time=format_time(local.time(), "short", locale=i18n.language(code).babel_locale))


class KioskPassphraseDialog(NewPassphraseDialog):
    """The passphrase dialog of a new plan, with the kiosk's rule on keeping plans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = _label(self.texts, KEEPING_RULE, "help")
        self.rule.setObjectName("keeping_rule")
        self.column.insertWidget(max(0, self.column.indexOf(self.error)), self.rule)
        self.stop_following = follow_language(self)

    def retranslate(self) -> None:
        self.texts.retranslate()
        self._strength(self.first.text())

    def clear(self) -> None:
        for edit in (self.first, self.second):
            edit.setText("")


class KioskOpenPlanDialog(OpenPlanDialog):
    """Saved plans listed by plan number and the day and time they last changed."""

    def __init__(self, households: list[Any], unlock: Callable[[str, str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(households, unlock, parent)
        self.stop_following = follow_language(self)

    def retranslate(self) -> None:
        super().retranslate()
        code = i18n.interface_language()
        for index, info in enumerate(self.households):
            self.choice.setItemText(index, describe(info, code))

    def clear(self) -> None:
        self.passphrase.setText("")
        self.result_value = None
