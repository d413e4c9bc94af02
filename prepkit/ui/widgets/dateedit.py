"""A date field that can be empty: type the date, or choose it in a calendar.

QDateEdit could not do this: "no date" had to be a stand-in date shown as a word, its sections
kept Tab inside the field, and typing into the word gave "No date3152026".  Here the input is a
line edit: empty means no date, typing a date in the interface's short format (or ISO
yyyy-mm-dd) sets it as soon as it is whole, Tab leaves like any field, and Alt+Down or F4 opens
a calendar.  Dates are written with Babel, as on the review page and on paper (see ``dates``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QItemDelegate,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_, Message, _
from prepkit.ui.texts import mark_user_text
from prepkit.ui.widgets import dates
from prepkit.ui.widgets.binding import FieldBinding
from prepkit.ui.widgets.fields import Changed, Field

NOT_A_DATE = N_("This is not a date. Write it like this: {example}")


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class LatinDigitsDelegate(QItemDelegate):
    """The calendar's cells as Qt paints them, with the day numbers in Latin digits."""

    def drawDisplay(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect,
                    text: str) -> None:
        super().drawDisplay(painter, option, rect, dates.latin_digits(text))


class LatinDigitsCalendar(QCalendarWidget):
    """Month and weekday names in the interface language, numbers in Latin digits.

    QLocale would draw Arabic-Indic or Devanagari day numbers for Arabic, Dari, Pashto and
    Nepali while the field and the rest of the app write Latin ones (Babel's).  The day grid
    keeps the interface locale (it names the weekdays) and paints its numbers through
    ``LatinDigitsDelegate``; the year takes the C locale's digits.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setMinimumDate(QDate(dates.FIRST_YEAR, 1, 1))
        self.setMaximumDate(QDate(dates.LAST_YEAR, 12, 31))
        view = self.findChild(QTableView)
        if view is not None:
            view.setItemDelegate(LatinDigitsDelegate(view))
        year = self.findChild(QSpinBox)
        if year is not None:
            year.setLocale(QLocale.c())  # set on the part itself: a new calendar locale skips it
        self.currentPageChanged.connect(lambda _y, _m: self._latin_year())

    def follow_interface(self) -> None:
        self.setLocale(QLocale(i18n.language(i18n.interface_language()).qt_locale))
        self._latin_year()

    def _latin_year(self) -> None:
        button = self.findChild(QToolButton, "qt_calendar_yearbutton")
        if button is not None:
            button.setText(str(self.yearShown()))


class CalendarPopup(QFrame):
    """The calendar, under the field: arrows move, Enter or a click chooses, Escape closes."""

    chosen = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = LatinDigitsCalendar(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 2, 2, 2)
        column.addWidget(self.calendar)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)

    def open_at(self, anchor: QWidget, start: date) -> None:
        self.calendar.follow_interface()
        self.calendar.setSelectedDate(_qdate(start))
        self.calendar.setCurrentPage(start.year, start.month)
        self.calendar.setAccessibleName(anchor.accessibleName())
        self.adjustSize()
        rtl = anchor.layoutDirection() == Qt.LayoutDirection.RightToLeft
        corner = anchor.mapToGlobal(QPoint(anchor.width() if rtl else 0, anchor.height()))
        x = corner.x() - (self.width() if rtl else 0)
        screen = anchor.screen().availableGeometry()
        x = max(screen.left(), min(x, screen.right() - self.width()))
        y = corner.y() if corner.y() + self.height() <= screen.bottom() \
            else corner.y() - anchor.height() - self.height()
        self.move(x, max(screen.top(), y))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        view = self.calendar.findChild(QTableView)
        if view is not None:
            view.setFocus(Qt.FocusReason.PopupFocusReason)

    def _choose(self, picked: QDate) -> None:
        self.close()
        self.chosen.emit(date(picked.year(), picked.month(), picked.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateEdit(QLineEdit):
    """The text is the date; ``value_changed`` fires when the user makes or clears one."""

    value_changed = Signal(object)  # datetime.date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_user_text(self)
        self._value: date | None = None
        self._typed_wrong = False  # the text is not a date: kept as typed, never rewritten
        self.popup: CalendarPopup | None = None
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)
        self.retranslate()

    # --- the value -----------------------------------------------------------------------

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (loading a plan): no signal, the plan already holds it."""
        self._value = value
        self._typed_wrong = False
        self.setText(dates.format_short(value, i18n.interface_language()) if value else "")

    def pick(self, value: date | None) -> None:
        """What choosing in the calendar or clearing does: show it and tell the field."""
        changed = value != self._value or self.is_invalid()
        self.set_value(value)
        if changed:
            self.value_changed.emit(value)

    def clear_value(self) -> None:
        self.pick(None)

    def is_invalid(self) -> bool:
        """Text is there but it is not a whole date (the field says so when the user leaves)."""
        return self._typed_wrong

    def _typed(self, text: str) -> None:
        try:
            value = dates.parse(text, i18n.interface_language())
        except ValueError:
            self._typed_wrong = True
            return  # not whole yet: the last whole date stays until the user leaves the field
        self._typed_wrong = False
        if value != self._value:
            self._value = value
            self.value_changed.emit(value)

    def _tidy(self) -> None:
        """Leaving the field: write a typed date the way the locale writes it."""
        if self._value is not None and not self._typed_wrong:
            self.set_value(self._value)

    # --- the calendar --------------------------------------------------------------------

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.chosen.connect(self._chosen)
        self.popup.open_at(self, self._value or date.today())

    def _chosen(self, value: date) -> None:
        self.pick(value)
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and \
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        code = i18n.interface_language()
        self.setPlaceholderText(_("For example: {date}").format(date=dates.example(code)))
        if not self._typed_wrong:
            self.set_value(self._value)  # the same date, written the new language's way


