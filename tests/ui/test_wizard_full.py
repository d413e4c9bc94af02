"""The whole wizard for a two-parent, three-child family, checked in the store and on paper."""

from __future__ import annotations

import copy
import io

import pypdf
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from prepkit.plan import CaregiverPaper, NoOneThere, PaperStatus
from prepkit.store import Store
from tests.ui.conftest import (
    PASSPHRASE,
    add_row,
    choose,
    click_radio,
    set_date,
    type_into,
    type_text,
)

PARENTS = [("Rosa Mendes", "5085550142"), ("Jorge Mendes", "+52 55 1234 5678")]
CHILDREN = [("Ana Mendes", "Elm Park School", "12"), ("Luis Mendes", "Elm Park School", "12"),
            ("Sofia Mendes", "Worcester Arts Magnet", "7")]
CONTACTS = [("Ines Costa", "cousin", "5085550166"), ("Mark Lee", "neighbour", "5085550188")]
CAREGIVERS = [("Teresa Silva", "aunt", "5085550177"), ("Paulo Mendes", "uncle", "5085550199")]


def create_with_dialog(qtbot, window) -> None:
    """Press "Start a new plan" and choose the passphrase in the dialog, as a family would."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        dialog.first.setText(PASSPHRASE)
        dialog.second.setText(PASSPHRASE)
        dialog.ok.click()

    QTimer.singleShot(50, fill)
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    assert window.saver.session is not None


def add_people(qtbot, page, rows, with_relationship: bool) -> None:
    for row in rows:
        qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, page, "name", row[0])
        if with_relationship:
            type_text(qtbot, page, "relationship", row[1])
        type_text(qtbot, page, "phones.0", row[-1])


def test_whole_wizard_two_parents_three_children(qtbot, make_window, store, db_path, tmp_path):
    window = make_window()
    create_with_dialog(qtbot, window)
    assert window.current_page().key == "family"

    family = window.page("family")
    set_date(family, "record.review_by", QDate.currentDate().addMonths(6))
    choose(family, "record.family_language", "es")

    window.go_next()
    add_people(qtbot, window.page("parents"), PARENTS, with_relationship=False)

    window.go_next()
    children = window.page("children")
    for name, school, bus in CHILDREN:
        qtbot.mouseClick(children.items.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, children, "legal_name", name)
        type_text(qtbot, children, "school.name", school)
        type_text(qtbot, children, "bus_route", bus)
        type_text(qtbot, children, "allergies", "peanuts" if name.startswith("Ana") else "")
        medicine = add_row(qtbot, children.medicines)
        type_into(qtbot, medicine.field("name"), "inhaler")
    set_date(children, "birth_date", QDate(2015, 3, 9))

    window.go_next()
    add_people(qtbot, window.page("contacts"), CONTACTS, with_relationship=True)
    window.go_next()
    caregivers = window.page("caregivers")
    add_people(qtbot, caregivers, CAREGIVERS, with_relationship=True)
    click_radio(qtbot, caregivers, "paper", CaregiverPaper.CAREGIVER_AFFIDAVIT)
    choose(caregivers, "paper_status", PaperStatus.SIGNED)

    window.go_next()
    pickup = window.page("pickup")
    plan = window.plan
    for index in range(3):
        pickup.tabs.setCurrentIndex(index)
        for row in range(pickup.people.count()):
            item = pickup.people.item(row)
            if item.text() in ("Rosa Mendes", "Teresa Silva"):
                item.setCheckState(Qt.CheckState.Checked)

    window.go_next()
    if_not_home = window.page("if_not_home")
    teresa = plan.caregivers[0].id
    for index in range(3):
        if_not_home.tabs.setCurrentIndex(index)
        choose(if_not_home, "first_pickup", teresa)
        click_radio(qtbot, if_not_home, "no_one_there", NoOneThere.BACK_TO_SCHOOL)
    type_text(qtbot, if_not_home, "code_word", "sunflower")

    window.go_next()
    type_text(qtbot, window.page("documents_where"), "documents.birth_certificates",
              "blue folder under the bed")
    window.go_next()
    qtbot.mouseClick(window.page("money").skip, Qt.MouseButton.LeftButton)
    assert window.current_page().key == "legal"
    legal = window.page("legal")
    office = add_row(qtbot, legal.contacts)
    type_into(qtbot, office.field("name"), "Legal aid office")
    type_into(qtbot, office.field("phone"), "6175550100")

    window.go_next()
    communication = window.page("communication")
    type_into(qtbot, add_row(qtbot, communication.numbers).field(""), "6175550100")
    type_text(qtbot, communication, "communication.meeting_place", "the library on Main St")

    window.go_next()
    review = window.page("review")
    assert window.current_page() is review
    assert [g.message.msgid for g in review.gaps] == []
    assert "Ana Mendes" in review.summary.text()

    window.go_next()
    printing = window.page("print")
    printing.choose(["school-letter"], "en")
    printing.make_documents()
    assert printing.wait()
    qtbot.waitUntil(lambda: printing.result is not None)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(
        io.BytesIO(printing.result.each["school-letter"])).pages)
    for expected in ("Ana Mendes", "Luis Mendes", "Sofia Mendes", "Elm Park School",
                     "Rosa Mendes", "Teresa Silva"):
        assert expected in text
    assert "sunflower" not in text  # the code word is never on the school letter
    exported = printing.export_to(tmp_path)
    assert [p.name for p in exported] == ["school-letter-en.pdf"]
    letter = printing.result.each["school-letter"]

    expected_plan = copy.deepcopy(window.plan)
    session_id = window.saver.session.household_id
    assert window.next.text() == "Finish"
    qtbot.mouseClick(window.next, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.start
    assert window.saver.session is None

    store.close()  # then read the real file back, as the next start of the app would
    with Store.open(db_path) as again:
        session = again.unlock(session_id, PASSPHRASE)
        saved = again.load(session)
        copies = again.copies(session)
        kept = again.list_pdfs(session)
        kept_pdf = again.get_pdf(session, kept[0].id)
    assert saved == expected_plan
    assert [p.name for p in saved.parents] == [p[0] for p in PARENTS]
    assert saved.parents[1].phones[0].e164 == "+525512345678"
    assert saved.parents[0].phones[0].text == "(508) 555-0142"
    assert [c.legal_name for c in saved.children] == [c[0] for c in CHILDREN]
    assert saved.children[0].allergies == "peanuts"
    assert saved.children[2].medications[0].name == "inhaler"
    assert saved.children[2].birth_date is not None
    assert [c.name for c in saved.caregivers] == [c[0] for c in CAREGIVERS]
    assert saved.caregivers[1].paper == CaregiverPaper.CAREGIVER_AFFIDAVIT
    assert saved.caregivers[1].paper_status == PaperStatus.SIGNED
    names = {p.id: p.name for p in saved.people()}
    for child in saved.children:
        assert [names[i] for i in child.pickup.authorized] == ["Rosa Mendes", "Teresa Silva"]
        assert child.if_not_home.first_pickup == teresa
        assert child.if_not_home.no_one_there == NoOneThere.BACK_TO_SCHOOL
    assert saved.code_word == "sunflower"
    assert saved.money.skipped and saved.travel.skipped
    assert saved.legal_help.contacts[0].phone.e164 == "+16175550100"
    assert saved.record.family_language == "es"
    assert [(c.document, c.action) for c in copies] == [("school_letter", "export")]
    # The exported letter is kept, sealed, for a reprint: the very same bytes come back.
    assert [(k.document, k.language) for k in kept] == [("school_letter", "en")]
    assert kept_pdf == letter
    assert saved.communication.memorize[0].e164 == "+16175550100"
    assert saved.communication.meeting_place == "the library on Main St"
