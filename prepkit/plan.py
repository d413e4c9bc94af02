"""The family plan: plain data, no I/O (sections A to M of PLAN-CONTENT.md).

What is *not* here matters as much as what is: there is no field anywhere for immigration or
citizenship status, visa type, country of citizenship, Social Security numbers, ITINs or any
document or member number.  The private section (home mode only) is a separate object hanging off
the plan, so a copy made for anyone else drops it by construction (``Plan.without_private``).

Every field is optional at the type level: a plan is saveable at every keystroke, and what is
missing is the completeness report's business (``prepkit.validate``).
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"
    OTHER = "other"


@dataclass
class Phone:
    """A phone number as typed, and its E.164 form once it parses (empty until then)."""

    text: str = ""
    e164: str = ""
    kind: PhoneKind = PhoneKind.MOBILE


# --- A. the plan record -----------------------------------------------------------------------


class Mode(StrEnum):
    HOME = "home"
    KIOSK = "kiosk"


@dataclass
class CopyHolder:
    """Who holds a printed copy (caregiver, school, doctor ...), needed to revoke or update."""

    holder: str = ""
    document: str = ""  # a DocumentKind value, or free text
    given_on: date | None = None


@dataclass
class PlanRecord:
    made_on: date | None = None
    review_by: date | None = None
    family_language: str = "en"  # the language the family reads; the default for copies
    copy_languages: list[str] = field(default_factory=list)
    distribution: list[CopyHolder] = field(default_factory=list)
    # Set when the family lets the school reprint its letters and packets (a kiosk choice), so
    # the family's own copy says so and when; cleared when they take it back.
    school_may_reprint_since: date | None = None


# --- B. parents and guardians -----------------------------------------------------------------


@dataclass
class Parent:
    id: str = field(default_factory=new_id)
    name: str = ""
    phones: list[Phone] = field(default_factory=list)
    spoken_language: str = ""
    reading_language: str = ""
    best_hours: str = ""
    work_name: str = ""
    work_phone: Phone = field(default_factory=lambda: Phone(kind=PhoneKind.WORK))
    work_schedule: str = ""


# --- C. children ------------------------------------------------------------------------------


@dataclass
class NamedPlace:
    """A school, a doctor, a pharmacy: a name, a phone, sometimes an address."""

    name: str = ""
    phone: Phone = field(default_factory=lambda: Phone(kind=PhoneKind.WORK))
    address: str = ""


@dataclass
class School(NamedPlace):
    grade: str = ""
    teacher: str = ""


@dataclass
class Medication:
    name: str = ""
    dose: str = ""
    times: str = ""
    kept_where: str = ""


class NoOneThere(StrEnum):
    """What a child does if no one is home or no one meets the bus."""

    UNSET = ""
    STAY_ON_BUS = "stay_on_bus"
    BACK_TO_SCHOOL = "back_to_school"
    NEIGHBOUR = "neighbour"


@dataclass
class PickupAuthorization:
    """F. Adults the school may release the child to, in order (ids of people in the plan)."""

    authorized: list[str] = field(default_factory=list)
    school_card_updated: date | None = None
    prek_card_updated: date | None = None
    after_school_card_updated: date | None = None
    camp_card_updated: date | None = None


@dataclass
class IfNotHome:
    """G. The child's "if I can't come home" plan."""

    first_pickup: str = ""  # person id
    second_pickup: str = ""  # person id
    goes_to_address: str = ""
    no_one_there: NoOneThere = NoOneThere.UNSET
    neighbour_name: str = ""
    neighbour_address: str = ""
    tells_school: str = ""  # person id
    notes: str = ""


