"""The plan model: what it holds, what it must never hold, and how people are referenced."""

from __future__ import annotations

import dataclasses
import re
import typing

from prepkit import plan as p
from prepkit.exchange import to_data

FORBIDDEN = re.compile(
    r"immigration|citizenship|visa|ssn|social_security|itin|passport_number|"
    r"member_number|document_number|country_of_citizenship",
    re.I,
)


def _field_names(cls: type, seen: set[type] | None = None) -> set[str]:
    seen = seen or set()
    if cls in seen:
        return set()
    seen.add(cls)
    names: set[str] = set()
    for f in dataclasses.fields(cls):
        names.add(f.name)
        for arg in (typing.get_type_hints(cls)[f.name], *typing.get_args(
                typing.get_type_hints(cls)[f.name])):
            if dataclasses.is_dataclass(arg):
                names |= _field_names(arg, seen)  # type: ignore[arg-type]
    return names


def test_nothing_from_the_never_collect_list_exists_in_the_model() -> None:
    names = _field_names(p.Plan)
    assert len(names) > 80  # the walk reached every section
    assert not [n for n in names if FORBIDDEN.search(n)]


def test_private_section_is_separate_and_dropped_by_construction() -> None:
    plan = p.Plan(private=p.PrivateSection(a_number="A-123"), code_word="owl")
    copy = plan.without_private()
    assert copy.private is None and plan.private is not None
    assert "A-123" not in str(to_data(copy))
    assert copy.code_word == "owl"


def test_removing_a_person_removes_every_reference() -> None:
    aunt = p.Contact(name="Rosa")
    neighbour = p.Contact(name="Lee")
    child = p.Child(legal_name="Ana")
    child.pickup.authorized = [aunt.id, neighbour.id]
    child.if_not_home.first_pickup = aunt.id
    child.if_not_home.tells_school = aunt.id
    plan = p.Plan(contacts=[aunt, neighbour], children=[child])
    assert [w.name for w in plan.authorized_people(child)] == ["Rosa", "Lee"]
    plan.remove_person(aunt.id)
    assert [w.name for w in plan.authorized_people(child)] == ["Lee"]
    assert child.if_not_home.first_pickup == "" and child.if_not_home.tells_school == ""


def test_move_reorders_and_clamps() -> None:
    items = ["a", "b", "c"]
    assert p.move(items, 2, -1) == 1 and items == ["a", "c", "b"]
    assert p.move(items, 0, -5) == 0 and items == ["a", "c", "b"]
    assert p.move(items, 0, 10) == 2 and items == ["c", "b", "a"]
    assert p.move(items, 7, 1) == 7 and items == ["c", "b", "a"]


def test_ids_are_random_not_derived_from_names() -> None:
    a, b = p.Contact(name="Same"), p.Contact(name="Same")
    assert a.id != b.id and "Same" not in a.id
