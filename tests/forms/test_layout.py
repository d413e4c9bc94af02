"""Paper, metadata, fonts, page numbers, long content, blank versions and speed."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from prepkit import i18n
from prepkit.forms.cards import CARD_H, CARD_W, Line, cards_for
from prepkit.forms.render import DOCUMENTS, render_document, render_set
from prepkit.plan import Caregiver, Child, Contact, Medication, Phone, PickupAuthorization
from tests.forms import fixtures as fx
from tests.forms.conftest import pdf_text, rendered

KINDS = [kind for kind, _ in DOCUMENTS]


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


@pytest.mark.parametrize("doc", KINDS)
def test_metadata_names_the_document_not_the_family(doc: str) -> None:
    meta = reader(rendered(doc, "es")).metadata
    assert meta is not None
    assert meta.author == "prepkit"
    values = " ".join(str(v) for v in meta.values())
    for personal in ("Martínez", "Haddad", "Nguyễn", fx.CODE_WORD, "Chandler", "508"):
        assert personal not in values
    assert meta.title == i18n.translations("es").gettext(dict(DOCUMENTS)[doc])


def test_fonts_are_embedded_and_subset() -> None:
    pdf = reader(rendered("family-plan", "zh_Hans"))
    fonts = {}
    for page in pdf.pages:
        content = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
        for key, font in page["/Resources"]["/Font"].items():
            font = font.get_object()
            if font["/BaseFont"] == "/Helvetica":
                # reportlab selects its default font in an empty BT/ET at the top of every
                # page; no text may ever be shown in it.
                used = re.sub(rf"BT {key} [\d.]+ Tf [\d.]+ TL ET", "", content)
                assert f"{key} " not in used
                continue
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor.get_object()
    assert fonts
    for name, descriptor in fonts.items():
        assert "/FontFile2" in descriptor, name
        assert "+" in name, f"{name} is not a subset"


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_paper_sizes(paper: str, size: tuple[int, int]) -> None:
    pdf = reader(render_document(fx.sample_plan(), "family-plan", "en", paper=paper))
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_page_x_of_y_counts_each_section() -> None:
    pdf = reader(rendered("family-plan", "en"))
    total = len(pdf.pages)
    assert total > 1
    for number, page in enumerate(pdf.pages, 1):
        assert f"Page {number} of {total}" in page.extract_text()
    letters = reader(rendered("school-letter", "en"))
    assert all("Page 1 of 1" in p.extract_text() for p in letters.pages)  # one per child


def test_footer_carries_plan_and_review_dates() -> None:
    text = pdf_text(rendered("detained-steps", "en"))
    assert "Plan made: March 10, 2025" in text and "Review by: September 10, 2025" in text


def long_plan() -> fx.Plan:  # type: ignore[name-defined]
    plan = fx.sample_plan()
    note = ("Needs an EpiPen within five minutes of any exposure; call 911 and the parents. " * 40)[
        :3000
    ]
    plan.contacts = [
        Contact(
            id=f"x{i}",
            name=f"Contact{i:02d} " + "Longfamilyname" * 3 + f" End{i:02d}",
            relationship="Cousin",
            phones=[Phone(f"508-555-{1000 + i}")],
            may_pick_up=True,
        )
        for i in range(15)
    ]
    plan.caregivers.append(Caregiver(id="g9", name="C" * 60))
    plan.children = [
        Child(
            id=f"k{i}",
            legal_name=f"Child{i:02d} " + "Verylongname" * 4 + f" Z{i:02d}",
            allergies=note,
            conditions=f"Condition-{i:02d}",
            medications=[Medication(f"Med{i:02d}", "1 pill", "8 am", "Kitchen")],
            pickup=PickupAuthorization(authorized=[f"x{j}" for j in range(15)]),
        )
        for i in range(10)
    ]
    return plan


def test_long_content_flows_onto_more_pages_and_nothing_is_lost() -> None:
    plan = long_plan()
    short = len(reader(rendered("family-plan", "en")).pages)
    data = render_document(plan, "family-plan", "en")
    pdf = reader(data)
    assert len(pdf.pages) > short + 5
    text = " ".join(pdf_text(data).split())
    for i in range(10):
        assert f"Child{i:02d}" in text and f"Z{i:02d}" in text and f"Med{i:02d}" in text
    for i in range(15):
        assert f"Contact{i:02d}" in text and f"End{i:02d}" in text and f"555-{1000 + i}" in text
    assert "C" * 60 in text.replace(" ", "")
    # The 3,000-character note is all there, every time it is printed.
    assert text.count("call 911 and the parents.") >= 10 * 37
    letters = pdf_text(render_document(plan, "school-letter", "en"))
    assert all(f"End{i:02d}" in letters for i in range(15))


def test_a_card_shrinks_then_continues_rather_than_cut() -> None:
    short = cards_for(["Who picks me up"], ["more"], [Line("1. Ana   (508) 555-0101")], False)
    assert len(short) == 1 and short[0].size == 9.5
    lines = [Line(f"{i}. " + "Verylongname" * 5 + f" (508) 555-01{i:02d}") for i in range(12)]
    cards = cards_for(["Who picks me up"], ["Who picks me up (continued)"], lines, False)
    assert len(cards) > 1
    assert cards[1].title[-1].endswith("(continued)")
    printed = " ".join(text for card in cards for text, _, _ in card.lines)
    assert all(f"555-01{i:02d}" in printed for i in range(12))
    assert (cards[0].width, cards[0].height) == (CARD_W, CARD_H)


@pytest.mark.parametrize("lang", i18n.language_codes())
def test_blank_versions_render_in_every_language(lang: str) -> None:
    data = render_set(None, KINDS, lang)
    assert len(reader(data).pages) >= len(KINDS)
    if lang == "en":
        text = pdf_text(data)
        assert "Who picks me up" in text and "Page 1 of" in text


def test_full_set_for_three_children_renders_in_every_benchmarked_language() -> None:
    # How fast is measured by benchmarks/run, not here: a timed test fails on a busy machine.
    plan = fx.sample_plan()
    for lang in ("en", "ar", "ne", "zh_Hans"):
        assert len(reader(render_set(plan, KINDS, lang)).pages) > len(KINDS)


def test_update_notice_blank_has_room_for_the_date() -> None:
    text = pdf_text(render_document(None, "update-notice", "en"))
    assert "This plan changed on the date below." in text
    assert date(2025, 3, 10).isoformat() not in text
