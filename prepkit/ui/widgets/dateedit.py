"""A date picker that can be empty and follows the interface locale."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject
from PySide6.QtWidgets import QDateEdit, QWidget

from prepkit import i18n
from prepkit.i18n import _

_NULL = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """QDateEdit with "no date": the minimum date stands for empty and shows a word instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_NULL)
        self.setMaximumDate(QDate(2200, 12, 31))
        self.setDate(_NULL)
        self.calendarWidget().installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setSpecialValueText(_("No date"))
        loc = QLocale(i18n.language(i18n.interface_language()).qt_locale)
        self.setLocale(loc)
        self.calendarWidget().setLocale(loc)
        fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in fmt:  # two-digit years are ambiguous for birth dates
            fmt = fmt.replace("yy", "yyyy")
        self.setDisplayFormat(fmt)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An empty date would open the calendar in 1900; open it at today instead.
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def value(self) -> date | None:
        qd = self.date()
        if qd == _NULL:
            return None
        return date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(_NULL if value is None else QDate(value.year, value.month, value.day))

    def clear_value(self) -> None:
        self.setDate(_NULL)
