"""Phone formatting, messages next to the field, dates, and a page done by keyboard alone."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QItemDelegate,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QWidget,
)

from prepkit import i18n
from prepkit.plan import Parent
from tests.ui.conftest import field, new_plan, set_date, type_text


def test_phone_formats_as_typed_and_message_is_inline(qtbot, make_window):
    window = make_window()
    new_plan(window)
    window.go("parents")
    page = window.page("parents")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    phone = field(page, "phones.0")
    type_text(qtbot, page, "phones.0", "508555")
    assert phone.input.text() == "508-555"
    qtbot.keyClick(phone.input, Qt.Key.Key_Tab)  # leaving the field checks it
    assert phone.message.isVisible()
    assert phone.message.text() == "This phone number looks too short."
    assert QApplication.activeModalWidget() is None  # never a box on top
    phone.input.setFocus()
    phone.input.end(False)
    qtbot.keyClicks(phone.input, "0142")
    assert phone.input.text() == "(508) 555-0142"
    assert not phone.message.isVisible()  # fixed while typing, the message goes
    assert window.plan.parents[0].phones[0].e164 == "+15085550142"
    type_text(qtbot, page, "phones.1", "+442079460958")
    assert window.plan.parents[0].phones[1].e164 == "+442079460958"
    assert field(page, "phones.1").input.text().startswith("+44 20")


def test_dates_are_optional_follow_the_locale_and_are_checked(qtbot, make_window):
    window = make_window()
    new_plan(window)
    window.go("children")
    page = window.page("children")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    birth = field(page, "birth_date")
    assert birth.date_edit.text() == ""  # empty is empty, not a word standing for a date
    assert birth.date_edit.placeholderText() == f"For example: 12/31/{date.today().year}"
    tomorrow = date.today() + timedelta(days=1)
    set_date(page, "birth_date", QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert window.plan.children[0].birth_date == tomorrow
    assert birth.message.text() == "A birth date cannot be in the future."
    set_date(page, "birth_date", QDate(2016, 5, 31))
    assert not birth.message.isVisible()
    assert birth.date_edit.text() == "5/31/2016"
    i18n.set_interface_language("es")
    assert birth.date_edit.text() == "31/5/2016"
    qtbot.mouseClick(birth.clear_button, Qt.MouseButton.LeftButton)
    assert window.plan.children[0].birth_date is None
    assert birth.date_edit.text() == ""


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_tab_goes_through_an_empty_date_field(qtbot, make_window):
    window = make_window()
    new_plan(window)
    window.go("children")
    page = window.page("children")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    order = [field(page, path).input
             for path in ("legal_name", "called_name", "birth_date", "languages")]
    order[0].setFocus()
    for expected in order[1:]:
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        assert focus() is expected
    qtbot.keyClick(focus(), Qt.Key.Key_Backtab)
    assert focus() is order[2]
    assert window.plan.children[0].birth_date is None  # passing through changes nothing
    assert order[2].text() == ""


def test_type_a_date_into_an_empty_date_field(qtbot, make_window, store):
    window = make_window()
    new_plan(window)
    window.go("children")
    page = window.page("children")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    birth = field(page, "birth_date")
    edit = birth.date_edit
    field(page, "called_name").input.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is edit
    qtbot.keyClicks(edit, "3/15/2016")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert focus() is field(page, "languages").input
    window.saver.flush()
    assert store.load(window.saver.session).children[0].birth_date == date(2016, 3, 15)
    # ISO works in every language, and leaving the field writes it the locale's way.
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "2016-05-31")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "5/31/2016"
    assert window.plan.children[0].birth_date == date(2016, 5, 31)
    # Something that is not a date: said next to the field; the last date stays.
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "5/31/16")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert birth.message.isVisible()
    assert birth.message.text() == (
        f"This is not a date. Write it like this: 12/31/{date.today().year}")
    assert window.plan.children[0].birth_date == date(2016, 5, 31)
    # Erasing it clears the date, and the message.
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not birth.message.isVisible()
    window.saver.flush()
    assert store.load(window.saver.session).children[0].birth_date is None
    # In Spanish the day comes first.
    i18n.set_interface_language("es")
    assert edit.placeholderText() == f"Por ejemplo: 31/12/{date.today().year}" or \
        edit.placeholderText().endswith(f"31/12/{date.today().year}")
    edit.setFocus()
    qtbot.keyClicks(edit, "15/3/2016")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert window.plan.children[0].birth_date == date(2016, 3, 15)


def test_calendar_opens_from_the_keyboard(qtbot, make_window):
    window = make_window()
    new_plan(window)
    window.go("children")
    page = window.page("children")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    edit = field(page, "birth_date").date_edit
    set_date(page, "birth_date", date(2016, 5, 31))
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = edit.popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.calendar.selectedDate() == QDate(2016, 5, 31)
    qtbot.keyClick(focus(), Qt.Key.Key_Left)  # the day before
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert window.plan.children[0].birth_date == date(2016, 5, 30)
    assert edit.text() == "5/30/2016"
    qtbot.waitUntil(lambda: focus() is edit)
    # F4 opens it too; Escape closes it and changes nothing.
    qtbot.keyClick(edit, Qt.Key.Key_F4)
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(focus(), Qt.Key.Key_Right)
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert window.plan.children[0].birth_date == date(2016, 5, 30)
    # An empty field's calendar opens at today, not in 1900.
    edit.clear_value()
    edit.open_calendar()
    qtbot.waitUntil(popup.isVisible)
    today = date.today()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (today.year, today.month)
    popup.close()


NATIVE_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]")


@pytest.mark.parametrize("code", ["ar", "ps", "fa_AF", "ne"])
def test_one_digit_system_on_screen_the_one_on_paper(qtbot, make_window, monkeypatch, code):
    """Babel writes Latin digits for these languages (as the printed documents do); the date
    field, its calendar and the review page follow it instead of QLocale's native digits."""
    window = make_window()
    new_plan(window)
    window.go("children")
    page = window.page("children")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    set_date(page, "birth_date", date(2016, 5, 31))
    i18n.set_interface_language(code)
    edit = field(page, "birth_date").date_edit
    shown = edit.text()
    assert re.sub(r"\D", "", shown) in ("3152016", "2016531")
    assert not NATIVE_DIGITS.search(shown + edit.placeholderText())
    window.go("review")
    summary = window.page("review").summary.text()
    assert i18n.format_date(date(2016, 5, 31), code) in summary
    assert not NATIVE_DIGITS.search(summary)
    window.go("children")
    edit.open_calendar()
    calendar = edit.popup.calendar
    qtbot.waitUntil(edit.popup.isVisible)
    view = calendar.findChild(QTableView)
    model = view.model()
    weekdays = {model.data(model.index(0, col)) for col in range(model.columnCount())}
    native = QLocale(i18n.language(code).qt_locale)
    assert {native.dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)} <= \
        weekdays | {None, ""}  # the weekdays in the interface language
    drawn: list[str] = []
    qt_draw = QItemDelegate.drawDisplay

    def record(delegate, painter, option, rect, text):
        drawn.append(text)
        qt_draw(delegate, painter, option, rect, text)

    monkeypatch.setattr(QItemDelegate, "drawDisplay", record)
    view.viewport().grab()  # paint the day numbers
    assert "31" in drawn and "15" in drawn
    assert not NATIVE_DIGITS.search("".join(drawn))
    assert calendar.findChild(QToolButton, "qt_calendar_yearbutton").text() == "2016"
    assert calendar.locale().language() == QLocale(i18n.language(code).qt_locale).language()
    edit.popup.close()


