"""The desk's printing and saving for many families: render off the UI thread (``BatchJob``),
then save the files or paint the pages a few at a time (``PagePainter``), logging every copy in
that family's plan.  A mixin of ``CounselorWindow``, kept apart to keep each file small."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QProgressBar, QPushButton

from prepkit.i18n import N_, _, ngettext
from prepkit.ui.counselor_batch import (
    BatchItem,
    BatchJob,
    BatchResult,
    PagePainter,
    PaintResult,
)
from prepkit.ui.counselor_families import Family, staff_plan
from prepkit.ui.texts import StatusLine

FOR_WHOM = N_("School (counselor's desk)")


class DeskOutput:
    """Needs, from the window: the store and staff key, the families, the widgets below."""

    store: Any
    staff_key: Any
    pool: QThreadPool
    job: BatchJob | None
    printing: PagePainter | None
    last_result: BatchResult | None
    last_print: PaintResult | None
    document: QComboBox
    progress: QProgressBar
    cancel_button: QPushButton
    print_button: QPushButton
    export_button: QPushButton
    choose_folder: Callable[[], Path | None]
    choose_printer: Callable[[], QPrinter | None]
    said: StatusLine

    @property
    def families(self) -> list[Family]:
        raise NotImplementedError  # the window's list of families

    def selected_ids(self) -> list[str]:
        raise NotImplementedError

    def family(self, household_id: str) -> Family | None:
        raise NotImplementedError

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
            self.said.say(N_("Choose a family first."))
            return
        folder = self.choose_folder()
        if folder is not None:
            self._start(folder)

    def busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.print_button.setEnabled(not on)
        self.export_button.setEnabled(not on)

    def _start(self, folder: Path | None) -> None:
        ids = self.selected_ids()
        if not ids:
            self.said.say(N_("Choose a family first."))
            return
        if self.job is not None or self.printing is not None:
            return
        self.job = BatchJob(self.kind(), self.items(ids), folder)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        if folder is not None:
            kind = self.job.document
            self.job.signals.one_done.connect(lambda hid: self._log(hid, "export", kind))
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.busy(True)
        self.said.say(N_("Making the documents…"))
        self.pool.start(self.job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        if self.printing is not None:
            self.printing.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, result: BatchResult) -> None:
        self.job = None
        self.last_result = result
        self.busy(False)
        n = len(result.done)
        if result.failed:
            self.said.say(N_("The documents could not be made. Please try again."))
            return
        if result.pdfs and not result.cancelled:
            printer = self.choose_printer()
            if printer is None:
                self.said.say(N_("Stopped. Nothing was printed or saved."))
            else:
                self._print(result, printer)
            return
        result.pdfs.clear()
        if result.cancelled:
            if result.files:
                self.said.say_count(lambda k: ngettext(
                    "Stopped after saving files for {n} family.",
                    "Stopped after saving files for {n} families.", k), n)
            else:
                self.said.say(N_("Stopped. Nothing was printed or saved."))
            return
        self.said.say_count(lambda k: ngettext("Saved {n} file.", "Saved {n} files.", k), n)

    def _print(self, result: BatchResult, printer: QPrinter) -> None:
        """Paint the pages a few at a time (see ``PagePainter``): the desk stays usable."""
        order = list(result.done)
        painter = PagePainter([result.pdfs[hid] for hid in order], printer,
                              self if isinstance(self, QObject) else None)
        result.pdfs.clear()
        painter.progress.connect(self._progress)
        painter.finished.connect(lambda done: self._printed(done, order, result.document))
        self.printing = painter
        self.busy(True)
        self.progress.setRange(0, len(order))
        self.progress.setValue(0)
        self.said.say(N_("Printing…"))
        if not painter.start():
            self.printing = None
            self.busy(False)
            self.said.say(N_("The printer could not be started. Please try again."))

    def _printed(self, done: PaintResult, order: list[str], document: str) -> None:
        self.printing = None
        self.last_print = done
        self.busy(False)
        printed = order[:done.printed()]
        for hid in printed:
            self._log(hid, "reprint", document)
        n = len(printed)
        if done.cancelled:
            self.said.say(N_("Printing stopped. The pages not yet sent will not print."))
            return
        self.said.say_count(lambda k: ngettext(
            "Sent to the printer for {n} family.",
            "Sent to the printer for {n} families.", k), n)

    def _log(self, household_id: str, action: str, document: str) -> None:
        session = self.store.unlock_as_staff(household_id, self.staff_key)
        try:
            family = self.family(household_id)
            language = family.language if family is not None else "en"
            label = language if language == "en" else f"{language}+en"
            self.store.log_copy(session, document.replace("-", "_"), label, action,
                                _(FOR_WHOM))
        finally:
            session.forget()
