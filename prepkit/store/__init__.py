"""The only module that talks to SQLite: one encrypted file holding every household's plan.

Everything a person typed is encrypted (AES-256-GCM) under a random per-household data key; the
data key is stored only wrapped: under a key derived from the family's passphrase (Argon2id,
parameters and salt stored with it) and, only if the family consents, to the school staff's
X25519 public key.  Clear columns hold ids, timestamps, flags, document kinds, language codes.

API (every method may raise a ``StoreError``; see ``prepkit.store.errors``)::

    Store.open(path, *, create=True, clock=utc_now, revision_interval=60.0, max_revisions=50)
        -> Store                     # also a context manager; close() checkpoints and releases
    store.create_household(plan, passphrase, *, kiosk=False) -> Session
    store.unlock(household_id, passphrase) -> Session          # WrongPassphrase
    store.unlock_as_staff(household_id, staff_key) -> Session  # read-only; NotShared
    store.load(session) -> Plan
    store.save(session, plan) -> Change       # one transaction; identical content writes nothing
    store.history(session) -> list[Revision]  # newest first; one slot per revision_interval
    store.load_revision(session, n) -> Plan   # an earlier version, to look at
    store.restore(session, n) -> Plan         # undo: n becomes newest; what it replaces is kept
    store.list_households() -> list[HouseholdInfo]   # no personal data, nothing unlocked
    store.delete_household(household_id)      # rows deleted and scrubbed from file and WAL
    store.change_passphrase(session, new_passphrase)
    store.purge_stale_kiosk_households(older_than_days, now=None) -> list[str]
    store.has_staff_key() -> bool
    store.set_staff_passphrase(passphrase, *, current=None)  # first run; later pass current
    store.unlock_staff(passphrase) -> StaffKey
    store.grant_consent(session) / store.withdraw_consent(session)   # family sessions only
    store.consented_households() -> list[HouseholdInfo]
    store.kiosk_households() -> list[HouseholdInfo]
    store.search_cards(staff_key) -> list[SearchCard]   # names only, for the counselor's search
    store.kiosk_settings() -> dict[str, int] / store.set_kiosk_settings(settings)  # staff's
    store.put_pdf(session, document, language, pdf) -> pdf_id
    store.get_pdf(session, pdf_id) -> bytes / store.list_pdfs(session) -> list[PdfInfo]
    store.delete_pdf(session, pdf_id)
    store.log_copy(session, document, language, action, for_whom) -> copy_id
    store.copies(session) -> list[CopyRecord]
    store.backup(dest_path) -> Path           # consistent copy that opens and unlocks alike
    session.forget()                          # drop the data key; later use raises SessionLocked

``document`` is a document-kind identifier (``school_letter``), ``language`` a language code of
``prepkit.i18n`` (``es`` or bilingual ``es+en``), ``action`` one of print / reprint / export:
these stay in clear, so they accept nothing that could be a name.  ``for_whom`` is encrypted.

A Store belongs to one thread (SQLite's check_same_thread) and holds the file exclusively: a
second prepkit, or a second ``Store.open`` of the same file, gets ``AlreadyOpen``.  Do not open
the data file by any other means in a process that has it open (``shutil.copy``, ``open()``): on
POSIX, closing any descriptor of a file drops every lock the process holds on it, SQLite's
included.  Copy it with ``backup()``.  Kiosk households never store the plan's private section.

Durability: WAL with synchronous=NORMAL.  A killed process loses nothing that ``save`` returned;
a power cut may lose the last few saves, never the file's consistency.  Deleting a household,
changing a passphrase and withdrawing consent are followed by a WAL checkpoint (TRUNCATE) with
secure_delete on, so the deleted ciphertext and wrapped keys are gone from the file and its WAL
(what the file system or an SSD keeps of old blocks is beyond SQLite's reach: use disk encryption).
"""

from prepkit.store.cards import SearchCard
from prepkit.store.core import Store
from prepkit.store.errors import (
    AlreadyOpen,
    CannotCreate,
    CannotReadCopy,
    CannotWrite,
    DamagedCopy,
    DamagedFile,
    DiskFullAtOpen,
    FileMissing,
    HouseholdNotFound,
    NewerVersion,
    NoStaffKey,
    NotAPrepkitFile,
    NotShared,
    ReadOnlySession,
    SameFile,
    SessionLocked,
    StaffKeyExists,
    StoreError,
    StoreFull,
    WrongPassphrase,
)
from prepkit.store.records import (
    Change,
    CopyRecord,
    HouseholdInfo,
    PdfInfo,
    Revision,
    Session,
    StaffKey,
)

__all__ = [
    "AlreadyOpen",
    "CannotCreate",
    "CannotReadCopy",
    "CannotWrite",
    "Change",
    "CopyRecord",
    "DamagedCopy",
    "DamagedFile",
    "DiskFullAtOpen",
    "FileMissing",
    "HouseholdInfo",
    "HouseholdNotFound",
    "NewerVersion",
    "NoStaffKey",
    "NotAPrepkitFile",
    "NotShared",
    "PdfInfo",
    "ReadOnlySession",
    "Revision",
    "SameFile",
    "SearchCard",
    "Session",
    "SessionLocked",
    "StaffKey",
    "StaffKeyExists",
    "Store",
    "StoreError",
    "StoreFull",
    "WrongPassphrase",
]
