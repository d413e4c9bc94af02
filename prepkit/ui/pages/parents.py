"""B. Parents and guardians."""

from __future__ import annotations

from prepkit import validate
from prepkit.i18n import N_
from prepkit.plan import Parent, Plan
from prepkit.ui.pages.listpage import ListPage
from prepkit.ui.widgets.form import Form


class ParentsPage(ListPage):
    key = "parents"
    title_text = N_("Parents and guardians")
    intro_text = N_("Add each parent or guardian who lives with the children. "
                    "Choose a name in the list to change it.")
    list_attr = "parents"
    list_label = N_("Parents and guardians in the plan")
    add_text = N_("Add a parent or guardian")
    remove_text = N_("Remove")
    confirm_text = N_("Remove {name} from the plan? What you wrote about them will be deleted.")
    empty_text = N_("No parent or guardian yet. Press “Add a parent or guardian”.")
    unnamed_text = N_("Parent {n}")

    def make_item(self) -> Parent:
        return Parent()

    def build_form(self, form: Form) -> None:
        form.text("name", N_("Full name"))
        form.phone("phones", N_("Mobile phone"), 0,
                   help=N_("For a number in another country, start with + and the country code."))
        form.phone("phones", N_("Another phone"), 1)
        form.language("spoken_language", N_("Language they speak best"))
        form.language("reading_language", N_("Language they read best"))
        form.text("best_hours", N_("Best hours to call"), placeholder=N_("For example: after 6 pm"))
        form.heading(N_("Work (you can leave this empty)"))
        form.text("work_name", N_("Where they work"))
        form.phone("work_phone", N_("Work phone"))
        form.text("work_schedule", N_("Usual work hours"))

    def is_complete(self, plan: Plan) -> bool:
        return bool(plan.parents) and not any(
            g.section == validate.Section.PARENTS for g in validate.completeness(plan)
        )
