"""Extreme but legal plans: they save, reload equal and print every document in every script.

20 children, 50 contacts, 10,000-character fields (one without a single space), names mixing
Latin, Arabic, Devanagari and Han with emoji, zero-width and bidi control characters.  Every
document renders in en, ar, ne and zh_Hans; no ink falls outside the page's side margins (a line
running off the paper would be clipped by the printer); every person and both ends of every long
field are in the text layer (en, zh_Hans); and bidi controls typed in a name reorder nothing
outside that name.
"""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from prepkit.forms import render
from prepkit.plan import (
    Caregiver,
    Child,
    Contact,
    IfNotHome,
    Parent,
    Phone,
    PickupAuthorization,
    Plan,
    School,
)
from prepkit.store import Store
from tests.raster import render_pages
from tests.test_store import PASS

LATIN, ARABIC, DEVANAGARI, HAN = "Zeb", "\u0639\u0644\u064a", "\u0930\u093e\u092e", "\u674e\u660e"
CONTROLS = ["\u202e", "\u202a", "\u2067", "\u2069", "\u200b", "\u200d", "\u2066", "\u202c"]
KINDS = [kind for kind, _ in render.DOCUMENTS]
LANGS = ["en", "ar", "ne", "zh_Hans"]


def mixed(token: str, i: int) -> str:
    """A unique Latin token, then every script, an emoji and some controls in one name."""
    control = CONTROLS[i % len(CONTROLS)]
    return f"{token}{i:02d} {LATIN}{ARABIC}{DEVANAGARI}{HAN}{control}\u200b 👩‍👧 {control}Ende"


def long_text(tag: str) -> str:
    words = " ".join(f"{tag}{n:04d}" for n in range(1200))
    return words[:10_000].rsplit(" ", 1)[0] + f" {tag}END"


def extreme_plan() -> Plan:
    contacts = [
        Contact(id=f"k{i}", name=mixed("Kontakt", i), relationship="Tía \u202eRLO",
                phones=[Phone(text=f"508-555-{i:04d}")], may_pick_up=i < 4)
        for i in range(50)
    ]
    children = [
        Child(id=f"c{i}", legal_name=mixed("Kind", i), called_name=f"Nick{i:02d}",
              birth_date=date(2015, 1, 1 + i), school=School(name="Chandler Elementary",
                                                            grade="3"),
              pickup=PickupAuthorization(authorized=["p1", "k0", "k1", "k2", "k3"]),
              if_not_home=IfNotHome(first_pickup="k0", second_pickup="k1", tells_school="p1"))
        for i in range(20)
    ]
    children[0].routines = long_text("Rout")
    children[1].allergies = "W" * 10_000  # not one space to break at
    children[2].what_child_was_told = long_text("Told")
    plan = Plan(
        parents=[Parent(id="p1", name=mixed("Elternteil", 0), phones=[Phone(text="508-555-0142")],
                        best_hours=long_text("Hour"))],
        children=children,
        contacts=contacts,
        caregivers=[Caregiver(id="g1", name=mixed("Betreuer", 1), address=long_text("Addr"),
                              phones=[Phone(text="774-555-0188")])],
        code_word="Mango\u202e\u2067",
    )
    plan.first_hours.notes = long_text("Note")
    return plan


@cache
def pdf(kind: str, lang: str) -> bytes:
    return render.render_document(extreme_plan(), kind, lang)


def flat_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in pages))


def test_an_extreme_plan_saves_and_reloads_equal(tmp_path: Path) -> None:
    plan = extreme_plan()
    with Store.open(tmp_path / "x.sqlite3") as store:
        session = store.create_household(plan, PASS)
        store.save(session, plan)
    with Store.open(tmp_path / "x.sqlite3") as store:
        assert store.load(store.unlock(session.household_id, PASS)) == extreme_plan()