def test_a_page_by_keyboard_alone(qtbot, make_window):
    window = make_window()
    new_plan(window)
    window.go("parents")
    page = window.page("parents")
    page.items.add_button.setFocus()
    qtbot.keyClick(page.items.add_button, Qt.Key.Key_Return)
    assert len(window.plan.parents) == 1
    name = field(page, "name").input
    for _ in range(10):  # Tab along the page in reading order until the name field
        if QApplication.focusWidget() is name:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is name
    qtbot.keyClicks(name, "Rosa")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    phone = field(page, "phones.0").input
    assert QApplication.focusWidget() is phone
    qtbot.keyClicks(phone, "5085550142")
    qtbot.keyClick(phone, Qt.Key.Key_Return)  # Enter: next step
    assert window.current_page().key == "children"
    assert window.plan.parents == [Parent(id=window.plan.parents[0].id, name="Rosa",
                                          phones=window.plan.parents[0].phones)]
    assert window.plan.parents[0].phones[0].text == "(508) 555-0142"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # Escape: back
    assert window.current_page() is page


def test_text_size_and_contrast(qtbot, make_window):
    window = make_window()
    base = QApplication.font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == base + 1
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == base - 1
    window.contrast.setChecked(True)
    assert "#ffff00" in QApplication.instance().styleSheet()
    assert window.start.new_button.height() >= 40


