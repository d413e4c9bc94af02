"""Lists of any length inside a page (copies given, medicines, legal help, numbers to memorize,
other papers), the communication page, and PDFs kept for a reprint; checked in the real file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from prepkit.plan import Child, DocumentKind, Plan
from prepkit.store import Store
from tests.ui.conftest import (
    PASSPHRASE,
    add_row,
    answer_box,
    field,
    new_plan,
    row_field,
    type_into,
    type_text,
)


def reopen(window, store: Store, db_path: Path) -> Plan:
    """Close the app (it saves), close the file, and read the plan back from disk."""
    household = window.saver.session.household_id
    window.close()
    store.close()
    with Store.open(db_path) as again:
        return again.load(again.unlock(household, PASSPHRASE))


def test_copies_given_and_copy_languages(qtbot, make_window, store, db_path):
    window = make_window()
    new_plan(window)
    family = window.page("family")
    languages = field(family, "record.copy_languages")
    view = languages.view
    # By keyboard: move to a language and press Space to tick it.
    for code in ("ar", "es"):
        row = next(i for i in range(view.count())
                   if view.item(i).data(Qt.ItemDataRole.UserRole) == code)
        view.setFocus()
        view.setCurrentRow(row)
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.plan.record.copy_languages == ["es", "ar"]  # in the registry's order

    rows = family.distribution
    for holder, paper in (("Elm Park School", "school letter"), ("Teresa", "caregiver packet"),
                          ("Dr. Lopez", "family plan")):
        form = add_row(qtbot, rows)
        type_into(qtbot, form.field("holder"), holder)
        type_into(qtbot, form.field("document"), paper)
    row_field(rows, 1, "given_on").date_edit.pick(date(2025, 3, 4))
    assert len(rows.boxes) == 3
    rows.move_row(2, -1)  # Dr. Lopez before Teresa
    answer_box(qtbot, "Remove")
    rows.remove(0)  # something was typed: asked first
    assert [h.holder for h in window.plan.record.distribution] == ["Dr. Lopez", "Teresa"]
    assert row_field(rows, 0, "holder").input.text() == "Dr. Lopez"  # the screen follows

    saved = reopen(window, store, db_path)
    assert saved.record.copy_languages == ["es", "ar"]
    assert [(h.holder, h.document) for h in saved.record.distribution] == [
        ("Dr. Lopez", "family plan"), ("Teresa", "caregiver packet")]
    assert saved.record.distribution[1].given_on.isoformat() == "2025-03-04"


def test_medicines_any_number_follow_the_child(qtbot, make_window, store, db_path):
    window = make_window()
    new_plan(window)
    window.go("children")
    page = window.page("children")
    for name in ("Ana", "Luis"):
        qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, page, "legal_name", name)
    page.items.view.setCurrentRow(0)
    for medicine in ("inhaler", "insulin", "ibuprofen", "cetirizine"):
        type_into(qtbot, add_row(qtbot, page.medicines).field("name"), medicine)
    type_into(qtbot, row_field(page.medicines, 1, "dose"), "4 units")
    page.medicines.move_row(3, -3)
    answer_box(qtbot, "Keep")
    page.medicines.remove(2)  # "Keep": nothing removed
    assert len(window.plan.children[0].medications) == 4
    answer_box(qtbot, "Remove")
    page.medicines.remove(2)
    page.items.view.setCurrentRow(1)  # Luis: his own (empty) list
    assert page.medicines.boxes == []
    qtbot.mouseClick(page.medicines.add_button, Qt.MouseButton.LeftButton)
    page.medicines.remove(0)  # an empty row goes without a question
    assert window.plan.children[1].medications == []
    page.items.view.setCurrentRow(0)
    assert [row_field(page.medicines, i, "name").input.text() for i in range(3)] == [
        "cetirizine", "inhaler", "ibuprofen"]

    saved = reopen(window, store, db_path)
    assert [(m.name, m.dose) for m in saved.children[0].medications] == [
        ("cetirizine", ""), ("inhaler", ""), ("ibuprofen", "")]
    assert saved.children[1].medications == []


def test_legal_help_any_number_and_tab_order(qtbot, make_window, store, db_path):
    window = make_window()
    new_plan(window)
    window.go("legal")
    page = window.page("legal")
    numbers = ["6175550100", "6175550111", "6175550122", "6175550133"]
    for index, number in enumerate(numbers):
        form = add_row(qtbot, page.contacts)
        assert QApplication.focusWidget() is form.field("name").input  # typing can start
        type_into(qtbot, form.field("name"), f"Office {index + 1}")
        type_into(qtbot, form.field("phone"), number)
    # Tab goes through the rows in the order they are shown, then on to the warning below.
    page.contacts.add_button.setFocus()
    seen = []
    for _ in range(4 * 5):  # per row: name, phone, up, down, remove (disabled ones skipped)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    first = page.contacts.forms[0]
    assert seen[0] is first.field("name").input
    assert seen[1] is first.field("phone").input
    names = [w for w in seen if any(w is f.field("name").input for f in page.contacts.forms)]
    assert names == [f.field("name").input for f in page.contacts.forms]
    after = [w for w in seen if page.contacts.isAncestorOf(w)]
    assert seen[len(after)] is field(page, "legal_help.read_notario_warning").input
    page.contacts.move_row(3, -1)
    answer_box(qtbot, "Remove")
    page.contacts.remove(0)

    saved = reopen(window, store, db_path)
    assert [(c.name, c.phone.e164) for c in saved.legal_help.contacts] == [
        ("Office 2", "+16175550111"), ("Office 4", "+16175550133"), ("Office 3", "+16175550122")]


def test_communication_page(qtbot, make_window, store, db_path):
    window = make_window()
    new_plan(window)
    window.go("communication")
    page = window.page("communication")
    assert not page.is_complete(window.plan)
    for number in ("5085550142", "+52 55 1234 5678"):
        type_into(qtbot, add_row(qtbot, page.numbers).field(""), number)
    page.numbers.move_row(1, -1)
    type_into(qtbot, row_field(page.numbers, 1, ""), "5085550199")  # edit after a move
    field(page, "communication.text_first").input.click()  # on by default: now off
    type_text(qtbot, page, "communication.meeting_place", "the library on Main St")
    assert page.is_complete(window.plan)

    saved = reopen(window, store, db_path)
    assert [p.e164 for p in saved.communication.memorize] == ["+525512345678", "+15085550199"]
    assert saved.communication.text_first is False
    assert saved.communication.meeting_place == "the library on Main St"


def test_other_papers_among_the_places(qtbot, make_window, store, db_path):
    window = make_window()
    new_plan(window)
    window.go("documents_where")
    page = window.page("documents_where")
    type_text(qtbot, page, "documents.birth_certificates", "blue folder")
    for label, where in (("Vaccine cards from home", "kitchen drawer"),
                         ("Baptism papers", "with grandmother")):
        form = add_row(qtbot, page.others)
        type_into(qtbot, form.field("label"), label)
        type_into(qtbot, form.field("kept_where"), where)
    type_text(qtbot, page, "documents.passports", "safe")
    page.others.move_row(1, -1)
    assert window.plan.documents.places[1].label == "Baptism papers"
    review = window.page("review")
    window.go("review")
    assert "Baptism papers" in review.summary.text()
    assert "with grandmother" in review.summary.text()

    saved = reopen(window, store, db_path)
    assert [(p.kind, p.label, p.kept_where) for p in saved.documents.places] == [
        (DocumentKind.BIRTH_CERTIFICATES, "", "blue folder"),
        (DocumentKind.OTHER, "Baptism papers", "with grandmother"),
        (DocumentKind.OTHER, "Vaccine cards from home", "kitchen drawer"),
        (DocumentKind.PASSPORTS, "", "safe"),
    ]


def test_review_shows_every_section_and_links_to_it(qtbot, make_window):
    window = make_window()
    new_plan(window)
    plan = window.plan
    plan.record.copy_languages = ["es"]
    window.go("family")
    type_into(qtbot, add_row(qtbot, window.page("family").distribution).field("holder"),
              "Elm Park School")
    window.go("communication")
    type_text(qtbot, window.page("communication"), "communication.meeting_place", "library")
    window.go("review")
    text = window.page("review").summary.text()
    for expected in ("Elm Park School", "Español", "library", "Staying in touch",
                     "Where the documents are", "Money and travel", "Legal help"):
        assert expected in text, expected
    window.page("review").summary.linkActivated.emit("communication")
    assert window.current_page().key == "communication"


def test_printed_and_exported_pdfs_are_kept_sealed(qtbot, make_window, store, db_path,
                                                    tmp_path):
    window = make_window()
    new_plan(window)
    window.plan.children.append(Child(legal_name="Ana Mendes"))
    window.go("print")
    page = window.page("print")
    page.choose(["school-letter", "child-cards"], "es", with_english=True)
    page.make_documents()
    assert page.wait()
    qtbot.waitUntil(lambda: page.result is not None)
    made = dict(page.result.each)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(96)  # what is kept is the PDF made, not the printed pixels
    assert page.print_to(printer) > 0
    qtbot.waitUntil(lambda: page.print_run is None, timeout=30000)  # printed in the background
    page.export_to(tmp_path)  # the same set again: logged, but kept only once
    household = window.saver.session.household_id
    window.close()
    store.close()
    with Store.open(db_path) as again:
        session = again.unlock(household, PASSPHRASE)
        kept = again.list_pdfs(session)
        pdfs = {k.document: again.get_pdf(session, k.id) for k in kept}
        actions = [(c.document, c.action) for c in again.copies(session)]
    assert sorted((k.document, k.language) for k in kept) == [
        ("child_cards", "es+en"), ("school_letter", "es+en")]
    assert pdfs == {"school_letter": made["school-letter"], "child_cards": made["child-cards"]}
    assert sorted(actions) == [("child_cards", "export"), ("child_cards", "print"),
                               ("school_letter", "export"), ("school_letter", "print")]
    assert b"%PDF" in pdfs["school_letter"][:8]
    raw = db_path.read_bytes()
    assert made["school-letter"][200:264] not in raw  # sealed on disk, not in clear


def test_gaps_are_wrapping_links_in_tab_order(qtbot, make_window):
    window = make_window()
    new_plan(window)
    window.go("children")
    page = window.page("children")
    for name in ("Ana", "Luis"):
        qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, page, "legal_name", name)
    window.go("review")
    review = window.page("review")
    window.go("review")  # shown twice: the first set of links is gone, not piled up
    links = review.gap_links
    shown = [w for w in review.findChildren(type(links[0])) if w.property("role") == "gap"
             and w.isVisibleTo(review)]
    assert shown == links and len(links) == len(review.gaps) > 2
    assert all(link.wordWrap() for link in links)
    luis = window.plan.children[1].id
    index = next(i for i, g in enumerate(review.gaps) if g.child_id == luis)
    links[index - 1].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(links[index - 1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is links[index]  # the gaps in reading order
    qtbot.keyClick(links[index], Qt.Key.Key_Return)  # Enter follows the link
    assert window.current_page().key != "review"
    assert window.current_page().current_item_id() == luis
