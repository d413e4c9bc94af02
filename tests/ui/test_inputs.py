"""Phone formatting, messages next to the field, dates, and a page done by keyboard alone."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

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
    assert birth.date_edit.text() == "No date"
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
