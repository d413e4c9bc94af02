"""The review page: each gap is a link to the page, and the child or person, that fixes it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from prepkit.plan import Caregiver, Parent, Phone
from tests.ui.conftest import field, new_plan


def gap_index(review, text: str) -> int:
    return next(i for i, gap in enumerate(review.gaps) if gap.message.render() == text)


def test_a_gap_about_a_person_opens_that_person(qtbot, make_window):
    window = make_window()
    new_plan(window)
    plan = window.plan
    plan.parents += [Parent(name="Rosa", phones=[Phone(text="(508) 555-0142")]),
                     Parent(name="Jorge")]
    plan.caregivers += [Caregiver(name="Teresa", phones=[Phone(text="(508) 555-0177")]),
                        Caregiver(name="Paulo")]
    window.show_plan(plan)
    window.go("review")
    review = window.page("review")
    review.activate_gap(gap_index(review, "Paulo has no phone number."))
    caregivers = window.page("caregivers")
    assert window.current_page() is caregivers
    assert caregivers.current() is plan.caregivers[1]
    assert field(caregivers, "name").input.text() == "Paulo"

    window.go("review")
    link = review.gap_links[gap_index(review, "Jorge has no phone number.")]
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)  # by keyboard, as by a click
    parents = window.page("parents")
    assert window.current_page() is parents
    assert field(parents, "name").input.text() == "Jorge"
