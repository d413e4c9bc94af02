"""Rendered PDFs and the log of copies handed out, both encrypted under the household key.

Only what a kind of document and a language code are stays in clear (the counselor's lists need
them without unlocking); the PDF bytes and the "for whom" of a copy, which may be a name, are
sealed.  Staff (read-only) sessions may store PDFs and log copies: printing is what they are for.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from prepkit import crypto, i18n
from prepkit.store.base import StoreBase, aad
from prepkit.store.errors import DamagedFile
from prepkit.store.records import CopyRecord, PdfInfo, Session

#: Clear-text columns must not become a place for names: they only take identifiers.
ACTIONS = frozenset({"print", "reprint", "export"})
_DOCUMENT = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _check_labels(document: str, language: str) -> None:
    if not _DOCUMENT.fullmatch(document):
        raise ValueError("document must be a document-kind identifier like 'school_letter'")
    for code in language.split("+"):  # bilingual copies: "es+en"
        i18n.language(code)  # UnknownLanguage (a ValueError) for anything else


class DocumentsMixin(StoreBase):
    def put_pdf(self, session: Session, document: str, language: str, pdf: bytes) -> str:
        """Keep a rendered PDF (encrypted); returns its id."""
        _check_labels(document, language)
        key = session.key
        self._household_row(session.household_id)
        pdf_id = secrets.token_hex(8)
        blob = crypto.seal(key, pdf, aad("pdf", session.household_id, pdf_id, document, language))
        with self._write() as conn:
            conn.execute(
                "INSERT INTO pdfs (id, household_id, document, language, created, size, blob)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (pdf_id, session.household_id, document, language, self._now(), len(pdf), blob),
            )
        return pdf_id

    def get_pdf(self, session: Session, pdf_id: str) -> bytes:
        key = session.key
        with self._read() as conn:
            row = conn.execute(
                "SELECT document, language, blob FROM pdfs WHERE id = ? AND household_id = ?",
                (pdf_id, session.household_id),
            ).fetchone()
        if row is None:
            raise KeyError(pdf_id)
        associated = aad("pdf", session.household_id, pdf_id, row[0], row[1])
        try:
            return crypto.unseal(key, bytes(row[2]), associated)
        except crypto.DecryptionError:
            raise DamagedFile() from None

    def list_pdfs(self, session: Session) -> list[PdfInfo]:
        """This household's PDFs, newest first."""
        session.key  # noqa: B018 - a forgotten session lists nothing
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, document, language, created, size FROM pdfs"
                " WHERE household_id = ? ORDER BY created DESC, rowid DESC",
                (session.household_id,),
            ).fetchall()
        return [PdfInfo(r[0], r[1], r[2], datetime.fromisoformat(r[3]), r[4]) for r in rows]

    def delete_pdf(self, session: Session, pdf_id: str) -> None:
        session.key  # noqa: B018
        with self._write() as conn:
            conn.execute(
                "DELETE FROM pdfs WHERE id = ? AND household_id = ?",
                (pdf_id, session.household_id),
            )
        self._scrub()

    def log_copy(
        self, session: Session, document: str, language: str, action: str, for_whom: str
    ) -> str:
        """Record a copy printed or exported, for the distribution list; returns its id."""
        _check_labels(document, language)
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {sorted(ACTIONS)}")
        key = session.key
        self._household_row(session.household_id)
        copy_id = secrets.token_hex(8)
        blob = crypto.seal(
            key, for_whom.encode("utf-8"), aad("copy", session.household_id, copy_id)
        )
        with self._write() as conn:
            conn.execute(
                "INSERT INTO copies (id, household_id, at, document, language, action, for_whom)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (copy_id, session.household_id, self._now(), document, language, action, blob),
            )
        return copy_id

    def copies(self, session: Session) -> list[CopyRecord]:
        """Every copy logged for this household, oldest first."""
        key = session.key
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, at, document, language, action, for_whom FROM copies"
                " WHERE household_id = ? ORDER BY at, rowid",
                (session.household_id,),
            ).fetchall()
        records = []
        for r in rows:
            try:
                whom = crypto.unseal(key, bytes(r[5]), aad("copy", session.household_id, r[0]))
            except crypto.DecryptionError:
                raise DamagedFile() from None
            records.append(
                CopyRecord(r[0], datetime.fromisoformat(r[1]), r[2], r[3], r[4], whom.decode())
            )
        return records
