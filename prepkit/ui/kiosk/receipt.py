"""The page that shows a family's choices at the kiosk, with the date: printed right after they
choose, so they leave with paper that says what they agreed to.

The family's plan itself prints the school's consent and its date, but at the kiosk the choice
is made at the end, after the papers were printed.  So the kiosk offers this one page at once:
the plan number, until when the kept plan stays, and the consent (given, taken back, or not
given), in the family's language and in English, the way the school's copies are bilingual.
It is drawn by Qt (no personal data on it: the plan number is not personal), and the same PDF
bytes are printed or saved, so the paper and the file say the same thing.
"""

from __future__ import annotations

import gettext
import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from prepkit import i18n
from prepkit.i18n import N_, _, ngettext
from prepkit.ui.kiosk.output import ask_printer, choose_volume, print_pdf, save_files
from prepkit.ui.kiosk.widgets import KioskDialog
from prepkit.ui.texts import StatusLine

# The same words as the family plan's own sentence (prepkit/forms/family_plan.py): one message,
# one translation.
AGREED = N_("On {date} you agreed that the school may reprint the school pick-up letters and "
            "caregiver packets of this plan. You can take this back on a later visit to the "
            "school.")
TOOK_BACK = N_("On {date} you took back your agreement: the school can no longer reprint the "
               "papers of this plan.")
NOT_SHARED = N_("The school cannot open or reprint this plan.")
TITLE = N_("Your choices at the school kiosk")


@dataclass(frozen=True)
class Choices:
    plan_number: str
    chosen_on: date
    delete_after: date  # the kept plan goes if it is not updated by then
    consent_since: date | None  # the school may reprint, since this day
    withdrawn: bool = False  # consent was taken back at this visit


def lines(choices: Choices, code: str) -> list[str]:
    """The page's sentences in one language (the first is the heading)."""
    tr: gettext.NullTranslations = i18n.translations(code)

    def day(value: date) -> str:
        return i18n.format_date(value, code, "long")

    if choices.consent_since is not None:
        consent = tr.gettext(AGREED).format(date=day(choices.consent_since))
    elif choices.withdrawn:
        consent = tr.gettext(TOOK_BACK).format(date=day(choices.chosen_on))
    else:
        consent = tr.gettext(NOT_SHARED)
    return [
        tr.gettext(TITLE),
        tr.gettext(N_("Chosen on {date}")).format(date=day(choices.chosen_on)),
        tr.gettext(N_("Plan number: {number}")).format(number=choices.plan_number),
        tr.gettext(N_("Your plan is kept on this school computer, locked with your passphrase. "
                      "If it is not updated by {date}, it is deleted automatically.")).format(
                          date=day(choices.delete_after)),
        consent,
        tr.gettext(N_("On your next visit, choose the plan with this number and type your "
                      "passphrase.")),
    ]


def _block(choices: Choices, code: str) -> str:
    heading, *rest = lines(choices, code)
    direction = "rtl" if i18n.language(code).is_rtl else "ltr"
    body = "".join(f"<p>{html.escape(line)}</p>" for line in rest)
    return f'<div dir="{direction}"><h2>{html.escape(heading)}</h2>{body}</div>'


def receipt_pdf(choices: Choices, language: str) -> bytes:
    """One Letter page: the family's language, then English (unless they are the same)."""
    codes = [language] if language == "en" else [language, "en"]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    writer.setTitle(i18n.translations(language).gettext(TITLE))
    writer.setCreator("prepkit")
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.setHtml("<hr/>".join(_block(choices, code) for code in codes))
    painter = QPainter(writer)
    document.drawContents(painter)
    painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def file_name(language: str) -> str:
    label = language if language == "en" else f"{language}+en"
    return f"kiosk-choices-{label}.pdf"


class ReceiptDialog(KioskDialog):
    """Shows the choices in the session's language and prints or saves the page."""

    def __init__(self, choices: Choices, language: str, *, now: Callable[[], datetime],
                 finder: Callable[[], list[Path]], parent: QWidget | None = None) -> None:
        super().__init__(parent, TITLE)
        self.choices = choices
        self.language = language
        self.now = now
        self.finder = finder
        self.pdf = receipt_pdf(choices, language)
        self.setMinimumWidth(640)
        self.labels: list[QLabel] = []
        for index in range(len(lines(choices, "en"))):
            label = QLabel()
            label.setWordWrap(True)
            if index == 0:
                label.setProperty("role", "heading")
            self.labels.append(label)
            self.column.addWidget(label)
        self.live(self._show)
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setProperty("role", "help")
        self.texts.bind(hint.setText, N_("Print this page and keep it with your papers: it "
                                         "shows what you chose and when."))
        self.column.addWidget(hint)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "help")
        self.said = StatusLine(self.status)
        self.live(self.said.retranslate)
        self.column.addWidget(self.status)
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.done_button = QPushButton()
        self.texts.label(self.print_button, N_("Print this page"))
        self.texts.label(self.save_button, N_("Save to a USB drive…"))
        self.texts.label(self.done_button, N_("Done"))
        self.print_button.setProperty("role", "primary")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        self.done_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        self.column.addLayout(row)
        # Replaceable in tests: the system's print dialog, with file printers refused.
        self.choose_printer: Callable[[], QPrinter | None] = lambda: ask_printer(
            self, _("Print this page"), self.said.say, 1)

    def _show(self) -> None:
        for label, text in zip(self.labels, lines(self.choices, i18n.interface_language()),
                               strict=True):
            label.setText(text)

    def ask_print(self) -> int:
        printer = self.choose_printer()
        if printer is None:
            return 0
        painted = print_pdf(self.pdf, printer)
        if painted:
            self.said.say(N_("Sent to the printer."))
        return painted

    def ask_save(self) -> list[Path]:
        volume = choose_volume(self, self.finder, self.said.say)
        if volume is None:
            return []
        written = save_files(volume, self.now(), {file_name(self.language): self.pdf},
                             self.said.say)
        if written:
            self.said.say_count(lambda n: ngettext("Saved {n} file.", "Saved {n} files.", n),
                                len(written))
        return written
