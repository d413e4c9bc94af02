"""The counselor's desk (``prepkit --counselor``): reprint school papers for consenting families.

Only households whose family consented are listed (the staff key can open no other: their data
key was never wrapped to it).  Names are decrypted into memory to list and search them, never
written anywhere.  A counselor sees and prints only what the family agreed to: the school
pick-up letter and the caregiver packet, in the family's language plus English, rendered from a
copy of the plan without its private section; nothing here can change a plan.  Every copy
printed or saved lands in that plan's copies log.  Opening the desk first deletes kiosk plans
past the staff's number of days, like the kiosk does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_, _, ngettext
from prepkit.ui import qtsetup
from prepkit.ui.counselor_actions import FOR_WHOM, DeskOutput
from prepkit.ui.counselor_batch import BatchJob, BatchResult, PagePainter, PaintResult
from prepkit.ui.counselor_families import (
    Family,
    fold,
    load_families,
    search_words,
    staff_plan,
)
from prepkit.ui.counselor_model import FamiliesModel, FamiliesView
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.kiosk.widgets import follow_language
from prepkit.ui.preview import PRINT_DPI, Preview
from prepkit.ui.renderjob import RenderJob, RenderRequest, RenderResult
from prepkit.ui.texts import StatusLine, Texts, mark_user_text

__all__ = ["FOR_WHOM", "CounselorWindow", "Family", "fold", "load_families", "staff_plan"]

DOCUMENTS = (("school-letter", N_("School pick-up letters")),
             ("caregiver-packet", N_("Caregiver packets")))


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CounselorWindow(DeskOutput, QMainWindow):
    def __init__(self, store: Any, staff_key: Any, *,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.store = store
        self.staff_key = staff_key
        # Plans kept at a kiosk and not updated for the staff's number of days go before the
        # list is made: a desk opened on a school's file never shows one past its time.
        self.purged: list[str] = list(store.purge_stale_kiosk_households(
            KioskSettings.load(store).retention_days, now=(now or _utc_now)()))
        self.texts = Texts()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: BatchJob | None = None
        self.printing: PagePainter | None = None
        self.view_job: RenderJob | None = None
        self.viewing = ""  # the household whose papers the preview shows
        self.last_result: BatchResult | None = None
        self.last_print: PaintResult | None = None
        # Replaceable in tests: where files go, and which printer (None: the person cancelled).
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.choose_printer: Callable[[], QPrinter | None] = self._ask_printer
        self.texts.bind(self.setWindowTitle, N_("Counselor's desk"))
        self._build()
        self.fill(load_families(store, staff_key))
        self.resize(1280, 800)
        self.stop_following = follow_language(self)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel()
        heading.setProperty("role", "heading")
        self.texts.bind(heading.setText, N_("Counselor's desk"))
        intro = QLabel()
        intro.setWordWrap(True)
        self.texts.bind(intro.setText, N_(
            "Only families who agreed that the school may reprint their papers are listed. "
            "Plans are read-only here: a counselor cannot change them."))
        search_label = QLabel()
        self.texts.bind(search_label.setText, N_("Search by a child's or parent's name"))
        self.search = mark_user_text(QLineEdit())
        self.texts.bind(self.search.setAccessibleName, N_("Search by a child's or parent's name"))
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(self.filter)
        self.model = FamiliesModel([], self)
        self._hidden: set[int] = set()  # rows the search hides
        self.table = mark_user_text(FamiliesView())
        self.table.setModel(self.model)
        self.texts.bind(self.table.setAccessibleName, N_("Families"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.activated_row.connect(lambda _row: self.open_current())
        self.count_label = QLabel()
        self.select_all = QPushButton()
        self.select_none = QPushButton()
        self.texts.label(self.select_all, N_("Select all shown"))
        self.texts.label(self.select_none, N_("Select none"))
        self.select_all.clicked.connect(lambda: self.check_shown(True))
        self.select_none.clicked.connect(lambda: self.check_shown(False))
        self.open_button = QPushButton()
        self.texts.label(self.open_button, N_("Open (read only)"))
        self.open_button.clicked.connect(self.open_current)
        self.document = QComboBox()
        for index, (kind, title) in enumerate(DOCUMENTS):
            self.document.addItem("", kind)
            self.texts.bind(partial(self.document.setItemText, index), title)
        self.texts.bind(self.document.setAccessibleName, N_("Document"))
        self.print_button = QPushButton()
        self.export_button = QPushButton()
        self.texts.label(self.print_button, N_("Print for the selected families…"))
        self.texts.label(self.export_button, N_("Save as PDF files for the selected families…"))
        self.print_button.setProperty("role", "primary")
        self.print_button.clicked.connect(self.print_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.progress = QProgressBar()
        self.texts.bind(self.progress.setAccessibleName, N_("Making the documents"))
        self.progress.hide()
        self.cancel_button = QPushButton()
        self.texts.label(self.cancel_button, N_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "help")
        self.said = StatusLine(self.status)  # says its message again after a language switch
        self.preview_label = QLabel()
        self.preview_label.setProperty("role", "heading")
        self.preview = Preview()

        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(intro)
        left.addWidget(search_label)
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.select_all)
        row.addWidget(self.select_none)
        left.addLayout(row)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.document)
        left.addLayout(actions)
        outputs = QHBoxLayout()
        outputs.addWidget(self.print_button)
        outputs.addWidget(self.export_button)
        left.addLayout(outputs)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        left.addLayout(progress)
        left.addWidget(self.status)
        right = QVBoxLayout()
        right.addWidget(self.preview_label)
        right.addWidget(self.preview, 1)
        central = QWidget()
        columns = QHBoxLayout(central)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.setCentralWidget(central)

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.preview.retranslate()
        self.model.retranslate()
        self.filter(self.search.text())
        self._preview_heading()
        self.said.retranslate()
        qtsetup.align_labels(self)

    # --- the list --------------------------------------------------------------------------

    @property
    def families(self) -> list[Family]:
        """The families listed: the model's, so the list and what is searched never differ."""
        return self.model.families

    def fill(self, families: list[Family]) -> None:
        # A model reset keeps the view's hidden rows: un-hide them, the search hides again.
        for row in self._hidden:
            self.table.setRowHidden(row, False)
        self._hidden = set()
        self.model.set_families(families)
        self.filter(self.search.text())

    def filter(self, query: str) -> None:
        words = search_words(query)
        hidden = {row for row, family in enumerate(self.families)
                  if not family.has_words(words)} if words else set()
        for row in hidden ^ self._hidden:  # only the rows that change: a keystroke is quick
            self.table.setRowHidden(row, row in hidden)
        self._hidden = hidden
        shown = len(self.families) - len(hidden)
        code = i18n.interface_language()
        self.count_label.setText(ngettext("{n} family shown", "{n} families shown", shown)
                                 .format(n=i18n.format_number(shown, code)))
        if self.viewing and self.viewing not in self.shown_ids():
            self.clear_view()  # a family the search hides is not left on the screen

    def _shown(self, row: int) -> bool:
        """A row of the list that the search has not hidden (``filter`` keeps ``_hidden``)."""
        return 0 <= row < len(self.families) and row not in self._hidden

    def shown_ids(self) -> list[str]:
        return [f.household_id for row, f in enumerate(self.families) if row not in self._hidden]

    def check_shown(self, on: bool) -> None:
        self.model.set_ticked([row for row in range(len(self.families))
                               if row not in self._hidden], on)

    def check(self, household_ids: list[str]) -> None:
        wanted = set(household_ids)
        rows = range(len(self.families))
        self.model.set_ticked([r for r in rows if self.families[r].household_id in wanted], True)
        self.model.set_ticked([r for r in rows if self.families[r].household_id not in wanted],
                              False)

    def current_row(self) -> int:
        """The row of the family the cursor is on, or -1."""
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def set_current_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 0))

    def selected_ids(self) -> list[str]:
        """The ticked families that are shown; if none is ticked, the current row."""
        ticked = [f.household_id for row, f in enumerate(self.families)
                  if row not in self._hidden and self.model.is_ticked(row)]
        if ticked:
            return ticked
        row = self.current_row()
        return [self.families[row].household_id] if self._shown(row) else []

    # --- viewing ---------------------------------------------------------------------------

    def family(self, household_id: str) -> Family | None:
        return next((f for f in self.families if f.household_id == household_id), None)

    def open_current(self) -> None:
        """Show what the school may reprint for this family, read only, in the preview."""
        ids = self.selected_ids()
        row = self.current_row()
        household_id = (self.families[row].household_id if self._shown(row)
                        else (ids[0] if ids else ""))
        family = self.family(household_id)
        if family is None:
            self.said.say(N_("Choose a family first."))
            return
        plan = staff_plan(self.store, self.staff_key, household_id)
        request = RenderRequest(plan, [kind for kind, _t in DOCUMENTS], family.language,
                                family.language != "en")
        job = RenderJob(request)
        job.signals.finished.connect(
            lambda result, hid=household_id: self._show_view(hid, result))
        self.view_job = job
        self.viewing = household_id
        self._preview_heading()
        self.pool.start(job)

    def _preview_heading(self) -> None:
        family = self.family(self.viewing)
        self.preview_label.setText(
            _("Read only: {names}").format(names=family.parents) if family else "")

    def _show_view(self, household_id: str, result: RenderResult) -> None:
        if household_id == self.viewing:  # not hidden or replaced while it was made
            self.preview.show_pdf(result.combined)
            self.view_job = None  # done: its copy of the plan need not outlive it

    def clear_view(self) -> None:
        self.view_job = None  # nor outlive the family leaving the screen
        self.viewing = ""
        self.preview_label.clear()
        self.preview.clear()

    def wait(self, msecs: int = 120000) -> bool:
        return self.pool.waitForDone(msecs)

    def _ask_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, _("Choose a folder for the files"))
        return Path(folder) if folder else None

    def _ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        return printer if dialog.exec() else None

    def closeEvent(self, event: Any) -> None:
        self.cancel()
        self.pool.waitForDone()
        self.stop_following()
        self.staff_key = None
        self.fill([])  # no family's names stay behind in a closed desk
        self.clear_view()
        super().closeEvent(event)
