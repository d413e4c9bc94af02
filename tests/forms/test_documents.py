"""Each document holds what PLAN-CONTENT.md says it holds, and nothing more, in every language
whose text pypdf can read back (Latin scripts and Chinese).

Headings are compared with ``translations(lang).gettext(msgid)``, so these tests stay right when
the translators' catalogs land.
"""

from __future__ import annotations

import re

import pytest

from prepkit import i18n
from prepkit.forms import caregiver_papers, school_letter
from prepkit.forms.render import DOCUMENTS
from prepkit.plan import Mode
from tests.forms import fixtures as fx
from tests.forms.conftest import EXTRACTABLE, rendered_text

KINDS = [kind for kind, _ in DOCUMENTS]

# Typed data each document must show.
EXPECTED: dict[str, list[str]] = {
    "family-plan": [
        fx.CODE_WORD,
        fx.A_NUMBER,
        fx.LAWYER,
        fx.ALLERGY,
        "Sofía Martínez Nguyễn",
        "Amina Haddad",
        "Jean-Baptiste Pierre",
        "Locked box under the bed",
        "(508) 555-0142",
        "Worcester Public Library, main entrance",
    ],
    "school-letter": [
        "Sofía Martínez Nguyễn",
        "Mateo Martínez Nguyễn",
        "Chandler Elementary",
        "Rosa Elena Martínez",
        "(508) 555-0142",
        "Amina Haddad",
        "(774) 555-0123",
        fx.HEALTH_NOTE,
    ],
    "caregiver-packet": [
        "Amina Haddad Okafor",
        "Jean-Baptiste Pierre",
        fx.ALLERGY,
        fx.CONDITION,
        "Albuterol",
        "Locked box under the bed",
        "Blue blanket",
    ],
    "child-cards": ["Amina Haddad", "(774) 555-0123", "Jean-Baptiste Pierre", "(508) 555-0142"],
    "parent-card": [
        "Worcester Legal Aid",
        "(508) 555-0600",
        "Amina Haddad Okafor",
        "(774) 555-0188",
    ],
    "document-checklist": ["Blue folder, kitchen drawer", "Locked box under the bed"],
    "caregiver-papers": [
        "Amina Haddad Okafor",
        "12 Elm Street, Worcester, MA 01604",
        "Sofía Martínez Nguyễn",
        "Worcester Legal Aid",
    ],
    "detained-steps": ["12 Elm Street, Worcester", "Amina Haddad", "(508) 555-0600"],
    "update-notice": [],
}
# Data that must never reach a document other than the ones listed.
ONLY_IN: dict[str, set[str]] = {
    fx.CODE_WORD: {"family-plan"},
    fx.A_NUMBER: {"family-plan"},
    fx.LAWYER: {"family-plan"},
    "(617) 555-0999": {"family-plan"},  # the private lawyer's phone
    fx.ALLERGY: {"family-plan", "caregiver-packet"},
    fx.CONDITION: {"family-plan", "caregiver-packet"},
    "Blue blanket": {"family-plan", "caregiver-packet"},
    "Chandler Elementary": {"family-plan", "caregiver-packet", "school-letter"},
}
HEADINGS: dict[str, list[str]] = {
    "family-plan": [
        "Family plan",
        "Emergency contacts, in order",
        "Where documents are",
        "Private: for the parent's own copy only",
        "Legal help",
    ],
    "school-letter": [
        school_letter.SchoolLetter.title,
        "Adults who may pick up my child, in order",
    ],
    "caregiver-packet": ["Caregiver packet", "The caregiver's first 24 to 72 hours"],
    "child-cards": ["Who picks me up", "Numbers to memorize"],
    "parent-card": ["Numbers to know", "Legal help", "Caregiver"],
    "document-checklist": ["Document checklist", "Birth certificates"],
    "caregiver-papers": [
        caregiver_papers.NOT_THE_FORM,
        "Signing steps",
        "Get legal help",
        "Caregiver Authorization Affidavit",
        "Temporary agent",
    ],
    "detained-steps": ["If a parent is detained", "The first 24 to 72 hours"],
    "update-notice": ["Plan update notice"],
}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def contains(haystack: str, needle: str) -> bool:
    return flat(needle) in flat(haystack)


@pytest.mark.parametrize("lang", EXTRACTABLE)
@pytest.mark.parametrize("doc", KINDS)
def test_document_holds_its_data_and_headings(doc: str, lang: str) -> None:
    text = rendered_text(doc, lang)
    tr = i18n.translations(lang)
    missing = [d for d in EXPECTED[doc] if not contains(text, d)]
    missing += [h for h in HEADINGS[doc] if not contains(text, tr.gettext(h))]
    assert not missing, f"{doc} in {lang} lacks {missing}"


