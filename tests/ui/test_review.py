"""The review page: each gap is a link to the page, and the child or person, that fixes it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from prepkit import validate
from prepkit.plan import Caregiver, Child, Contact, IfNotHome, NoOneThere, Parent, Phone
from tests.ui.conftest import PASSPHRASE, field, new_plan


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


def step_mark(window, key: str) -> str:
    row = window.step_keys().index(key)
    return window.step_list.item(row).text().split()[0]


def test_review_and_print_steps_are_ticked_only_when_done(qtbot, make_window, tmp_path):
    window = make_window()
    new_plan(window)
    window.refresh_steps()
    assert step_mark(window, "review") == "○"  # no parent, no child: needed things missing
    assert step_mark(window, "print") == "○"
    plan = window.plan
    plan.parents.append(Parent(name="Rosa", phones=[Phone(text="(508) 555-0142")]))
    plan.children.append(Child(legal_name="Ana", if_not_home=IfNotHome(first_pickup="x")))
    plan.caregivers.append(Caregiver(name="Teresa", phones=[Phone(text="(508) 555-0177")]))
    plan.contacts.append(Contact(name="Ines"))
    plan.children[0].if_not_home.first_pickup = plan.caregivers[0].id
    plan.children[0].pickup.authorized = [plan.parents[0].id]
    plan.record.review_by = date(2030, 1, 1)
    window.show_plan(plan)
    gaps = validate.completeness(plan)
    assert gaps and all(g.severity == validate.Severity.RECOMMENDED for g in gaps)
    assert step_mark(window, "review") == "✓"  # only recommendations are left
    window.go("print")
    page = window.page("print")
    page.choose(["school-letter"], "en")
    page.make_documents()
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    window.refresh_steps()
    assert step_mark(window, "print") == "○"  # a preview hands nothing to anyone
    page.export_to(tmp_path)
    window.refresh_steps()
    assert step_mark(window, "print") == "✓"
    # Opened again later: the copies log remembers.
    household = window.saver.session.household_id
    window.close_plan()
    assert step_mark(window, "print") == "○"
    window.open_household(household, PASSPHRASE)
    assert step_mark(window, "print") == "✓"


def test_review_has_one_colon_and_names_languages_plainly(qtbot, make_window):
    window = make_window()
    new_plan(window)
    plan = window.plan
    plan.record.family_language = "en"
    plan.children.append(Child(legal_name="Ana", if_not_home=IfNotHome(
        no_one_there=NoOneThere.BACK_TO_SCHOOL)))
    window.show_plan(plan)
    window.go("review")
    summary = window.page("review").summary.text()
    assert "the child will: <b>Go back into the school</b>" in summary
    assert "::" not in summary
    assert "Language the family reads best: <b>English</b>" in summary
    assert "United States" not in summary
    printing = window.page("print")
    assert printing.language.itemText(printing.language.findData("en")) == "English"
    family = window.page("family")
    assert field(family, "record.family_language").input.currentText() == "English"
    copies = field(family, "record.copy_languages").view
    assert copies.item(0).text() == "English"
