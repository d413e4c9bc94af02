"""Adding, removing and reordering people; moving back and forth loses nothing."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from prepkit.ui.saver import SaveState
from tests.ui.conftest import answer_box, field, new_plan, type_text


def add_contacts(qtbot, window, names):
    window.go("contacts")
    page = window.page("contacts")
    for name in names:
        qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, page, "name", name)
    return page


def titles(page):
    return [page.items.view.item(i).text() for i in range(page.items.view.count())]


def test_reorder_with_buttons_and_drag(qtbot, make_window, store):
    window = make_window()
    new_plan(window)
    page = add_contacts(qtbot, window, ["Ana", "Bo", "Cy"])
    page.items.view.setCurrentRow(2)
    qtbot.mouseClick(page.items.up_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in window.plan.contacts] == ["Ana", "Cy", "Bo"]
    assert titles(page) == ["Ana", "Cy", "Bo"]
    assert page.items.current_index() == 1  # the moved one stays chosen
    qtbot.mouseClick(page.items.up_button, Qt.MouseButton.LeftButton)
    assert not page.items.up_button.isEnabled()  # already first
    # What a drag and drop does to the list's model: move "Bo" to the top.
    assert page.items.view.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert [c.name for c in window.plan.contacts] == ["Bo", "Cy", "Ana"]
    window.saver.flush()
    assert [c.name for c in store.load(window.saver.session).contacts] == ["Bo", "Cy", "Ana"]


def test_delete_asks_and_clears_references(qtbot, make_window, store):
    window = make_window()
    new_plan(window)
    page = add_contacts(qtbot, window, ["Ana", "Bo"])
    window.go("children")
    children = window.page("children")
    qtbot.mouseClick(children.items.add_button, Qt.MouseButton.LeftButton)
    bo = window.plan.contacts[1].id
    window.plan.children[0].pickup.authorized = [bo]
    window.plan.children[0].if_not_home.first_pickup = bo
    window.go("contacts")
    page.items.view.setCurrentRow(1)
    answer_box(qtbot, "Keep")
    qtbot.mouseClick(page.items.remove_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in window.plan.contacts] == ["Ana", "Bo"]
    answer_box(qtbot, "Remove")
    qtbot.mouseClick(page.items.remove_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in window.plan.contacts] == ["Ana"]
    assert window.plan.children[0].pickup.authorized == []
    assert window.plan.children[0].if_not_home.first_pickup == ""
    assert field(page, "name").input.text() == "Ana"  # the remaining one is shown
    window.saver.flush()
    assert [c.name for c in store.load(window.saver.session).contacts] == ["Ana"]


def test_back_and_forward_keep_everything(qtbot, make_window):
    window = make_window()
    new_plan(window)
    window.go("parents")
    parents = window.page("parents")
    qtbot.mouseClick(parents.items.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, parents, "name", "Rosa")
    type_text(qtbot, parents, "phones.0", "5085550142")
    for _ in range(3):
        qtbot.mouseClick(window.next, Qt.MouseButton.LeftButton)
    assert window.current_page().key == "caregivers"
    for _ in range(3):
        qtbot.mouseClick(window.back, Qt.MouseButton.LeftButton)
    assert window.current_page() is parents
    assert field(parents, "name").input.text() == "Rosa"
    assert field(parents, "phones.0").input.text() == "(508) 555-0142"
    qtbot.mouseClick(window.back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.back, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.start
    assert window.plan.parents[0].name == "Rosa"
    qtbot.waitUntil(lambda: window.saver.state == SaveState.SAVED)
    # Jumping from the side panel works the same way.
    window.step_list.setCurrentRow(1)
    assert window.current_page() is parents
    assert field(parents, "name").input.text() == "Rosa"
