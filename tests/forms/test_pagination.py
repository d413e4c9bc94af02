"""Where pages break: a school letter fits one page, a row taller than a page splits instead
of failing, and no column header is cut in the middle of a word."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import Table

from prepkit import i18n
from prepkit.forms import text, writer
from prepkit.forms.render import DOCUMENTS, document_class, render_document, render_set
from prepkit.forms.writer import CELL_PAD
from prepkit.plan import Contact, LegalContact, Medication, Phone, Plan
from tests.forms import fixtures as fx
from tests.forms.conftest import pdf_text

KINDS = [kind for kind, _ in DOCUMENTS]
LANGS = i18n.language_codes()


def pages(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


# --- the school letter: one page per child ---------------------------------------------------


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_school_letter_fits_one_page(lang: str, paper: str) -> None:
    # The letter always carries English, so this is the bilingual letter in every language.
    plan = fx.sample_plan()
    filled = render_document(plan, "school-letter", lang, paper=paper)
    assert len(pages(filled)) == len(plan.children), f"{lang} {paper}: a letter spilled over"
    blank = render_document(None, "school-letter", lang, paper=paper)
    assert len(pages(blank)) == 1, f"blank {lang} {paper}: the letter spilled over"


def test_a_letter_printed_in_a_set_keeps_its_own_page() -> None:
    plan = fx.sample_plan()
    alone = len(pages(render_document(plan, "family-plan", "es")))
    both = render_set(plan, ["family-plan", "school-letter"], "es")
    assert len(pages(both)) == alone + len(plan.children)


def test_a_long_letter_names_the_child_on_every_page_and_signs_with_its_closing() -> None:
    plan = fx.sample_plan()
    plan.contacts += [
        Contact(id=f"x{i}", name=f"Neighbour Number{i:02d}", relationship="Friend of the family",
                phones=[Phone(f"508-555-02{i:02d}")], may_pick_up=True)
        for i in range(20)
    ]
    child = plan.children[0]
    child.pickup.authorized += [f"x{i}" for i in range(20)]
    plan.children = [child]
    text_pages = pages(render_document(plan, "school-letter", "en"))
    assert len(text_pages) >= 2
    for page in text_pages[1:]:
        assert "School pick-up authorization for Sofía Martínez Nguyễn (continued)" in page
    assert "(continued)" not in text_pages[0]
    last = text_pages[-1]
    assert "Please keep this letter" in last and "Parent or guardian signature" in last
    assert all(f"Number{i:02d}" in " ".join(text_pages) for i in range(20))


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


# --- column headers ---------------------------------------------------------------------------


def header_tables(lang: str, blank: bool) -> list[Table]:
    """The tables with column headers of every document, as laid out (not printed)."""
    tables: list[Table] = []
    plan = None if blank else fx.sample_plan()
    for kind in KINDS:
        document = document_class(kind)(plan, lang, with_english=not blank)
        tables += [
            f for f in document.flowables() if isinstance(f, Table) and f.repeatRows == 1
        ]
    return tables


@pytest.mark.parametrize("lang", LANGS)
def test_no_column_header_word_is_wider_than_its_column(lang: str) -> None:
    checked = 0
    for blank in (True, False):
        for table in header_tables(lang, blank):
            for cell, width in zip(table._cellvalues[0], table._colWidths, strict=True):
                room = width - 2 * CELL_PAD
                for para in cell:
                    for word in para.text.split():
                        drawn = text.measure(word, size=para.size, bold=para.bold)
                        assert drawn <= room, f"{lang}: {word!r} is {drawn:.0f} pt, room {room:.0f}"
                        checked += 1
    assert checked > 50


def test_the_order_column_fits_its_widest_translation() -> None:
    w = writer.Writer("ak", with_english=True, blank=False, width=500)
    widths = w.column_widths(["Order", "Name", "Relationship", "Phone numbers"],
                             [0.06, 0.4, 0.24, 0.3])
    assert widths[0] > 0.06 * 500  # widened ...
    assert sum(widths) == pytest.approx(500)  # ... with room taken from the others
