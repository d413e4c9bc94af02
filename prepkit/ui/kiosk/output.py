"""Printing and saving at a kiosk: no file dialog and no "print to file"; files go only to a USB
drive, in a folder named by the time, with file names that say the document and language.

Qt's print dialog can still offer a printer that writes files ("Microsoft Print to PDF",
CUPS-PDF, "Save as PDF", an XPS writer) and, with no printer installed, falls back to writing a
PDF itself.  Such a file would land on the kiosk's disk, readable by the next person: the kiosk
refuses them after the dialog (``refusal``) and says so in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QWidget

from prepkit.i18n import N_, _
from prepkit.ui.kiosk.media import removable_volumes
from prepkit.ui.kiosk.widgets import KioskDialog
from prepkit.ui.preview import PRINT_DPI, print_document
from prepkit.ui.texts import mark_user_text

Finder = Callable[[], list[Path]]
Say = Callable[[str], None]  # shows a message: takes the msgid, translates it itself

# Words in the names of printers that write files instead of paper (Windows, macOS, CUPS).
FILE_PRINTERS = ("pdf", "xps", "onenote", "file", "fax", "document writer")
NOT_PAPER = N_("This kiosk prints only on paper. Choose a printer, or ask the school staff "
               "for help.")
NOT_SAVED = N_("The files could not be saved on the USB drive.")
NO_DRIVE = N_("No USB drive was found. At this kiosk files can only be saved to a USB drive: "
              "plug one in and try again, or print the papers instead.")


def folder_name(when: datetime) -> str:
    return f"prepkit-{when:%Y%m%d-%H%M%S}"


def refusal(printer: QPrinter) -> str:
    """Why the kiosk will not print on ``printer`` (a file, not paper), as a message to
    translate; "" if it will."""
    name = printer.printerName().casefold()
    if (printer.outputFormat() != QPrinter.OutputFormat.NativeFormat
            or printer.outputFileName() or not name
            or any(word in name for word in FILE_PRINTERS)):
        return NOT_PAPER
    return ""


def ask_printer(parent: QWidget, title: str, say: Say, pages: int = 0) -> QPrinter | None:
    """The system's print dialog without "print to file"; a file printer is refused."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setWindowTitle(title)
    if pages:
        dialog.setMinMax(1, pages)
    if not dialog.exec():
        return None
    why = refusal(printer)
    if why:
        say(why)
        return None
    return printer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Every page of ``pdf`` onto ``printer``; returns the pages painted."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        return print_document(document, printer)
    finally:
        document.close()
        buffer.close()


class UsbChooser(KioskDialog):
    """Which USB drive, when more than one is plugged in; buttons from prepkit's catalog (Qt
    has no "OK" and "Cancel" in most of the kiosk's languages)."""

    def __init__(self, volumes: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent, N_("Save to a USB drive"))
        label = QLabel()
        self.texts.bind(label.setText, N_("USB drive"))
        self.drives = mark_user_text(QListWidget())  # the drives' own names
        self.texts.bind(self.drives.setAccessibleName, N_("USB drive"))
        label.setBuddy(self.drives)
        for volume in volumes:
            self.drives.addItem(volume.name or str(volume))
        self.drives.setCurrentRow(0)
        self.drives.itemDoubleClicked.connect(lambda _item: self.accept())
        self.volumes = volumes
        self.save = QPushButton()
        self.cancel = QPushButton()
        self.texts.label(self.save, N_("Save"))
        self.texts.label(self.cancel, N_("Cancel"))
        self.save.setProperty("role", "primary")
        self.save.setDefault(True)
        self.save.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        self.column.addWidget(label)
        self.column.addWidget(self.drives)
        self.column.addLayout(buttons)
        self.setMinimumWidth(480)

    def chosen(self) -> Path:
        return self.volumes[max(0, self.drives.currentRow())]


def choose_volume(parent: QWidget, finder: Finder, say: Say) -> Path | None:
    """The USB drive to save on: the only one, or the one the family picks."""
    volumes = finder()
    if not volumes:
        say(NO_DRIVE)
        return None
    if len(volumes) == 1:
        return volumes[0]
    chooser = UsbChooser(volumes, parent)
    try:
        return chooser.chosen() if chooser.exec() else None
    finally:
        chooser.deleteLater()


def save_files(volume: Path, when: datetime, files: dict[str, bytes],
               say: Say) -> list[Path]:
    """``files`` (name -> bytes) in a new folder on ``volume``; [] if the drive refused."""
    folder = volume / folder_name(when)
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            path = folder / name
            path.write_bytes(data)
            written.append(path)
    except OSError:
        say(NOT_SAVED)
        return []
    return written


class KioskOutput:
    """Takes over the documents page's print and save buttons (see ``adapt``)."""

    def __init__(self, page: Any, now: Callable[[], datetime],
                 finder: Finder = removable_volumes) -> None:
        self.page = page
        self.now = now
        self.finder = finder

    def adapt(self) -> None:
        for button, slot in ((self.page.print_button, self.ask_print),
                             (self.page.export_button, self.ask_export)):
            button.clicked.disconnect()
            button.clicked.connect(slot)
        self.page.texts.label(self.page.export_button, N_("Save to a USB drive…"))

    def say(self, msgid: str) -> None:
        said = getattr(self.page, "said", None)  # the page's status line follows the language
        if said is not None:
            said.say(msgid)
        else:
            self.page.status.setText(_(msgid))

    def ask_print(self) -> None:
        printer = ask_printer(self.page.window(), _("Print the documents"), self.say,
                              self.page.preview.page_count())
        if printer is not None:
            self.page.print_to(printer)

    def ask_export(self) -> None:
        target = choose_volume(self.page.window(), self.finder, self.say)
        if target is not None:
            self.export_to(target)

    def export_to(self, volume: Path) -> list[Path]:
        folder = volume / folder_name(self.now())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return list(self.page.export_to(folder))
        except OSError:
            self.say(NOT_SAVED)
            return []