@pytest.mark.parametrize("lang", LANGS)
def test_every_document_renders_inside_the_page(lang: str) -> None:
    for kind in KINDS:
        data = pdf(kind, lang)
        images = render_pages(data, dpi=24)
        assert images, kind
        for number, image in enumerate(images):
            width, height = image.width(), image.height()
            stride, bits = image.bytesPerLine(), bytes(image.constBits())
            edge = 24 // 3  # a third of an inch; the page margin is three quarters
            strays = [
                (x, y) for y in range(height)
                for x in (*range(edge), *range(width - edge, width))
                if bits[y * stride + x] < 160
            ]
            assert not strays, f"{kind} {lang} page {number + 1}: ink at the paper's edge"


@pytest.mark.parametrize("lang", ["en", "zh_Hans"])
def test_nothing_is_lost_from_the_text_layer(lang: str) -> None:
    family = flat_text(pdf("family-plan", lang))
    for token in [*(f"Kind{i:02d}" for i in range(20)), *(f"Kontakt{i:02d}" for i in range(50)),
                  "Elternteil00", "Betreuer01"]:
        assert token in family, token
    for tag in ("Rout", "Told", "Hour", "Addr", "Note"):
        assert f"{tag}0000" in family and f"{tag}END" in family, tag
    assert family.count("W") >= 10_000  # one 10,000-letter word, wrapped, every letter there
    # Scripts the text layer extracts faithfully appear once per printed name.
    assert family.count(DEVANAGARI) >= 72 and family.count(HAN) >= 72
    assert "Ende" in family

    letters = flat_text(pdf("school-letter", lang))
    assert all(f"Kind{i:02d}" in letters for i in range(20))
    assert all(f"Kontakt{i:02d}" in letters for i in range(4))
    assert "Mango" not in letters  # the code word stays off the school's copy
    packet = flat_text(pdf("caregiver-packet", lang))
    assert all(f"Kontakt{i:02d}" in packet for i in range(50))
    cards = flat_text(pdf("child-cards", lang))
    assert all(f"Kontakt{i:02d}" in cards for i in range(3))  # who picks me up: 1, 2, 3


# --- bidi controls stay inside their own field -------------------------------------------------


def tricky_plan() -> Plan:
    return Plan(
        parents=[Parent(id="p1", name="Mom", phones=[Phone(text="508-555-0142")])],
        children=[Child(id="c1", legal_name="Ben\u202e", school=School(name="Oak School",
                                                                        grade="Four"),
                        pickup=PickupAuthorization(authorized=["p1", "k1", "k2"]),
                        if_not_home=IfNotHome(first_pickup="k1"))],
        contacts=[
            # An unmatched RLI then an RLO: before the fix the phone number beside this name
            # was pulled into it and printed reversed.
            Contact(id="k1", name="Ann\u2067Evil\u202e Tail", phones=[Phone(text="508-555-0111")],
                    may_pick_up=True),
            Contact(id="k2", name="Sam\u202e Lee", relationship="Uncle \u202bWest",
                    phones=[Phone(text="508-555-0122")], may_pick_up=True),
        ],
        caregivers=[Caregiver(id="g1", name="Gus", phones=[Phone(text="774-555-0188")])],
    )


@pytest.mark.parametrize("kind", KINDS)
def test_bidi_controls_in_a_name_reorder_nothing_outside_it(kind: str) -> None:
    text = flat_text(render.render_document(tricky_plan(), kind, "en"))
    for reversed_text in ("liaT", "eeL", "liveE", "tseW", "nolcS", "ruoF", "edarG",
                          "1110-555", "2210-555"):
        assert reversed_text not in text, (kind, reversed_text)
    if kind in ("family-plan", "caregiver-packet", "child-cards", "detained-steps"):
        assert re.search(r"AnnEvil Tail \(508\) 555-0111", text), text
    if kind == "school-letter":
        assert re.search(r"Child Ben Grade Four School Oak School", text), text
        assert re.search(r"Sam Lee Uncle West \(508\) 555-0122", text), text
