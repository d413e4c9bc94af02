"""The main window: top bar (save state, language, text size, contrast), the list of steps, the
page, and Back / Next.  It owns the navigation; the pages own their fields."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_, _
from prepkit.plan import Mode, Plan
from prepkit.store import StoreError
from prepkit.ui import qtsetup, style
from prepkit.ui.dialogs import EarlierVersionsDialog, NewPassphraseDialog, OpenPlanDialog
from prepkit.ui.pages.base import Page
from prepkit.ui.pages.start import StartPage, picker_name
from prepkit.ui.saver import Saver, SaveState
from prepkit.ui.steps import make_steps
from prepkit.ui.texts import Texts, mark_user_text
from prepkit.ui.uistate import UiState, UiStateStore

SAVE_WORDS = {
    SaveState.NOT_SAVED: N_("Not saved yet"),
    SaveState.SAVING: N_("Saving…"),
    SaveState.SAVED: N_("Saved"),
    SaveState.FAILED: N_("Not saved: the last change could not be saved"),
}


def _listen(window: MainWindow) -> Callable[[], None]:
    """Follow language changes until the window closes; returns the way to stop."""
    ref = weakref.ref(window)

    def listener(code: str) -> None:
        alive = ref()
        if alive is not None and shiboken6.isValid(alive):
            alive.language_changed(code)

    return i18n.on_interface_language_changed(listener)


def first_input(page: Page) -> QWidget | None:
    """The first widget of the page body that Tab would stop at: an input or a button, never
    the containers around them (a focused container shows no focus and takes no typing)."""
    inner = page.scroll_area.widget()  # the page body, set when the page was made
    if inner is None:
        return None
    widget = inner.nextInFocusChain()
    for _step in range(2000):  # the chain is a ring through the whole window
        if widget is None or widget is inner:
            return None
        if inner.isAncestorOf(widget) and widget.isVisibleTo(page) and widget.isEnabled() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            return widget
        widget = widget.nextInFocusChain()
    return None


class MainWindow(QMainWindow):
    finish_requested = Signal()  # kiosk: the family pressed Finish; the kiosk asks what to keep

    def __init__(self, store: Any, *, kiosk: bool = False,
                 state_file: UiStateStore | None = None) -> None:
        super().__init__()
        self.store = store
        self.kiosk = kiosk
        self.kiosk_output: object = None  # kiosk: its print and save-to-USB actions
        self.state_file = state_file or UiStateStore(None)
        self.state = self.state_file.read()
        # The size the user chose, or one that follows the platform's text size.
        self.look = style.Look(
            self.state.base_pt or style.starting_pt(qtsetup.system_point_size()),
            self.state.high_contrast)
        self.texts = Texts()
        self.plan = self.new_plan()
        self.saver = Saver(store, self.plan, self)
        self.saver.state_changed.connect(self._show_save_state)
        self.saver.saved.connect(self.refresh_steps)

        self.start = StartPage(self.plan, self.saver)
        self.start.new_plan.connect(self.ask_new_plan)
        self.start.open_plan.connect(self.ask_open_plan)
        # The steps are built after the first paint (or when first needed): the start page is
        # on screen at once, and the ~0.3 s of building fourteen pages happens while the
        # family reads it.  See ``pages``.
        self._pages: list[Page] | None = None
        self._going = False

        self._build()
        self.texts.bind(self.setWindowTitle, N_("Family preparedness plan"))
        self.resize(1100, 780)
        self._stop_listening = _listen(self)
        if self.state.interface_language and self.state.interface_language != \
                i18n.interface_language():
            i18n.set_interface_language(self.state.interface_language)
        else:
            self.language_changed(i18n.interface_language())
        self._apply_look()
        self.show_start()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        bar = QFrame()
        bar.setProperty("role", "bar")
        top = QHBoxLayout(bar)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)  # a long title takes two lines, not the bar's room
        self.texts.bind(self.title_label.setText, N_("Family preparedness plan"))
        self.save_label = QLabel()
        self.save_label.setProperty("role", "status")
        self.save_problem = QLabel()  # why the last change was not saved; hidden when it was
        self.save_problem.setProperty("role", "problem")
        self.save_problem.setWordWrap(True)
        self.save_problem.hide()
        self.language_label = QLabel()
        self.texts.bind(self.language_label.setText, N_("Language"))
        self.language_combo = mark_user_text(QComboBox())
        for lang in i18n.LANGUAGES:
            self.language_combo.addItem(picker_name(lang), lang.code)
        self.language_label.setBuddy(self.language_combo)
        self.texts.bind(self.language_combo.setAccessibleName, N_("Language"))
        self.language_combo.activated.connect(
            lambda i: i18n.set_interface_language(self.language_combo.itemData(i))
        )
        self.smaller = QPushButton("\u200eA−\u200e")
        self.bigger = QPushButton("\u200eA+\u200e")
        self.texts.bind(self.smaller.setToolTip, N_("Smaller text (Ctrl and −)"))
        self.texts.bind(self.bigger.setToolTip, N_("Bigger text (Ctrl and +)"))
        self.texts.bind(self.smaller.setAccessibleName, N_("Smaller text"))
        self.texts.bind(self.bigger.setAccessibleName, N_("Bigger text"))
        for button in (self.smaller, self.bigger):
            mark_user_text(button)  # "A−" / "A+" are symbols, named for screen readers above
            button.setProperty("role", "compact")  # still a full-size target; less padding
        self.smaller.clicked.connect(lambda: self.set_look(self.look.smaller()))
        self.bigger.clicked.connect(lambda: self.set_look(self.look.bigger()))
        self.versions_button = QPushButton()
        self.texts.label(self.versions_button, N_("Earlier versions"))
        self.versions_button.clicked.connect(self.ask_earlier_versions)
        self.versions_button.hide()  # shown while a plan is open (``show_plan``)
        self.contrast = QCheckBox()
        self.texts.label(self.contrast, N_("High contrast"))
        self.contrast.setChecked(self.look.high_contrast)
        self.contrast.toggled.connect(lambda on: self.set_look(self.look.contrast(on)))
        # The title takes the room the controls leave (wrapping onto two lines when short of
        # it); the controls never shrink below their text.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setMinimumWidth(self.title_label.fontMetrics().averageCharWidth() * 12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.save_label)
        top.addWidget(self.versions_button)  # beside "Saved": the history of those saves
        top.addSpacing(8)
        top.addWidget(self.language_label)
        top.addWidget(self.language_combo)
        top.addWidget(self.smaller)
        top.addWidget(self.bigger)
        top.addWidget(self.contrast)

        self.side = QFrame()
        self.side.setProperty("role", "sidepanel")
        side = QVBoxLayout(self.side)
        self.steps_label = QLabel()
        self.steps_label.setProperty("role", "heading")
        self.texts.bind(self.steps_label.setText, N_("Steps"))
        self.step_list = QListWidget()
        self.texts.bind(self.step_list.setAccessibleName, N_("Steps"))
        self.steps_label.setBuddy(self.step_list)
        self.step_list.currentRowChanged.connect(self._step_clicked)
        self.step_list.setMinimumWidth(230)
        self.step_list.setWordWrap(True)  # long step names wrap, no sideways scroll bar
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.addWidget(self.steps_label)
        side.addWidget(self.step_list)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)

        self.back = QPushButton()
        self.next = QPushButton()
        self.next.setProperty("role", "primary")
        for button in (self.back, self.next):
            button.setAutoDefault(True)
            button.setMinimumWidth(140)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        self.nav = QWidget()
        self.nav.setLayout(nav)

        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.side)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addWidget(self.nav)
        middle.addLayout(right, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(bar)
        column.addWidget(self.save_problem)
        column.addLayout(middle, 1)
        self.setCentralWidget(central)

        for keys, slot in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
                            lambda: self.set_look(self.look.bigger())),
                           ((QKeySequence.StandardKey.ZoomOut,),
                            lambda: self.set_look(self.look.smaller()))):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

    @property
    def pages(self) -> list[Page]:
        """The wizard's steps, built on first use."""
        if self._pages is None:
            self._pages = self._build_pages()
        return self._pages

    def _built_pages(self) -> list[Page]:
        """The steps if they exist yet, without building them (for start-up work)."""
        return self._pages or []

    def _build_pages(self) -> list[Page]:
        pages = make_steps(self.plan, self.saver, self.store, kiosk=self.kiosk)
        for page in pages:
            page.go_to.connect(self._page_wants)
            page.position_changed.connect(lambda p=page: self._position_moved(p))
            self.step_list.addItem(QListWidgetItem())
            self.stack.addWidget(page)
            page.retranslate()
        self._pages = pages
        qtsetup.align_labels(self)
        self.refresh_steps()
        return pages

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._pages is None:
            QTimer.singleShot(0, lambda: self.pages)  # first paint is done: build the steps
        return super().event(event)

    # --- the plan ------------------------------------------------------------------------------

    def new_plan(self) -> Plan:
        plan = Plan(mode=Mode.KIOSK if self.kiosk else Mode.HOME)
        plan.record.made_on = date.today()
        plan.record.family_language = i18n.interface_language()
        return plan

    def show_plan(self, plan: Plan) -> None:
        self.plan = plan
        for page in self.pages:
            page.load(plan)
        session = self.saver.session  # staff sessions read and print; they never change a plan
        self.versions_button.setVisible(session is not None and not session.read_only)
        self.refresh_steps()

    def start_new_plan(self, passphrase: str) -> None:
        """Create the household (the first save) and go to the first step."""
        plan = self.new_plan()
        session = self.store.create_household(plan, passphrase, kiosk=self.kiosk)
        self.saver.attach(session, plan)
        self.show_plan(plan)
        self.remember(household_id=session.household_id)
        self.go("family")

    def open_household(self, household_id: str, passphrase: str) -> None:
        """Unlock and show a saved plan, at the step the user left it (StoreError if not)."""
        session = self.store.unlock(household_id, passphrase)
        self.use_session(session)

    def use_session(self, session: Any) -> None:
        try:
            plan = self.store.load(session)
        except StoreError as error:  # a damaged plan: say so, keep the window usable
            self._tell(error.message.render())
            return
        self.saver.attach(session, plan)
        self.show_plan(plan)
        same = session.household_id == self.state.household_id
        step, item = (self.state.step, self.state.item_id) if same else ("family", "")
        self.remember(household_id=session.household_id)
        self.go(step if step in self.step_keys() else "family", item)

    def close_plan(self) -> None:
        """Save, forget the key, clear the screen: the next person sees the start page."""
        self.saver.flush()
        session = self.saver.session
        self.saver.detach()
        if session is not None:
            session.forget()
        self.show_plan(self.new_plan())
        if self.kiosk:
            self.state = UiState(interface_language="")
        self.show_start()

    def ask_new_plan(self) -> None:
        dialog = NewPassphraseDialog(self)
        if dialog.exec():
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.start_new_plan(dialog.passphrase())
            finally:
                QApplication.restoreOverrideCursor()

    def ask_earlier_versions(self) -> None:
        """Undo, for people who never touch a command line: bring back an earlier version."""
        session = self.saver.session
        if session is None:
            return
        self.saver.flush()  # what was just typed is a version too, and stays one
        dialog = EarlierVersionsDialog(self.store.history(session), self)
        revision = dialog.chosen() if dialog.exec() else None
        if revision is None:
            return
        try:
            plan = self.store.restore(session, revision.number)
        except StoreError as error:
            self._tell(error.message.render())
            return
        self.saver.attach(session, plan)
        self.show_plan(plan)
        when = i18n.format_moment(revision.saved, i18n.interface_language())
        self._tell(_("The plan is back as it was on {date}.").format(date=when),
                   QMessageBox.Icon.Information)

    def _tell(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        box = QMessageBox(icon, _("Family preparedness plan"), text,
                          QMessageBox.StandardButton.NoButton, self)
        close = box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(close)
        box.exec()

    def ask_open_plan(self) -> None:
        households = self.store.list_households()
        dialog = OpenPlanDialog(households, self.store.unlock, self,
                                preselect=self.state.household_id)
        if dialog.exec():
            self.use_session(dialog.result_value)

    # --- navigation ----------------------------------------------------------------------------

    def step_keys(self) -> list[str]:
        return [page.key for page in self.pages]

    def page(self, key: str) -> Page:
        return next(page for page in self.pages if page.key == key)

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        if not isinstance(page, Page):  # the stack holds the start page and the steps only
            raise RuntimeError(f"not a page: {page!r}")
        return page

    def show_start(self) -> None:
        self.stack.setCurrentWidget(self.start)
        self.side.hide()
        self.nav.hide()
        self.start.new_button.setFocus()

    def go(self, key: str, item_id: str = "") -> None:
        """Show step ``key`` (and on it the child or person ``item_id``)."""
        current = self.current_page()
        current.save(self.plan)
        page = self.page(key)
        self._going = True  # loading moves the page's selection: remembered once, below
        try:
            page.load(self.plan)
            if item_id:
                page.show_item(item_id)
        finally:
            self._going = False
        self.stack.setCurrentWidget(page)
        self.side.show()
        self.nav.show()
        row = self.pages.index(page)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(row)
        self.step_list.blockSignals(False)
        self._update_nav()
        self.refresh_steps()
        self.remember(step=key, item_id=page.current_item_id())
        page.scroll_area.verticalScrollBar().setValue(0)
        first = first_input(page)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def _index(self) -> int:
        page = self.current_page()
        return self.pages.index(page) if page in self.pages else -1

    def go_next(self) -> None:
        index = self._index()
        if index == len(self.pages) - 1:
            self.finish()
        elif index >= 0:
            self.go(self.pages[index + 1].key)

    def go_back(self) -> None:
        index = self._index()
        if index > 0:
            self.go(self.pages[index - 1].key)
        elif index == 0:
            self.current_page().save(self.plan)
            self.show_start()

    def finish(self) -> None:
        self.current_page().save(self.plan)
        if self.kiosk:
            self.saver.flush()
            self.finish_requested.emit()
            return
        self.close_plan()

    def teardown(self) -> None:
        """Kiosk: save, forget the session key and let go of everything global, so that the
        window, its pages and the family's plan can all be freed once it is deleted."""
        self._wait_for_pages()
        self.saver.flush()
        session = self.saver.session
        self.saver.detach()
        if session is not None:
            session.forget()
        self._stop_listening()

    def _step_clicked(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.go(self.pages[row].key)

    def _position_moved(self, page: Page) -> None:
        """Another tab or person chosen: remembered now, so even a killed app resumes there
        (a tab or a click is rare; keystrokes never come here)."""
        if not self._going and self.stack.currentWidget() is page:
            self.remember(step=page.key, item_id=page.current_item_id())

    def _page_wants(self, key: str, item_id: str) -> None:
        if key:
            self.go(key, item_id)
        else:
            self.go_next()

    def _update_nav(self) -> None:
        index = self._index() if self._pages is not None else -1
        self.back.setText(_("Back"))
        self.back.setAccessibleName(_("Back"))
        last = index >= 0 and index == len(self._built_pages()) - 1
        self.next.setText(_("Finish") if last else _("Next"))
        self.next.setAccessibleName(self.next.text())

    def refresh_steps(self) -> None:
        for row, page in enumerate(self._built_pages()):
            item = self.step_list.item(row)
            done = page.is_complete(self.plan)
            mark = "✓" if done else "○"
            item.setText(f"{mark}  {_(page.title_text)}")
            item.setToolTip(_("Complete") if done else _("Not complete yet"))

    # --- keyboard ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys that no field used: Enter moves on, Escape goes back. Nothing is ever lost.
        if self.stack.currentWidget() is not self.start:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.go_next()
                return
            if event.key() == Qt.Key.Key_Escape:
                self.go_back()
                return
        super().keyPressEvent(event)

    # --- language, look, state ---------------------------------------------------------------

    def language_changed(self, code: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            qtsetup.apply_language(app, code)
        index = self.language_combo.findData(code)
        self.language_combo.setCurrentIndex(index)
        self.retranslate()
        qtsetup.align_labels(self)
        if not self.kiosk:
            self.remember(interface_language=code)

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.start.retranslate()
        for page in self._built_pages():
            page.retranslate()
        self._update_nav()
        self.refresh_steps()
        self._show_save_state(str(self.saver.state))

    def set_look(self, look: style.Look) -> None:
        chosen_size = look.base_pt != self.look.base_pt
        self.look = look
        self._apply_look()
        # A size is kept only once the user picks one: until then it follows the platform's.
        if chosen_size:
            self.remember(base_pt=look.base_pt)
        self.remember(high_contrast=look.high_contrast)

    def _apply_look(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            qtsetup.apply_look(app, self.look)

    def _show_save_state(self, state: str) -> None:
        text = _(SAVE_WORDS[SaveState(state)])
        self.save_label.setText(text)
        self.save_label.setAccessibleName(text)
        # Why (a full disk, a locked USB stick) and what to do, across the whole window under
        # the top bar, in the error colour: grey words in a corner are easy to miss.
        # The short status in the bar gives way to it (the bar has no room for both).
        failed = state == SaveState.FAILED
        error = getattr(self.saver.error, "message", None)
        why = ""
        if failed:
            why = f"{text}\n{error.render()}" if isinstance(error, i18n.Message) else text
        self.save_problem.setText(why)
        self.save_problem.setAccessibleName(why)
        self.save_problem.setVisible(failed)
        self.save_label.setVisible(not failed)

    def remember(self, **changes: Any) -> None:
        if all(getattr(self.state, name) == value for name, value in changes.items()):
            return  # nothing new: no write
        for name, value in changes.items():
            setattr(self.state, name, value)
        # Only the "where was I" hint: a full disk must not stop the family working.
        with contextlib.suppress(StoreError):
            self.state_file.write(self.state)

    def _wait_for_pages(self) -> None:
        """Background work ends before the window goes (a print still going is stopped)."""
        for page in self._built_pages():
            wait = getattr(page, "wait", None)
            if callable(wait):
                wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._wait_for_pages()
        self.saver.flush()
        if self.stack.currentWidget() in self._built_pages():
            page = self.current_page()
            self.remember(step=page.key, item_id=page.current_item_id())
        self._stop_listening()
        super().closeEvent(event)