def test_text_follows_the_system_size_until_the_user_picks_one(qtbot, make_window, store,
                                                               monkeypatch):
    from PySide6.QtGui import QFont

    from prepkit.ui import qtsetup, style

    app = QApplication.instance()
    # What the platform had before prepkit set its font: read once, then kept.
    monkeypatch.setattr(qtsetup, "_system_pt", [])
    platform = QFont(app.font())
    platform.setPointSize(14)  # a desktop set to larger text
    app.setFont(platform)
    qtsetup.apply_look(app, style.Look())
    assert qtsetup.system_point_size() == 14
    window = make_window()
    big = round(14 * 13 / 9)
    assert window.look.base_pt == big
    assert QApplication.font().pointSize() == big
    window.contrast.setChecked(True)
    assert "base_pt" not in store.ui_state() or store.ui_state()["base_pt"] == 0
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == big + 1
    assert store.ui_state()["base_pt"] == big + 1  # chosen: kept, whatever the platform says
    window.close()
    monkeypatch.setattr(qtsetup, "_system_pt", [9])
    again = make_window()
    assert again.look.base_pt == big + 1
    # A usual desktop (9 pt) starts at the size the look was designed for.
    assert style.starting_pt(9) == style.DEFAULT_PT


INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QListWidget)


def people_and_children(qtbot, window) -> None:
    for key in ("parents", "children", "contacts", "caregivers"):
        window.go(key)
        qtbot.mouseClick(window.page(key).items.add_button, Qt.MouseButton.LeftButton)


def test_every_input_has_a_visible_label_and_a_name(qtbot, make_window):
    window = make_window()
    new_plan(window)
    people_and_children(qtbot, window)
    thumbnails = window.page("print").preview.thumbs  # page numbers to jump to, not an input
    for key in window.step_keys():
        window.go(key)
        page = window.current_page()
        labelled = {label.buddy() for label in page.findChildren(QLabel)
                    if label.isVisibleTo(page) and label.text().strip()}
        inputs = [w for w in page.findChildren(QWidget)
                  if isinstance(w, INPUTS) and w.isVisibleTo(page) and w is not thumbnails]
        assert inputs or key == "review", key  # the review page holds links only
        for widget in inputs:
            name = widget.accessibleName()
            assert name.strip(), (key, type(widget).__name__)
            assert widget in labelled, (key, type(widget).__name__, name)


def test_moving_to_a_page_puts_focus_on_its_first_input(qtbot, make_window):
    window = make_window()
    new_plan(window)
    people_and_children(qtbot, window)
    expected = {
        "family": field(window.page("family"), "record.made_on").input,
        "parents": window.page("parents").items.view,
        "pickup": window.page("pickup").tabs,
        "print": window.page("print").documents,
    }
    for key in window.step_keys():
        window.go(key)
        page = window.current_page()
        widget = focus()
        assert page.isAncestorOf(widget), key
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, (key, type(widget).__name__)
        assert type(widget) is not QWidget, key  # a container takes no typing, shows no focus
        if key in expected:
            assert widget is expected[key], (key, type(widget).__name__)
        if key == "review":  # its links are made as it loads
            assert widget is page.gap_links[0]