@pytest.mark.parametrize("lang", EXTRACTABLE)
@pytest.mark.parametrize("doc", KINDS)
def test_document_holds_nothing_more(doc: str, lang: str) -> None:
    text = rendered_text(doc, lang)
    leaked = [
        value for value, allowed in ONLY_IN.items() if doc not in allowed and contains(text, value)
    ]
    assert not leaked, f"{doc} in {lang} shows {leaked}"


def test_private_section_only_in_home_mode() -> None:
    kiosk = rendered_text("family-plan", "en", Mode.KIOSK)
    assert fx.A_NUMBER not in kiosk and fx.LAWYER not in kiosk
    assert "Private" not in kiosk
    assert fx.A_NUMBER in rendered_text("family-plan", "en", Mode.HOME)


@pytest.mark.parametrize("doc", KINDS)
def test_emergency_contacts_are_never_labelled_ice(doc: str) -> None:
    # "ICE" may appear only in the detainee locator step, never as a contact label.
    text = rendered_text(doc, "en").replace("ICE online detainee locator", "")
    assert not re.search(r"\bICE\b", text)


@pytest.mark.parametrize("lang", ["ne", "ar", "zh_Hans", "es"])
def test_school_letter_always_carries_english(lang: str) -> None:
    text = rendered_text("school-letter", lang)
    assert contains(text, "School pick-up authorization")
    assert contains(text, "Release my child only to these persons.")
    assert contains(text, "Page 1 of 1")


@pytest.mark.parametrize("lang", ["es", "zh_Hans", "vi"])
@pytest.mark.parametrize("doc", ["family-plan", "caregiver-packet", "detained-steps"])
def test_bilingual_copies_show_both_languages(doc: str, lang: str) -> None:
    text = rendered_text(doc, lang, Mode.HOME, True)
    tr = i18n.translations(lang)
    for msgid in HEADINGS[doc][:2]:
        assert contains(text, tr.gettext(msgid))
        assert flat(text).count(flat(msgid)) >= (2 if tr.gettext(msgid) == msgid else 1)


def test_dates_are_formatted_for_the_document_locale() -> None:
    made = fx.sample_plan().record.made_on
    assert made is not None
    for lang in ("en", "es", "zh_Hans", "vi"):
        assert contains(rendered_text("update-notice", lang), i18n.format_date(made, lang))


def test_child_card_shows_only_pickup_people_and_numbers() -> None:
    text = rendered_text("child-cards", "en")
    for absent in (
        "Sofía",
        "Mateo",
        fx.ALLERGY,
        fx.HEALTH_NOTE,
        "Chandler",
        fx.CODE_WORD,
        "12 Elm Street",
    ):
        assert absent not in text


def test_consent_to_reprint_and_its_date_print_on_the_family_copy_only() -> None:
    from datetime import date

    from prepkit.forms.render import render_document
    from tests.forms.conftest import pdf_text

    plan = fx.sample_plan()
    assert "agreed that the school may reprint" not in flat(
        pdf_text(render_document(plan, "family-plan", "en")))
    plan.record.school_may_reprint_since = date(2026, 11, 30)
    family = flat(pdf_text(render_document(plan, "family-plan", "en")))
    assert "On November 30, 2026 you agreed that the school may reprint" in family
    letter = flat(pdf_text(render_document(plan, "school-letter", "en")))
    assert "agreed that the school" not in letter


def test_a_plan_without_children_still_prints_every_document() -> None:
    from prepkit.forms.render import render_document
    from prepkit.plan import Plan
    from tests.forms.conftest import pdf_text

    for doc, _title in DOCUMENTS:
        assert pdf_text(render_document(Plan(), doc, "en"))  # no crash, a real page
    cards = flat(pdf_text(render_document(Plan(), "child-cards", "en")))
    assert "no child in the plan yet" in cards
    # One letter per child, one packet per caregiver: with none, the page says why.
    assert "No child is in the plan yet." in flat(pdf_text(render_document(Plan(),
                                                                          "school-letter", "en")))
    assert "No caregiver is chosen yet." in flat(pdf_text(render_document(Plan(),
                                                                         "caregiver-packet", "en")))


def test_every_other_paper_the_family_listed_is_printed() -> None:
    from prepkit.forms.render import render_document
    from prepkit.plan import DocumentKind, DocumentPlace
    from tests.forms.conftest import pdf_text

    plan = fx.sample_plan()
    plan.documents.places += [
        DocumentPlace(kind=DocumentKind.OTHER, label="Vet papers of the dog", kept_where="Drawer"),
        DocumentPlace(kind=DocumentKind.OTHER, label="Church letter", kept_where="Bible"),
    ]
    text = flat(pdf_text(render_document(plan, "document-checklist", "en")))
    assert "Vet papers of the dog" in text and "Church letter" in text and "Bible" in text


def test_the_interface_lists_exactly_the_documents_forms_can_render() -> None:
    from prepkit import labels

    assert DOCUMENTS == labels.PRINTED_DOCUMENTS
