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
