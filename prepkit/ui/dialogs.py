"""The plan's dialogs: choosing a passphrase for a new plan, opening a saved plan with it, and
going back to an earlier version of the open one.

Mistakes (a passphrase too short, two that differ, a wrong one) are said inside the dialog, next
to the field, never in another box on top.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import crypto, i18n
from prepkit.i18n import N_, _
from prepkit.ui import qtsetup
from prepkit.ui.texts import Texts, mark_user_text

MIN_LENGTH = 8
STRENGTH = [N_("Too weak"), N_("Weak"), N_("Fair"), N_("Good"), N_("Strong")]


def _label(texts: Texts, msgid: str, role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    texts.bind(label.setText, msgid)
    return label


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, ok_text: str) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, title)
        self.column = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        self.ok = QPushButton()
        self.ok.setProperty("role", "primary")
        self.ok.setDefault(True)
        self.cancel = QPushButton()
        self.texts.label(self.ok, ok_text)
        self.texts.label(self.cancel, N_("Cancel"))
        self.ok.clicked.connect(self.try_accept)
        self.cancel.clicked.connect(self.reject)
        self.setMinimumWidth(520)

    def finish_layout(self) -> None:
        self.column.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        self.column.addLayout(buttons)
        qtsetup.align_labels(self)

    def passphrase_field(self, msgid: str) -> QLineEdit:
        label = _label(self.texts, msgid)
        edit = mark_user_text(QLineEdit())
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(edit)
        self.texts.bind(edit.setAccessibleName, msgid)
        self.column.addWidget(label)
        self.column.addWidget(edit)
        return edit

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def try_accept(self) -> None:
        raise NotImplementedError


class NewPassphraseDialog(_Dialog):
    """Choose the passphrase that locks the plan; there is no way to recover it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, N_("Choose a passphrase"), N_("Save my plan"))
        self.column.addWidget(_label(self.texts, N_(
            "Your plan is locked with a passphrase, so only people who know it can read it. "
            "Choose a few words you will remember, for example three words and a number."), ""))
        self.column.addWidget(_label(self.texts, N_(
            "Important: without this passphrase the plan cannot be opened, and no one can "
            "recover it. Write it down and keep it somewhere safe."), "error"))
        self.first = self.passphrase_field(N_("Passphrase"))
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(True)
        self.texts.bind(self.strength.setAccessibleName, N_("How strong the passphrase is"))
        self.column.addWidget(self.strength)
        self.second = self.passphrase_field(N_("The same passphrase again"))
        self.show_box = QCheckBox()
        self.texts.label(self.show_box, N_("Show the passphrase"))
        self.show_box.toggled.connect(self._show)
        self.column.addWidget(self.show_box)
        self.first.textChanged.connect(self._strength)
        self.finish_layout()
        self._strength("")

    def _show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _strength(self, text: str) -> None:
        score = crypto.passphrase_strength(text)
        self.strength.setValue(score)
        self.strength.setFormat(_("Strength: {level}").format(level=_(STRENGTH[score])))

    def passphrase(self) -> str:
        return self.first.text()

    def try_accept(self) -> None:
        if len(self.first.text()) < MIN_LENGTH:
            self.show_error(_("The passphrase needs at least {n} letters or numbers.")
                            .format(n=i18n.format_number(MIN_LENGTH, i18n.interface_language())))
        elif self.first.text() != self.second.text():
            self.show_error(_("The two passphrases are not the same. Please type them again."))
        else:
            self.accept()


class OpenPlanDialog(_Dialog):
    """Pick a saved plan (by date: the list holds nothing personal) and unlock it."""

    def __init__(self, households: list[Any], unlock: Callable[[str, str], object],
                 parent: QWidget | None = None, preselect: str = "") -> None:
        super().__init__(parent, N_("Open a saved plan"), N_("Open"))
        self.unlock = unlock
        self.households = households
        self.result_value: object = None
        label = _label(self.texts, N_("Saved plan"))
        self.choice = mark_user_text(QComboBox())
        label.setBuddy(self.choice)
        self.texts.bind(self.choice.setAccessibleName, N_("Saved plan"))
        self.column.addWidget(label)
        self.column.addWidget(self.choice)
        self.passphrase = self.passphrase_field(N_("Passphrase"))
        self.finish_layout()
        self.retranslate()
        ids = [h.id for h in households]
        if preselect in ids:
            self.choice.setCurrentIndex(ids.index(preselect))
        self.passphrase.setFocus()

    def retranslate(self) -> None:
        self.texts.retranslate()
        code = i18n.interface_language()
        index = self.choice.currentIndex()
        self.choice.clear()
        for info in self.households:
            when = i18n.format_date(info.updated.date(), code, "medium")
            self.choice.addItem(_("Plan last changed on {date}").format(date=when), info.id)
        self.choice.setCurrentIndex(max(index, 0))

    def try_accept(self) -> None:
        household_id = self.choice.currentData()
        if not household_id:
            self.show_error(_("There is no saved plan on this computer yet."))
            return
        try:
            self.result_value = self.unlock(household_id, self.passphrase.text())
        except Exception as error:
            message = getattr(error, "message", None)
            if message is None:
                raise
            self.show_error(message.render())
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.accept()


class EarlierVersionsDialog(_Dialog):
    """Pick an earlier version of the open plan to bring back.

    Listed by when each was saved, newest first; the plan as it is now is not listed, and it
    stays in the store's history after going back, so the family can change their mind.
    """

    def __init__(self, revisions: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent, N_("Earlier versions"), N_("Go back to this version"))
        self.revisions = revisions[1:]  # the first is the plan as it is now
        self.column.addWidget(_label(self.texts, N_(
            "prepkit keeps earlier versions of your plan. Choose one to bring the plan back as "
            "it was then. The plan as it is now is kept too, so you can change your mind.")))
        self.choice = mark_user_text(QListWidget())
        self.texts.bind(self.choice.setAccessibleName, N_("Earlier versions"))
        self.choice.itemDoubleClicked.connect(lambda _item: self.try_accept())
        self.column.addWidget(self.choice)
        self.finish_layout()
        self.retranslate()
        if self.revisions:
            self.choice.setCurrentRow(0)
            self.choice.setFocus()
        else:
            self.show_error(_("There is no earlier version of this plan yet."))
            self.ok.setEnabled(False)

    def retranslate(self) -> None:
        self.texts.retranslate()
        code = i18n.interface_language()
        row = self.choice.currentRow()
        self.choice.clear()
        texts = [i18n.format_moment(r.saved, code) for r in self.revisions]
        if len(set(texts)) < len(texts):  # two saved within one minute: tell them apart
            texts = [i18n.format_moment(r.saved, code, seconds=True) for r in self.revisions]
        self.choice.addItems(texts)
        self.choice.setCurrentRow(row)

    def chosen(self) -> Any:
        """The revision picked (a ``store.Revision``), or None."""
        row = self.choice.currentRow()
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def try_accept(self) -> None:
        if self.chosen() is not None:
            self.accept()
