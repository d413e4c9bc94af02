"""Store features the kiosk and the counselor's desk rely on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from prepkit.plan import Child, Mode, Parent, Plan
from prepkit.store import NotShared, Store

STAFF = "staff of the lincoln school 7"
FAMILY = "blue river 42 lanterns"


def family(name: str) -> Plan:
    plan = Plan(mode=Mode.KIOSK)
    plan.parents.append(Parent(name=name))
    plan.children.append(Child(legal_name=name + " junior"))
    return plan


def test_kiosk_settings_are_kept_apart_from_the_resume_hint(tmp_path: Path):
    with Store.open(tmp_path / "k.sqlite3") as store:
        assert store.kiosk_settings() == {}
        store.set_kiosk_settings({"retention_days": 90, "close_after_s": 300})
        store.set_ui_state({"step": "family"})  # the home app rewrites its hint whole
        assert store.kiosk_settings() == {"retention_days": 90, "close_after_s": 300}
        with pytest.raises(ValueError):
            store.set_kiosk_settings({"name": "Rosa"})  # type: ignore[dict-item]
    with Store.open(tmp_path / "k.sqlite3") as store:
        assert store.kiosk_settings()["retention_days"] == 90


def test_the_staff_key_opens_only_consenting_plans(tmp_path: Path):
    with Store.open(tmp_path / "k.sqlite3") as store:
        store.set_staff_passphrase(STAFF)
        yes = store.create_household(family("Ana"), FAMILY, kiosk=True)
        no = store.create_household(family("Rosa"), FAMILY, kiosk=True)
        store.grant_consent(yes)
        staff = store.unlock_staff(STAFF)
        assert [h.id for h in store.consented_households()] == [yes.household_id]
        assert store.load(store.unlock_as_staff(yes.household_id, staff)).parents[0].name == "Ana"
        with pytest.raises(NotShared):
            store.unlock_as_staff(no.household_id, staff)
        store.withdraw_consent(yes)
        with pytest.raises(NotShared):
            store.unlock_as_staff(yes.household_id, staff)


def test_stale_kiosk_plans_go_after_n_days(tmp_path: Path):
    start = datetime(2025, 1, 6, tzinfo=UTC)
    with Store.open(tmp_path / "k.sqlite3", clock=lambda: start) as store:
        old = store.create_household(family("Ana"), FAMILY, kiosk=True)
    later = start + timedelta(days=100)
    with Store.open(tmp_path / "k.sqlite3", clock=lambda: later) as store:
        fresh = store.create_household(family("Rosa"), FAMILY, kiosk=True)
        assert store.purge_stale_kiosk_households(365, now=later) == []
        assert store.purge_stale_kiosk_households(99, now=later) == [old.household_id]
        assert [h.id for h in store.list_households()] == [fresh.household_id]


def test_search_cards_hold_only_names_and_only_for_consenting_families(tmp_path: Path) -> None:
    from prepkit.plan import Child, Parent, Plan

    with Store.open(tmp_path / "cards.sqlite3") as store:
        store.set_staff_passphrase("staff passphrase 123")
        staff = store.unlock_staff("staff passphrase 123")
        shared = store.create_household(
            Plan(parents=[Parent(name="Zainab Qarshi")], children=[Child(legal_name="Omar Q")]),
            "family one")
        private = store.create_household(Plan(parents=[Parent(name="Kept Private")]), "two")
        store.grant_consent(shared)
        plan = store.load(shared)
        plan.children[0].called_name = "Omi"
        plan.code_word = "Pelican"
        store.save(shared, plan)
        cards = store.search_cards(staff)
        assert [c.household.id for c in cards] == [shared.household_id]
        assert cards[0].parents == ("Zainab Qarshi",)
        assert cards[0].children == (("Omar Q", "Omi"),)  # follows every save
        raw = (tmp_path / "cards.sqlite3").read_bytes()
        assert b"Zainab" not in raw and b"Omi" not in raw
        store.delete_household(shared.household_id)
        assert store.search_cards(staff) == []
        assert private.household_id in [h.id for h in store.list_households()]


def test_a_schema_1_file_is_upgraded_and_its_families_stay_searchable(tmp_path: Path) -> None:
    import sqlite3

    from sqlite_utils import Database

    from prepkit.store import schema

    path = tmp_path / "old.sqlite3"
    with Store.open(path) as store:
        store.set_staff_passphrase("staff passphrase 123")
        session = store.create_household(Plan(parents=[Parent(name="Ana Old")]), "family one")
        store.grant_consent(session)
    # Turn it back into what version 1 wrote: no search cards table, user_version 1.
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE search_cards")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_search_cards'")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store.open(path) as store:
        staff = store.unlock_staff("staff passphrase 123")
        assert [c.parents for c in store.search_cards(staff)] == [("Ana Old",)]
        names = [m.name for m in schema.migrations.applied(Database(store._conn))]
        assert names == ["0001_initial", "0002_search_cards"]


def test_one_damaged_search_card_does_not_hide_the_other_families(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "cards.sqlite3"
    with Store.open(path) as store:
        store.set_staff_passphrase("staff passphrase 123")
        first = store.create_household(Plan(parents=[Parent(name="Ana One")]), "family one")
        second = store.create_household(Plan(parents=[Parent(name="Bo Two")]), "family two")
        store.grant_consent(first)
        store.grant_consent(second)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE search_cards SET blob = zeroblob(40) WHERE household_id = ?",
                 (first.household_id,))
    conn.execute("UPDATE revisions SET blob = zeroblob(40) WHERE household_id = ?",
                 (first.household_id,))
    conn.close()
    with Store.open(path) as store:
        staff = store.unlock_staff("staff passphrase 123")
        assert [c.parents for c in store.search_cards(staff)] == [("Bo Two",)]
