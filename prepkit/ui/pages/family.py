"""A. About the plan: when it was made, when to look at it again, the family's language."""

from __future__ import annotations

from typing import Any

from prepkit import validate
from prepkit.i18n import N_
from prepkit.plan import Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver


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
        self.body.addStretch(1)

    def _review_message(self, value: Any) -> Any:
        return validate.review_date_message(self.plan.record.made_on, value)

    def is_complete(self, plan: Plan) -> bool:
        return plan.record.review_by is not None
