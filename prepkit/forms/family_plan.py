"""1. The family plan: the parent's master copy, everything in the plan.

The private section (lawyer, G-28, A-number, consulate) prints only here, and only for a plan
made at home: a kiosk never holds it, and every other document is for someone else.
"""

from __future__ import annotations

from prepkit import i18n, labels
from prepkit.forms import common
from prepkit.forms.base import Document
from prepkit.forms.writer import Writer, ready
from prepkit.i18n import N_
from prepkit.plan import Caregiver, CaregiverPaper, CareTerm, Mode, Plan

PAPERS = labels.CAREGIVER_PAPERS
STATUSES = labels.PAPER_STATUSES
TERMS: dict[CareTerm, str] = {
    CareTerm.UNSET: "",
    CareTerm.SHORT: N_("Short term"),
    CareTerm.LONG: N_("Long term"),
}
NOTARIO = N_(
    'Warning: a "notario" is not a lawyer in the United States. Get legal advice only '
    "from a lawyer or an accredited representative."
)


def language_name(code: str) -> str:
    try:
        return i18n.language(code).native_name
    except i18n.UnknownLanguage:
        return code


def caregiver_fields(w: Writer, carer: Caregiver) -> None:
    w.fields(
        [
            (N_("Name"), carer.name),
            (N_("Relationship"), carer.relationship),
            (N_("Address"), carer.address),
            (N_("Phone numbers"), w.phones(carer.phones)),
            (N_("Languages"), carer.languages),
            (N_("Date they agreed"), w.date(carer.agreed_on)),
            (N_("Short or long term"), w.both(TERMS[carer.term]) if carer.term else ""),
            (N_("How costs are covered"), carer.costs_covered_by),
        ]
    )
    paper_status(w, carer)


def paper_status(w: Writer, carer: Caregiver) -> None:
    chosen = carer.paper is not CaregiverPaper.NONE
    w.fields(
        [
            (N_("Caregiver paper"), w.both(PAPERS[carer.paper]) if chosen else ""),
            (N_("Status"), w.both(STATUSES[carer.paper_status]) if chosen else ""),
            (N_("Expires on"), w.date(carer.paper_expires_on)),
            (N_("Where the signed original is"), carer.original_kept),
            (N_("Who holds copies"), carer.copies_held_by),
        ]
    )


def legal_help(w: Writer, plan: Plan) -> None:
    rows = [[c.name, w.phone(c.phone)] for c in plan.legal_help.contacts]
    w.table([N_("Legal aid or lawyer"), N_("Phone number")], rows, [0.6, 0.4], blank_rows=2)
    w.note(NOTARIO)


