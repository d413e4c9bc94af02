"""Documents that tell someone what to do, in order: the "if a parent is detained" steps and
the Massachusetts caregiver-papers worksheet."""

from __future__ import annotations

import re

import pytest

from prepkit import i18n
from prepkit.forms import caregiver_papers
from prepkit.forms.family_plan import PAPERS
from prepkit.forms.render import render_document
from prepkit.plan import CaregiverPaper
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


# --- the Massachusetts caregiver-papers worksheet ----------------------------------------------

PAPER_SIGNS: dict[CaregiverPaper, tuple[list[str], list[str]]] = {
    # paper: (what its facts and steps must say, in order; what they must not say)
    CaregiverPaper.CAREGIVER_AFFIDAVIT: (
        ["Does the child live with the caregiver?", "Two adult witnesses (not the caregiver)",
         "Notary",
         "Sign it in front of two adult witnesses who are not the caregiver.",
         "Sign it in front of a notary too.",
         "The caregiver must be an adult the child lives with."],
        ["The agent accepts in writing.", "File the petition"],
    ),
    CaregiverPaper.TEMPORARY_AGENT: (
        ["The other parent, and whether they agree", "Start date (it lasts up to 60 days)",
         "Sign it in front of two adult witnesses who are not the agent.",
         "The agent accepts in writing.",
         "Get the other parent's consent, if that parent is known and able to give it."],
        ["Sign it in front of a notary too.", "File the petition"],
    ),
    CaregiverPaper.PARENT_APPOINTED_GUARDIAN: (
        ["When it should start", "Two witnesses",
         "detention is not on that list.", "Sign it in front of two witnesses.",
         "Ask whether to have the court confirm it in advance."],
        ["Sign it in front of a notary too.", "The agent accepts in writing."],
    ),
    CaregiverPaper.COURT_GUARDIANSHIP: (
        ["Why the child needs a guardian", "County where the child lives",
         "Is a temporary guardian needed now?",
         "File the petition with the Probate and Family Court. The court decides.",
         "ask the court for a temporary guardian (up to 90 days)."],
        ["Sign it in front of", "witnesses who are not", "The agent accepts in writing."],
    ),
}


def worksheet_after_the_options(text: str) -> str:
    """The worksheet from "The paper you chose" on: the four-kinds overview above it names
    every paper's witnesses and notary, which are not what is checked here."""
    return text[text.index("The paper you chose"):]


@pytest.mark.parametrize("paper", list(PAPER_SIGNS))
def test_worksheet_facts_and_steps_follow_the_chosen_paper(paper: CaregiverPaper) -> None:
    plan = fx.sample_plan()
    plan.caregivers[0].paper = paper
    text = flat(pdf_text(render_document(plan, "caregiver-papers", "en")))
    assert caregiver_papers.NOT_THE_FORM in text and "Get legal help" in text
    chosen = worksheet_after_the_options(text)
    must, must_not = PAPER_SIGNS[paper]
    assert [m for m in must if m not in chosen] == []
    assert [m for m in must_not if m in chosen] == []
    assert in_order(chosen, ["Facts the official form will ask for", "Signing steps", "1. "])


def test_worksheet_prints_missing_facts_as_lines_to_fill_in() -> None:
    plan = fx.sample_plan()
    plan.caregivers[0].relationship = ""
    plan.caregivers[0].address = ""
    text = worksheet_after_the_options(
        flat(pdf_text(render_document(plan, "caregiver-papers", "en"))))
    assert "Relationship to the child" in text and "Caregiver's address" in text
    assert "Notary" in text  # nothing in the plan answers it: a line to fill in


def test_worksheet_keeps_legal_help_with_its_warning_on_the_last_page() -> None:
    import io

    from pypdf import PdfReader

    for paper in PAPER_SIGNS:
        plan = fx.sample_plan()
        plan.caregivers[0].paper = paper
        reader = PdfReader(io.BytesIO(render_document(plan, "caregiver-papers", "en")))
        last = flat(reader.pages[-1].extract_text())
        assert "Worcester Legal Aid" in last and '"notario" is not a lawyer' in last, paper
        assert caregiver_papers.NOT_THE_FORM in last


def test_blank_worksheet_gives_each_paper_its_own_facts_and_steps() -> None:
    text = worksheet_after_the_options(
        flat(pdf_text(render_document(None, "caregiver-papers", "en"))))
    order = []
    for paper, (must, _) in PAPER_SIGNS.items():
        order += [PAPERS[paper], *must]
    assert in_order(text, order)
    assert text.count("Signing steps") == 4
