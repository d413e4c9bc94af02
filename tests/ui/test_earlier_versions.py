"""Undo in the wizard: the Earlier versions dialog brings a plan back, and keeps what it left."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from prepkit import i18n
from prepkit.store import Store
from prepkit.ui.dialogs import EarlierVersionsDialog
from prepkit.ui.saver import SaveState
from tests.ui.conftest import field, new_plan, type_text


class TickingClock:
    """Seventy seconds pass between two looks at the clock: each save opens a new version."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=70)
        return self.now


@pytest.fixture
def slow_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "versions.sqlite3", clock=TickingClock()) as opened:
        yield opened


def _save_name(qtbot, window, text: str) -> None:
    type_text(qtbot, window.page("parents"), "name", text)
    window.saver.flush()
    assert window.saver.state == SaveState.SAVED


def _in_next_modal(qtbot, act) -> list[str]:
    """Run ``act`` on the next modal dialog, then on the message box after it; their texts."""
    seen: list[str] = []

    def on_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EarlierVersionsDialog)
        seen.extend(dialog.choice.item(row).text() for row in range(dialog.choice.count()))
        QTimer.singleShot(50, on_box)
        act(dialog)

    def on_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.buttons()[0].click()

    QTimer.singleShot(50, on_dialog)
    return seen


def test_a_mistake_is_undone_and_the_undo_can_be_undone(qtbot, make_window, slow_store):
    store = slow_store
    window = make_window(on=store)
    assert not window.versions_button.isVisible()  # nothing open, nothing to go back to
    new_plan(window)
    assert window.versions_button.isVisible()
    window.go("parents")
    qtbot.mouseClick(window.page("parents").items.add_button, Qt.MouseButton.LeftButton)
    _save_name(qtbot, window, "Rosa Mendes")
    _save_name(qtbot, window, "Typed over by mistake")

    before = store.history(window.saver.session)
    seen = _in_next_modal(qtbot, lambda dialog: qtbot.mouseClick(
        dialog.ok, Qt.MouseButton.LeftButton))  # the newest earlier version is chosen
    qtbot.mouseClick(window.versions_button, Qt.MouseButton.LeftButton)
    # Listed: every version but "now", newest first, by the day and time each was saved.
    assert seen[:-1] == [i18n.format_moment(r.saved, "en") for r in before[1:]]
    assert len(before) >= 3 and len(set(seen[:-1])) == len(seen) - 1
    assert seen[-1] == f"The plan is back as it was on {seen[0]}."
    versions = store.history(window.saver.session)
    assert len(versions) == len(before) + 1
    page = window.page("parents")
    assert field(page, "name").input.text() == "Rosa Mendes"  # on screen...
    assert store.load(window.saver.session).parents[0].name == "Rosa Mendes"  # ...and saved
    kept = [store.load_revision(window.saver.session, r.number) for r in versions]
    assert "Typed over by mistake" in [plan.parents[0].name for plan in kept if plan.parents]

    # Typing goes on from the version brought back, and is saved as usual.
    _save_name(qtbot, window, "Rosa Mendes Oliveira")
    assert store.load(window.saver.session).parents[0].name == "Rosa Mendes Oliveira"

    # Going back to "Typed over by mistake": the undo itself can be undone.
    def pick_the_mistake(dialog: EarlierVersionsDialog) -> None:
        names = [store.load_revision(window.saver.session, r.number).parents[0].name
                 if store.load_revision(window.saver.session, r.number).parents else ""
                 for r in dialog.revisions]
        dialog.choice.setCurrentRow(names.index("Typed over by mistake"))
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)

    _in_next_modal(qtbot, pick_the_mistake)
    qtbot.mouseClick(window.versions_button, Qt.MouseButton.LeftButton)
    assert field(page, "name").input.text() == "Typed over by mistake"


def test_cancel_changes_nothing_and_a_new_plan_has_no_earlier_version(qtbot, make_window,
                                                                      store):
    window = make_window()
    new_plan(window)
    before = store.history(window.saver.session)

    def look_and_cancel(dialog: EarlierVersionsDialog) -> None:
        assert dialog.choice.count() == 0
        assert not dialog.ok.isEnabled()
        assert dialog.error.isVisible()
        assert dialog.error.text() == "There is no earlier version of this plan yet."
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)

    seen = _in_next_modal(qtbot, look_and_cancel)
    qtbot.mouseClick(window.versions_button, Qt.MouseButton.LeftButton)
    assert seen == []  # no message: nothing happened
    assert store.history(window.saver.session) == before


def test_the_versions_are_listed_in_the_interface_language(qtbot, make_window, slow_store):
    store = slow_store
    window = make_window(on=store)
    new_plan(window)
    window.go("parents")
    qtbot.mouseClick(window.page("parents").items.add_button, Qt.MouseButton.LeftButton)
    _save_name(qtbot, window, "Rosa")
    i18n.set_interface_language("zh_Hans")
    dialog = EarlierVersionsDialog(store.history(window.saver.session), window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == i18n.translations("zh_Hans").gettext("Earlier versions")
    assert dialog.windowTitle() != "Earlier versions"
    assert "年" in dialog.choice.item(0).text()  # a Chinese date
    assert window.versions_button.text() == dialog.windowTitle()


def test_closing_the_plan_hides_the_button(qtbot, make_window):
    window = make_window()
    new_plan(window)
    assert window.versions_button.isVisible()
    window.close_plan()
    assert not window.versions_button.isVisible()


def test_versions_saved_within_one_minute_are_told_apart_by_the_second(qtbot, store):
    from prepkit.store import Revision

    noon = datetime(2026, 11, 30, 12, 0, 5, tzinfo=UTC)
    revisions = [Revision(n, noon, noon + timedelta(seconds=s))
                 for n, s in ((3, 50), (2, 40), (1, 10))]
    dialog = EarlierVersionsDialog(revisions)
    qtbot.addWidget(dialog)
    texts = [dialog.choice.item(row).text() for row in range(dialog.choice.count())]
    assert texts == [i18n.format_moment(r.saved, "en", seconds=True) for r in revisions[1:]]
    assert len(set(texts)) == 2


@pytest.mark.parametrize("code", i18n.language_codes())
def test_the_top_bar_shows_every_control_whole_on_a_1024_screen(qtbot, make_window, code):
    window = make_window()
    new_plan(window)
    window.resize(1024, 700)
    i18n.set_interface_language(code)
    window.go("parents")
    bar = window.title_label.parentWidget()
    bar.layout().activate()
    controls = [window.versions_button, window.language_combo, window.smaller, window.bigger,
                window.contrast, window.save_label]
    assert window.versions_button.isVisible()
    for control in controls:
        assert control.width() >= control.minimumSizeHint().width(), (code, control.text()
                                                                      if hasattr(control, "text")
                                                                      else control)
    assert window.width() <= 1024  # the bar did not force the window wider
