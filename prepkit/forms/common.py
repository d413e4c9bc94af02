"""Pieces more than one document prints: who a person is, a child's vital information sheet,
the contacts table, where documents are, the first 24-72 hours.

Each piece prints only what it is given: documents decide what goes to whom (PLAN-CONTENT.md,
"Printed documents"), so a piece never reaches for more of the plan than it was handed.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from prepkit import labels
from prepkit.forms.layout import WriteLine
from prepkit.forms.writer import LABEL, Writer
from prepkit.i18n import N_
from prepkit.plan import (
    Caregiver,
    Child,
    Contact,
    DocumentKind,
    DocumentPlace,
    Documents,
    FirstHours,
    NoOneThere,
    Parent,
    Plan,
)

Person = Parent | Contact | Caregiver

PARENT = N_("Parent or guardian")

DOCUMENT_KINDS = labels.DOCUMENT_KINDS

NO_ONE_THERE: dict[NoOneThere, str] = {
    NoOneThere.UNSET: "",
    NoOneThere.STAY_ON_BUS: N_("Stay on the bus and tell the driver."),
    NoOneThere.BACK_TO_SCHOOL: N_("Go back to school and tell the office."),
    NoOneThere.NEIGHBOUR: N_("Go to the neighbor named below."),
}


def relationship(w: Writer, person: Person) -> str:
    if isinstance(person, Parent):
        return w.both(PARENT)
    return person.relationship


def person_phones(w: Writer, person: Person) -> str:
    return w.phones(person.phones)


def name_of(plan: Plan, person_id: str) -> str:
    who = plan.person(person_id)
    return who.name if who else ""


def phones_of(w: Writer, plan: Plan, person_id: str) -> str:
    who = plan.person(person_id)
    return w.phones(who.phones) if who else ""


def people_table(w: Writer, people: list[Person], numbered: bool = True) -> None:
    """Name, relationship, phones: the adults to call or release a child to, in order."""
    rows: list[list[object]] = [
        [f"{i}.", n.name, relationship(w, n), person_phones(w, n)] for i, n in enumerate(people, 1)
    ]
    if w.blank:
        rows = numbered_blank_rows(4, 3)
    w.table(
        [N_("Order"), N_("Name"), N_("Relationship"), N_("Phone numbers")],
        rows,
        [0.07, 0.35, 0.30, 0.28],
        blank_rows=4,
    )


def numbered_blank_rows(count: int, columns: int) -> list[list[object]]:
    return [[f"{i}.", *(WriteLine(22) for _ in range(columns))] for i in range(1, count + 1)]


def parents_table(w: Writer, parents: list[Parent]) -> None:
    rows = [[p.name, w.phones(p.phones)] for p in parents]
    w.table([N_("Name"), N_("Phone numbers")], rows, [0.55, 0.45], blank_rows=2)


def contacts_table(w: Writer, contacts: list[Contact]) -> None:
    rows: list[list[object]] = [
        [
            f"{i}.",
            c.name,
            c.relationship,
            w.phones(c.phones),
            w.yes_no(c.may_pick_up),
            w.yes_no(c.knows_plan),
        ]
        for i, c in enumerate(contacts, 1)
    ]
    if w.blank:
        rows = numbered_blank_rows(6, 5)
    w.table(
        [
            N_("Order"),
            N_("Name"),
            N_("Relationship"),
            N_("Phone numbers"),
            N_("May pick up"),
            N_("Knows the plan"),
        ],
        rows,
        [0.06, 0.27, 0.17, 0.26, 0.12, 0.12],
        blank_rows=6,
    )


def child_sheet(w: Writer, child: Child) -> None:
    """The vital information sheet: what a caregiver needs to look after this child."""
    w.fields(
        [
            (N_("Legal name"), child.legal_name),
            (N_("Name the child answers to"), child.called_name),
            (N_("Date of birth"), w.date(child.birth_date)),
            (N_("Languages the child speaks"), child.languages),
        ]
    )
    w.subheading(N_("School and care"))
    w.fields(
        [
            (N_("School"), child.school.name),
            (N_("School phone"), w.phone(child.school.phone)),
            (N_("Grade"), child.school.grade),
            (N_("Teacher"), child.school.teacher),
            (
                N_("Bus route and stop"),
                w.join(child.bus_route, child.bus_stop),
            ),
            (N_("After-school program or child care"), child.after_school.name),
            (N_("After-school phone"), w.phone(child.after_school.phone)),
        ]
    )
    w.subheading(N_("Health"))
    w.fields(
        [
            (N_("Doctor"), _place(w, child.doctor.name, child.doctor.phone)),
            (N_("Dentist"), _place(w, child.dentist.name, child.dentist.phone)),
            (N_("Pharmacy"), _place(w, child.pharmacy.name, child.pharmacy.phone)),
            (N_("Health insurance plan"), child.insurance_plan),
            (N_("Where the insurance card is kept"), child.insurance_card_kept),
            (N_("Allergies"), child.allergies),
            (N_("Conditions"), child.conditions),
            (N_("Special needs, IEP or 504 plan"), child.special_needs),
        ]
    )
    meds = [[m.name, m.dose, m.times, m.kept_where] for m in child.medications]
    if meds or w.blank:
        w.subheading(N_("Medicines"))
        w.table(
            [N_("Medicine"), N_("Dose"), N_("Times"), N_("Where it is kept")],
            meds,
            [0.3, 0.2, 0.25, 0.25],
            blank_rows=3,
        )
    w.subheading(N_("Daily life"))
    w.fields(
        [
            (N_("Food needs"), child.food_needs),
            (N_("Religious needs"), child.religious_needs),
            (N_("Routines"), child.routines),
            (N_("Comfort items"), child.comfort_items),
            (N_("Favorite book or toy"), child.favourites),
            (N_("What the child has been told"), child.what_child_was_told),
            (N_("Who the child knows will come"), child.knows_who_comes),
        ]
    )


def _place(w: Writer, name: str, phone: object) -> str:
    number = w.phone(phone)  # type: ignore[arg-type]
    return w.join(name, number)


def if_not_home(w: Writer, plan: Plan, child: Child) -> None:
    """G. What happens to this child if a parent cannot come home."""
    g = child.if_not_home
    first, second = plan.person(g.first_pickup), plan.person(g.second_pickup)
    w.fields(
        [
            (N_("Picks up first"), _who(w, first)),
            (N_("Picks up second"), _who(w, second)),
            (N_("Where the child goes"), g.goes_to_address),
            (
                N_("If no one is home or at the bus stop"),
                w.sentence(NO_ONE_THERE[g.no_one_there]) if g.no_one_there else "",
            ),
            (N_("Neighbor"), w.join(g.neighbour_name, g.neighbour_address)),
            (N_("Who tells the school"), name_of(plan, g.tells_school)),
            (N_("Notes"), g.notes),
        ]
    )


def if_not_home_steps(w: Writer, plan: Plan, child: Child) -> list[list[Flowable]]:
    """G. as a list of steps, in the order they happen: who comes, where the child goes, what
    the child does meanwhile, who tells the school.  A step with nothing decided is left out
    (in a blank copy each is there to fill in)."""
    g = child.if_not_home
    first, second = plan.person(g.first_pickup), plan.person(g.second_pickup)
    steps: list[list[Flowable]] = []
    if first or w.blank:
        first_step = N_("First, call {person} to pick up the child.")
        steps.append(w.line(first_step, person=_who(w, first)))
    if second or w.blank:
        steps.append(w.line(N_("If they cannot come, call {person}."), person=_who(w, second)))
    if g.goes_to_address or w.blank:
        steps.append(w.line(N_("The child goes to {address}."), address=g.goes_to_address))
    if g.no_one_there or w.blank:
        step = w.line(N_("If no one is home or at the bus stop"), LABEL)
        if w.blank:
            step += w.choices([(msgid, False) for msgid in NO_ONE_THERE.values() if msgid])
        else:
            step += w.line(NO_ONE_THERE[g.no_one_there])
        neighbour = w.join(g.neighbour_name, g.neighbour_address)
        if g.no_one_there is NoOneThere.NEIGHBOUR or neighbour or w.blank:
            step += w.line(N_("Neighbor"), LABEL) + (
                w.value(neighbour) if neighbour else [WriteLine(18)] if w.blank else []
            )
        steps.append(step)
    teller = plan.person(g.tells_school)
    if teller or w.blank:
        steps.append(w.line(N_("{person} tells the school."), person=_who(w, teller)))
    return steps


def _who(w: Writer, person: Person | None) -> str:
    if person is None:
        return ""
    return w.join(person.name, w.phones(person.phones))


FIRST_HOURS_STEPS: list[tuple[str, str]] = [
    ("call_legal_help", N_("Call the lawyer or legal aid on this plan.")),
    (
        "use_detainee_locator",
        N_("Find the parent with the ICE online detainee locator (locator.ice.gov)."),
    ),
    ("call_consulate", N_("Call the consulate.")),
    ("get_documents", N_("Get the documents listed in this plan from where they are kept.")),
    (
        "bring_papers_to_school_and_doctor",
        N_("Bring the signed caregiver papers to the school and the doctor."),
    ),
]


def first_hours(w: Writer, hours: FirstHours) -> None:
    """The caregiver's first 24-72 hours, as a list of steps the family agreed on."""
    chosen = [msgid for attr, msgid in FIRST_HOURS_STEPS if w.blank or getattr(hours, attr)]
    w.steps([N_("Make sure the children are safe, fed and with someone they know."), *chosen])
    if hours.notes:
        w.data(hours.notes)


def documents_list(w: Writer, documents: Documents) -> None:
    """H. Where each kind of paper is kept (a place, never a number), as checkboxes."""
    places = {p.kind: p for p in documents.places if p.kind is not DocumentKind.OTHER}
    for kind, msgid in DOCUMENT_KINDS.items():
        if kind is DocumentKind.OTHER:
            continue
        place = places.get(kind)
        if place is None and not w.blank:
            continue
        where = place.kept_where if place else ""
        w.checks([(msgid, bool(where), where)])
    # The family may list any number of papers of their own ("other").
    others = [p for p in documents.places if p.kind is DocumentKind.OTHER]
    for place in others or ([DocumentPlace(kind=DocumentKind.OTHER)] if w.blank else []):
        where = w.join(place.label, place.kept_where)
        w.checks([(DOCUMENT_KINDS[DocumentKind.OTHER], bool(where), where)])
    w.fields([(N_("Who holds copies"), documents.copies_held_by)])
