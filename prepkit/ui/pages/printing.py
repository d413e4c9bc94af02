"""The documents: choose, preview, print and export; every copy goes into the copies log."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_, _, ngettext
from prepkit.labels import PRINTED_DOCUMENTS as DOCUMENTS
from prepkit.plan import Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.preview import PRINT_DPI, Preview
from prepkit.ui.printjob import PrintRun
from prepkit.ui.renderjob import RenderJob, RenderRequest, RenderResult
from prepkit.ui.saver import Saver
from prepkit.ui.texts import StatusLine, mark_user_text, picker_name

DEFAULT_DOCUMENTS = ("family-plan", "school-letter")


def log_label(kind: str) -> str:
    """The store's copies log takes identifiers like ``school_letter``."""
    return kind.replace("-", "_")


def write_new_file(folder: Path, stem: str, data: bytes) -> Path:
    """``stem``.pdf in ``folder``, or "``stem`` (2).pdf" and so on: never over a file that is
    there already (made by exclusive creation, so not even a file appearing meanwhile)."""
    for number in itertools.count(1):
        path = folder / (f"{stem}.pdf" if number == 1 else f"{stem} ({number}).pdf")
        try:
            with path.open("xb") as out:
                try:
                    out.write(data)
                except OSError:
                    out.close()
                    path.unlink(missing_ok=True)  # no half-written file left behind
                    raise
        except FileExistsError:
            continue
        return path
    raise AssertionError("unreachable")


