"""K. Legal help numbers and the notario warning; the private section (home mode only)."""

from __future__ import annotations

from prepkit.i18n import N_
from prepkit.plan import LegalContact, Mode, Plan, PrivateSection
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.rowlist import ListOps


class LegalPage(Page):
    key = "legal"
    title_text = N_("Legal help")
    intro_text = N_("Numbers for legal aid or a lawyer. Everyone in the family should learn "
                    "them by heart.")

    def __init__(self, plan: Plan, saver: Saver, *, kiosk: bool = False) -> None:
        super().__init__(plan, saver)
        self.kiosk = kiosk
        form = self.form(lambda: self.plan)
        self.contacts = form.rows(
            ListOps(lambda: self.plan.legal_help.contacts, LegalContact), self._contact,
            add_text=N_("Add a legal help number"), item_text=N_("Legal help {n}"),
            confirm_text=N_("Remove {name}? What you wrote about it will be deleted."))
        form.heading(N_("Be careful with “notarios”"))
        form.note(N_("In the United States a notary public (“notario”) is not a lawyer and cannot "
                     "give legal advice. Get help only from a lawyer or an accredited "
                     "representative."))
        form.check("legal_help.read_notario_warning", N_("I have read this"))
        # The private section exists only at home: a kiosk never builds it at all.
        self.private_form = None
        if not kiosk:
            private = self.form(self._private)
            private.heading(N_("Private: only for your own copy"))
            private.note(N_("This part is printed only on your own family plan, never on the "
                            "copies for the school or the caregiver."))
            private.text("lawyer_name", N_("Immigration lawyer or accredited representative"))
            private.phone("lawyer_phone", N_("Lawyer's or representative's phone"))
            private.text("g28_kept", N_("Where the signed G-28 form is kept"))
            private.text("a_number", N_("A-number"),
                         help=N_("It helps your family find you with the online detainee "
                                 "locator."))
            private.phone("consulate_phone", N_("Consulate phone"))
            self.private_form = private
        self.body.addStretch(1)

    @staticmethod
    def _contact(form: Form) -> None:
        form.text("name", N_("Name of the office or lawyer"))
        form.phone("phone", N_("Phone"))

    def _private(self) -> PrivateSection | None:
        if self.kiosk or self.plan.mode == Mode.KIOSK:
            return None
        if self.plan.private is None:
            self.plan.private = PrivateSection()
        return self.plan.private

    def is_complete(self, plan: Plan) -> bool:
        return bool(plan.legal_help.contacts)
