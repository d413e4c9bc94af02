"""What the family sees at the edges of a kiosk session: the countdown when nobody has touched
the screen for a while, and the choice at the end (keep the plan here or not; the school's
consent).  Everything is in the session's language: the interface language they picked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_, _, ngettext
from prepkit.ui import qtsetup
from prepkit.ui.kiosk.widgets import KioskDialog, WrappedChoice


class Countdown(KioskDialog):
    """Large and plain: "Are you still here?" and the seconds left; one big button to stay."""

    still_here = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, N_("Are you still here?"))
        self.setModal(True)
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("countdown")
        self.setStyleSheet("#countdown { border: 4px solid palette(highlight); }")
        column = self.column
        column.setContentsMargins(48, 40, 48, 40)
        self.question = QLabel()
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.question.setProperty("role", "heading")
        big = self.question.font()
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.question.setFont(big)
        self.seconds = QLabel()
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds.setWordWrap(True)
        mid = self.seconds.font()
        mid.setPointSizeF(mid.pointSizeF() * 1.6)
        self.seconds.setFont(mid)
        self.stay = QPushButton()
        self.stay.setProperty("role", "primary")
        self.stay.setMinimumHeight(72)
        self.stay.setFont(mid)
        self.stay.clicked.connect(self.still_here.emit)
        column.addWidget(self.question)
        column.addSpacing(16)
        column.addWidget(self.seconds)
        column.addSpacing(24)
        column.addWidget(self.stay)
        self.remaining = 0

    def show_remaining(self, seconds: int) -> None:
        self.remaining = seconds
        code = i18n.interface_language()
        self.question.setText(_("Are you still here?"))
        self.seconds.setText(ngettext(
            "If no one touches the screen, this plan closes in {n} second and everything on "
            "the screen is cleared.",
            "If no one touches the screen, this plan closes in {n} seconds and everything on "
            "the screen is cleared.", seconds).format(n=i18n.format_number(seconds, code)))
        self.stay.setText(_("Yes, I am still here"))
        self.stay.setAccessibleName(self.stay.text())

    def retranslate(self) -> None:
        super().retranslate()
        self.show_remaining(self.remaining)

    def keyPressEvent(self, event: object) -> None:  # any key means someone is here
        self.still_here.emit()


class EndSessionDialog(KioskDialog):
    """The family's two separate choices when they finish at the kiosk."""

    def __init__(self, retention_days: int, *, kept: bool, consented: bool, can_share: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, N_("Before you go"))
        self._can_share = can_share
        self.setMinimumWidth(640)
        column = self.column
        heading = QLabel()
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        self.texts.bind(heading.setText, N_("Did you print everything you need? Then choose:"))
        column.addWidget(heading)
        self.keep_nothing = QRadioButton()
        self.keep = QRadioButton()
        self.keep_nothing_row = WrappedChoice(self.keep_nothing)
        self.keep_row = WrappedChoice(self.keep)
        self.texts.bind(self.keep_nothing_row.setText,
                        N_("I printed my papers. Keep nothing on this computer."))
        self.texts.bind(self.keep_row.setText,
                        N_("Keep my plan on this computer, locked with my passphrase, "
                           "so I can update it on a later visit."))
        group = QButtonGroup(self)
        for button, row in ((self.keep_nothing, self.keep_nothing_row),
                            (self.keep, self.keep_row)):
            group.addButton(button)
            column.addWidget(row)
        note = QLabel()
        note.setWordWrap(True)
        note.setProperty("role", "help")
        self.live(lambda: note.setText(ngettext(
            "A plan kept here that is not updated for {n} day is deleted automatically.",
            "A plan kept here that is not updated for {n} days is deleted automatically.",
            retention_days).format(
                n=i18n.format_number(retention_days, i18n.interface_language()))))
        column.addWidget(note)
        column.addSpacing(12)
        self.consent = QCheckBox()
        self.consent_row = WrappedChoice(self.consent)
        self.texts.bind(self.consent_row.setText, N_(
            "The school may reprint my school letters and caregiver packets for me."))
        self.consent.setChecked(consented)
        column.addWidget(self.consent_row)
        consent_note = QLabel()
        consent_note.setWordWrap(True)
        consent_note.setProperty("role", "help")
        self.texts.bind(consent_note.setText, N_(
            "Only school staff with the staff passphrase can do this, and only for these papers. "
            "You can take this back on a later visit. If nothing is kept here, there is nothing "
            "to reprint."))
        column.addWidget(consent_note)
        self.keep.toggled.connect(lambda on: self.consent_row.setEnabled(on and can_share))
        self.choose(keep=kept, consent=consented)
        buttons = QHBoxLayout()
        self.back = QPushButton()
        self.done_button = QPushButton()
        self.texts.label(self.back, N_("Back to my plan"))
        self.texts.label(self.done_button, N_("Done"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setDefault(True)
        self.back.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        column.addLayout(buttons)
        qtsetup.align_labels(self)

    def choose(self, *, keep: bool, consent: bool) -> None:
        (self.keep if keep else self.keep_nothing).setChecked(True)
        self.consent.setChecked(consent)
        self.consent_row.setEnabled(keep and self._can_share)

    def keeps(self) -> bool:
        return self.keep.isChecked()

    def consents(self) -> bool:
        return self.keeps() and self.consent.isChecked()
