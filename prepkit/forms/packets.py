"""3. Caregiver packet, 6. document checklist, 8. "if a parent is detained" steps,
9. plan update notice: the documents built mostly from shared pieces.
"""

from __future__ import annotations

from prepkit import labels
from prepkit.forms import common
from prepkit.forms.base import Document
from prepkit.forms.family_plan import legal_help, paper_status
from prepkit.forms.writer import WRITE_IN, Writer
from prepkit.i18n import N_
from prepkit.plan import Caregiver, DocumentPlace, Documents


class CaregiverPacket(Document):
    """One per caregiver: what they need to look after the children (no code word, nothing
    private)."""

    kind = "caregiver-packet"
    title = labels.DOCUMENT_TITLES["caregiver-packet"]

    def write(self, w: Writer) -> None:
        if not self.plan.caregivers and not w.blank:  # one packet per caregiver: say why none
            w.title(self.title)
            w.text(N_("No caregiver is chosen yet."))
            return
        for index, carer in enumerate(
            self.plan.caregivers[:1] if w.blank else self.plan.caregivers
        ):
            if index:
                self.new_section(w)
            self.packet(w, carer)

    def packet(self, w: Writer, carer: Caregiver) -> None:
        plan = self.plan
        w.title(self.title)
        w.fields([
            (N_("Prepared for"), carer.name),
            (N_("Plan made on"), w.date(plan.record.made_on)),
        ])
        w.text(
            N_(
                "Thank you for agreeing to care for our children. Everything you need is in "
                "these pages."
            )
        )
        w.heading(N_("Parents and guardians"))
        common.parents_table(w, [] if w.blank else list(plan.parents))
        w.heading(N_("The caregiver's first 24 to 72 hours"))
        common.first_hours(w, plan.first_hours)
        w.heading(N_("Legal help"))
        legal_help(w, plan)
        for child in plan.children:
            if child.display_name:
                w.heading(N_("Child: {name}"), name=child.display_name)
            else:
                w.heading(N_("Child"))
            common.child_sheet(w, child)
            w.subheading(N_("If I can't come home"))
            common.if_not_home(w, plan, child)
        w.heading(N_("Emergency contacts, in order"))
        common.contacts_table(w, plan.contacts)
        w.heading(N_("Where documents are"))
        common.documents_list(w, plan.documents)
        w.heading(N_("Caregiver papers"))
        paper_status(w, carer)


class DocumentChecklist(Document):
    kind = "document-checklist"
    title = labels.DOCUMENT_TITLES["document-checklist"]

    def write(self, w: Writer) -> None:
        w.title(self.title)
        w.text(
            N_(
                "Write where each paper is kept: a place, never a number. Tick each one when "
                "you know where it is."
            )
        )
        common.documents_list(w, self._all_kinds())

    def _all_kinds(self) -> Documents:
        """Every kind of paper, so the parent sees what is still missing, not only what is
        found."""
        docs = self.plan.documents
        have = {p.kind for p in docs.places}
        places = [
            *docs.places,
            *(DocumentPlace(kind=k) for k in common.DOCUMENT_KINDS if k not in have),
        ]
        order = list(common.DOCUMENT_KINDS)
        places.sort(key=lambda p: order.index(p.kind))
        return Documents(places=places, copies_held_by=docs.copies_held_by)


class DetainedSteps(Document):
    kind = "detained-steps"
    title = labels.DOCUMENT_TITLES["detained-steps"]

    def write(self, w: Writer) -> None:
        plan = self.plan
        w.title(self.title)
        w.strong(N_("Stay calm. Follow these steps in order."))
        w.heading(N_("The children"))
        for child in plan.children:
            if child.display_name:
                w.subheading(N_("Child: {name}"), name=child.display_name)
            elif w.blank:
                w.subheading(N_("Child: {name}"), name=WRITE_IN)
            w.numbered(common.if_not_home_steps(w, plan, child))
            if child.if_not_home.notes:
                w.data(child.if_not_home.notes)
        w.heading(N_("The first 24 to 72 hours"))
        common.first_hours(w, plan.first_hours)
        w.heading(N_("Legal help"))
        legal_help(w, plan)
        w.note(N_("Do not sign any paper you do not understand. Ask for a lawyer."))


class UpdateNotice(Document):
    kind = "update-notice"
    title = labels.DOCUMENT_TITLES["update-notice"]

    def write(self, w: Writer) -> None:
        made = self.plan.record.made_on
        w.title(self.title)
        w.space(10)
        if made and not w.blank:
            w.strong(N_("This plan changed on {date}."), date=w.date(made))
        else:
            w.strong(N_("This plan changed on the date below."))
            w.fields([(N_("Date"), "")])
        w.text(
            N_(
                "Please replace every earlier copy you hold with the new one, and destroy the "
                "old copies or give them back to us."
            )
        )
        w.text(N_("If you have questions, please call us."))
        w.signature(N_("Parent or guardian signature"))
