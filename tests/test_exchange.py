"""Plan files: exact round trips, and strict refusal of anything that is not a plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from prepkit import exchange
from prepkit.exchange import PlanFileError
from prepkit.plan import Child, Parent, Phone, Plan, PrivateSection

from .strategies import plans


@given(plans)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_any_plan_survives_json_round_trip(plan: Plan) -> None:
    assert exchange.loads(exchange.dumps(plan)) == plan


def _document(**plan_fields: object) -> bytes:
    return json.dumps({"format": "prepkit-plan", "version": 1, "plan": plan_fields}).encode()


def test_file_round_trip_keeps_text_exactly_as_typed(tmp_path: Path) -> None:
    plan = Plan(parents=[Parent(name="  María  José\u200d ", phones=[Phone("(508) 555-0142")])])
    path = tmp_path / "plan.json"
    path.write_bytes(exchange.dumps(plan))
    again = exchange.loads(path.read_bytes())
    assert again.parents[0].name == "  María  José\u200d "
    assert again.parents[0].phones[0].text == "(508) 555-0142"


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"format": "prepkit-plan", "version": 1, "plan": {', "damaged or incomplete"),
        (b"\xff\xfe\x00garbage", "not a text file"),
        (b"[1, 2, 3]", "not a prepkit plan"),
        (b'{"format": "other", "version": 1, "plan": {}}', "not a prepkit plan"),
        (b'{"format": "prepkit-plan", "plan": {}}', "no version"),
        (b'{"format": "prepkit-plan", "version": "1", "plan": {}}', "no version"),
        (b'{"format": "prepkit-plan", "version": 99, "plan": {}}', "newer version"),
        (b'{"format": "prepkit-plan", "version": 1}', "no plan"),
        (b'{"format": "prepkit-plan", "version": 1, "version": 1, "plan": {}}', "repeats"),
        (b'{"format": "prepkit-plan", "version": 1, "plan": {}, "x": 1}', "unknown field"),
        (b'{"format": "prepkit-plan", "version": 1, "plan": {"code_word": NaN}}', "not allowed"),
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    ],
)
def test_bad_files_are_refused_with_one_clear_message(raw: bytes, says: str) -> None:
    with pytest.raises(PlanFileError) as caught:
        exchange.loads(raw)
    assert says in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("plan_fields", "says"),
    [
        ({"children": {"a": 1}}, "plan.children should be a list"),
        ({"children": [{"birth_date": 20180304}]}, "plan.children[0].birth_date should be a date"),
        ({"children": [{"birth_date": "2018-02-31"}]}, "should be a date"),
        ({"parents": [{"name": ["x"]}]}, "plan.parents[0].name should be text"),
        ({"contacts": [{"may_pick_up": "yes"}]}, "should be yes or no"),
        ({"caregivers": [{"paper": "forged"}]}, "value that is not allowed"),
        ({"parents": [{"ssn": "123-45-6789"}]}, "unknown field: ssn"),
        ({"parents": [{"immigration_status": "x"}]}, "unknown field"),
        ({"code_word": "x" * (exchange.MAX_STRING + 1)}, "too long"),
        ({"contacts": [{}] * (exchange.MAX_ITEMS + 1)}, "too many"),
        ({"private": "x"}, "plan.private should be an object"),
    ],
)
def test_wrong_types_and_hostile_values_name_the_problem(plan_fields: dict, says: str) -> None:
    with pytest.raises(PlanFileError) as caught:
        exchange.loads(_document(**plan_fields))
    assert says in str(caught.value)


def test_oversized_file_is_refused_before_parsing() -> None:
    raw = b" " * (exchange.MAX_FILE_BYTES + 1)
    with pytest.raises(PlanFileError, match="too large"):
        exchange.loads(raw)


def test_encrypted_export_needs_the_right_passphrase() -> None:
    plan = Plan(children=[Child(legal_name="Lía Pérez")], private=PrivateSection(a_number="A1"))
    raw = exchange.dumps_encrypted(plan, "blue river 42")
    assert b"L\xc3\xada" not in raw and "Lía".encode() not in raw
    assert exchange.is_encrypted(raw)
    assert exchange.loads_encrypted(raw, "blue river 42") == plan
    with pytest.raises(PlanFileError, match="passphrase is not right"):
        exchange.loads_encrypted(raw, "blue river 43")
    with pytest.raises(PlanFileError, match="locked with a passphrase"):
        exchange.loads(raw)


def test_tampered_encrypted_file_is_refused() -> None:
    raw = json.loads(exchange.dumps_encrypted(Plan(code_word="owl"), "pw"))
    raw["kdf"]["memory_kib"] = 10**12  # a hostile file asking for a terabyte of memory
    with pytest.raises(PlanFileError, match="damaged"):
        exchange.loads_encrypted(json.dumps(raw).encode(), "pw")


def test_schema_document_names_every_top_level_section() -> None:
    schema = json.loads((Path(__file__).parents[1] / "docs" / "plan.schema.json").read_text())
    sections = set(exchange.to_data(Plan()))
    assert sections == set(schema["properties"]["plan"]["properties"])
    assert schema["properties"]["version"]["const"] == exchange.VERSION


def test_schema_document_is_up_to_date_with_the_model() -> None:
    committed = json.loads((Path(__file__).parents[1] / "docs" / "plan.schema.json").read_text())
    assert committed == exchange.json_schema(), "run tools/make_schema.py"


def test_locked_file_cannot_ask_for_more_than_a_gigabyte_of_memory() -> None:
    raw = json.loads(exchange.dumps_encrypted(Plan(code_word="owl"), "pw"))
    raw["kdf"]["memory_kib"] = exchange.MAX_KDF_MEMORY_KIB + 1
    with pytest.raises(PlanFileError, match="damaged"):
        exchange.loads_encrypted(json.dumps(raw).encode(), "pw")


def test_the_same_file_always_imports_to_the_same_plan() -> None:
    raw = _document(caregivers=[{"name": "Rosa"}, {}], contacts=[{"name": "Lee"}])
    first, again = exchange.loads(raw), exchange.loads(raw)
    assert first == again
    assert len({first.caregivers[0].id, first.caregivers[1].id, first.contacts[0].id}) == 3


def test_a_stored_phone_form_that_disagrees_with_the_text_is_recomputed() -> None:
    raw = _document(parents=[{"name": "Rosa", "phones": [
        {"text": "(508) 555-0142", "e164": "+15089990000", "kind": "mobile"},
        {"text": "call the office", "e164": "+15081112222", "kind": "work"},
    ]}])
    phones = exchange.loads(raw).parents[0].phones
    assert [(ph.text, ph.e164) for ph in phones] == [("(508) 555-0142", "+15085550142"),
                                                      ("call the office", "")]


@pytest.mark.parametrize(("change", "says"), [
    ({"kdf": {"time_cost": 1e400}}, "damaged"),
    ({"version": 0}, "unknown version"),
    ({"version": 7}, "newer version"),
])
def test_locked_files_with_odd_headers_get_a_clear_message(change: dict, says: str) -> None:
    raw = json.loads(exchange.dumps_encrypted(Plan(code_word="owl"), "pw"))
    for key, value in change.items():
        if isinstance(value, dict):
            raw[key].update(value)
        else:
            raw[key] = value
    text = json.dumps(raw).replace('"time_cost": Infinity', '"time_cost": 1e400')
    with pytest.raises(PlanFileError, match=says):
        exchange.loads_encrypted(text.encode(), "pw")