class FamilyPlan(Document):
    kind = "family-plan"
    title = labels.DOCUMENT_TITLES["family-plan"]

    def write(self, w: Writer) -> None:
        plan = self.plan
        w.title(self.title)
        w.note(N_("Keep this copy safe at home. It is the only copy with everything in it."))
        if plan.record.school_may_reprint_since is not None:
            w.strong(
                N_("On {date} you agreed that the school may reprint the school pick-up "
                   "letters and caregiver packets of this plan. You can take this back on a "
                   "later visit to the school."),
                date=w.date(plan.record.school_may_reprint_since),
            )
        w.fields(
            [
                (N_("Plan made on"), w.date(plan.record.made_on)),
                (N_("Review by"), w.date(plan.record.review_by)),
                (
                    N_("Languages of the printed copies"),
                    ", ".join(language_name(c) for c in plan.record.copy_languages),
                ),
            ]
        )
        w.heading(N_("Parents and guardians"))
        for parent in plan.parents:
            w.fields(
                [
                    (N_("Name"), parent.name),
                    (N_("Phone numbers"), w.phones(parent.phones)),
                    (N_("Spoken language"), language_name(parent.spoken_language)),
                    (N_("Reading language"), language_name(parent.reading_language)),
                    (N_("Best hours to call"), parent.best_hours),
                    (N_("Workplace"), parent.work_name),
                    (N_("Work phone"), w.phone(parent.work_phone)),
                    (N_("Work schedule"), parent.work_schedule),
                ]
            )
            w.space(6)
        for child in plan.children:
            if child.display_name:
                w.heading(N_("Child: {name}"), name=child.display_name)
            else:
                w.heading(N_("Child"))
            common.child_sheet(w, child)
            w.subheading(N_("School pick-up"))
            names = [p.name for p in plan.authorized_people(child)]
            w.fields(
                [
                    (
                        N_("Adults the school may release the child to, in order"),
                        "\n".join(f"{i}. {ready(n)}" for i, n in enumerate(names, 1)),
                    ),
                    (N_("School emergency card updated"), w.date(child.pickup.school_card_updated)),
                    (N_("Pre-K card updated"), w.date(child.pickup.prek_card_updated)),
                    (
                        N_("After-school card updated"),
                        w.date(child.pickup.after_school_card_updated),
                    ),
                    (N_("Camp card updated"), w.date(child.pickup.camp_card_updated)),
                ]
            )
            w.subheading(N_("If I can't come home"))
            common.if_not_home(w, plan, child)
        w.heading(N_("Family code word"))
        w.note(
            N_(
                "Only the children and the adults who may pick them up know it. It is never "
                "on the school letter."
            )
        )
        w.data(plan.code_word)
        w.heading(N_("Emergency contacts, in order"))
        common.contacts_table(w, plan.contacts)
        w.heading(N_("Caregivers"))
        for carer in plan.caregivers:
            caregiver_fields(w, carer)
            w.space(6)
        w.heading(N_("The caregiver's first 24 to 72 hours"))
        common.first_hours(w, plan.first_hours)
        w.heading(N_("Where documents are"))
        common.documents_list(w, plan.documents)
        self.money_and_travel(w)
        w.heading(N_("Legal help"))
        legal_help(w, plan)
        w.heading(N_("Staying in touch"))
        w.fields(
            [
                (N_("Numbers to memorize"), w.phones(plan.communication.memorize)),
                (
                    N_("Send a text message first"),
                    w.yes_no(plan.communication.text_first) if not w.blank else "",
                ),
                (N_("Meeting place"), plan.communication.meeting_place),
            ]
        )
        w.heading(N_("Copies of this plan"))
        rows = [[h.holder, h.document, w.date(h.given_on)] for h in plan.record.distribution]
        w.table(
            [N_("Who holds a copy"), N_("Which copy"), N_("Given on")],
            rows,
            [0.4, 0.35, 0.25],
            blank_rows=4,
        )
        if plan.mode is Mode.HOME and plan.private is not None:
            self.private(w)
        w.heading(N_("Acknowledgement"))
        w.text(
            N_(
                "We made this plan together and we keep it up to date. This page is not a "
                "legal form."
            )
        )
        w.signature(N_("Parent or guardian signature"))

    def money_and_travel(self, w: Writer) -> None:
        money, travel = self.plan.money, self.plan.travel
        if not money.skipped:
            w.heading(N_("Money and property"))
            w.fields(
                [
                    (N_("Who can reach money for rent and bills"), money.who_can_reach_money),
                    (N_("Bank accounts"), money.bank_accounts),
                    (N_("Paychecks and unpaid wages"), money.paychecks_and_wages),
                    (N_("Car"), money.car),
                    (N_("Lease"), money.lease),
                    (N_("Valuables"), money.valuables),
                    (N_("Power of attorney"), money.power_of_attorney),
                ]
            )
        if not travel.skipped and (travel.children_may_join_parent or w.blank):
            w.heading(N_("Travel"))
            w.fields(
                [
                    (N_("Where the passports are"), travel.passports_kept),
                    (N_("Notarized travel consent"), travel.travel_consent),
                ]
            )

    def private(self, w: Writer) -> None:
        private = self.plan.private
        assert private is not None
        w.heading(N_("Private: for the parent's own copy only"))
        w.note(N_("Do not copy this part for anyone else."))
        w.fields(
            [
                (N_("Immigration lawyer or accredited representative"), private.lawyer_name),
                (N_("Lawyer's phone"), w.phone(private.lawyer_phone)),
                (N_("Where the signed G-28 is kept"), private.g28_kept),
                (N_("A-number (for the online detainee locator)"), private.a_number),
                (N_("Consulate phone"), w.phone(private.consulate_phone)),
            ]
        )
