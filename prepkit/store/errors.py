"""What can go wrong with the data file, in words a parent understands.

Every error carries an ``i18n.Message`` so the interface can show it in the family's language and
the command line in its own; ``str(error)`` renders it in the interface language.  None of them
ever carries personal data: they are safe to log.
"""

from __future__ import annotations

from prepkit.i18n import N_, Message


class StoreError(Exception):
    """Base class: ``message`` is what to show."""

    msgid = N_("Something went wrong with the plan file.")

    def __init__(self, message: Message | None = None) -> None:
        self.message = message or Message(self.msgid)
        super().__init__(self.message.msgid)

    def __str__(self) -> str:
        return self.message.render()


class WrongPassphrase(StoreError):
    msgid = N_("That passphrase does not open this plan. Please check it and try again.")


class NotAPrepkitFile(StoreError):
    msgid = N_("This file is not a prepkit plan file. Nothing in it was changed.")


class FileMissing(StoreError):
    msgid = N_("There is no prepkit plan file here.")


class DamagedFile(StoreError):
    msgid = N_(
        "The plan file is damaged and cannot be opened. Nothing in it was changed. "
        "If you have a backup copy, open that instead."
    )


class NewerVersion(StoreError):
    msgid = N_("This plan file was made by a newer version of prepkit. Please update prepkit.")


class AlreadyOpen(StoreError):
    msgid = N_(
        "The plan file is already open in another prepkit window. Close it there, then try again."
    )


class StoreFull(StoreError):
    msgid = N_(
        "The computer's disk is full, so the last change was not saved. Everything saved before "
        "is safe. Free some space, then try again."
    )


class CannotCreate(StoreError):
    msgid = N_(
        "prepkit could not make its plan file on this computer: the disk may be full, or "
        "prepkit may not be allowed to write in that folder. Nothing was saved. Free some "
        "space or ask for help, then try again."
    )


class DiskFullAtOpen(StoreError):
    msgid = N_(
        "The computer's disk is full, so prepkit cannot open the plan file. Nothing in it was "
        "changed. Free some space, then try again."
    )


class CannotReadCopy(StoreError):
    msgid = N_("prepkit cannot read this backup copy. The data file was not changed.")


class DamagedCopy(StoreError):
    msgid = N_(
        "This backup copy is damaged or incomplete, so it cannot be put back. The data file "
        "was not changed."
    )


class SameFile(StoreError):
    msgid = N_("That is the data file itself, not a backup copy of it. Choose the backup copy.")


class CannotWrite(StoreError):
    msgid = N_(
        "prepkit is not allowed to change this plan file. If it is on a USB stick, check that "
        "the stick is not locked."
    )


class ReadOnlySession(StoreError):
    msgid = N_("This plan is open for reading and printing only. Only the family can change it.")


class HouseholdNotFound(StoreError):
    msgid = N_("This plan is no longer in the file. It may have been deleted.")


class NotShared(StoreError):
    msgid = N_("This family has not agreed to share their plan with the school.")


class NoStaffKey(StoreError):
    msgid = N_("The school has not set up a staff passphrase on this computer yet.")


class StaffKeyExists(StoreError):
    msgid = N_("A staff passphrase is already set up. Enter the current one to change it.")


class SessionLocked(StoreError):
    msgid = N_("This plan has been locked. Enter the passphrase again to continue.")
