"""Field checks and the completeness report."""

from __future__ import annotations

from datetime import date

import pytest

from prepkit import i18n, validate
from prepkit.plan import Caregiver, Child, Contact, Parent, Phone, Plan, PlanRecord
from prepkit.validate import Section, Severity


@pytest.mark.parametrize("text", ["(508) 555-0142", "508.555.0142", "+1 508 555 0142",
                                  "+52 55 1234 5678", "+233 24 123 4567", "+93 70 123 4567"])
def test_good_numbers_have_no_message_and_get_e164(text: str) -> None:
    assert validate.phone_message(text) is None
    assert validate.normalize_phone(Phone(text)).e164.startswith("+")


@pytest.mark.parametrize(("text", "says"), [("555", "too short"), ("abc-defg-hijk", "too short"),
                                             ("+1 508 555 01423333", "does not look like")])
def test_bad_numbers_say_what_is_wrong(text: str, says: str) -> None:
    message = validate.phone_message(text)
    assert message is not None and says in message.render()


def test_phone_text_is_kept_as_typed_and_grouped_for_reading() -> None:
    phone = validate.normalize_phone(Phone("508 555 0142"))
    assert phone.text == "508 555 0142" and phone.e164 == "+15085550142"
    assert validate.format_phone_for_reading(phone) == "(508) 555-0142"
    abroad = validate.normalize_phone(Phone("+52 5512345678"))
    assert validate.format_phone_for_reading(abroad) == "+52 55 1234 5678"
    assert validate.format_phone_for_reading(Phone("call Rosa")) == "call Rosa"


def test_format_as_you_type() -> None:
    assert validate.format_as_you_type("5085550142") == "(508) 555-0142"
    assert validate.format_as_you_type("+525512345678").startswith("+52 55")


def test_messages_are_translatable_and_render_in_the_given_catalog() -> None:
    message = validate.phone_message("12")
    assert message is not None
    assert message.render(i18n.translations(i18n.PSEUDO)).startswith("⟦")


def test_date_checks() -> None:
    today = date(2026, 11, 30)
    assert validate.birth_date_message(date(2027, 1, 1), today) is not None
    assert validate.birth_date_message(date(2019, 5, 1), today) is None
    assert validate.review_date_message(date(2026, 1, 1), date(2025, 1, 1)) is not None
    assert validate.review_date_message(date(2026, 1, 1), date(2027, 6, 1)) is not None
    assert validate.review_date_message(date(2026, 1, 1), date(2026, 7, 1)) is None
    assert validate.paper_expiry_message(date(2029, 1, 2), date(2026, 1, 1)) is not None


def test_empty_plan_lists_what_matters_required_first() -> None:
    gaps = validate.completeness(Plan())
    texts = [g.message.render() for g in gaps]
    assert "No caregiver is chosen yet." in texts
    assert "The plan has no review date." in texts
    severities = [g.severity for g in gaps]
    assert severities == sorted(severities, key=lambda s: s != Severity.REQUIRED)


def test_child_without_authorized_adult_is_named_and_linked_to_its_page() -> None:
    rosa = Contact(name="Rosa", phones=[Phone("508 555 0100")])
    ana, ben = Child(legal_name="Ana María"), Child(legal_name="Ben", called_name="Benny")
    ben.pickup.authorized = [rosa.id]
    plan = Plan(children=[ana, ben], contacts=[rosa])
    gaps = [g for g in validate.completeness(plan) if g.section == Section.PICKUP]
    assert [(g.message.render(), g.child_id) for g in gaps] == [
        ("Ana María has no one authorized to pick them up.", ana.id)
    ]


def test_complete_plan_has_no_required_gaps() -> None:
    mom = Parent(name="Ana", phones=[Phone("508 555 0100")])
    rosa = Caregiver(name="Rosa", phones=[Phone("508 555 0101")])
    kid = Child(legal_name="Leo")
    kid.pickup.authorized = [rosa.id]
    kid.if_not_home.first_pickup = rosa.id
    plan = Plan(parents=[mom], children=[kid], caregivers=[rosa],
                contacts=[Contact(name="Lee")], record=PlanRecord(review_by=date(2027, 5, 1)))
    assert [g for g in validate.completeness(plan) if g.severity == Severity.REQUIRED] == []
