"""C. Each child: school, bus, after school, health, daily life and comfort."""

from __future__ import annotations

from datetime import date
from typing import Any

from prepkit import validate
from prepkit.i18n import N_
from prepkit.plan import Child, Medication
from prepkit.ui.pages.listpage import ListPage
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.rowlist import ListOps


class ChildrenPage(ListPage):
    key = "children"
    title_text = N_("Children")
    intro_text = N_("Add each child. Choose a child's name in the list to write about them.")
    list_attr = "children"
    list_label = N_("Children in the plan")
    add_text = N_("Add a child")
    remove_text = N_("Remove")
    confirm_text = N_("Remove {name} from the plan? What you wrote about this child will be "
                      "deleted.")
    empty_text = N_("No child yet. Press “Add a child”.")
    unnamed_text = N_("Child {n}")
    people = False

    def make_item(self) -> Child:
        return Child()

    def item_name(self, item: Any) -> str:
        return item.display_name

    def build_form(self, form: Form) -> None:
        form.text("legal_name", N_("Full legal name"))
        form.text("called_name", N_("Name the child answers to"),
                  help=N_("If it is different, for example a nickname."))
        form.date("birth_date", N_("Date of birth"),
                  check=lambda value: validate.birth_date_message(value, date.today()))
        form.text("languages", N_("Languages the child speaks"))
        form.heading(N_("School"))
        form.text("school.name", N_("School name"))
        form.phone("school.phone", N_("School phone"))
        form.text("school.grade", N_("Grade"))
        form.text("school.teacher", N_("Teacher"))
        form.text("bus_route", N_("Bus route"))
        form.text("bus_stop", N_("Bus stop"))
        form.text("after_school.name", N_("After-school program or child care"))
        form.phone("after_school.phone", N_("After-school phone"))
        form.heading(N_("Health"))
        form.text("doctor.name", N_("Doctor"))
        form.phone("doctor.phone", N_("Doctor's phone"))
        form.text("dentist.name", N_("Dentist"))
        form.phone("dentist.phone", N_("Dentist's phone"))
        form.text("pharmacy.name", N_("Pharmacy"))
        form.phone("pharmacy.phone", N_("Pharmacy phone"))
        form.text("insurance_plan", N_("Health insurance plan name"),
                  help=N_("Only the name of the plan. Do not write any card numbers."))
        form.text("insurance_card_kept", N_("Where the insurance card is kept"))
        form.area("allergies", N_("Allergies"))
        form.area("conditions", N_("Health conditions"))
        form.heading(N_("Medicines"))
        self.medicines = form.rows(
            ListOps(self._medications, Medication), self._medication,
            add_text=N_("Add a medicine"), item_text=N_("Medicine {n}"),
            confirm_text=N_("Remove {name}? What you wrote about it will be deleted."))
        form.area("special_needs", N_("IEP, 504 plan or other special needs"))
        form.area("health_note_for_school", N_("Health note the school may see"))
        form.heading(N_("Daily life and comfort"))
        form.text("food_needs", N_("Food needs"))
        form.text("religious_needs", N_("Religious needs"))
        form.area("routines", N_("Routines (sleep, meals, school mornings)"))
        form.text("comfort_items", N_("Comfort items"))
        form.text("favourites", N_("Favorite book, toy or game"))
        form.area("what_child_was_told", N_("What the child has been told about this plan"))
        form.text("knows_who_comes", N_("Who the child knows will come for them"))

    def _medications(self) -> list[Medication] | None:
        child = self.current()
        return child.medications if child is not None else None

    @staticmethod
    def _medication(form: Form) -> None:
        form.text("name", N_("Medicine name"))
        form.text("dose", N_("How much"))
        form.text("times", N_("When to take it"))
        form.text("kept_where", N_("Where it is kept"))
