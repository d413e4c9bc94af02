"""The first screen: the language picker, then a new plan or a saved one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_
from prepkit.plan import Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver
from prepkit.ui.texts import mark_user_text, picker_name

__all__ = ["StartPage", "picker_name"]  # picker_name lives in texts (widgets use it too)

COLUMNS = 4


# Written in each language itself, like the language's name: the family choosing may not
# read the interface language at all.
DRAFT = N_("draft")


def draft_height() -> int:
    """Room a draft mark takes, kept under a reviewed language's button too: rows stay even."""
    return QLabel("draft").sizeHint().height()


class StartPage(Page):
    key = "start"
    title_text = N_("Welcome")
    intro_text = N_("Choose your language. You can change it later at the top of the window.")

    new_plan = Signal()
    open_plan = Signal()

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        grid = QGridLayout()
        self.language_buttons: dict[str, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.draft_marks: dict[str, QLabel] = {}
        self._marks_filled = False
        mark_height = draft_height()
        for index, lang in enumerate(i18n.LANGUAGES):
            cell = QWidget()
            column = QVBoxLayout(cell)  # the draft mark under the button: equal buttons
            column.setSpacing(2)
            column.setContentsMargins(0, 0, 0, 0)
            button = mark_user_text(QPushButton(picker_name(lang)))
            button.setProperty("role", "language")
            button.setCheckable(True)
            button.setAutoDefault(True)
            button.setAccessibleName(picker_name(lang))
            button.clicked.connect(lambda _c=False, code=lang.code: self._choose(code))
            self.group.addButton(button)
            column.addWidget(button, 1)
            # The mark's words come after the first paint (see ``fill_draft_marks``); its room
            # is kept now, under every button, so the rows neither jump nor differ.
            draft = mark_user_text(QLabel())
            draft.setProperty("role", "draft")
            draft.setMinimumHeight(mark_height)
            column.addWidget(draft, 0, Qt.AlignmentFlag.AlignHCenter)
            self.draft_marks[lang.code] = draft
            self.language_buttons[lang.code] = button
            grid.addWidget(cell, index // COLUMNS, index % COLUMNS)
        self.body.addLayout(grid)
        self.body.addSpacing(24)
        row = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.setProperty("role", "primary")
        self.open_button = QPushButton()
        for button in (self.new_button, self.open_button):
            button.setAutoDefault(True)
            button.setMinimumHeight(56)
            row.addWidget(button)
        self.texts.label(self.new_button, N_("Start a new plan"))
        self.texts.label(self.open_button, N_("Open a saved plan"))
        self.new_button.clicked.connect(self.new_plan.emit)
        self.open_button.clicked.connect(self.open_plan.emit)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self._mark(i18n.interface_language())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._marks_filled:
            QTimer.singleShot(0, self.fill_draft_marks)
        return super().event(event)

    def fill_draft_marks(self) -> None:
        """Mark each draft language in its own words.

        Deferred past the first paint: in a source checkout each language's catalog is
        compiled from its .po on first use, and fifteen of them cost a quarter of a second
        that the first window should not wait for."""
        if self._marks_filled:
            return
        self._marks_filled = True
        for code, label in self.draft_marks.items():
            if not i18n.is_draft(code):
                continue
            label.setText(i18n.translations(code).gettext(DRAFT))
            self.texts.bind(self.language_buttons[code].setToolTip,
                            N_("Draft translation: not yet checked by a native speaker"))

    def _choose(self, code: str) -> None:
        i18n.set_interface_language(code)

    def _mark(self, code: str) -> None:
        button = self.language_buttons.get(code)
        if button is not None:
            button.setChecked(True)

    def retranslate(self) -> None:
        super().retranslate()
        self._mark(i18n.interface_language())
