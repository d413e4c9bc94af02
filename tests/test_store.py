"""The store on a real file: encryption at rest, sessions, history, sharing, deletion."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepkit import crypto
from prepkit.plan import Caregiver, Child, Contact, Parent, Phone, Plan, PrivateSection
from prepkit.store import (
    AlreadyOpen,
    HouseholdNotFound,
    NoStaffKey,
    NotShared,
    ReadOnlySession,
    SessionLocked,
    StaffKeyExists,
    Store,
    WrongPassphrase,
)
from prepkit.store.errors import DamagedFile
from prepkit.store.schema import APPLICATION_ID, SCHEMA_VERSION

PASS = "correct horse battery staple"
PYTHON = "/work/venv/bin/python"
REPO = Path(__file__).resolve().parent.parent

# Markers that must never appear in clear, whatever the encoding.
MARKERS = ["Zorblatt-Quixley", "555-0199-8642", "77 Wuthering Lane", "Ñandú-玛丽亚-أمينة"]


def marked_plan(tag: str = "", counter: int = 0) -> Plan:
    """A typical plan carrying unique marker strings in names, phones and addresses.

    Fixed person ids: two calls with the same arguments give equal plans.
    """
    return Plan(
        parents=[
            Parent(id="p1", name=f"{MARKERS[0]}{tag}", phones=[Phone(text=f"{MARKERS[1]}{tag}")]),
            Parent(id="p2", name=f"{MARKERS[3]}{tag}", best_hours="evenings", work_name="Bakery"),
        ],
        children=[
            Child(
                id=f"c{i}", legal_name=f"Child {i} {tag}", allergies="peanuts", routines="bath at 7"
            )
            for i in range(3)
        ],
        contacts=[
            Contact(
                id=f"k{i}",
                name=f"Contact {i}",
                relationship="aunt",
                phones=[Phone(text="555 0100")],
            )
            for i in range(4)
        ],
        caregivers=[Caregiver(id="g1", name="Care Giver", address=f"{MARKERS[2]}{tag}")],
        code_word=f"counter-{counter}",
    )


def encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def raw_bytes(path: Path) -> bytes:
    """The database file and its WAL, as they are on disk right now."""
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


def assert_absent(data: bytes, needles: list[bytes]) -> None:
    for needle in needles:
        assert needle not in data, f"found {needle[:40]!r} in the raw file"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "prepkit.sqlite3"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(db_path, clock=clock) as opened:
        yield opened


# --- the file --------------------------------------------------------------------------------


def test_new_file_is_a_prepkit_store_in_wal_mode(store: Store, db_path: Path) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"households", "household_keys", "revisions", "pdfs", "copies", "staff_key"} <= tables
    applied = conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert applied == [("0001_initial",), ("0002_search_cards",)]
    store.close()
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_open_without_create_refuses_a_missing_file(tmp_path: Path) -> None:
    from prepkit.store import FileMissing

    with pytest.raises(FileMissing):
        Store.open(tmp_path / "nothing.sqlite3", create=False)
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_second_open_in_the_same_process_is_refused(store: Store, db_path: Path) -> None:
    with pytest.raises(AlreadyOpen) as caught:
        Store.open(db_path)
    assert "already open" in str(caught.value)
    store.create_household(Plan(), PASS)  # the first one is unharmed


def test_second_process_is_refused_and_writes_nothing(store: Store, db_path: Path) -> None:
    store.create_household(marked_plan(), PASS)
    # The child fingerprints the files itself: reading them from *this* process would close a
    # descriptor of the database, and POSIX then drops every lock this process holds on it.
    code = (
        "import hashlib, os, sys\n"
        "from prepkit.store import Store, AlreadyOpen\n"
        "def digest(p):\n"
        "    if not os.path.exists(p): return None\n"
        "    return hashlib.sha256(open(p, 'rb').read()).hexdigest()\n"
        "def state():\n"
        "    return [digest(sys.argv[1] + suffix) for suffix in ('', '-wal', '-shm')]\n"
        "before = state()\n"
        "try:\n"
        "    Store.open(sys.argv[1])\n"
        "except AlreadyOpen:\n"
        "    print('already-open')\n"
        "else:\n"
        "    print('opened')\n"
        "print(state() == before, state()[2])\n"
    )
    done = subprocess.run(
        [PYTHON, "-c", code, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.stdout.split() == ["already-open", "True", "None"], done.stderr
    store.create_household(marked_plan(), PASS)  # the first one is unharmed


# --- households, plans, sessions -------------------------------------------------------------


def test_create_unlock_load_round_trip(db_path: Path) -> None:
    plan = marked_plan()
    with Store.open(db_path) as store:
        session = store.create_household(plan, PASS)
        assert store.load(session) == plan
    with Store.open(db_path, create=False) as store:
        again = store.unlock(session.household_id, PASS)
        assert store.load(again) == plan
        assert not again.read_only


def test_household_ids_are_random(store: Store) -> None:
    ids = {store.create_household(marked_plan(), PASS).household_id for _ in range(3)}
    assert len(ids) == 3
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_save_reports_the_change_and_identical_content_writes_nothing(
    store: Store, db_path: Path
) -> None:
    plan = marked_plan()
    session = store.create_household(plan, PASS)
    plan.code_word = "blue kite"
    change = store.save(session, plan)
    assert (change.household_id, change.revision, change.content_changed) == (
        session.household_id,
        2,
        True,
    )
    store._scrub()  # settle the WAL so "nothing written" can be seen in the bytes
    before = raw_bytes(db_path)
    same = store.save(session, plan)
    assert (same.revision, same.content_changed) == (2, False)
    # A session that has not read the plan yet still notices the content is identical.
    fresh = store.unlock(session.household_id, PASS)
    assert store.save(fresh, plan).content_changed is False
    assert raw_bytes(db_path) == before


def test_wrong_passphrase_touches_nothing(store: Store) -> None:
    session = store.create_household(marked_plan(), PASS)

    def rows() -> list[object]:
        conn = store._conn
        return [
            conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("households", "household_keys", "revisions")
        ]

    before = rows()
    with pytest.raises(WrongPassphrase) as caught:
        store.unlock(session.household_id, PASS + "!")
    assert "passphrase" in str(caught.value)
    assert rows() == before
    with pytest.raises(HouseholdNotFound):
        store.unlock("0" * 32, PASS)


def test_forget_drops_the_key(store: Store) -> None:
    session = store.create_household(marked_plan(), PASS)
    session.forget()
    assert "forgotten" in repr(session)
    for call in (store.load, store.history, store.list_pdfs, store.copies):
        with pytest.raises(SessionLocked):
            call(session)
    with pytest.raises(SessionLocked):
        store.save(session, Plan())


def test_kiosk_households_never_store_the_private_section(store: Store) -> None:
    plan = marked_plan()
    plan.private = PrivateSection(a_number="A-LAWYER-MARKER")
    session = store.create_household(plan, PASS, kiosk=True)
    assert store.load(session).private is None
    store.save(session, plan)
    assert store.load(session).private is None
    assert store.list_households()[0].kiosk is True
    home = store.create_household(plan, PASS)
    assert store.load(home).private == plan.private


def test_list_households_has_no_personal_data(store: Store, clock: Clock) -> None:
    first = store.create_household(marked_plan(), PASS)
    clock.advance(5)
    second = store.create_household(marked_plan(), PASS, kiosk=True)
    infos = store.list_households()
    assert [i.id for i in infos] == [second.household_id, first.household_id]
    assert infos[1].created == clock.now - timedelta(seconds=5)
    text = repr(infos)
    assert all(m not in text for m in MARKERS)


def test_change_passphrase_kills_the_old_one(store: Store, db_path: Path) -> None:
    session = store.create_household(marked_plan(), PASS)
    old_wrapped = bytes(store._conn.execute("SELECT blob FROM household_keys").fetchone()[0])
    store.change_passphrase(session, "a new phrase for us")
    with pytest.raises(WrongPassphrase):
        store.unlock(session.household_id, PASS)
    assert store.load(store.unlock(session.household_id, "a new phrase for us")) == marked_plan()
    assert old_wrapped[:32] not in raw_bytes(db_path)


def test_weak_kdf_parameters_are_raised_on_unlock(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create_household(marked_plan(), PASS)  # under the fast test parameters
    stronger = crypto.KdfParams(time_cost=2, memory_kib=64, parallelism=1)
    monkeypatch.setattr(crypto, "DEFAULT_KDF", stronger)
    store.unlock(session.household_id, PASS)
    (kdf,) = store._conn.execute("SELECT kdf FROM household_keys").fetchone()
    stored = crypto.KdfParams.from_json(json.loads(kdf))
    assert (stored.time_cost, stored.memory_kib) == (2, 64)
    assert len(stored.salt) == crypto.SALT_BYTES
    assert store.load(store.unlock(session.household_id, PASS)) == marked_plan()


def test_naive_clock_is_refused(db_path: Path) -> None:
    with (
        Store.open(db_path, clock=lambda: datetime(2026, 1, 1)) as store,
        pytest.raises(ValueError),
    ):
        store.create_household(Plan(), PASS)


# --- history ---------------------------------------------------------------------------------


def test_history_keeps_one_revision_per_interval_and_at_most_fifty(
    store: Store, clock: Clock
) -> None:
    session = store.create_household(marked_plan(counter=0), PASS)
    for i in range(1, 5):  # typing: all within one minute, replacing the newest slot
        clock.advance(10)
        store.save(session, marked_plan(counter=i))
    history = store.history(session)
    assert [r.number for r in history] == [5]
    assert history[0].saved - history[0].started == timedelta(seconds=40)
    clock.advance(30)  # 70 s after the slot began: a new slot
    store.save(session, marked_plan(counter=5))
    assert [r.number for r in store.history(session)] == [6, 5]
    assert store.load_revision(session, 5).code_word == "counter-4"
    for i in range(6, 70):
        clock.advance(61)
        store.save(session, marked_plan(counter=i))
    history = store.history(session)
    assert len(history) == 50
    assert history[0].number == store.save(session, marked_plan(counter=69)).revision


def test_undo_is_loading_an_earlier_revision_and_saving_it(store: Store, clock: Clock) -> None:
    session = store.create_household(marked_plan(counter=1), PASS)
    clock.advance(120)
    store.save(session, marked_plan(counter=666))  # the mistake
    earlier = store.history(session)[1].number
    clock.advance(120)
    store.save(session, store.load_revision(session, earlier))
    assert store.load(session).code_word == "counter-1"
    with pytest.raises(KeyError):
        store.load_revision(session, 999)


def test_going_back_keeps_the_version_it_replaces(store: Store, clock: Clock) -> None:
    session = store.create_household(marked_plan(counter=1), PASS)
    clock.advance(120)
    store.save(session, marked_plan(counter=2))  # kept work...
    clock.advance(5)  # ...and, within the same minute, the slot the family goes back from
    first = store.history(session)[-1].number
    restored = store.restore(session, first)
    assert restored.code_word == "counter-1" == store.load(session).code_word
    history = store.history(session)
    assert [store.load_revision(session, r.number).code_word for r in history] == [
        "counter-1", "counter-2", "counter-1"]
    store.restore(session, history[1].number)  # the undo undone
    assert store.load(session).code_word == "counter-2"
    with pytest.raises(KeyError):
        store.restore(session, 999)
    assert store.load(session).code_word == "counter-2"  # a wrong number changes nothing


# --- deletion --------------------------------------------------------------------------------


def test_purge_stale_kiosk_households(store: Store, clock: Clock) -> None:
    old_kiosk = store.create_household(marked_plan(), PASS, kiosk=True)
    home = store.create_household(marked_plan(), PASS)
    clock.advance(10 * 86400)
    fresh_kiosk = store.create_household(marked_plan(), PASS, kiosk=True)
    assert store.purge_stale_kiosk_households(7) == [old_kiosk.household_id]
    assert {i.id for i in store.list_households()} == {home.household_id, fresh_kiosk.household_id}
    assert store.purge_stale_kiosk_households(7, now=clock.now) == []


def test_deleted_household_leaves_no_bytes_in_the_file(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path, clock=clock) as store:
        keep = store.create_household(Plan(code_word="keep me"), "other pass")
        store.set_staff_passphrase("staff pass")
        gone = store.create_household(marked_plan("-gone"), PASS)
        store.grant_consent(gone)
        for i in range(5):  # several history slots, some replaced in place
            clock.advance(45)
            store.save(gone, marked_plan("-gone", counter=i))
        store.put_pdf(gone, "family_plan", "es", b"%PDF-1.7 " + b"Zorblatt" * 3000)
        store.put_pdf(gone, "school_letter", "es+en", b"%PDF-1.7 small")
        store.log_copy(gone, "school_letter", "es+en", "print", "Ms Zorblatt at the front desk")
        blobs = [
            bytes(row[0])
            for query in (
                "SELECT blob FROM revisions WHERE household_id = ?",
                "SELECT blob FROM pdfs WHERE household_id = ?",
                "SELECT blob FROM household_keys WHERE household_id = ?",
                "SELECT for_whom FROM copies WHERE household_id = ?",
            )
            for row in store._conn.execute(query, (gone.household_id,))
        ]
        assert len(blobs) >= 8
        store.delete_household(gone.household_id)
        # Scrubbed already while open, not only at close.
        assert_absent(raw_bytes(db_path), [b[:32] for b in blobs])
        assert store.load(store.unlock(keep.household_id, "other pass")).code_word == "keep me"
        with pytest.raises(HouseholdNotFound):
            store.load(gone)
    data = raw_bytes(db_path)
    assert_absent(data, [b[:32] for b in blobs])
    assert_absent(data, [b[-32:] for b in blobs])
    assert gone.household_id.encode() not in data


# --- encryption at rest ----------------------------------------------------------------------


def test_no_personal_text_or_passphrase_in_the_raw_file(db_path: Path, clock: Clock) -> None:
    needles = [e for m in [*MARKERS, PASS, "staff secret 42"] for e in encodings(m)]
    with Store.open(db_path, clock=clock) as store:
        store.set_staff_passphrase("staff secret 42")
        session = store.create_household(marked_plan(), PASS)
        store.grant_consent(session)
        for i in range(3):
            clock.advance(90)
            store.save(session, marked_plan(counter=i))
        store.put_pdf(session, "family_plan", "en", MARKERS[0].encode() * 10)
        store.log_copy(session, "family_plan", "en", "export", MARKERS[0])
        assert_absent(raw_bytes(db_path), needles)  # during the session, WAL included
        staff = store.unlock_staff("staff secret 42")
        store.load(store.unlock_as_staff(session.household_id, staff))
    assert_absent(raw_bytes(db_path), needles)


def test_rows_cannot_be_swapped_between_households(store: Store) -> None:
    a = store.create_household(marked_plan("-a"), PASS)
    b = store.create_household(marked_plan("-b"), PASS)
    pdf_a = store.put_pdf(a, "family_plan", "en", b"%PDF a")
    pdf_b = store.put_pdf(b, "family_plan", "en", b"%PDF b")
    conn = store._conn
    (blob_a,) = conn.execute("SELECT blob FROM revisions WHERE household_id=?", (a.household_id,))
    conn.execute("UPDATE revisions SET blob=? WHERE household_id=?", (blob_a[0], b.household_id))
    with pytest.raises(DamagedFile):
        store.load(b)
    (pblob_a,) = conn.execute("SELECT blob FROM pdfs WHERE id=?", (pdf_a,))
    conn.execute("UPDATE pdfs SET blob=? WHERE id=?", (pblob_a[0], pdf_b))
    with pytest.raises(DamagedFile):
        store.get_pdf(b, pdf_b)
    # Relabelling a document kind breaks it too: kind and language are bound to the bytes.
    conn.execute("UPDATE pdfs SET document='school_letter' WHERE id=?", (pdf_a,))
    with pytest.raises(DamagedFile):
        store.get_pdf(a, pdf_a)
    # A family key moved under another household does not open it.
    (key_a,) = conn.execute(
        "SELECT blob, checksum FROM household_keys WHERE household_id=?", (a.household_id,)
    )
    conn.execute(
        "UPDATE household_keys SET blob=?, checksum=? WHERE household_id=?",
        (key_a[0], key_a[1], b.household_id),
    )
    with pytest.raises(WrongPassphrase):
        store.unlock(b.household_id, PASS)


# --- staff and consent -----------------------------------------------------------------------


def test_staff_opens_only_consenting_households_read_only(store: Store) -> None:
    family = store.create_household(marked_plan(), PASS, kiosk=True)
    with pytest.raises(NoStaffKey):
        store.grant_consent(family)
    assert not store.has_staff_key()
    store.set_staff_passphrase("staff pass")
    assert store.has_staff_key()
    with pytest.raises(StaffKeyExists):
        store.set_staff_passphrase("someone else")
    with pytest.raises(WrongPassphrase):
        store.unlock_staff("nope")
    staff = store.unlock_staff("staff pass")
    other = store.create_household(marked_plan("-other"), PASS)

    with pytest.raises(NotShared):
        store.unlock_as_staff(family.household_id, staff)
    store.grant_consent(family)  # a kiosk needs only the family session for this
    assert [i.id for i in store.consented_households()] == [family.household_id]
    with pytest.raises(NotShared):
        store.unlock_as_staff(other.household_id, staff)

    counselor = store.unlock_as_staff(family.household_id, staff)
    assert counselor.read_only
    assert store.load(counselor) == marked_plan()
    with pytest.raises(ReadOnlySession):
        store.save(counselor, Plan())
    for forbidden in (store.grant_consent, store.withdraw_consent):
        with pytest.raises(ReadOnlySession):
            forbidden(counselor)
    with pytest.raises(ReadOnlySession):
        store.change_passphrase(counselor, "x")
    pdf_id = store.put_pdf(counselor, "school_letter", "en", b"%PDF reprint")
    store.log_copy(counselor, "school_letter", "en", "reprint", "front office")
    assert store.get_pdf(family, pdf_id) == b"%PDF reprint"

    store.withdraw_consent(family)
    assert store.consented_households() == []
    with pytest.raises(NotShared):
        store.unlock_as_staff(family.household_id, staff)


def test_changing_the_staff_passphrase_keeps_consents(store: Store) -> None:
    store.set_staff_passphrase("first staff pass")
    family = store.create_household(marked_plan(), PASS)
    store.grant_consent(family)
    staff = store.unlock_staff("first staff pass")
    store.set_staff_passphrase("second staff pass", current=staff)
    with pytest.raises(WrongPassphrase):
        store.unlock_staff("first staff pass")
    again = store.unlock_staff("second staff pass")
    assert store.load(store.unlock_as_staff(family.household_id, again)) == marked_plan()


def test_a_different_staff_key_cannot_open_shared_households(store: Store) -> None:
    from prepkit.store import StaffKey

    store.set_staff_passphrase("staff pass")
    family = store.create_household(marked_plan(), PASS)
    store.grant_consent(family)
    private, public = crypto.new_keypair()
    with pytest.raises(WrongPassphrase):
        store.unlock_as_staff(family.household_id, StaffKey(private, public))


# --- PDFs and the copies log -----------------------------------------------------------------


def test_pdfs_and_copies_round_trip(store: Store, clock: Clock) -> None:
    session = store.create_household(marked_plan(), PASS)
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 40
    first = store.put_pdf(session, "caregiver_packet", "pt_BR+en", pdf)
    clock.advance(1)
    second = store.put_pdf(session, "wallet_card", "ar", b"%PDF small")
    infos = store.list_pdfs(session)
    assert [(i.id, i.document, i.language, i.size) for i in infos] == [
        (second, "wallet_card", "ar", 10),
        (first, "caregiver_packet", "pt_BR+en", len(pdf)),
    ]
    assert store.get_pdf(session, first) == pdf
    store.delete_pdf(session, second)
    assert [i.id for i in store.list_pdfs(session)] == [first]
    with pytest.raises(KeyError):
        store.get_pdf(session, second)

    store.log_copy(session, "caregiver_packet", "pt_BR+en", "print", "Tía Rosa (caregiver)")
    clock.advance(1)
    store.log_copy(session, "wallet_card", "ar", "export", "")
    records = store.copies(session)
    assert [(r.document, r.action, r.for_whom) for r in records] == [
        ("caregiver_packet", "print", "Tía Rosa (caregiver)"),
        ("wallet_card", "export", ""),
    ]
    other = store.create_household(Plan(), PASS)
    assert store.list_pdfs(other) == [] and store.copies(other) == []
    with pytest.raises(KeyError):
        store.get_pdf(other, first)


@pytest.mark.parametrize(
    ("document", "language", "action"),
    [
        ("Maria Lopez", "en", "print"),  # clear columns take identifiers, not names
        ("family_plan", "klingon", "print"),
        ("family_plan", "en", "gave it to Maria"),
    ],
)
def test_clear_columns_refuse_free_text(
    store: Store, document: str, language: str, action: str
) -> None:
    session = store.create_household(Plan(), PASS)
    with pytest.raises(ValueError):
        store.log_copy(session, document, language, action, "")
    if action == "print":
        with pytest.raises(ValueError):
            store.put_pdf(session, document, language, b"%PDF")


# --- property: any text survives the trip ----------------------------------------------------

_text = st.text(max_size=40)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    return Plan(
        parents=draw(st.lists(st.builds(Parent, name=_text, best_hours=_text), max_size=3)),
        children=draw(st.lists(st.builds(Child, legal_name=_text, called_name=_text), max_size=3)),
        contacts=draw(st.lists(st.builds(Contact, name=_text, relationship=_text), max_size=3)),
        caregivers=draw(st.lists(st.builds(Caregiver, name=_text, address=_text), max_size=2)),
        code_word=draw(_text),
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=plans(), edit=plans())
def test_any_plan_round_trips(store: Store, plan: Plan, edit: Plan) -> None:
    session = store.create_household(plan, PASS)
    assert store.load(store.unlock(session.household_id, PASS)) == plan
    store.save(session, edit)
    assert store.load(session) == edit


def test_store_module_uses_sqlite_only_through_one_file(store: Store, db_path: Path) -> None:
    # No side files besides SQLite's own WAL: no lock files, no temp copies left behind.
    store.create_household(marked_plan(), PASS)
    names = {p.name for p in db_path.parent.iterdir()}
    assert names <= {db_path.name, db_path.name + "-wal"}
    assert sqlite3.sqlite_version_info >= (3, 35)


def test_withdrawn_consent_leaves_no_staff_copy_of_the_key(store: Store, db_path: Path) -> None:
    store.set_staff_passphrase("staff pass")
    family = store.create_household(marked_plan(), PASS)
    store.grant_consent(family)
    (wrapped,) = store._conn.execute(
        "SELECT blob FROM household_keys WHERE holder = 'staff'"
    ).fetchone()
    store.withdraw_consent(family)
    assert bytes(wrapped)[:32] not in raw_bytes(db_path)
    assert store.load(family) == marked_plan()  # the family's own key is untouched


def test_weak_staff_kdf_is_raised_on_unlock(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.set_staff_passphrase("staff pass")
    family = store.create_household(marked_plan(), PASS)
    store.grant_consent(family)
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.KdfParams(time_cost=2, memory_kib=32))
    store.unlock_staff("staff pass")
    (kdf,) = store._conn.execute("SELECT kdf FROM staff_key").fetchone()
    assert crypto.KdfParams.from_json(json.loads(kdf)).memory_kib == 32
    staff = store.unlock_staff("staff pass")
    assert store.load(store.unlock_as_staff(family.household_id, staff)) == marked_plan()


def test_resume_hint_lives_in_the_data_file_and_holds_only_small_values(tmp_path: Path) -> None:
    path = tmp_path / "hint.sqlite3"
    with Store.open(path) as store:
        assert store.ui_state() == {}
        store.set_ui_state({"household_id": "abc", "step": "children", "base_pt": 14})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hint.sqlite3"]
    with Store.open(path) as store:
        assert store.ui_state() == {"household_id": "abc", "step": "children", "base_pt": 14}
        with pytest.raises(ValueError):
            store.set_ui_state({"x": "y" * 5000})


def test_deleting_a_household_forgets_it_in_the_resume_hint(tmp_path: Path) -> None:
    with Store.open(tmp_path / "hint.sqlite3") as store:
        session = store.create_household(Plan(), "pass one")
        other = store.create_household(Plan(), "pass two")
        store.set_ui_state({"household_id": session.household_id, "step": "children"})
        store.delete_household(other.household_id)
        assert store.ui_state()["household_id"] == session.household_id
        store.delete_household(session.household_id)
        assert store.ui_state() == {}


def test_a_plan_longer_than_a_plan_file_may_be_still_opens(tmp_path: Path) -> None:
    """Import limits guard against hostile files; a family's own long notes must reopen."""
    from prepkit import exchange

    plan = Plan(code_word="x" * (exchange.MAX_STRING + 10),
                contacts=[Contact(name=str(i)) for i in range(exchange.MAX_ITEMS + 5)])
    with Store.open(tmp_path / "long.sqlite3") as store:
        session = store.create_household(plan, "pass one")
    with Store.open(tmp_path / "long.sqlite3") as store:
        assert store.load(store.unlock(session.household_id, "pass one")) == plan
