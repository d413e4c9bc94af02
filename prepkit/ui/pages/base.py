"""What every wizard page is: a title, an introduction and a body, and one small protocol.

``load(plan)`` shows a plan, ``save(plan)`` writes anything pending into it (fields write
through as they are edited, so usually nothing), ``retranslate()`` re-applies every text in the
interface language.  Pages receive the plan and the saver when made; nothing is global.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from prepkit.plan import Plan
from prepkit.ui.saver import Saver
from prepkit.ui.texts import Texts
from prepkit.ui.widgets.binding import Owner
from prepkit.ui.widgets.form import Form


class Page(QWidget):
    key = ""  # stable name, remembered to resume here
    title_text = ""  # msgid
    intro_text = ""  # msgid
    kiosk_hidden = False

    # A page asks the window to go somewhere (the review page's links, "skip this step").
    go_to = Signal(str, str)  # page key, the id of the child or person to show there
    # The user chose another child's tab or person in a list: the window remembers it.
    position_changed = Signal()

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__()
        self.plan = plan
        self.saver = saver
        self.texts = Texts()
        self.forms: list[Form] = []
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.texts.bind(self.title.setText, self.title_text)
        if self.intro_text:
            self.texts.bind(self.intro.setText, self.intro_text)
        else:
            self.intro.hide()
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self._body_margins()
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 8)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addWidget(scroll, 1)

    def changed(self) -> None:
        self.saver.changed()

    def form(self, owner: Owner) -> Form:
        """A form bound to what ``owner()`` returns, added to the page body."""
        form = Form(owner, self.changed)
        self.forms.append(form)
        self.body.addWidget(form)
        return form

    # --- the protocol --------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        self.plan = plan
        for form in self.forms:
            form.load()

    def save(self, plan: Plan) -> None:
        """Fields write into the plan as they are edited; nothing is held back here."""

    def _body_margins(self) -> None:
        """A gap between the fields and the scroll bar, on whichever side the bar is (layout
        margins are not mirrored for right-to-left languages)."""
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.body.setContentsMargins(12 if rtl else 0, 0, 0 if rtl else 12, 0)

    def retranslate(self) -> None:
        self.texts.retranslate()
        self._body_margins()
        for form in self.forms:
            form.retranslate()

    def is_complete(self, plan: Plan) -> bool:
        return True

    def show_item(self, item_id: str) -> None:
        """Per-child pages switch to that child, list pages to that child or person; others
        ignore it."""

    def current_item_id(self) -> str:
        """The child or person shown, remembered so a restart shows the same one."""
        return ""
