"""E. Caregivers, primary first, and the Massachusetts caregiver paper each one has.

The app records which paper the family chose and how far it got; it gives no legal advice, and
says so next to the choices.
"""

from __future__ import annotations

from typing import Any

from prepkit import labels, validate
from prepkit.i18n import N_, _
from prepkit.plan import Caregiver, CaregiverPaper, CareTerm, Plan
from prepkit.ui.pages.listpage import ListPage
from prepkit.ui.widgets.form import Form

# What each paper does, in plain words (the names themselves are shared: prepkit.labels).
PAPER_HELP: dict[CaregiverPaper, str] = {
    CaregiverPaper.NONE: "",
    CaregiverPaper.CAREGIVER_AFFIDAVIT: N_(
        "The caregiver can make school and health decisions for the child, together with you. "
        "You sign it in front of two adult witnesses and a notary. The caregiver must be an "
        "adult the child lives with. It lasts up to 2 years."),
    CaregiverPaper.TEMPORARY_AGENT: N_(
        "For a short time (up to 60 days) the caregiver can do what a parent does, except agree "
        "to a marriage or an adoption. You sign it in front of two adult witnesses. You can "
        "take it back."),
    CaregiverPaper.PARENT_APPOINTED_GUARDIAN: N_(
        "You write down who should be your child's guardian. It starts only in some cases, and "
        "being detained is not one of them. Ask a lawyer before you choose this."),
    CaregiverPaper.COURT_GUARDIANSHIP: N_(
        "A judge of the Probate and Family Court names the guardian. Someone must ask the court. "
        "A temporary guardian can be named for up to 90 days."),
}
PAPERS = [(kind, labels.CAREGIVER_PAPERS[kind], PAPER_HELP[kind]) for kind in CaregiverPaper]

STATUSES = list(labels.PAPER_STATUSES.items())

TERMS = [
    (CareTerm.UNSET, N_("Not decided yet")),
    (CareTerm.SHORT, N_("For a short time")),
    (CareTerm.LONG, N_("For a long time, if needed")),
]


class CaregiversPage(ListPage):
    key = "caregivers"
    title_text = N_("Caregivers")
    intro_text = N_("Who will take care of the children if you cannot. The first person in the "
                    "list is the main caregiver; the others are backups.")
    list_attr = "caregivers"
    list_label = N_("Caregivers: the first one is the main caregiver")
    add_text = N_("Add a caregiver")
    remove_text = N_("Remove")
    confirm_text = N_("Remove {name} from the plan? What you wrote about them will be deleted.")
    empty_text = N_("No caregiver yet. Press “Add a caregiver”.")
    unnamed_text = N_("Caregiver {n}")

    def make_item(self) -> Caregiver:
        return Caregiver()

    def item_title(self, item: Any, index: int) -> str:
        role = _("Main caregiver") if index == 0 else _("Backup caregiver")
        return f"{role}: {super().item_title(item, index)}"

    def build_form(self, form: Form) -> None:
        form.text("name", N_("Full name"))
        form.text("relationship", N_("Who they are to the family"),
                  placeholder=N_("For example: grandmother, uncle, friend"))
        form.area("address", N_("Address"))
        form.phone("phones", N_("Mobile phone"), 0)
        form.phone("phones", N_("Another phone"), 1)
        form.text("languages", N_("Languages they speak"))
        form.date("agreed_on", N_("Date they agreed to help"))
        form.choice("term", N_("For how long could they care for the children?"), TERMS)
        form.text("costs_covered_by", N_("How food and other costs will be paid"))
        form.heading(N_("Caregiver paper (Massachusetts)"))
        form.note(N_("This app does not give legal advice. Ask legal aid or a lawyer which paper "
                     "is right for your family."))
        form.radios("paper", N_("Which paper did you choose?"), PAPERS)
        form.choice("paper_status", N_("Where are you with this paper?"), STATUSES)
        form.date("paper_expires_on", N_("The paper ends on"),
                  check=self._expiry_message)
        form.text("original_kept", N_("Where the signed paper is kept"))
        form.text("copies_held_by", N_("Who has copies of the paper"))

    def _expiry_message(self, value: Any) -> Any:
        who = self.current()
        return validate.paper_expiry_message(value, who.agreed_on if who else None)

    def is_complete(self, plan: Plan) -> bool:
        return bool(plan.caregivers) and not any(
            g.section == validate.Section.CAREGIVERS for g in validate.completeness(plan)
        )
