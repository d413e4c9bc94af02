"""Staff-only dialogs at the kiosk: setting the staff passphrase on first run, unlocking with
it (to change settings or leave kiosk mode), and the small settings panel.

The setup dialog and the panel are for staff alone and carry no "Quick exit"; the unlock
dialog can open over a family's session (someone pressed "Staff"), so it gets one like every
other dialog at the kiosk.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from prepkit import i18n
from prepkit.i18n import N_, _
from prepkit.ui.dialogs import _Dialog, _label
from prepkit.ui.kiosk import quickexit
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.kiosk.widgets import KioskDialog, follow_language

STAFF_MIN_LENGTH = 10


class StaffSetupDialog(_Dialog):
    """First run at a school: staff choose the passphrase that guards the kiosk and the desk."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, N_("Set up the staff passphrase"), N_("Save"))
        self.store = store
        quickexit.exempt(self)
        self.column.addWidget(_label(self.texts, N_(
            "This computer is becoming a school kiosk. Choose the staff passphrase: it is needed "
            "to leave kiosk mode, to change the kiosk settings and to open the counselor's desk. "
            "Families never need it.")))
        self.first = self.passphrase_field(N_("Staff passphrase"))
        self.second = self.passphrase_field(N_("The same passphrase again"))
        self.finish_layout()
        self.stop_following = follow_language(self)

    def retranslate(self) -> None:
        self.texts.retranslate()

    def try_accept(self) -> None:
        if len(self.first.text()) < STAFF_MIN_LENGTH:
            self.show_error(_("The passphrase needs at least {n} letters or numbers.").format(
                n=i18n.format_number(STAFF_MIN_LENGTH, i18n.interface_language())))
        elif self.first.text() != self.second.text():
            self.show_error(_("The two passphrases are not the same. Please type them again."))
        else:
            self.store.set_staff_passphrase(self.first.text())
            self.first.clear()
            self.second.clear()
            self.accept()


class StaffUnlockDialog(_Dialog):
    """The staff passphrase, checked by unwrapping the staff key; a wrong one is said here."""

    def __init__(self, store: Any, parent: QWidget | None = None,
                 title: str = N_("Staff only")) -> None:
        super().__init__(parent, title, N_("Continue"))
        self.store = store
        self.staff_key: Any = None
        self.passphrase = self.passphrase_field(N_("Staff passphrase"))
        self.finish_layout()
        self.passphrase.setFocus()
        self.stop_following = follow_language(self)

    def retranslate(self) -> None:
        self.texts.retranslate()

    def try_accept(self) -> None:
        try:
            self.staff_key = self.store.unlock_staff(self.passphrase.text())
        except Exception as error:
            message = getattr(error, "message", None)
            if message is None:
                raise
            self.show_error(message.render())
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        self.accept()


class StaffPanel(KioskDialog):
    """Settings for this kiosk, and the way out of kiosk mode."""

    LEAVE = 2

    def __init__(self, settings: KioskSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent, N_("Kiosk settings"))
        quickexit.exempt(self)
        form = QFormLayout()
        self.column.addLayout(form)
        intro = QLabel()
        intro.setWordWrap(True)
        self.texts.bind(intro.setText, N_(
            "Plans that families keep here and do not update for this many days are deleted "
            "automatically. Families are told so when they choose."))
        form.addRow(intro)
        self.days = self._number(form, N_("Days a kept plan stays"), 1, 3650,
                                 settings.retention_days)
        self.warn = self._number(form, N_("Seconds without use before \"Are you still here?\""),
                                 10, 3590, settings.warn_after_s)
        self.close_after = self._number(form, N_("Seconds without use before the session "
                                                 "closes"), 60, 3600, settings.close_after_s)
        self.save_button = QPushButton()
        self.leave_button = QPushButton()
        self.back_button = QPushButton()
        self.texts.label(self.save_button, N_("Save the settings"))
        self.texts.label(self.leave_button, N_("Leave kiosk mode"))
        self.texts.label(self.back_button, N_("Back to the kiosk"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.accept)
        self.leave_button.clicked.connect(lambda: self.done(self.LEAVE))
        self.back_button.clicked.connect(self.reject)
        for button in (self.save_button, self.leave_button, self.back_button):
            form.addRow(button)

    def _number(self, form: QFormLayout, msgid: str, low: int, high: int,
                value: int) -> QSpinBox:
        label = QLabel()
        label.setWordWrap(True)
        self.texts.bind(label.setText, msgid)
        box = QSpinBox()
        box.setRange(low, high)
        box.setValue(value)
        self.texts.bind(box.setAccessibleName, msgid)
        label.setBuddy(box)
        form.addRow(label, box)
        return box

    def settings(self) -> KioskSettings:
        return KioskSettings(self.days.value(), self.warn.value(),
                             self.close_after.value()).clean()
