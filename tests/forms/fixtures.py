"""Sample plans for the document tests and the gallery.

Every value is distinctive so a test can tell which document it leaked into: the code word, the
A-number and the allergies each appear once here and must appear only where they belong.
"""

from __future__ import annotations

from datetime import date

from prepkit.plan import (
    Caregiver,
    CaregiverPaper,
    CareTerm,
    Child,
    Communication,
    Contact,
    DocumentKind,
    DocumentPlace,
    Documents,
    IfNotHome,
    LegalContact,
    LegalHelp,
    Medication,
    Mode,
    NamedPlace,
    NoOneThere,
    PaperStatus,
    Parent,
    Phone,
    PickupAuthorization,
    Plan,
    PlanRecord,
    PrivateSection,
    School,
)

CODE_WORD = "Mangotree"
A_NUMBER = "A-201-555-901"
LAWYER = "Quincy Oyelaran-Brookfield"
ALLERGY = "Peanuts and penicillin"
HEALTH_NOTE = "Carries an inhaler in her backpack"
CONDITION = "Mild asthma"


def ph(text: str) -> Phone:
    return Phone(text=text)


def sample_plan(mode: Mode = Mode.HOME) -> Plan:
    mother = Parent(
        id="p1",
        name="Rosa Elena Martínez",
        phones=[ph("508-555-0142")],
        spoken_language="es",
        best_hours="6-9 pm",
        work_name="Clean Star Services",
        work_phone=ph("508-555-0190"),
    )
    father = Parent(id="p2", name="Nguyễn Văn Bình", phones=[ph("508-555-0177")])
    aunt = Contact(
        id="c1",
        name="Amina Haddad",
        relationship="Aunt",
        phones=[ph("774-555-0123")],
        may_pick_up=True,
        knows_plan=True,
        near_school=True,
    )
    neighbour = Contact(
        id="c2",
        name="محمد الأحمد",
        relationship="Neighbour",
        phones=[ph("508-555-0111")],
        may_pick_up=True,
    )
    grandma = Contact(
        id="c3",
        name="Lucía Gómez",
        relationship="Grandmother",
        phones=[ph("+52 55 1234 5678")],
        in_another_country=True,
    )
    carer = Caregiver(
        id="g1",
        name="Amina Haddad Okafor",
        relationship="Aunt",
        address="12 Elm Street, Worcester, MA 01604",
        phones=[ph("774-555-0188")],
        languages="Spanish, English",
        agreed_on=date(2025, 3, 2),
        term=CareTerm.LONG,
        costs_covered_by="Family savings",
        paper=CaregiverPaper.CAREGIVER_AFFIDAVIT,
        paper_status=PaperStatus.NOTARIZED,
        paper_expires_on=date(2027, 3, 1),
        original_kept="Blue folder in the kitchen drawer",
        copies_held_by="School office, Dr. Patel",
    )
    backup = Caregiver(
        id="g2", name="Jean-Baptiste Pierre", relationship="Friend", phones=[ph("617-555-0155")]
    )

    def kid(cid: str, legal: str, called: str, grade: str, born: date) -> Child:
        return Child(
            id=cid,
            legal_name=legal,
            called_name=called,
            birth_date=born,
            school=School(
                name="Chandler Elementary",
                phone=ph("508-555-0300"),
                grade=grade,
                teacher="Ms. Kowalski",
            ),
            bus_route="Route 14",
            bus_stop="Elm and Main",
            doctor=NamedPlace(name="Dr. Anjali Patel", phone=ph("508-555-0400")),
            insurance_plan="MassHealth",
            insurance_card_kept="Wallet",
            languages="Spanish, English",
            routines="Reads before bed",
            comfort_items="Blue blanket",
            pickup=PickupAuthorization(authorized=["p1", "p2", "c1", "c2"]),
            if_not_home=IfNotHome(
                first_pickup="c1",
                second_pickup="g2",
                goes_to_address="12 Elm Street, Worcester",
                no_one_there=NoOneThere.BACK_TO_SCHOOL,
                tells_school="c1",
            ),
        )

    sofia = kid("k1", "Sofía Martínez Nguyễn", "Sofi", "3", date(2016, 5, 14))
    sofia.allergies = ALLERGY
    sofia.conditions = CONDITION
    sofia.health_note_for_school = HEALTH_NOTE
    sofia.medications = [Medication("Albuterol", "2 puffs", "As needed", "Backpack")]
    mateo = kid("k2", "Mateo Martínez Nguyễn", "", "1", date(2018, 9, 2))
    lina = kid("k3", "Lina Martínez Nguyễn", "Lini", "Pre-K", date(2021, 1, 20))
    lina.school = School(name="Worcester Pre-K Center", grade="Pre-K")
    return Plan(
        record=PlanRecord(made_on=date(2025, 3, 10), review_by=date(2025, 9, 10)),
        parents=[mother, father],
        children=[sofia, mateo, lina],
        contacts=[aunt, neighbour, grandma],
        caregivers=[carer, backup],
        code_word=CODE_WORD,
        documents=Documents(
            places=[
                DocumentPlace(DocumentKind.BIRTH_CERTIFICATES, "Blue folder, kitchen drawer"),
                DocumentPlace(DocumentKind.PASSPORTS, "Locked box under the bed"),
                DocumentPlace(DocumentKind.CAREGIVER_PAPERS, "With Amina"),
            ],
            copies_held_by="Amina Haddad",
        ),
        legal_help=LegalHelp(contacts=[LegalContact("Worcester Legal Aid", ph("508-555-0600"))]),
        communication=Communication(
            memorize=[ph("508-555-0142"), ph("774-555-0123")],
            meeting_place="Worcester Public Library, main entrance",
        ),
        mode=mode,
        private=PrivateSection(
            lawyer_name=LAWYER,
            lawyer_phone=ph("617-555-0999"),
            g28_kept="Envelope with the lawyer",
            a_number=A_NUMBER,
            consulate_phone=ph("617-555-0888"),
        ),
    )
