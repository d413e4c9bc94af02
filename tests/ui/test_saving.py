"""Saving as you type, resuming after a close or a kill, and the passphrase dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from prepkit.store import Store, WrongPassphrase
from prepkit.ui.dialogs import NewPassphraseDialog, OpenPlanDialog
from prepkit.ui.saver import DEBOUNCE_MS, SaveState
from prepkit.ui.uistate import UiStateStore
from tests.ui.conftest import PASSPHRASE, field, new_plan, type_text


def test_typing_is_saved_once_per_burst(qtbot, make_window, store):
    window = make_window()
    new_plan(window)
    window.go("parents")
    page = window.page("parents")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.saver.state == SaveState.SAVED)
    before = window.saver.save_count
    type_text(qtbot, page, "name", "Rosa Mendes Oliveira")
    assert window.saver.state == SaveState.SAVING
    assert window.save_label.text() == "Saving…"
    qtbot.waitUntil(lambda: window.saver.state == SaveState.SAVED, timeout=DEBOUNCE_MS * 5)
    assert window.saver.save_count == before + 1
    assert window.save_label.text() == "Saved"
    assert store.load(window.saver.session).parents[0].name == "Rosa Mendes Oliveira"


def fill_until_child(qtbot, window):
    new_plan(window)
    window.go("children")
    page = window.page("children")
    for name in ("Ana", "Luis"):
        qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, page, "legal_name", name)
    window.go("if_not_home")
    window.page("if_not_home").tabs.setCurrentIndex(1)
    window.go("if_not_home", window.plan.children[1].id)
    return window.saver.session.household_id


def test_resume_after_close(qtbot, make_window):
    first = make_window()
    household = fill_until_child(qtbot, first)
    first.close()  # closing saves at once, without waiting for the debounce
    second = make_window()
    assert second.current_page() is second.start
    second.open_household(household, PASSPHRASE)
    assert second.current_page().key == "if_not_home"
    assert second.current_page().current_item_id() == second.plan.children[1].id
    assert [c.legal_name for c in second.plan.children] == ["Ana", "Luis"]


def kill(window, store) -> None:
    """A kill: no closeEvent, no flush.  What the file and the hint hold is all there is."""
    window.saver.session = None
    # A killed process writes nothing more: this window object lives on only in the test.
    window._stop_listening()
    window.state_file = UiStateStore(None)
    window.hide()
    store.close()


def test_resume_after_kill(qtbot, make_window, store, db_path):
    first = make_window()
    household = fill_until_child(qtbot, first)
    qtbot.waitUntil(lambda: first.saver.state == SaveState.SAVED)
    kill(first, store)
    with Store.open(db_path) as reopened:
        second = make_window(on=reopened)
        second.open_household(household, PASSPHRASE)
        assert second.current_page().key == "if_not_home"
        assert [c.legal_name for c in second.plan.children] == ["Ana", "Luis"]
        second.close()


def add_named(qtbot, page, path: str, names: list[str]) -> None:
    for name in names:
        qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, page, path, name)


def test_resume_after_kill_on_the_tab_and_the_person_chosen(qtbot, make_window, store, db_path):
    """Chosen by a click, never by ``go``: the position is kept as it changes."""
    first = make_window()
    new_plan(first)
    first.go("children")
    add_named(qtbot, first.page("children"), "legal_name", ["Ana", "Luis", "Sofia"])
    first.go("if_not_home")  # shows Ana's tab: the first child
    tabs = first.page("if_not_home").tabs
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    luis = first.plan.children[1].id
    assert first.current_page().current_item_id() == luis
    household = first.saver.session.household_id
    qtbot.waitUntil(lambda: first.saver.state == SaveState.SAVED)
    kill(first, store)
    with Store.open(db_path) as reopened:
        second = make_window(on=reopened)
        second.open_household(household, PASSPHRASE)
        assert second.current_page().key == "if_not_home"
        assert second.current_page().current_item_id() == luis
        assert second.page("if_not_home").tabs.currentIndex() == 1
        # Then the caregivers: three of them, the middle one chosen in the list.
        second.go("caregivers")
        page = second.page("caregivers")
        add_named(qtbot, page, "name", ["Teresa", "Paulo", "Ines"])
        view = page.items.view
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualItemRect(view.item(1)).center())
        paulo = second.plan.caregivers[1].id
        assert page.current_item_id() == paulo
        qtbot.waitUntil(lambda: second.saver.state == SaveState.SAVED)
        kill(second, reopened)
    with Store.open(db_path) as again:
        third = make_window(on=again)
        third.open_household(household, PASSPHRASE)
        assert third.current_page().key == "caregivers"
        assert third.current_page().current_item_id() == paulo
        assert field(third.page("caregivers"), "name").input.text() == "Paulo"
        third.close()


def test_typing_never_writes_the_position(qtbot, make_window, store, monkeypatch):
    window = make_window()
    new_plan(window)
    window.go("parents")
    page = window.page("parents")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    writes: list[dict] = []
    monkeypatch.setattr(store, "set_ui_state", writes.append)
    type_text(qtbot, page, "name", "Rosa Mendes")
    type_text(qtbot, page, "best_hours", "after six")
    assert writes == []
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)  # a new person: written
    assert [w["item_id"] for w in writes] == [window.plan.parents[1].id]


def test_wrong_passphrase_is_said_in_the_dialog(qtbot, store):
    from prepkit.plan import Plan

    session = store.create_household(Plan(), PASSPHRASE)
    dialog = OpenPlanDialog(store.list_households(), store.unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "not the one")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == WrongPassphrase().message.render()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result_value.household_id == session.household_id


def test_new_passphrase_needs_length_and_match(qtbot):
    dialog = NewPassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first, "short")
    assert dialog.strength.value() <= 1
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "at least 8" in dialog.error.text()
    dialog.first.clear()
    qtbot.keyClicks(dialog.first, PASSPHRASE)
    assert dialog.strength.value() >= 3
    qtbot.keyClicks(dialog.second, PASSPHRASE + "x")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "not the same" in dialog.error.text()
    dialog.second.clear()
    qtbot.keyClicks(dialog.second, PASSPHRASE)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.passphrase() == PASSPHRASE


def test_kiosk_has_no_private_section_and_remembers_nothing(qtbot, make_window, store):
    window = make_window(kiosk=True)
    new_plan(window)
    window.go("legal")
    assert window.page("legal").private_form is None
    assert window.plan.private is None
    assert store.ui_state() == {}  # a kiosk remembers nothing, not even a step
    window.go("parents")
    assert field(window.page("parents"), "name") is not None
    window.close()
    assert store.ui_state() == {}