@dataclass
class Child:
    id: str = field(default_factory=new_id)
    legal_name: str = ""
    called_name: str = ""
    birth_date: date | None = None
    school: School = field(default_factory=School)
    bus_route: str = ""
    bus_stop: str = ""
    after_school: NamedPlace = field(default_factory=NamedPlace)
    doctor: NamedPlace = field(default_factory=NamedPlace)
    dentist: NamedPlace = field(default_factory=NamedPlace)
    pharmacy: NamedPlace = field(default_factory=NamedPlace)
    insurance_plan: str = ""
    insurance_card_kept: str = ""
    allergies: str = ""
    conditions: str = ""
    medications: list[Medication] = field(default_factory=list)
    special_needs: str = ""  # IEP / 504 or other support
    languages: str = ""
    food_needs: str = ""
    religious_needs: str = ""
    routines: str = ""
    comfort_items: str = ""
    favourites: str = ""
    what_child_was_told: str = ""
    knows_who_comes: str = ""
    health_note_for_school: str = ""  # only what the parent chose to share with the school
    pickup: PickupAuthorization = field(default_factory=PickupAuthorization)
    if_not_home: IfNotHome = field(default_factory=IfNotHome)

    @property
    def display_name(self) -> str:
        return self.called_name or self.legal_name


# --- D. emergency contacts, E. caregivers -----------------------------------------------------


@dataclass
class Contact:
    id: str = field(default_factory=new_id)
    name: str = ""
    relationship: str = ""
    phones: list[Phone] = field(default_factory=list)
    language: str = ""
    near_school: bool = False
    may_pick_up: bool = False
    knows_plan: bool = False
    out_of_area: bool = False
    in_another_country: bool = False


class CaregiverPaper(StrEnum):
    """The four Massachusetts options, or none chosen yet."""

    NONE = ""
    CAREGIVER_AFFIDAVIT = "caregiver_affidavit"  # M.G.L. c.201F
    TEMPORARY_AGENT = "temporary_agent"  # M.G.L. c.190B §5-103
    PARENT_APPOINTED_GUARDIAN = "parent_appointed_guardian"  # M.G.L. c.190B §5-202
    COURT_GUARDIANSHIP = "court_guardianship"  # M.G.L. c.190B §5-204


class PaperStatus(StrEnum):
    NOT_STARTED = "not_started"
    DRAFTED = "drafted"
    SIGNED = "signed"
    WITNESSED = "witnessed"
    NOTARIZED = "notarized"


class CareTerm(StrEnum):
    UNSET = ""
    SHORT = "short"
    LONG = "long"


@dataclass
class Caregiver:
    id: str = field(default_factory=new_id)
    name: str = ""
    relationship: str = ""
    address: str = ""
    phones: list[Phone] = field(default_factory=list)
    languages: str = ""
    agreed_on: date | None = None
    term: CareTerm = CareTerm.UNSET
    costs_covered_by: str = ""
    paper: CaregiverPaper = CaregiverPaper.NONE
    paper_status: PaperStatus = PaperStatus.NOT_STARTED
    paper_expires_on: date | None = None
    original_kept: str = ""
    copies_held_by: str = ""


# --- G (family-wide), H. documents, I. money, J. travel, K. legal help, L. communication -------


@dataclass
class FirstHours:
    """What the caregiver does in the first 24-72 hours; steps the family ticks as agreed."""

    call_legal_help: bool = True
    use_detainee_locator: bool = True
    call_consulate: bool = False
    get_documents: bool = True
    bring_papers_to_school_and_doctor: bool = True
    notes: str = ""


class DocumentKind(StrEnum):
    BIRTH_CERTIFICATES = "birth_certificates"
    PASSPORTS = "passports"
    IDS = "ids"
    IMMUNIZATION = "immunization"
    MEDICAL_RECORDS = "medical_records"
    SCHOOL_RECORDS = "school_records"
    CUSTODY_ORDERS = "custody_orders"
    MARRIAGE_DIVORCE = "marriage_divorce"
    LEASE_MORTGAGE = "lease_mortgage"
    BANK = "bank"
    INSURANCE = "insurance"
    CAR_TITLE = "car_title"
    TAXES = "taxes"
    PROOF_OF_RESIDENCE_TIME = "proof_of_residence_time"
    CAREGIVER_PAPERS = "caregiver_papers"
    OTHER = "other"


@dataclass
class DocumentPlace:
    """Where a kind of document is kept: a place, never a number."""

    kind: DocumentKind = DocumentKind.OTHER
    kept_where: str = ""
    label: str = ""  # for OTHER


