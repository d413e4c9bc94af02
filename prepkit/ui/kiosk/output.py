"""Printing and saving at a kiosk: no file dialog, no "print to file"; files go only to a USB
drive, in a folder named by the time, with file names that say the document and language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QInputDialog

from prepkit.i18n import N_, _
from prepkit.ui.kiosk.media import removable_volumes
from prepkit.ui.preview import PRINT_DPI

Finder = Callable[[], list[Path]]


def folder_name(when: datetime) -> str:
    return f"prepkit-{when:%Y%m%d-%H%M%S}"


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

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        dialog = QPrintDialog(printer, self.page)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(_("Print the documents"))
        if dialog.exec():
            self.page.print_to(printer)

    def ask_export(self) -> None:
        volumes = self.finder()
        if not volumes:
            self.page.status.setText(_(
                "No USB drive was found. At this kiosk files can only be saved to a USB drive: "
                "plug one in and try again, or print the papers instead."))
            return
        target = volumes[0]
        if len(volumes) > 1:
            names = [v.name or str(v) for v in volumes]
            name, ok = QInputDialog.getItem(self.page, _("Save to a USB drive"),
                                            _("USB drive"), names, 0, False)
            if not ok:
                return
            target = volumes[names.index(name)]
        self.export_to(target)

    def export_to(self, volume: Path) -> list[Path]:
        folder = volume / folder_name(self.now())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return list(self.page.export_to(folder))
        except OSError:
            self.page.status.setText(_("The files could not be saved on the USB drive."))
            return []