class DateField(Field):
    """A labelled date: the line edit, a calendar button and a clear button beside it.

    The buttons are for the mouse; the keyboard has Alt+Down (or F4) and erasing the text, so
    Tab goes from the date straight to the next field.
    """

    def __init__(self, binding: FieldBinding, label: str, changed: Changed, **kw: Any) -> None:
        super().__init__(binding, label, changed, **kw)
        self.texts.bind(self.calendar_button.setText, N_("Calendar"))
        self.texts.bind(self.calendar_button.setToolTip,
                        N_("Choose the date in a calendar (Alt and the down arrow)"))
        self.texts.bind(self.calendar_button.setAccessibleName, N_("Choose the date in a calendar"))
        self.texts.bind(self.clear_button.setText, N_("Clear"))
        self.texts.bind(self.clear_button.setAccessibleName, N_("Clear the date"))
        self.texts.bind(self.clear_button.setToolTip, N_("Clear the date"))
        if not kw.get("help"):
            self.texts.bind(self.date_edit.setAccessibleDescription, N_(
                "Type the date, or press Alt and the down arrow to choose it in a calendar."))

    def make_input(self) -> QWidget:
        self.date_edit = DateEdit()
        self.date_edit.value_changed.connect(self.write)
        self.date_edit.editingFinished.connect(self._left)
        return self.date_edit

    def frame(self, widget: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.calendar_button = QPushButton()
        self.clear_button = QPushButton()
        for button in (self.calendar_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.date_edit.open_calendar)
        self.clear_button.clicked.connect(self.date_edit.clear_value)
        row.addWidget(widget, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        return box

    def _left(self) -> None:
        if self.date_edit.is_invalid():
            self._message = Message.of(
                NOT_A_DATE, example=dates.example(i18n.interface_language()))
            self._show_message()
        elif self._message is not None and self._message.msgid == NOT_A_DATE:
            self.validate(self.date_edit.value())

    def show_value(self, value: Any) -> None:
        self.date_edit.set_value(value)

    def retranslate(self) -> None:
        self.date_edit.retranslate()
        if self._message is not None and self._message.msgid == NOT_A_DATE:
            self._message = Message.of(
                NOT_A_DATE, example=dates.example(i18n.interface_language()))
        super().retranslate()

