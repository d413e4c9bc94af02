"""Names of the plan's fixed choices, shared by the screens and the printed pages.

A family that ticks "Signed in front of a notary" on screen must read the same words on paper,
and translators should translate each idea once; so both sides take their labels from here.
These are msgids (``N_``): the screen translates them in the interface language, a document in
its own language.
"""

from __future__ import annotations

from prepkit.i18n import N_
from prepkit.plan import CaregiverPaper, DocumentKind, PaperStatus

DOCUMENT_KINDS: dict[DocumentKind, str] = {
    DocumentKind.BIRTH_CERTIFICATES: N_("Birth certificates"),
    DocumentKind.PASSPORTS: N_("Passports (the children's too, and old ones)"),
    DocumentKind.IDS: N_("ID cards"),
    DocumentKind.IMMUNIZATION: N_("Vaccine records"),
    DocumentKind.MEDICAL_RECORDS: N_("Medical records"),
    DocumentKind.SCHOOL_RECORDS: N_("School records"),
    DocumentKind.CUSTODY_ORDERS: N_("Custody papers"),
    DocumentKind.MARRIAGE_DIVORCE: N_("Marriage or divorce papers"),
    DocumentKind.LEASE_MORTGAGE: N_("Lease or mortgage"),
    DocumentKind.BANK: N_("Bank papers"),
    DocumentKind.INSURANCE: N_("Insurance papers"),
    DocumentKind.CAR_TITLE: N_("Car title"),
    DocumentKind.TAXES: N_("Tax papers"),
    DocumentKind.PROOF_OF_RESIDENCE_TIME: N_("Proof of how long you have lived in the US"),
    DocumentKind.CAREGIVER_PAPERS: N_("Signed caregiver papers"),
    DocumentKind.OTHER: N_("Other papers"),
}

CAREGIVER_PAPERS: dict[CaregiverPaper, str] = {
    CaregiverPaper.NONE: N_("Not chosen yet"),
    CaregiverPaper.CAREGIVER_AFFIDAVIT: N_("Caregiver Authorization Affidavit"),
    CaregiverPaper.TEMPORARY_AGENT: N_("Temporary agent"),
    CaregiverPaper.PARENT_APPOINTED_GUARDIAN: N_("Parent names a guardian"),
    CaregiverPaper.COURT_GUARDIANSHIP: N_("Guardianship from the court"),
}

PAPER_STATUSES: dict[PaperStatus, str] = {
    PaperStatus.NOT_STARTED: N_("Not started"),
    PaperStatus.DRAFTED: N_("Written, not signed yet"),
    PaperStatus.SIGNED: N_("Signed"),
    PaperStatus.WITNESSED: N_("Signed in front of witnesses"),
    PaperStatus.NOTARIZED: N_("Signed in front of a notary"),
}

# The printed documents, in the order a full set prints: (id, title msgid).  Kept here, not
# in prepkit.forms, so the interface can list them without importing reportlab at start-up.
PRINTED_DOCUMENTS: tuple[tuple[str, str], ...] = (
    ("family-plan", N_("Family plan")),
    ("school-letter", N_("School pick-up authorization")),
    ("caregiver-packet", N_("Caregiver packet")),
    ("child-cards", N_("Child wallet and backpack cards")),
    ("parent-card", N_("Parent wallet card")),
    ("document-checklist", N_("Document checklist")),
    ("caregiver-papers", N_("Caregiver papers worksheet (Massachusetts)")),
    ("detained-steps", N_("If a parent is detained")),
    ("update-notice", N_("Plan update notice")),
)
DOCUMENT_TITLES: dict[str, str] = dict(PRINTED_DOCUMENTS)
