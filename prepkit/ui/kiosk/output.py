"""Printing and saving at a kiosk: no file dialog and no "print to file"; files go only to a USB
drive, in a folder named by the time, with file names that say the document and language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QWidget

from prepkit.i18n import N_, _
from prepkit.ui.kiosk.media import removable_volumes
from prepkit.ui.kiosk.widgets import KioskDialog
from prepkit.ui.preview import PRINT_DPI
from prepkit.ui.texts import mark_user_text

Finder = Callable[[], list[Path]]
Say = Callable[[str], None]  # shows a message: takes the msgid, translates it itself

NOT_SAVED = N_("The files could not be saved on the USB drive.")
NO_DRIVE = N_("No USB drive was found. At this kiosk files can only be saved to a USB drive: "
              "plug one in and try again, or print the papers instead.")


def folder_name(when: datetime) -> str:
    return f"prepkit-{when:%Y%m%d-%H%M%S}"


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
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        dialog = QPrintDialog(printer, self.page.window())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(_("Print the documents"))
        if dialog.exec():
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
