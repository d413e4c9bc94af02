"""A. About the plan: when it was made, when to look at it again, the languages of the printed
copies, and who has a copy (to replace or take back every copy when the plan changes)."""

from __future__ import annotations

from typing import Any

from prepkit import validate
from prepkit.i18n import N_
from prepkit.plan import CopyHolder, Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.rowlist import ListOps


class FamilyPage(Page):
    key = "family"
    title_text = N_("About this plan")
    intro_text = N_("This plan tells the people you trust what to do for your children if you "
                    "cannot come home. You can stop at any time: everything is saved as you "
                    "type.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        form = self.form(lambda: self.plan)
        form.date("record.made_on", N_("Date the plan was made"))
        form.date("record.review_by", N_("Look at the plan again by"),
                  help=N_("Every 6 to 12 months. A caregiver affidavit lasts at most 2 years."),
                  check=self._review_message)
        form.language("record.family_language", N_("Language the family reads best"),
                      help=N_("The printed copies are made in this language."))
        form.languages("record.copy_languages", N_("Other languages for the printed copies"),
                       help=N_("Tick a language if someone who gets a copy reads it better, "
                               "for example the caregiver."))
        form.heading(N_("Who has a copy"))
        form.note(N_("Write down who gets each printed copy: the caregiver, the school, the "
                     "doctor, the dentist. If the plan changes, you will know whom to give "
                     "the new copy."))
        self.distribution = form.rows(
            ListOps(lambda: self.plan.record.distribution, CopyHolder), self._copy,
            add_text=N_("Add a copy you gave out"), item_text=N_("Copy {n}"),
            confirm_text=N_("Remove {name}? What you wrote about it will be deleted."))
        self.body.addStretch(1)

    @staticmethod
    def _copy(form: Form) -> None:
        form.text("holder", N_("Who has it"), placeholder=N_("For example: Elm Park School"))
        form.text("document", N_("Which paper"),
                  placeholder=N_("For example: school pick-up letter"))
        form.date("given_on", N_("Date given"))

    def _review_message(self, value: Any) -> Any:
        return validate.review_date_message(self.plan.record.made_on, value)

    def is_complete(self, plan: Plan) -> bool:
        return plan.record.review_by is not None
