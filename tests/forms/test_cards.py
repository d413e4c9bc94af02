"""Wallet cards: nothing drawn on a card crosses its edge, in any language, with English
alongside; and the lines a bilingual copy adds carry English too."""

from __future__ import annotations

import io
import re

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from prepkit import i18n
from prepkit.forms.cards import CARD_H, CARD_W, TICK, Card, ChildCards, ParentCard
from prepkit.plan import LegalContact, Phone, Plan
from tests import raster
from tests.forms import fixtures as fx
from tests.forms.conftest import pdf_text

DPI = 100
AROUND = 0.4 * 72  # paper around the card on the test page, in points
INK = 160  # a pixel darker than this is ink


def crowded_plan() -> Plan:
    """Long names, two phones each, many numbers to memorize: cards shrink and continue."""
    plan = fx.sample_plan()
    for who in (plan.contacts[0], plan.caregivers[1]):
        who.name = "Maria-Guadalupe Villaseñor-Oyelaran de los Santos Brookfield"
        who.phones = [Phone("774-555-0123"), Phone("+52 55 1234 5678")]
    plan.communication.memorize = [Phone(f"508-555-01{i:02d}") for i in range(40)]
    plan.legal_help.contacts = [
        LegalContact(f"Worcester County Immigrant Legal Defense Office {i}", Phone("508-555-0600"))
        for i in range(8)
    ]
    return plan


def cards_of(document: ChildCards | ParentCard) -> list[Card]:
    cards: list[Card] = []
    for flowable in document.flowables():
        if isinstance(flowable, Table):
            cards += [c for row in flowable._cellvalues for c in row if isinstance(c, Card)]
    return cards


def each_card_on_its_own_page(cards: list[Card]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(CARD_W + 2 * AROUND, CARD_H + 2 * AROUND))
    for card in cards:
        card.wrapOn(canvas, CARD_W, CARD_H)
        card.drawOn(canvas, AROUND, AROUND)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def ink_outside_the_card(image) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Dark pixels outside the card's rectangle, except on the cut marks (which extend the
    card's edge lines outwards on purpose)."""
    px = DPI / 72
    left, right = round(AROUND * px), round((AROUND + CARD_W) * px)
    top, bottom = round(AROUND * px), round((AROUND + CARD_H) * px)
    edges_x, edges_y = (left, right), (top, bottom)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    bits = bytes(image.constBits())
    found = []
    for y in range(height):
        row = bits[y * stride : y * stride + width]
        on_edge_row = any(abs(y - e) <= 2 for e in edges_y)
        inside_rows = top - 2 <= y <= bottom + 2
        for x, value in enumerate(row):
            if value >= INK:
                continue
            inside = inside_rows and left - 2 <= x <= right + 2
            tick = TICK * px + 2
            along_edge_row = on_edge_row and (abs(x - left) <= tick or abs(x - right) <= tick)
            along_edge_column = any(abs(x - e) <= 2 for e in edges_x) and (
                abs(y - top) <= tick or abs(y - bottom) <= tick
            )
            cut_mark = along_edge_row or along_edge_column
            if not inside and not cut_mark:
                found.append((x, y))
    return found


@pytest.mark.parametrize("lang", i18n.language_codes())
def test_nothing_on_a_card_crosses_its_edge(qapp, lang: str) -> None:  # type: ignore[no-untyped-def]
    plan = crowded_plan()
    cards = [
        *cards_of(ChildCards(plan, lang, with_english=True)),
        *cards_of(ParentCard(plan, lang, with_english=True)),
        *cards_of(ChildCards(None, lang, with_english=True))[:1],
    ]
    if lang != "en":
        assert any(len(card.title) > 1 or "/" in card.title[0] for card in cards)
    continued = [c for c in cards if any("(" in t for t in c.title)]
    assert len(continued) >= 2, "no continued card was exercised"
    for number, image in enumerate(raster.render_pages(each_card_on_its_own_page(cards), DPI)):
        stray = ink_outside_the_card(image)
        assert not stray, f"{lang}: card {number + 1} has ink outside its edge near {stray[:3]}"


def test_the_check_sees_a_title_that_runs_off_the_card(qapp) -> None:  # type: ignore[no-untyped-def]
    title = "Who picks me up (continued) / Who picks me up (continued) " * 2
    card = Card([title], 10.5, [("1. Ana", False, False)], 9.5, False)
    image = raster.render_pages(each_card_on_its_own_page([card]), DPI)[0]
    assert ink_outside_the_card(image)


def test_bilingual_child_card_gives_the_parent_line_in_english_too() -> None:
    from prepkit.forms.render import render_document

    text = re.sub(r"\s+", " ", pdf_text(render_document(fx.sample_plan(), "child-cards", "es",
                                                        with_english=True)))
    parent = i18n.translations("es").gettext("Parent")
    assert f"{parent} / Parent" in text
    assert "(508) 555-0142 (508) 555-0177" in text


def test_bilingual_if_no_one_is_home_answer_carries_english() -> None:
    from prepkit.forms.render import render_document

    text = re.sub(r"\s+", " ", pdf_text(render_document(fx.sample_plan(), "caregiver-packet",
                                                        "es", with_english=True)))
    answer = "Go back to school and tell the office."
    assert i18n.translations("es").gettext(answer) in text and answer in text


def test_a_label_never_ends_a_card_without_its_number() -> None:
    cards = cards_of(ParentCard(crowded_plan(), "en"))
    assert len(cards) > 2
    for card in cards[:-1]:
        text, bold, _ = card.lines[-1]
        assert not bold, f"{text!r} ends a card; its number is on the next"
