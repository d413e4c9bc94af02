"""7. The Massachusetts caregiver-papers worksheet.

It explains the four options in plain words, gathers the facts the official form will ask for,
and lists the signing steps.  Facts and steps depend on the paper: a court guardianship is a
petition (no witnesses), a temporary agent needs the agent's written acceptance and the other
parent's consent, the affidavit needs two witnesses who are not the caregiver and a notary.
So the filled worksheet prints them for each caregiver's chosen paper (what the plan does not
hold as lines to fill in), and the blank one prints the shared facts once and then each
paper's own facts and steps.  It is *not* the legal form and says so at the top and the
bottom: the family takes it to legal aid or a lawyer, who fills in the real one.
"""

from __future__ import annotations

from dataclasses import dataclass

from prepkit import labels
from prepkit.forms.base import Document
from prepkit.forms.family_plan import PAPERS, STATUSES, legal_help
from prepkit.forms.writer import Writer
from prepkit.i18n import N_
from prepkit.plan import Caregiver, CaregiverPaper

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

GET_FORM = N_("Get the official form from legal aid, a lawyer or the court.")
FILL_IN = N_("Fill it in with the facts on this worksheet.")
KEEP = N_("Keep the signed original in a safe place and give copies to the school and the doctor.")
RENEW = N_("Write down when it expires and make a new one in time.")


@dataclass(frozen=True)
class Guide:
    """What one kind of paper needs beyond the facts every paper needs (filled in by hand:
    the plan does not hold them), and how it is signed, in order.  Plain words from
    PLAN-CONTENT.md's table; no legal advice."""

    facts: tuple[str, ...]
    steps: tuple[str, ...]


GUIDES: dict[CaregiverPaper, Guide] = {
    CaregiverPaper.CAREGIVER_AFFIDAVIT: Guide(
        facts=(
            N_("Does the child live with the caregiver?"),
            N_("Two adult witnesses (not the caregiver)"),
            N_("Notary"),
        ),
        steps=(
            GET_FORM,
            FILL_IN,
            N_("Sign it in front of two adult witnesses who are not the caregiver."),
            N_("Sign it in front of a notary too."),
            N_("The caregiver signs it too. The caregiver must be an adult the child lives with."),
            KEEP,
            RENEW,
            N_("To cancel it, do so in writing and tell everyone who has a copy."),
        ),
    ),
    CaregiverPaper.TEMPORARY_AGENT: Guide(
        facts=(
            N_("The other parent, and whether they agree"),
            N_("Start date (it lasts up to 60 days)"),
            N_("Two adult witnesses (not the agent)"),
        ),
        steps=(
            GET_FORM,
            FILL_IN,
            N_("Sign it in front of two adult witnesses who are not the agent."),
            N_("The agent accepts in writing."),
            N_("Get the other parent's consent, if that parent is known and able to give it."),
            KEEP,
            RENEW,
        ),
    ),
    CaregiverPaper.PARENT_APPOINTED_GUARDIAN: Guide(
        facts=(
            N_("When it should start"),
            N_("Two witnesses"),
        ),
        steps=(
            N_(
                "Ask a lawyer first: this paper starts on a parent's death, incapacity or a "
                "doctor's finding, and detention is not on that list."
            ),
            GET_FORM,
            FILL_IN,
            N_("Sign it in front of two witnesses."),
            N_("Ask whether to have the court confirm it in advance."),
            KEEP,
        ),
    ),
    CaregiverPaper.COURT_GUARDIANSHIP: Guide(
        facts=(
            N_("Why the child needs a guardian"),
            N_("County where the child lives"),
            N_("Is a temporary guardian needed now?"),
        ),
        steps=(
            N_(
                "Ask legal aid or a lawyer for help with a petition to the Probate and Family "
                "Court."
            ),
            FILL_IN,
            N_("File the petition with the Probate and Family Court. The court decides."),
            N_(
                "If the child needs a guardian right away, ask the court for a temporary "
                "guardian (up to 90 days)."
            ),
            N_("Keep the court's papers and give copies to the school and the doctor."),
        ),
    ),
}


class CaregiverPapers(Document):
    kind = "caregiver-papers"
    title = labels.DOCUMENT_TITLES["caregiver-papers"]
    compact = True  # tighter headings: the legal-help page should not hold only a warning

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
            paper_name = "" if w.blank else w.both(PAPERS[carer.paper])  # or "Not chosen yet"
            rows = [[(N_("Caregiver"), carer.name), (N_("Caregiver paper"), paper_name)]]
            if chosen or w.blank:
                status = w.both(STATUSES[carer.paper_status]) if chosen else ""
                expires = w.date(carer.paper_expires_on)
                rows.append([(N_("Status"), status), (N_("Expires on"), expires)])
            w.grid(rows)
            w.space(4)
        if w.blank:
            self.every_paper(w)
        else:
            for carer in plan.caregivers:
                if carer.paper is not CaregiverPaper.NONE:
                    self.chosen_paper(w, carer)
        with w.together():  # legal help, the notario warning and the reminder stay together
            w.heading(N_("Get legal help"))
            legal_help(w, plan)
            w.space(6)
            w.strong(NOT_THE_FORM)

    def family_facts(self, w: Writer) -> list[tuple[str, str]]:
        plan = self.plan
        return [
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

    @staticmethod
    def caregiver_facts(w: Writer, carer: Caregiver) -> list[tuple[str, str]]:
        return [
            (N_("Caregiver's name"), carer.name),
            (N_("Relationship to the child"), carer.relationship),
            (N_("Caregiver's address"), carer.address),
            (N_("Caregiver's phone"), w.phones(carer.phones)),
        ]

    def chosen_paper(self, w: Writer, carer: Caregiver) -> None:
        """The facts and signing steps of the paper this caregiver's family chose; what the
        plan does not hold is a line to fill in, so the gaps show."""
        guide = GUIDES[carer.paper]
        w.heading(PAPERS[carer.paper])
        w.subheading(N_("Facts the official form will ask for"))
        facts = [
            *self.family_facts(w),
            *self.caregiver_facts(w, carer),
            *((msgid, "") for msgid in guide.facts),
        ]
        w.fields(facts, write_in=True)
        w.subheading(N_("Signing steps"))
        w.steps(guide.steps)

    def every_paper(self, w: Writer) -> None:
        """The blank worksheet: the facts every paper needs, then each paper's own facts and
        signing steps, for the family to follow the one they choose."""
        w.heading(N_("Facts the official form will ask for"))
        w.fields([*self.family_facts(w), *self.caregiver_facts(w, Caregiver())])
        for paper, guide in GUIDES.items():
            w.heading(PAPERS[paper])
            w.fields([(msgid, "") for msgid in guide.facts])
            w.subheading(N_("Signing steps"))
            w.steps(guide.steps)
