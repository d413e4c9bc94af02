"""Documents that tell someone what to do, in order: the "if a parent is detained" steps and
the Massachusetts caregiver-papers worksheet."""

from __future__ import annotations

import re

import pytest

from prepkit import i18n
from prepkit.forms.render import render_document
from tests.forms import fixtures as fx
from tests.forms.conftest import pdf_text, rendered_text


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


# --- "If a parent is detained" ----------------------------------------------------------------

CHILD_STEPS = [
    "1. First, call Amina Haddad (774) 555-0123 to pick up the child.",
    "2. If they cannot come, call Jean-Baptiste Pierre (617) 555-0155.",
    "3. The child goes to 12 Elm Street, Worcester.",
    "4. If no one is home or at the bus stop Go back to school and tell the office.",
    "5. Amina Haddad (774) 555-0123 tells the school.",
]


def test_detained_steps_give_each_child_a_numbered_list_in_order() -> None:
    text = flat(rendered_text("detained-steps", "en"))
    for child in ("Child: Sofi", "Child: Mateo Martínez Nguyễn", "Child: Lini"):
        start = text.index(child)
        assert in_order(text[start:], CHILD_STEPS), f"{child}: steps missing or out of order"
    assert "Picks up first" not in text  # no longer label/value rows


def test_detained_steps_leave_out_what_the_family_has_not_decided() -> None:
    plan = fx.sample_plan()
    plan.children = plan.children[:1]
    plan.children[0].if_not_home.second_pickup = ""
    text = flat(pdf_text(render_document(plan, "detained-steps", "en")))
    assert "If they cannot come" not in text
    assert in_order(text, ["1. First, call Amina", "2. The child goes to", "4. Amina Haddad"])


def test_blank_detained_steps_have_room_to_write_and_every_choice() -> None:
    text = flat(pdf_text(render_document(None, "detained-steps", "en")))
    assert re.search(r"1\. First, call _{10,} to pick up the child\.", text)
    for choice in ("Stay on the bus and tell the driver.",
                   "Go back to school and tell the office.",
                   "Go to the neighbor named below."):
        assert choice in text
    assert re.search(r"5\. _{10,} tells the school\.", text)


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_detained_steps_carry_english_beneath_in_bilingual_copies(lang: str) -> None:
    text = flat(pdf_text(render_document(fx.sample_plan(), "detained-steps", lang,
                                         with_english=True)))
    for msgid in ("If no one is home or at the bus stop", "Go back to school and tell the office."):
        local = i18n.translations(lang).gettext(msgid)
        assert local != msgid
        assert text.count(msgid) == text.count(local) == 3  # once per child, in both languages