@dataclass
class Documents:
    places: list[DocumentPlace] = field(default_factory=list)
    copies_held_by: str = ""


@dataclass
class Money:
    """I. Optional."""

    who_can_reach_money: str = ""
    bank_accounts: str = ""
    paychecks_and_wages: str = ""
    car: str = ""
    lease: str = ""
    valuables: str = ""
    power_of_attorney: str = ""
    skipped: bool = False


@dataclass
class Travel:
    """J. Optional: if the children would join a parent abroad."""

    children_may_join_parent: bool = False
    passports_kept: str = ""
    travel_consent: str = ""
    skipped: bool = False


@dataclass
class LegalContact:
    name: str = ""
    phone: Phone = field(default_factory=lambda: Phone(kind=PhoneKind.WORK))


@dataclass
class LegalHelp:
    contacts: list[LegalContact] = field(default_factory=list)
    read_notario_warning: bool = False


@dataclass
class Communication:
    memorize: list[Phone] = field(default_factory=list)
    text_first: bool = True
    meeting_place: str = ""


@dataclass
class PrivateSection:
    """Home mode only; printed only on the parent's own family plan.  Never in kiosk mode."""

    lawyer_name: str = ""
    lawyer_phone: Phone = field(default_factory=lambda: Phone(kind=PhoneKind.WORK))
    g28_kept: str = ""
    a_number: str = ""  # so the family can find a detained parent in the detainee locator
    consulate_phone: Phone = field(default_factory=lambda: Phone(kind=PhoneKind.WORK))


# --- the plan ----------------------------------------------------------------------------------


@dataclass
class Plan:
    record: PlanRecord = field(default_factory=PlanRecord)
    parents: list[Parent] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)  # in the order to call them
    caregivers: list[Caregiver] = field(default_factory=list)  # primary first, then backups
    code_word: str = ""  # never printed on a school copy
    first_hours: FirstHours = field(default_factory=FirstHours)
    documents: Documents = field(default_factory=Documents)
    money: Money = field(default_factory=Money)
    travel: Travel = field(default_factory=Travel)
    legal_help: LegalHelp = field(default_factory=LegalHelp)
    communication: Communication = field(default_factory=Communication)
    mode: Mode = Mode.HOME
    private: PrivateSection | None = None

    # --- people, by id, wherever they are in the plan ---

    def people(self) -> list[Parent | Contact | Caregiver]:
        return [*self.parents, *self.contacts, *self.caregivers]

    def person(self, person_id: str) -> Parent | Contact | Caregiver | None:
        for who in self.people():
            if who.id == person_id:
                return who
        return None

    def child(self, child_id: str) -> Child | None:
        return next((c for c in self.children if c.id == child_id), None)

    def authorized_people(self, child: Child) -> list[Parent | Contact | Caregiver]:
        """The adults the school may release ``child`` to, in order, skipping stale ids."""
        found = (self.person(pid) for pid in child.pickup.authorized)
        return [who for who in found if who is not None]

    @property
    def primary_caregiver(self) -> Caregiver | None:
        return self.caregivers[0] if self.caregivers else None

    def remove_person(self, person_id: str) -> None:
        """Remove a person everywhere, including every reference to them."""
        self.parents = [p for p in self.parents if p.id != person_id]
        self.contacts = [p for p in self.contacts if p.id != person_id]
        self.caregivers = [p for p in self.caregivers if p.id != person_id]
        for child in self.children:
            child.pickup.authorized = [p for p in child.pickup.authorized if p != person_id]
            plan = child.if_not_home
            for attr in ("first_pickup", "second_pickup", "tells_school"):
                if getattr(plan, attr) == person_id:
                    setattr(plan, attr, "")

    def without_private(self) -> Plan:
        """A copy for anyone but the parent: the private section is simply not there."""
        copy = dataclasses.replace(self)
        copy.private = None
        return copy


def move(items: list, index: int, offset: int) -> int:
    """Move ``items[index]`` by ``offset`` places (reorder contacts, caregivers ...).

    Returns the item's new index; out-of-range moves are clamped, never raise.
    """
    if not 0 <= index < len(items):
        return index
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    return target
