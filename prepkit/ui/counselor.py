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

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_, _, ngettext
from prepkit.plan import Plan
from prepkit.ui.counselor_batch import BatchItem, BatchJob, BatchResult, print_pdfs
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.preview import PRINT_DPI, Preview
from prepkit.ui.renderjob import RenderJob, RenderRequest, RenderResult
from prepkit.ui.texts import Texts, mark_user_text

DOCUMENTS = (("school-letter", N_("School pick-up letters")),
             ("caregiver-packet", N_("Caregiver packets")))
FOR_WHOM = N_("School (counselor's desk)")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def fold(text: str) -> str:
    """For search: no case, no accents ("José" is found by "jose")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass
class Family:
    household_id: str
    parents: str
    children: str
    language: str
    updated: datetime

    def matches(self, query: str) -> bool:
        words = fold(query).split()
        haystack = fold(f"{self.parents} {self.children}")
        return all(word in haystack for word in words)


def staff_plan(store: Any, staff_key: Any, household_id: str) -> Plan:
    """The plan as staff may see it: read-only session, private section dropped at once."""
    session = store.unlock_as_staff(household_id, staff_key)
    try:
        return store.load(session).without_private()
    finally:
        session.forget()


def load_families(store: Any, staff_key: Any) -> list[Family]:
    """Every consenting family's names, from the store's small encrypted search cards.

    Only names are decrypted (a few dozen bytes a family), never whole plans: ten thousand
    families load in about a second.  Plans are opened one at a time when a counselor acts.
    """
    families = []
    for card in store.search_cards(staff_key):
        children = []
        for legal, called in card.children:
            names = [n for n in (legal, called) if n]
            if len(names) == 2 and names[0] == names[1]:
                names = names[:1]
            children.append(" / ".join(names))
        families.append(Family(
            card.household.id,
            ", ".join(name for name in card.parents if name),
            ", ".join(c for c in children if c),
            card.family_language or "en",
            card.household.updated,
        ))
    families.sort(key=lambda f: f.updated, reverse=True)
    return families


class CounselorWindow(QMainWindow):
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
        self.view_job: RenderJob | None = None
        self.last_result: BatchResult | None = None
        # Replaceable in tests: where files go, and which printer (None: the person cancelled).
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.choose_printer: Callable[[], QPrinter | None] = self._ask_printer
        self.texts.bind(self.setWindowTitle, N_("Counselor's desk"))
        self._build()
        self.families = load_families(store, staff_key)
        self.fill()
        self.resize(1280, 800)

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
        self.table = mark_user_text(QTableWidget(0, 4))
        self.texts.bind(self.table.setAccessibleName, N_("Families"))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.open_current())
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
        for kind, title in DOCUMENTS:
            self.document.addItem(_(title), kind)
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

    # --- the list --------------------------------------------------------------------------

    def fill(self) -> None:
        code = i18n.interface_language()
        self.table.setHorizontalHeaderLabels(
            [_("Parents"), _("Children"), _("Language"), _("Last changed")])
        self.table.setRowCount(len(self.families))
        for row, family in enumerate(self.families):
            first = QTableWidgetItem(family.parents)
            first.setData(Qt.ItemDataRole.UserRole, family.household_id)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Unchecked)
            try:
                language = i18n.language(family.language).native_name
            except i18n.UnknownLanguage:
                language = family.language
            cells = [first, QTableWidgetItem(family.children), QTableWidgetItem(language),
                     QTableWidgetItem(i18n.format_date(family.updated.date(), code, "medium"))]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.filter(self.search.text())

    def filter(self, query: str) -> None:
        shown = 0
        for row, family in enumerate(self.families):
            hide = bool(query.strip()) and not family.matches(query)
            self.table.setRowHidden(row, hide)
            shown += not hide
        code = i18n.interface_language()
        self.count_label.setText(ngettext("{n} family shown", "{n} families shown", shown)
                                 .format(n=i18n.format_number(shown, code)))

    def shown_ids(self) -> list[str]:
        return [f.household_id for row, f in enumerate(self.families)
                if not self.table.isRowHidden(row)]

    def _tick(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, 0)
        if item is None:  # every row gets its items in fill()
            raise LookupError(row)
        return item

    def check_shown(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            if not self.table.isRowHidden(row):
                self._tick(row).setCheckState(state)

    def check(self, household_ids: list[str]) -> None:
        wanted = set(household_ids)
        for row, family in enumerate(self.families):
            self._tick(row).setCheckState(
                Qt.CheckState.Checked if family.household_id in wanted
                else Qt.CheckState.Unchecked)

    def selected_ids(self) -> list[str]:
        """The ticked families that are shown; if none is ticked, the current row."""
        ticked = [f.household_id for row, f in enumerate(self.families)
                  if not self.table.isRowHidden(row)
                  and self._tick(row).checkState() == Qt.CheckState.Checked]
        if ticked:
            return ticked
        row = self.table.currentRow()
        if 0 <= row < len(self.families) and not self.table.isRowHidden(row):
            return [self.families[row].household_id]
        return []

    # --- viewing ---------------------------------------------------------------------------

    def open_current(self) -> None:
        """Show what the school may reprint for this family, read only, in the preview."""
        ids = self.selected_ids()
        row = self.table.currentRow()
        household_id = (self.families[row].household_id
                        if 0 <= row < len(self.families) else (ids[0] if ids else ""))
        if not household_id:
            self.status.setText(_("Choose a family first."))
            return
        family = next(f for f in self.families if f.household_id == household_id)
        plan = staff_plan(self.store, self.staff_key, household_id)
        request = RenderRequest(plan, [kind for kind, _t in DOCUMENTS], family.language,
                                family.language != "en")
        self.view_job = RenderJob(request)
        self.view_job.signals.finished.connect(self._show_view)
        self.preview_label.setText(_("Read only: {names}").format(names=family.parents))
        self.pool.start(self.view_job)

    def _show_view(self, result: RenderResult) -> None:
        self.preview.show_pdf(result.combined)

    # --- printing and saving ---------------------------------------------------------------

    def items(self, household_ids: list[str]) -> list[BatchItem]:
        languages = {f.household_id: f.language for f in self.families}
        return [BatchItem(hid, staff_plan(self.store, self.staff_key, hid), languages[hid])
                for hid in household_ids]

    def kind(self) -> str:
        return str(self.document.currentData())

    def print_selected(self) -> None:
        self._start(None)

    def export_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status.setText(_("Choose a family first."))
            return
        folder = self.choose_folder()
        if folder is not None:
            self._start(folder)

    def _start(self, folder: Path | None) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status.setText(_("Choose a family first."))
            return
        if self.job is not None:
            return
        self.job = BatchJob(self.kind(), self.items(ids), folder)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        if folder is not None:
            kind = self.job.document
            self.job.signals.one_done.connect(lambda hid: self._log(hid, "export", kind))
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.print_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.status.setText(_("Making the documents…"))
        self.pool.start(self.job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, result: BatchResult) -> None:
        self.job = None
        self.last_result = result
        self.progress.hide()
        self.cancel_button.hide()
        self.print_button.setEnabled(True)
        self.export_button.setEnabled(True)
        code = i18n.interface_language()
        n = len(result.done)
        if result.failed:
            self.status.setText(_("The documents could not be made. Please try again."))
            return
        if result.pdfs and not result.cancelled:
            printer = self.choose_printer()
            if printer is not None and print_pdfs(
                    [result.pdfs[hid] for hid in result.done], printer):
                for hid in result.done:
                    self._log(hid, "reprint", result.document)
                self.status.setText(ngettext(
                    "Sent to the printer for {n} family.",
                    "Sent to the printer for {n} families.", n).format(
                        n=i18n.format_number(n, code)))
            result.pdfs.clear()
            return
        if result.cancelled:
            self.status.setText(ngettext(
                "Stopped after saving files for {n} family.",
                "Stopped after saving files for {n} families.", n).format(
                    n=i18n.format_number(n, code)) if result.files else
                _("Stopped. Nothing was printed or saved."))
            result.pdfs.clear()
            return
        self.status.setText(ngettext("Saved {n} file.", "Saved {n} files.", n).format(
            n=i18n.format_number(n, code)))

    def _log(self, household_id: str, action: str, document: str) -> None:
        session = self.store.unlock_as_staff(household_id, self.staff_key)
        try:
            family = next(f for f in self.families if f.household_id == household_id)
            label = family.language if family.language == "en" else f"{family.language}+en"
            self.store.log_copy(session, document.replace("-", "_"), label, action,
                                _(FOR_WHOM))
        finally:
            session.forget()

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
        self.staff_key = None
        self.families = []
        super().closeEvent(event)
