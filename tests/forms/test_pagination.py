"""Where pages break: a row taller than a page splits instead of failing."""

from __future__ import annotations

import pytest

from prepkit.forms.render import render_document
from prepkit.plan import LegalContact, Medication, Phone, Plan
from tests.forms import fixtures as fx
from tests.forms.conftest import pdf_text

# --- rows taller than a page ----------------------------------------------------------------

LONG = 3000


def long_value(tag: str) -> str:
    """3,000 characters of numbered words, so a lost piece is easy to name."""
    return " ".join(f"{tag}{i:03d}" for i in range(LONG // (len(tag) + 4) + 1))[:LONG].rsplit(
        " ", 1
    )[0]


def long_cells_plan() -> Plan:
    plan = fx.sample_plan()
    sofia = plan.children[0]
    sofia.medications = [
        Medication(long_value("medname"), long_value("dose"), long_value("times"),
                   long_value("kept"))
    ]
    sofia.school.name = long_value("school")
    plan.contacts[0].relationship = long_value("relation")
    plan.contacts[1].name = long_value("contact")
    plan.legal_help.contacts.append(LegalContact(long_value("legal"), Phone("508-555-0601")))
    plan.documents.places[0].kept_where = long_value("where")
    return plan


# Which long cells each document prints (the rest it must not print at all).
LONG_CELLS = {
    "family-plan": ["medname", "dose", "times", "kept", "school", "relation", "contact", "legal",
                    "where"],
    "caregiver-packet": ["medname", "dose", "times", "kept", "school", "relation", "contact",
                         "legal", "where"],
    "school-letter": ["school", "relation", "contact"],
    "caregiver-papers": ["legal"],
    "detained-steps": ["legal"],
    "document-checklist": ["where"],
}


@pytest.mark.parametrize("doc", sorted(LONG_CELLS))
def test_a_cell_longer_than_a_page_splits_and_nothing_is_lost(doc: str) -> None:
    words = " ".join(pdf_text(render_document(long_cells_plan(), doc, "en")).split())
    for tag in LONG_CELLS[doc]:
        expected = long_value(tag).split()
        missing = [word for word in expected if word not in words]
        assert not missing, f"{doc}: {len(missing)} words of the long {tag} are missing"


@pytest.mark.parametrize("lang", ["ar", "ne", "zh_Hans"])
def test_long_cells_print_in_other_scripts_too(lang: str) -> None:
    plan = long_cells_plan()
    for doc in LONG_CELLS:
        assert render_document(plan, doc, lang, with_english=True)