class PrintPage(Page):
    key = "print"
    title_text = N_("Print the documents")
    intro_text = N_("Choose the papers to print and their language. Look at them here first, "
                    "then print them or save them as files.")

    def __init__(self, plan: Plan, saver: Saver, store: Any) -> None:
        super().__init__(plan, saver)
        self.store = store
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.result: RenderResult | None = None
        self.job: RenderJob | None = None
        self.print_run: PrintRun | None = None
        self._cancelled = False  # the user stopped the print run
        self.handed_out = False  # a copy of this plan was printed or saved (the step's ✓)
        self.kept_for: RenderResult | None = None  # the set whose PDFs are in the store
        self.kept_pdfs: dict[str, str] = {}  # document -> the store's PDF id

        choices = QWidget()
        column = QVBoxLayout(choices)
        column.setContentsMargins(0, 0, 0, 0)
        docs_label = QLabel()
        self.texts.bind(docs_label.setText, N_("Documents"))
        self.documents = QListWidget()
        self.texts.bind(self.documents.setAccessibleName, N_("Documents"))
        # Long titles (Nepali, Arabic) wrap instead of hiding behind a sideways scroll bar.
        self.documents.setWordWrap(True)
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents.setMinimumHeight(220)
        docs_label.setBuddy(self.documents)
        for kind, _title in DOCUMENTS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if kind in DEFAULT_DOCUMENTS
                               else Qt.CheckState.Unchecked)
            self.documents.addItem(item)
        lang_label = QLabel()
        self.texts.bind(lang_label.setText, N_("Language of the documents"))
        self.language = mark_user_text(QComboBox())
        for lang in i18n.LANGUAGES:
            self.language.addItem(picker_name(lang), lang.code)
        lang_label.setBuddy(self.language)
        self.texts.bind(self.language.setAccessibleName, N_("Language of the documents"))
        self.with_english = QCheckBox()
        self.texts.label(self.with_english, N_("English alongside"))
        self.paper = QComboBox()
        self.paper.addItem("", "letter")
        self.paper.addItem("", "a4")
        self.texts.bind(lambda t: self.paper.setItemText(0, t), N_("Letter paper (US)"))
        self.texts.bind(lambda t: self.paper.setItemText(1, t), N_("A4 paper"))
        paper_label = QLabel()
        self.texts.bind(paper_label.setText, N_("Paper size"))
        paper_label.setBuddy(self.paper)
        self.texts.bind(self.paper.setAccessibleName, N_("Paper size"))
        whom_label = QLabel()
        self.texts.bind(whom_label.setText, N_("Who the copies are for (optional)"))
        self.for_whom = mark_user_text(QLineEdit())
        whom_label.setBuddy(self.for_whom)
        self.texts.bind(self.for_whom.setAccessibleName, N_("Who the copies are for (optional)"))
        self.texts.bind(self.for_whom.setPlaceholderText, N_("For example: the school office"))
        self.make = QPushButton()
        self.make.setProperty("role", "primary")
        self.texts.label(self.make, N_("Show the documents"))
        self.progress = QProgressBar()
        self.progress.hide()
        self.texts.bind(self.progress.setAccessibleName, N_("Making the documents"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "help")
        self.said = StatusLine(self.status)
        self.print_button = QPushButton()
        self.export_button = QPushButton()
        self.cancel_button = QPushButton()  # only while printing
        self.texts.label(self.print_button, N_("Print…"))
        self.texts.label(self.export_button, N_("Save as PDF files…"))
        self.texts.label(self.cancel_button, N_("Stop printing"))
        self.cancel_button.hide()
        for button in (self.make, self.print_button, self.export_button, self.cancel_button):
            button.setAutoDefault(True)
        for widget in (docs_label, self.documents, lang_label, self.language, self.with_english,
                       paper_label, self.paper, whom_label, self.for_whom, self.make, self.progress,
                       self.cancel_button, self.status, self.print_button, self.export_button):
            column.addWidget(widget)
        column.addStretch(1)
        choices.setMaximumWidth(360)

        self.preview = Preview()
        row = QHBoxLayout()
        row.addWidget(choices)
        row.addWidget(self.preview, 1)
        self.body.addLayout(row, 1)
        self.make.clicked.connect(self.make_documents)
        self.print_button.clicked.connect(self.ask_print)
        self.export_button.clicked.connect(self.ask_export)
        self.cancel_button.clicked.connect(self.cancel_print)
        self._enable_output(False)
        self._titles()

    # --- choices ---------------------------------------------------------------------------

    def _titles(self) -> None:
        titles = dict(DOCUMENTS)
        for row in range(self.documents.count()):
            item = self.documents.item(row)
            item.setText(_(titles[item.data(Qt.ItemDataRole.UserRole)]))

    def chosen(self) -> list[str]:
        rows = (self.documents.item(i) for i in range(self.documents.count()))
        return [r.data(Qt.ItemDataRole.UserRole) for r in rows
                if r.checkState() == Qt.CheckState.Checked]

    def choose(self, documents: list[str], language: str, with_english: bool = False) -> None:
        for row in range(self.documents.count()):
            item = self.documents.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in documents
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.language.setCurrentIndex(self.language.findData(language))
        self.with_english.setChecked(with_english)

    def language_label(self) -> str:
        code = self.language.currentData()
        return f"{code}+en" if self.with_english.isChecked() and code != "en" else code

    # --- rendering ---------------------------------------------------------------------------

    def make_documents(self) -> None:
        """Render the chosen documents in the background; the preview shows them when done."""
        documents = self.chosen()
        if not documents:
            self.said.say(N_("Choose at least one document."))
            return
        self.saver.flush()
        request = RenderRequest(self.plan, documents, self.language.currentData(),
                                self.with_english.isChecked(), self.paper.currentData())
        self.job = RenderJob(request)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.make.setEnabled(False)
        self._enable_output(False)
        self.progress.show()
        self.said.say(N_("Making the documents…"))
        self.pool.start(self.job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, result: RenderResult) -> None:
        self.result = result
        self.preview.show_pdf(result.combined)
        self.progress.hide()
        self.make.setEnabled(True)
        self._enable_output(True)
        pages = self.preview.page_count()
        self.said.say_count(lambda n: ngettext("Ready. {n} page.", "Ready. {n} pages.", n), pages)

    def _failed(self, _name: str) -> None:
        self.progress.hide()
        self.make.setEnabled(True)
        self.said.say(N_("The documents could not be made. Please try again."))

    def wait(self, msecs: int = 60000) -> bool:
        """Let the background work end (a print still going is stopped: its pages are painted
        on this thread, which is the one waiting here)."""
        self.cancel_print()
        return self.pool.waitForDone(msecs)

    def _enable_output(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.export_button.setEnabled(on)

    # --- printing and exporting --------------------------------------------------------------

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the documents"))
        dialog.setMinMax(1, max(1, self.preview.page_count()))
        if dialog.exec():
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Start printing (the dialog's page range and copies); the window stays free while a
        worker renders the pages.  Returns how many pages will be painted (0: none)."""
        if self.result is None or self.print_run is not None:
            return 0
        run = PrintRun(self.result.combined, self.preview.page_count(), printer, self)
        run.progress.connect(self._progress)
        run.finished.connect(lambda complete: self._printed(run, complete))
        self._cancelled = False
        if not run.start(self.pool):
            self.said.say(N_("The printer could not be started. Please try again."))
            return 0
        self.print_run = run
        self.make.setEnabled(False)
        self._enable_output(False)
        self.progress.show()
        self.cancel_button.show()
        self.said.say(N_("Printing…"))
        return len(run.pages)

    def cancel_print(self) -> None:
        if self.print_run is not None:
            self._cancelled = True
            self.print_run.cancel()

    def _printed(self, run: PrintRun, complete: bool) -> None:
        self.print_run = None
        self.progress.hide()
        self.cancel_button.hide()
        self.make.setEnabled(True)
        self._enable_output(True)
        if complete:
            printed = set(run.pages)
            kinds = [kind for kind, pages in self._page_spans() if printed & pages]
            self._log("print", kinds, copies=max(1, run.printer.copyCount()))
            self.said.say(N_("Sent to the printer."))
        elif self._cancelled:
            self.said.say(N_("Printing stopped. The pages not yet sent will not print."))
        else:
            self.said.say(N_("The documents could not be printed. Please try again."))

    def _page_spans(self) -> list[tuple[str, set[int]]]:
        """Each document's pages in the printed set (they follow each other in order)."""
        assert self.result is not None
        spans, start = [], 0
        for kind in self.result.request.documents:
            count = self.result.pages.get(kind, 0)
            spans.append((kind, set(range(start, start + count))))
            start += count
        return spans

    def ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Choose a folder for the files"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> list[Path]:
        """One PDF per document; a file already there is never replaced ("… (2).pdf")."""
        if self.result is None:
            return []
        lang = self.language_label()
        written: dict[str, Path] = {}
        try:
            for kind, pdf in self.result.each.items():
                written[kind] = write_new_file(folder, f"{kind}-{lang}", pdf)
        except OSError:
            self.said.say(N_("The files could not be saved in this folder. Check that it "
                             "still exists and that you may write in it, or choose another."))
            self._log("export", list(written))
            return list(written.values())
        self._log("export", list(written))
        self.said.say_count(lambda n: ngettext("Saved {n} file.", "Saved {n} files.", n),
                            len(written))
        return list(written.values())

    def _log(self, action: str, kinds: list[str], copies: int = 1) -> None:
        """One copies-log entry per document and per copy handed out (printing three copies
        of the school letter logs three), so the log needs nothing beyond its own fields."""
        session = self.saver.session
        if session is None or self.result is None or not kinds:
            return
        req = self.result.request
        lang = f"{req.language}+en" if req.with_english and req.language != "en" else req.language
        for kind in kinds:
            for _copy in range(copies):
                self.store.log_copy(session, log_label(kind), lang, action, self.for_whom.text())
        self.handed_out = True
        # The PDFs themselves are kept too (sealed with the household key), once per set
        # made, so a copy can be printed again later exactly as it was handed out.
        if self.kept_for is not self.result:
            self.kept_pdfs = {
                kind: self.store.put_pdf(session, log_label(kind), lang, pdf)
                for kind, pdf in self.result.each.items()
            }
            self.kept_for = self.result

    def load(self, plan: Plan) -> None:
        if plan is not self.plan or not self.handed_out:
            session = self.saver.session
            self.handed_out = session is not None and bool(self.store.copies(session))
        super().load(plan)
        if self.result is None or self.result.request.plan != plan:
            index = self.language.findData(plan.record.family_language or "en")
            self.language.setCurrentIndex(max(0, index))

    def is_complete(self, plan: Plan) -> bool:
        """Done once a copy was printed or saved as a file (the copies log says so): making
        the preview alone hands nothing to anyone."""
        return self.handed_out

    def retranslate(self) -> None:
        super().retranslate()
        self._titles()
        self.preview.retranslate()
        self.said.retranslate()
