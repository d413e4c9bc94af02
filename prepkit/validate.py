"""Field checks and the completeness report, all returning translatable ``Message``s.

Nothing here ever refuses to save: a plan half filled in at 11 at night must keep what was
typed.  Field checks say what is wrong with one value (shown next to the field); the
completeness report lists the gaps that matter for the family (shown on the review page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import phonenumbers

from prepkit.i18n import N_, Message
from prepkit.plan import Child, Phone, Plan

DEFAULT_REGION = "US"
REVIEW_MONTHS_MAX = 12
AFFIDAVIT_YEARS_MAX = 2


# --- phones -----------------------------------------------------------------------------------


def parse_phone(text: str, region: str = DEFAULT_REGION) -> phonenumbers.PhoneNumber | None:
    """The number ``text`` means, or None.  "+..." is international; anything else is US."""
    if not text.strip():
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def phone_message(text: str, region: str = DEFAULT_REGION) -> Message | None:
    """A message for a phone number that cannot be right, None if it looks fine or is empty."""
    if not text.strip():
        return None
    number = parse_phone(text, region)
    if number is None:
        if len([c for c in text if c.isdigit()]) < 7:
            return Message.of(N_("This phone number looks too short."))
        return Message.of(
            N_("This does not look like a phone number. For a number in another country, "
               "start with + and the country code.")
        )
    if not phonenumbers.is_valid_number(number):
        return Message.of(N_("Please check this phone number: it does not look complete."))
    return None


def normalize_phone(phone: Phone, region: str = DEFAULT_REGION) -> Phone:
    """The phone with its E.164 form filled in when the typed text parses; text kept as typed."""
    number = parse_phone(phone.text, region)
    e164 = (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if number is not None and phonenumbers.is_valid_number(number)
        else ""
    )
    return Phone(text=phone.text, e164=e164, kind=phone.kind)


def format_phone_for_reading(phone: Phone, region: str = DEFAULT_REGION) -> str:
    """Grouped for reading aloud: (508) 555-0142 at home, +52 55 1234 5678 abroad.

    Falls back to the text as typed: a number we cannot parse is still the family's number.
    """
    number = parse_phone(phone.e164 or phone.text, region)
    if number is None:
        return phone.text.strip()
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


def format_as_you_type(text: str, region: str = DEFAULT_REGION) -> str:
    """What a phone field shows while the user types (digits and a leading + drive it)."""
    formatter = phonenumbers.AsYouTypeFormatter(region)
    result = ""
    for ch in text:
        if ch.isdigit() or (ch == "+" and not result):
            result = formatter.input_digit(ch)
    return result or text


# --- dates ------------------------------------------------------------------------------------


def parse_iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def birth_date_message(value: date | None, today: date) -> Message | None:
    if value is None:
        return None
    if value > today:
        return Message.of(N_("A birth date cannot be in the future."))
    if today.year - value.year > 25:
        return Message.of(N_("Please check the year of birth."))
    return None


def review_date_message(made_on: date | None, review_by: date | None) -> Message | None:
    if review_by is None or made_on is None:
        return None
    if review_by <= made_on:
        return Message.of(N_("The review date should be after the date the plan was made."))
    months = (review_by.year - made_on.year) * 12 + review_by.month - made_on.month
    if months > REVIEW_MONTHS_MAX:
        return Message.of(N_("Plans should be looked at again at least once a year."))
    return None


def paper_expiry_message(expires_on: date | None, agreed_on: date | None) -> Message | None:
    if expires_on is None or agreed_on is None:
        return None
    if expires_on.toordinal() - agreed_on.toordinal() > 366 * AFFIDAVIT_YEARS_MAX:
        return Message.of(N_("A caregiver affidavit lasts at most two years."))
    return None


# --- the completeness report ------------------------------------------------------------------


class Severity(StrEnum):
    REQUIRED = "required"  # the plan does not work without it
    RECOMMENDED = "recommended"  # the plan works, but is weaker


class Section(StrEnum):
    """Where a gap is fixed: the wizard maps each of these to a page."""

    RECORD = "record"
    PARENTS = "parents"
    CHILDREN = "children"
    CONTACTS = "contacts"
    CAREGIVERS = "caregivers"
    PICKUP = "pickup"
    IF_NOT_HOME = "if_not_home"
    DOCUMENTS = "documents"
    LEGAL = "legal"


@dataclass(frozen=True)
class Gap:
    severity: Severity
    section: Section
    message: Message
    child_id: str = ""  # which child's page fixes it, when it is about one child
    person_id: str = ""  # which parent or caregiver it is about, so the link selects them


def _child_name(child: Child, index: int) -> str:
    return child.display_name.strip() or f"#{index + 1}"


def completeness(plan: Plan) -> list[Gap]:
    """The gaps that matter, most serious first."""
    gaps: list[Gap] = []

    def add(sev: Severity, section: Section, msgid: str, child: str = "", person: str = "",
            **kw: object) -> None:
        gaps.append(Gap(sev, section, Message.of(msgid, **kw), child, person))

    req, rec = Severity.REQUIRED, Severity.RECOMMENDED
    if not plan.parents:
        add(req, Section.PARENTS, N_("No parent or guardian is in the plan yet."))
    for parent in plan.parents:
        if not any(p.text.strip() for p in parent.phones):
            add(rec, Section.PARENTS, N_("{name} has no phone number."), person=parent.id,
                name=parent.name or "?")
    if not plan.children:
        add(req, Section.CHILDREN, N_("No child is in the plan yet."))
    if not plan.caregivers:
        add(req, Section.CAREGIVERS, N_("No caregiver is chosen yet."))
    elif len(plan.caregivers) < 2:
        add(rec, Section.CAREGIVERS, N_("There is no backup caregiver."))
    for caregiver in plan.caregivers:
        if not any(p.text.strip() for p in caregiver.phones):
            add(req, Section.CAREGIVERS, N_("{name} has no phone number."), person=caregiver.id,
                name=caregiver.name or "?")
    if not plan.contacts:
        add(req, Section.CONTACTS, N_("There is no emergency contact yet."))
    for index, child in enumerate(plan.children):
        name = _child_name(child, index)
        if not plan.authorized_people(child):
            add(req, Section.PICKUP, N_("{name} has no one authorized to pick them up."),
                child.id, name=name)
        if not child.if_not_home.first_pickup:
            add(req, Section.IF_NOT_HOME,
                N_("{name} has no one chosen to come first if you cannot."), child.id, name=name)
        if not child.if_not_home.no_one_there:
            add(rec, Section.IF_NOT_HOME,
                N_("The plan does not say yet what {name} does if no one is home."), child.id,
                name=name)
        if not child.school.name.strip():
            add(rec, Section.CHILDREN, N_("{name} has no school in the plan."), child.id,
                name=name)
    if plan.record.review_by is None:
        add(req, Section.RECORD, N_("The plan has no review date."))
    if not plan.code_word.strip():
        add(rec, Section.IF_NOT_HOME, N_("There is no family code word."))
    if not any(d.kept_where.strip() for d in plan.documents.places):
        add(rec, Section.DOCUMENTS, N_("The plan does not say where any documents are."))
    if not plan.legal_help.contacts:
        add(rec, Section.LEGAL, N_("There is no legal help number to memorize."))
    gaps.sort(key=lambda g: g.severity != Severity.REQUIRED)
    return gaps
