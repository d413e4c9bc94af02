"""7. The Massachusetts caregiver-papers worksheet.

It explains the four options in plain words, gathers the facts the official form will ask for,
and lists the signing steps.  It is *not* the legal form and says so at the top and the bottom:
the family takes it to legal aid or a lawyer, who fills in the real one.
"""

from __future__ import annotations

from prepkit import labels
from prepkit.forms.base import Document
from prepkit.forms.family_plan import PAPERS, STATUSES, legal_help
from prepkit.forms.writer import Writer
from prepkit.i18n import N_
from prepkit.plan import CaregiverPaper

# (paper, what it allows, how it is made, how long it lasts): plain words, no legal advice.
OPTIONS: tuple[tuple[CaregiverPaper, str, str, str], ...] = (
    (
        CaregiverPaper.CAREGIVER_AFFIDAVIT,
        N_(
            "The caregiver can make school and health-care decisions for the child, together "
            "with the parent. Massachusetts law M.G.L. c.201F."
        ),
        N_(
            "The parent signs in front of two adult witnesses (not the caregiver) and a notary. "
            "The caregiver signs too. The caregiver must be an adult the child lives with."
        ),
        N_(
            "Up to 2 years. The parent can cancel it in writing and must tell everyone who has a "
            "copy."
        ),
    ),
    (
        CaregiverPaper.TEMPORARY_AGENT,
        N_(
            "The agent can use any parental power over care, custody and property, except consent "
            "to marriage or adoption. M.G.L. c.190B section 5-103."
        ),
        N_(
            "Written and signed by the parent, with two adult witnesses (not the agent). The agent "
            "accepts in writing. The other parent must agree if known and able."
        ),
        N_("Up to 60 days. The parent can cancel it."),
    ),
    (
        CaregiverPaper.PARENT_APPOINTED_GUARDIAN,
        N_("Names a guardian for the child. M.G.L. c.190B section 5-202."),
        N_(
            "Written and signed by the parent, with two witnesses. A court can confirm it in "
            "advance."
        ),
        N_(
            "It starts on the parent's death, incapacity or a doctor's finding. "
            "Detention is not on that list, so ask a lawyer."
        ),
    ),
    (
        CaregiverPaper.COURT_GUARDIANSHIP,
        N_("Full guardianship of the child. M.G.L. c.190B section 5-204."),
        N_("Someone asks the Probate and Family Court (a petition)."),
        N_("A temporary guardian can be named for up to 90 days."),
    ),
)

NOT_THE_FORM = N_(
    "This worksheet is not a legal form. It helps you prepare. Get legal help "
    "before you sign any official form."
)

SIGNING_STEPS = (
    N_("Get the official form from legal aid, a lawyer or the court."),
    N_("Fill it in with the facts on this worksheet."),
    N_("Sign it in front of two adult witnesses who are not the caregiver."),
    N_("For the Caregiver Authorization Affidavit, sign in front of a notary too."),
    N_("The caregiver signs or accepts in writing."),
    N_("Keep the signed original in a safe place and give copies to the school and the doctor."),
    N_("Write down when it expires and make a new one in time."),
)


class CaregiverPapers(Document):
    kind = "caregiver-papers"
    title = labels.DOCUMENT_TITLES["caregiver-papers"]

    def write(self, w: Writer) -> None:
        plan = self.plan
        w.title(self.title)
        w.strong(NOT_THE_FORM)
        w.heading(N_("Four kinds of caregiver papers"))
        for paper, allows, made, lasts in OPTIONS:
            w.subheading(PAPERS[paper])
            w.fields(
                [
                    (N_("What it allows"), w.sentence(allows)),
                    (N_("How it is made"), w.sentence(made)),
                    (N_("How long it lasts"), w.sentence(lasts)),
                ],
                label_share=0.25,
            )
        w.heading(N_("The paper you chose"))
        for carer in plan.caregivers:
            chosen = carer.paper is not CaregiverPaper.NONE
            w.fields(
                [
                    (N_("Caregiver"), carer.name),
                    (N_("Caregiver paper"), w.both(PAPERS[carer.paper]) if chosen else ""),
                    (N_("Status"), w.both(STATUSES[carer.paper_status]) if chosen else ""),
                    (N_("Expires on"), w.date(carer.paper_expires_on)),
                ]
            )
            w.space(4)
        w.heading(N_("Facts the official form will ask for"))
        w.fields(
            [
                (N_("Parents"), "\n".join(p.name for p in plan.parents if p.name)),
                (
                    N_("Children and dates of birth"),
                    "\n".join(
                        w.join(c.legal_name, w.date(c.birth_date))
                        for c in plan.children
                        if c.legal_name
                    ),
                ),
            ]
        )
        for carer in plan.caregivers[:1] if w.blank else plan.caregivers:
            w.fields(
                [
                    (N_("Caregiver's name"), carer.name),
                    (N_("Relationship to the child"), carer.relationship),
                    (N_("Caregiver's address"), carer.address),
                    (N_("Caregiver's phone"), w.phones(carer.phones)),
                ]
            )
        w.heading(N_("Signing steps"))
        w.steps(SIGNING_STEPS)
        w.heading(N_("Get legal help"))
        legal_help(w, plan)
        w.space(6)
        w.strong(NOT_THE_FORM)
