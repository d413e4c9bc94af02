"""L. Staying in touch: numbers everyone learns by heart, text first, a meeting place."""

from __future__ import annotations

from prepkit.i18n import N_
from prepkit.plan import Phone, Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver
from prepkit.ui.widgets import fields
from prepkit.ui.widgets.binding import Element
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.rowlist import ListOps


class CommunicationPage(Page):
    key = "communication"
    title_text = N_("Staying in touch")
    intro_text = N_("Phones can be taken away. Choose a few numbers that everyone in the "
                    "family learns by heart, and a place to meet.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        form = self.form(lambda: self.plan)
        form.heading(N_("Numbers to memorize"))
        form.note(N_("For example: the caregiver, the first emergency contact, legal aid. "
                     "Practice them with the children."))
        self.numbers = form.rows(
            ListOps(lambda: self.plan.communication.memorize, Phone), self._number,
            add_text=N_("Add a number"), item_text=N_("Number {n}"),
            confirm_text=N_("Remove {name}? What you wrote about it will be deleted."))
        form.heading(N_("How to reach each other"))
        form.check("communication.text_first", N_("Send a text message first, then call"),
                   help=N_("A text message often gets through when a call does not."))
        form.area("communication.meeting_place", N_("Meeting place"),
                  help=N_("A place everyone knows, if you cannot go home."))
        self.body.addStretch(1)

    def _number(self, form: Form) -> None:
        binding = Element(lambda: self.plan.communication.memorize, form.owner())
        form.add(fields.PhoneField(binding, N_("Phone number"), form.changed))

    def is_complete(self, plan: Plan) -> bool:
        return any(p.text.strip() for p in plan.communication.memorize)
